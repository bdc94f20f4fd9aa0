"""Any text at all gets a well-formed `ask` answer: nothing a user types may crash the bot.

Protects `Understanding.ask_json` against arbitrary Unicode (emoji, right-to-left scripts,
zero-width and control characters, combining marks, compatibility forms), pathological inputs
(one 10,000-letter word, thousands of prepositions or numbers) and over-long questions, which are
cut to the input bound but still understood. Every answer holds the contract keys and is
serialisable as JSON.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.taxonomy import AUDIENCE_CODES, NEED_CODES
from knowledge.understanding import Understanding


def check_answer(answer: dict[str, Any], text: str) -> None:
    assert set(answer) == {"text", "query", "results", "elapsed_ms"}
    assert answer["text"] == text
    query = answer["query"]
    assert set(query) == {"needs", "audiences", "place"}
    assert set(query["needs"]) <= set(NEED_CODES)
    assert len(query["needs"]) == len(set(query["needs"]))
    assert set(query["audiences"]) <= set(AUDIENCE_CODES)
    place = query["place"]
    assert place is None or (place["kind"] in {"commune", "departement"} and isinstance(place["code"], str))
    assert isinstance(answer["results"], list) and len(answer["results"]) <= 5
    for hit in answer["results"]:
        assert isinstance(hit["lieu_id"], str)
        assert hit["distance_km"] is None or math.isfinite(hit["distance_km"])
    assert math.isfinite(answer["elapsed_ms"]) and answer["elapsed_ms"] >= 0
    encoded = json.dumps(answer, ensure_ascii=False, allow_nan=False)
    assert json.loads(encoded)["text"] == text


SPECIAL = (
    "😀🙂👍🏽👨‍👩‍👧🇫🇷"  # emoji, skin tone, ZWJ family, flag
    "مرحبا שלום"  # right-to-left
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202e\u2066"  # zero-width, direction marks and overrides
    "\x00\x01\x07\x08\x1b\x7f\x85\t\r\n\x0b\x0c"  # control characters
    "e\u0301\u0308\u0327"  # combining marks
    "ｆｕｌｌ８３３００²³ﬁ𝔇Ⅻ"  # compatibility forms
    "àéèêëîïôöùûüçœæÀÉÇŒ'’«»-–—…"  # French
    "Draguignan CAF impôts cv ds le 13 à vers près de Saint St Ste (83) 13015 e ans "
)


texts = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=2000),
    st.text(st.sampled_from(SPECIAL), max_size=2000),
    st.lists(st.sampled_from([*SPECIAL.split(), "\u200b", "😀", "\x00", "à", "13", "Marseille"]),
             max_size=400).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_gets_a_contract_answer(understanding: Understanding, text: str) -> None:
    check_answer(understanding.ask_json(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "\n", "\x00", "\ufeff", "\u200b" * 3000, "😀" * 3000, "a" * 10_000, "à " * 5000,
        "13 " * 3000, "Saint " * 2000, "dans le " * 1000, "((((((((((", "83300" * 1000,
        "\u202eDraguignan CAF", "Dra\u200bguignan", "caf à Dra\u0301guignan", "١٣٠١٥", "Ⅻ arrondissement de Paris",
    ],
    ids=lambda t: repr(t[:20]),
)
def test_pathological_inputs(understanding: Understanding, text: str) -> None:
    check_answer(understanding.ask_json(text), text)


def test_ten_thousand_characters_are_truncated_but_understood(understanding: Understanding) -> None:
    question = "Bonjour, qui peut m'aider à faire mes démarches CAF à Draguignan ? "
    text = question + "Merci d'avance pour votre réponse rapide. " * 240
    assert len(text) >= 10_000
    query = understanding.parse(text)
    assert query.truncated is True
    answer = understanding.ask_json(text)
    check_answer(answer, text)
    assert answer["query"]["needs"][0] == "demarches"
    assert answer["query"]["place"]["code"] == "83050"
    assert answer["results"][0]["insee"] == "83050"


def test_compatibility_forms_fold_to_plain_text(understanding: Understanding) -> None:
    """Full-width digits (some phone keyboards) are a postal code like any other."""
    answer = understanding.ask_json("aide caf vers ８３３００")
    assert answer["query"]["place"]["code"] == "83050"
