"""Questions about the overseas collectivités (Nouvelle-Calédonie, Polynésie française,
Wallis-et-Futuna, Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin).

Protects what issue 16 found broken: « à Nouméa » found no place and the answer listed a lieu
16,000 km away. A commune of a collectivité is found like any other, « en Nouvelle-Calédonie »
names the territory as « dans le Var » names the département.
"""

from __future__ import annotations

import pytest

from knowledge.gazetteer import Commune, default_gazetteer
from knowledge.parser import Parser
from knowledge.search import LieuRecord, SearchIndex
from knowledge.understanding import Understanding


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


# ------------------------------------------------------------------ search: nothing from the other side of the world

def _lieu(lieu_id: str, commune: Commune, needs: tuple[str, ...] = ("demarches",)) -> LieuRecord:
    assert commune.point is not None
    return LieuRecord(id=lieu_id, name=f"Lieu {lieu_id}", commune=commune.nom, insee=commune.insee, dep=commune.dep,
                      needs=needs, audiences=frozenset(), points=(commune.point,), source="test")


@pytest.fixture(scope="module")
def metropole_only() -> Understanding:
    """A knowledge base of PACA lieux only, as the sample is."""
    gazetteer = default_gazetteer()
    records = [_lieu(f"paca-{n}", commune) for n, commune in enumerate(
        c for c in gazetteer.by_insee.values() if c.dep == "83" and c.point is not None and c.population > 20000)]
    return Understanding(Parser(gazetteer), SearchIndex(records), results=5)


@pytest.fixture(scope="module")
def with_noumea(metropole_only: Understanding) -> Understanding:
    gazetteer = default_gazetteer()
    records = [*metropole_only.index.records, _lieu("nc-0", gazetteer.by_insee["98818"]),
               _lieu("pf-0", gazetteer.by_insee["98735"])]
    return Understanding(metropole_only.parser, SearchIndex(records), results=5)


@pytest.mark.parametrize("text", ["aide pour mes démarches CAF à Nouméa", "démarches en ligne en Nouvelle-Calédonie",
                                  "aide caf à Fakarava"])
def test_no_lieu_from_the_other_side_of_the_world(metropole_only: Understanding, text: str) -> None:
    """A place with no lieu within reach gets no result and the answer says so, rather than a lieu
    of the Var 16,000 km away."""
    query = metropole_only.parse(text)
    result = metropole_only.search(query)
    assert result.hits == ()
    assert result.out_of_reach
    assert metropole_only.ask_json(text)["results"] == []


def test_a_lieu_of_noumea_answers_noumea(with_noumea: Understanding) -> None:
    answer = with_noumea.ask_json("aide pour mes démarches CAF à Nouméa")
    assert [r["lieu_id"] for r in answer["results"]] == ["nc-0"]
    assert answer["results"][0]["distance_km"] < 1


def test_the_territory_asked_gives_its_own_lieux(with_noumea: Understanding) -> None:
    answer = with_noumea.ask_json("démarches en ligne en Nouvelle-Calédonie")
    assert [r["lieu_id"] for r in answer["results"]] == ["nc-0"]


def test_a_commune_without_a_point_is_answered_from_its_collectivite(with_noumea: Understanding) -> None:
    """Fakarava (an atoll GeoNames lists no chef-lieu of) has no point: the lieux of Polynésie
    française answer, without a distance, and the answer says why."""
    query = with_noumea.parse("aide caf à Fakarava")
    assert query.place is not None and (query.place.code, query.place.lat) == ("98716", None)
    result = with_noumea.search(query)
    assert [hit.lieu_id for hit in result.hits] == ["pf-0"]
    assert result.unplaced and result.hits[0].distance_km is None
