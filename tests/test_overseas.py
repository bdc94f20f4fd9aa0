"""Questions about the overseas collectivités (Nouvelle-Calédonie, Polynésie française,
Wallis-et-Futuna, Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin).

Protects what issue 16 found broken: « à Nouméa » found no place and the answer listed a lieu
16,000 km away. A commune of a collectivité is found like any other, « en Nouvelle-Calédonie »
names the territory as « dans le Var » names the département.
"""

from __future__ import annotations

import pytest

from knowledge.gazetteer import default_gazetteer
from knowledge.parser import Parser


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(default_gazetteer())


@pytest.mark.parametrize(("text", "kind", "code"), [
    ("aide pour mes démarches CAF à Nouméa", "commune", "98818"),
    ("atelier informatique à Dumbéa", "commune", "98805"),
    ("qui peut m'aider avec mon smartphone à Païta ?", "commune", "98821"),
    ("faire mon CV a kone", "commune", "98811"),
    ("apprendre l'ordinateur à Lifou", "commune", "98814"),
    ("aide caf noumea", "commune", "98818"),
    ("aide caf 98800", "commune", "98818"),
    ("aide CAF au Mont-Dore", "commune", "98817"),
    ("cours d'informatique à Papeete", "commune", "98735"),
    ("imprimer un document à Saint-Barthélemy", "commune", "97701"),
    ("atelier numérique à Saint-Martin", "commune", "97801"),
    ("démarches en ligne en Nouvelle-Calédonie", "departement", "988"),
    ("démarches en Calédonie", "departement", "988"),
    ("aide caf dans le 988", "departement", "988"),
    ("créer mon entreprise en Polynésie française", "departement", "987"),
    ("aide impôts à Wallis", "departement", "986"),
    ("démarches à Saint-Pierre-et-Miquelon", "departement", "975"),
])
def test_overseas_places(parser: Parser, text: str, kind: str, code: str) -> None:
    place = parser.parse(text).place
    assert place is not None, text
    assert (place.kind, place.code) == (kind, code), text
    assert place.lat is not None and place.lon is not None


def test_an_overseas_name_is_no_common_word(parser: Parser) -> None:
    """Maré, Alo, Rapa, Huahine… are communes now: ordinary sentences keep no place."""
    for text in ("j'en ai mare des arnaques sur internet", "alo j'ai besoin d'aide pour la caf",
                 "comment gerer mes mots de passe, je suis humaine pas robot", "rapa des photos sur mon ordi"):
        assert parser.parse(text).place is None, text
