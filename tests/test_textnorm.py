"""`knowledge.textnorm`: the one normalisation every comparison goes through.

Protects what the parser, the gazetteer and the search silently rely on: « Saint-Rémy », « st remy »
and « ST-RÉMY » fold to the same key, plural and singular meet on one stem, and stop-word removal
never eats a negation (« pas cher », « sans emploi ») or a place preposition (« vers », « à »).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.textnorm import ALL_STOP_WORDS, STOP_WORDS, fold, fold_word, stem, strip_accents


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Saint-Rémy-de-Provence", "st remy de provence"),
        ("ST-RÉMY-DE-PROVENCE", "st remy de provence"),
        ("st remy de provence", "st remy de provence"),
        ("Sainte-Maxime", "ste maxime"),
        ("Saintes-Maries-de-la-Mer", "stes maries de la mer"),
        ("L'Isle-sur-la-Sorgue", "l isle sur la sorgue"),
        ("L’Isle-sur-la-Sorgue", "l isle sur la sorgue"),  # typographic apostrophe
        ("aujourd’hui", "aujourd hui"),
        ("Œuvre du cœur", "oeuvre du coeur"),
        ("Lætitia", "laetitia"),
        ("Straße", "strasse"),
        ("Berre-l'Étang", "berre l etang"),
        ("  ÉCOLE !!  ", "ecole"),
        ("Impôts, CAF… et ANTS ?", "impots caf et ants"),
        ("« démarches »\t\n(CAF)", "demarches caf"),
        ("Ça côûte 10 €", "ca coute 10"),
        ("Toussaint", "toussaint"),  # « saint » inside a word stays
        ("", ""),
        ("!!! ... ???", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_spellings_of_one_commune_meet() -> None:
    spellings = ["Saint-Paul-de-Vence", "ST PAUL DE VENCE", "saint paul de vence", "St-Paul-de-Vence",
                 "Saint Paul-de-Vence"]
    assert len({fold(s) for s in spellings}) == 1


def test_fold_word_keeps_one_token() -> None:
    assert fold_word("Saint-Tropez") == "sttropez"
    assert fold_word("l'école") == "lecole"
    assert " " not in fold_word("Aix-en-Provence")


def test_strip_accents_keeps_case_and_spells_ligatures() -> None:
    assert strip_accents("Ça côûte") == "Ca coute"
    assert strip_accents("Œil") == "OEil"


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("createurs", "createur"), ("ordinateurs", "ordinateur"), ("demarches", "demarche"),
     ("tablettes", "tablette"), ("candidatures", "candidature"), ("arnaques", "arnaque"),
     ("imprimantes", "imprimante"), ("allocations", "allocation")],
)
def test_stem_meets_singular_and_plural(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)


@pytest.mark.parametrize("word", ["cv", "caf", "ia", "13015", "83300", "06"])
def test_stem_leaves_short_words_and_numbers(word: str) -> None:
    assert stem(word) == word


@pytest.mark.parametrize("word", ["pas", "sans", "ni", "ne", "vers", "sur", "a", "au", "dans", "en", "pour"])
def test_stop_words_never_hold_negations_or_place_prepositions(word: str) -> None:
    """They are French stop words (ALL_STOP_WORDS), but removal (STOP_WORDS) must keep them."""
    assert word in ALL_STOP_WORDS
    assert word not in STOP_WORDS


def test_stop_words_are_folded_and_drop_real_fillers() -> None:
    assert {"et", "ou", "mais", "nous"} <= STOP_WORDS
    assert STOP_WORDS <= ALL_STOP_WORDS
    assert all(w == fold_word(w) and w for w in ALL_STOP_WORDS)


_FOLDED = re.compile(r"^([0-9a-z]+( [0-9a-z]+)*)?$")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fold_is_idempotent_and_plain_ascii(text: str) -> None:
    folded = fold(text)
    assert _FOLDED.match(folded), folded
    assert fold(folded) == folded


def test_accompaniment_codes_of_both_wordings() -> None:
    """v1 and v0.1 wordings of `modalites_accompagnement` give the same codes."""
    from knowledge.taxonomy import accompaniment_of

    assert accompaniment_of("Dans un atelier collectif|Accompagnement individuel") == ["collectif", "individuel"]
    assert accompaniment_of("Avec de l'aide : je suis accompagné seul dans l'usage du numérique") == ["individuel"]
    assert accompaniment_of("Seul : j'ai accès à du matériel et une connexion") == ["autonomie"]
    assert accompaniment_of("En autonomie") == ["autonomie"]
    assert accompaniment_of("") == []
