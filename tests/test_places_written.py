"""Places as French writes them, over the whole gazetteer: elision and contraction (« près d'Issoire »,
« près du Havre », « aux Mureaux », « à l'Isle-sur-la-Sorgue », « dans les Hautes-Alpes », « en
Corse-du-Sud ») for every commune and every département, and a commune written alone in the last
clause, without a preposition (« utiliser une tablette, Privas », « imprimer, Cognac »).

Every sentence is generated from the gazetteer itself, each commune with the article its name takes,
so a name that the tokenizer or the place finder misreads (« Lados » unglued into « l'ados »,
« Eu » taken for a stop word) fails here whatever its size. The commune expected is the one the
gazetteer gives for the name alone (a short form means the large commune people use it for: « La
Londe » is La Londe-les-Maures), so what is tested is the writing, not the choice between namesakes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from knowledge.gazetteer import Commune, Gazetteer, default_gazetteer
from knowledge.parser import Parser
from knowledge.query import Place
from knowledge.textnorm import ALL_STOP_WORDS, fold

VOWELS = frozenset("aeiouyhâàéèêëîïôûœ")
#: Départements by the article their name takes (the rest are feminine: « dans la Drôme », « en Drôme »).
MASCULINE = frozenset({"01", "03", "12", "14", "15", "18", "25", "28", "29", "30", "32", "34", "39", "41", "45", "46",
                       "47", "49", "56", "59", "62", "63", "67", "68", "69", "81", "82", "83", "84", "90", "94", "95"})
PLURAL = frozenset({"04", "05", "06", "08", "13", "22", "40", "64", "65", "66", "78", "79", "88", "92"})
OVERSEAS = {"971": ("en Guadeloupe",), "972": ("en Martinique",), "973": ("en Guyane",),
            "974": ("à La Réunion", "à la Réunion"), "976": ("à Mayotte",)}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def parser(gazetteer: Gazetteer) -> Parser:
    return Parser(gazetteer)


def commune_phrase(commune: Commune) -> str:
    """How a sentence says « at » or « near » the commune, with its article contracted or elided;
    one of the two forms, chosen by the INSEE code so both are used across the gazetteer."""
    name, near = commune.nom, not commune.insee[-1].isdigit() or int(commune.insee[-1]) % 2 == 0
    if name.startswith("Le "):
        return f"près du {name[3:]}" if near else f"au {name[3:]}"
    if name.startswith("Les "):
        return f"près des {name[4:]}" if near else f"aux {name[4:]}"
    if name.startswith(("La ", "L'")):
        return f"près de {name}" if near else f"à {name}"
    if name[0].lower() in VOWELS:
        return f"près d'{name}" if near else f"à {name}"
    return f"près de {name}" if near else f"à {name}"


def departement_phrases(code: str, name: str) -> tuple[str, ...]:
    """« dans le Var », « département du Var »; « dans les Landes »; « dans l'Ain », « en Isère »;
    « dans la Drôme », « en Drôme »; « à La Réunion »."""
    if code in OVERSEAS:
        return OVERSEAS[code]
    if code in PLURAL:
        return f"dans les {name}", f"département des {name}"
    if name[0].lower() in VOWELS:
        return f"dans l'{name}", f"en {name}"
    if code in MASCULINE:
        return f"dans le {name}", f"département du {name}"
    return f"dans la {name}", f"en {name}"


def expected_codes(gazetteer: Gazetteer, commune: Commune) -> set[str]:
    """The commune itself, or the one the gazetteer gives for its name alone (namesakes, short forms)."""
    match = gazetteer.names(fold(commune.nom).replace("-", " ").replace("'", " "))
    return {commune.insee, *(c.insee for c in (match.communes if match else ()))}


def communes(gazetteer: Gazetteer) -> Iterator[Commune]:
    """Every commune, less the official names with a parenthesis nobody writes (« Castillon (Canton
    de Lembeye) »)."""
    for commune in gazetteer.by_insee.values():
        if commune.type == "COM" and "(" not in commune.nom:
            yield commune


def departement_named_like(gazetteer: Gazetteer, commune: Commune) -> str | None:
    """The code of the département whose name the commune bears (« Aube », « La Creuse », « La Réunion »)."""
    names = {fold(d.nom).removeprefix("la "): code for code, d in gazetteer.departements.items()}
    return names.get(fold(commune.nom).removeprefix("la "))


def found(place: Place | None, codes: set[str], departement: str | None) -> bool:
    """The commune expected; or, for a commune named like a département (« Aube », « La Creuse »),
    that département, which the rule of DESIGN §2 prefers for a small namesake."""
    if place is None:
        return False
    if place.kind == "commune":
        return place.code in codes
    return departement is not None and place.code == departement


def test_every_commune_with_its_article_contracted_or_elided(parser: Parser, gazetteer: Gazetteer) -> None:
    missed = []
    total = 0
    for commune in communes(gazetteer):
        text = f"Je cherche un atelier informatique {commune_phrase(commune)}"
        total += 1
        departement = departement_named_like(gazetteer, commune)
        if not found(parser.parse(text).place, expected_codes(gazetteer, commune), departement):
            missed.append(text)
    assert total > 34_000
    assert not missed, f"{len(missed)} communes non trouvées, par exemple : {missed[:20]}"


@pytest.mark.parametrize(("text", "code"), [("Je cherche un atelier informatique près d'Issoire", "63178"),
                                            ("Je cherche un atelier informatique près du Havre", "76351"),
                                            ("Je cherche un atelier informatique au Havre", "76351"),
                                            ("Je cherche un atelier informatique à l'Isle-sur-la-Sorgue", "84054"),
                                            ("Je cherche un atelier informatique aux Mureaux", "78440"),
                                            ("Je cherche un atelier informatique près de Lados", "33216"),
                                            ("Je cherche un atelier informatique à Eu", "76255")])
def test_the_sentences_of_the_issue(parser: Parser, text: str, code: str) -> None:
    place = parser.parse(text).place
    assert place is not None and place.kind == "commune" and place.code == code


def test_every_departement_with_its_article(parser: Parser, gazetteer: Gazetteer) -> None:
    missed = []
    tested = 0
    for code, departement in gazetteer.departements.items():
        if code == "75" or (len(code) == 3 and code not in OVERSEAS):
            continue  # Paris is the commune; the collectivités have a test of their own
        for phrase in departement_phrases(code, departement.nom):
            for text in (f"Je cherche un atelier informatique {phrase}", f"ateliers numériques {phrase} ?"):
                tested += 1
                place = parser.parse(text).place
                if place is None or place.kind != "departement" or place.code != code:
                    missed.append((text, place))
    assert tested >= 380
    assert not missed, missed


def test_a_commune_alone_in_the_last_clause(parser: Parser, gazetteer: Gazetteer) -> None:
    """« utiliser une tablette, Privas » for every commune of 1,000 people or more whose name is
    not an ordinary word of the lexicon or a stop word (« Job », « Eu » need a preposition)."""
    lexicon = parser._lexicon_words  # the words the parser reads as needs
    missed = []
    tested = 0
    for commune in communes(gazetteer):
        words = fold(commune.nom).replace("-", " ").replace("'", " ").split()
        word = words[0]
        if commune.population < 1000 or (len(words) == 1 and (word in ALL_STOP_WORDS or word in lexicon or any(
                word[:size] in lexicon for size in range(4, len(word))))):
            continue
        departement = departement_named_like(gazetteer, commune)
        for template in ("utiliser une tablette, {}", "aide pour mon CV, {} ?"):
            text = template.format(commune.nom)
            tested += 1
            if not found(parser.parse(text).place, expected_codes(gazetteer, commune), departement):
                missed.append(text)
    assert tested > 17_000
    assert not missed, f"{len(missed)} communes non trouvées, par exemple : {missed[:20]}"


@pytest.mark.parametrize(("text", "code"), [("utiliser une tablette, Privas", "07186"), ("imprimer, Cognac", "16102"),
                                            ("imprimer, cognac", "16102"),
                                            ("mission locale, faire mon cv, Digne", "04070")])
def test_the_places_without_preposition_of_the_issue(parser: Parser, text: str, code: str) -> None:
    place = parser.parse(text).place
    assert place is not None and place.code == code


@pytest.mark.parametrize("text", ["imprimer, merci", "un cv, svp", "utiliser une tablette, stp",
                                  "faire mes papiers, aide", "un atelier pour les seniors, gratuit",
                                  "je voudrais une formation, demain", "Bonjour, merci"])
def test_a_common_word_in_the_last_clause_is_no_commune(parser: Parser, text: str) -> None:
    assert parser.parse(text).place is None
