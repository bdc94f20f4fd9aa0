"""`knowledge.patterns.PatternSet.find_all` against a plain reference: every pattern tried at every
token, as the matcher did before it filed patterns by their second element.

Protects the speed-up of long messages (issue 16): « on », « mon », « ai » open hundreds of the
lexicon's patterns, so the matcher only tries those whose second element can follow; it must find
exactly what trying them all finds, gaps of stop words and prefixes (« imprim* ») included.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.patterns import Match, PatternSet, Token, _match_from
from knowledge.tokens import tokenize

PATTERNS = [
    ("on m'a dit", "dit"), ("on a", "avoir"), ("on*", "on-prefix"), ("mon fils", "fils"), ("mon ordi*", "ordi"),
    ("mon compte ameli", "ameli"), ("ai besoin", "besoin"), ("imprim*", "imprimer"), ("carte grise", "grise"),
    ("cv", "cv"), ("mots de passe", "passe"), ("on peut m'aider", "aider"), ("ai un cv", "cv-long"),
    ("a la caf", "caf"), ("fils", "fils-seul"),
]
WORDS = ["on", "m", "a", "dit", "mon", "fils", "ordinateur", "ordi", "compte", "ameli", "ai", "besoin",
         "imprimer", "imprimante", "carte", "grise", "cv", "cvs", "mots", "de", "passe", "peut", "aider",
         "un", "la", "caf", "le", "et", "je", "nous"]


def reference(patterns: PatternSet[str], tokens: Sequence[Token]) -> list[Match[str]]:
    """Every entry whose first element matches, tried in order (the matcher before issue 16)."""
    out: list[Match[str]] = []
    present = {token.word[:3] for token in tokens}
    for start, token in enumerate(tokens):
        entries = [e for e in patterns._exact.get(token.stem, ()) if e.elements[0].matches(token)]
        entries += [e for _, e in sorted(pair for pairs in patterns._prefix.values() for pair in pairs)
                    if token.word.startswith(e.elements[0].text)]
        for entry in entries:
            if not entry.needed <= present:
                continue
            end = _match_from(entry.elements, tokens, start)
            if end is not None:
                out.append(Match(start, end, len(entry.elements), entry.payload, entry.pattern, entry.letters))
    return out


PATTERN_SET = PatternSet(PATTERNS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       st.lists(st.integers(0, 39), max_size=5))
def test_find_all_finds_what_trying_every_pattern_finds(words: list[str], commas: list[int]) -> None:
    text = " ".join(word + ("," if index in commas else "") for index, word in enumerate(words))
    tokens = tokenize(text)
    assert PATTERN_SET.find_all(tokens) == reference(PATTERN_SET, tokens)


def test_a_gap_of_stop_words_and_a_prefix_still_match() -> None:
    tokens = tokenize("on nous a dit que mon petit ordinateur et mon fils ont un cv")
    found = {(m.payload, m.start, m.end) for m in PATTERN_SET.find_all(tokens)}
    assert ("avoir", 0, 3) in found  # « on nous a »: one stop word skipped
    assert not any(payload == "ordi" for payload, _, _ in found)  # « petit » is no stop word
    assert ("fils", 9, 11) in found
    assert ("on-prefix", 0, 1) in found and ("on-prefix", 11, 12) in found  # « ont » opens « on* »
    assert PATTERN_SET.find_all(tokens) == reference(PATTERN_SET, tokens)


# ------------------------------------------------------------------ what keeps the first question fast

def test_stems_come_from_the_c_stemmer() -> None:
    """With PyStemmer installed, snowballstemmer stems in C (2 µs a word instead of 50: the words of
    a long message never seen before cost 10 ms in Python), with the same stems."""
    import snowballstemmer

    from knowledge.textnorm import stem

    assert type(snowballstemmer.stemmer("french")).__module__ == "Stemmer"
    assert [stem(w) for w in ("createurs", "createur", "imprimante", "demarches", "ordinateurs")] == \
        ["createur", "createur", "imprim", "demarch", "ordin"]


def test_the_index_is_frozen_out_of_the_garbage_collector(understanding: object) -> None:
    """The first full collection after start-up scanned the whole index during a question (130 ms at
    20,000 lieux); once built, the understanding's objects are frozen out of it."""
    import gc

    assert gc.get_freeze_count() > 100_000
