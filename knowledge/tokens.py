"""Splitting a French question into tokens: folded, SMS-expanded, stemmed words, with what the
spelling told (a capital, punctuation before, parentheses around). Shared by the parser and the
place finder; pieces of text are cached because they recur from question to question."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from knowledge.lexicon_fr import AUDIENCES, NEEDS, NEUTRAL, SMS
from knowledge.patterns import Token, expand_sms
from knowledge.textnorm import ALL_STOP_WORDS, fold, stem

_PIECES: Final = re.compile(r"([\W_]*)([^\W_]+)", re.UNICODE)
_BOUNDARY: Final = re.compile(r"[.!?;:,()\[\]\n/|]")


def _lexicon_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every whole word and every word prefix (`imprim*`) the lexicon reads."""
    patterns = [p for entries in NEEDS.values() for p, _ in entries]
    patterns += [p for entries in AUDIENCES.values() for p in entries] + list(NEUTRAL) + list(SMS)
    words = {w for p in patterns for w in fold(p.replace("!", "")).split() if not w.endswith("*")}
    words |= {fold(p).replace(" ", "") for p in patterns if "*" not in p}
    prefixes = {w.rstrip("*") for p in patterns for w in p.split() if w.endswith("*") and len(w) >= 5}
    return frozenset(fold(w) for w in words if w), tuple(sorted(fold(p) for p in prefixes))


_KNOWN_WORDS, _KNOWN_PREFIXES = _lexicon_words()
_ELIDED: Final = frozenset("dljmnst")
_SAINT_ABBREVIATIONS: Final = frozenset({"S", "St", "Ste", "Sts", "Stes"})
_VOWELS: Final = frozenset("aeiouyh")


def _unglue(word: str) -> list[str]:
    """« dimprimer » → « d imprimer », « lordi » → « l ordi »: an apostrophe typed fast is lost, but
    the word behind it is one the lexicon knows."""
    if (len(word) >= 5 and word[0] in _ELIDED and word[1] in _VOWELS and word not in _KNOWN_WORDS
            and word not in ALL_STOP_WORDS):
        rest = word[1:]
        if (rest in _KNOWN_WORDS and len(rest) >= 4) or rest.startswith(_KNOWN_PREFIXES):
            return [word[0], rest]
    return [word]


@lru_cache(maxsize=32768)
def _piece_words(piece: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) pairs of one raw piece of text, cached: most pieces recur across questions."""
    # A capitalised word is a name, never glued: « Lados », « Selle », « Touvre ».
    words = fold(piece).split() if piece[:1].isupper() else [part for word in fold(piece).split()
                                                             for part in _unglue(word)]
    return tuple((word, stem(word)) for word in expand_sms(words))


def tokenize(text: str) -> list[Token]:
    """Folded, SMS-expanded, stemmed tokens, with capitals, punctuation boundaries and
    parentheses (« (69) ») noted."""
    pairs = _PIECES.findall(text)
    tail = text[text.rfind(pairs[-1][1]) + len(pairs[-1][1]):] if pairs else ""
    tokens: list[Token] = []
    append = tokens.append
    abbreviated = False
    for index, (between, piece) in enumerate(pairs):
        boundary = not tokens or (not between.isspace() and between != "" and _BOUNDARY.search(between) is not None)
        boundary = boundary and not abbreviated
        after = pairs[index + 1][0] if index + 1 < len(pairs) else tail
        # « S. Tropez », « St. Raphaël »: the full stop ends an abbreviation, not a sentence.
        abbreviated = piece in _SAINT_ABBREVIATIONS and after.strip() == "."
        if abbreviated:
            piece = "St" if piece == "S" else piece
        in_parentheses = between.endswith("(") and after.startswith(")")
        capital = piece[0].isupper()
        first = True
        for word, word_stem in _piece_words(piece):
            append(Token(word, word_stem, capital and first, boundary and first, in_parentheses))
            first = False
    return tokens
