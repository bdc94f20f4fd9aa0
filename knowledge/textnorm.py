"""French text normalisation shared by the parser, the gazetteer and the search.

One `fold` for every comparison, so that « Saint-Rémy-de-Provence », « st remy de provence » and
« ST-RÉMY » meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import snowballstemmer
from stop_words import get_stop_words

_LIGATURES: Final = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_SAINTS: Final[dict[str, str]] = {"saint": "st", "sainte": "ste", "saints": "sts", "saintes": "stes"}
_NON_WORD: Final = re.compile(r"[^0-9a-z]+")


def _without_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


#: Latin letters with diacritics → without, precomputed: one `str.translate` instead of a Unicode
#: decomposition for the French names and questions folded at start-up (35,000 communes).
_LATIN: Final = str.maketrans({chr(cp): _without_marks(chr(cp)) for cp in range(0xC0, 0x250)
                               if _without_marks(chr(cp)) != chr(cp) and _without_marks(chr(cp)).isascii()})


def strip_accents(text: str) -> str:
    """Text without diacritics, ligatures spelled out (« cœur » → « coeur »)."""
    text = text.translate(_LIGATURES).translate(_LATIN)
    return text if text.isascii() else _without_marks(text)


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes/hyphens/punctuation as spaces, « saint » → « st ».

    >>> fold("Saint-Rémy-de-Provence")
    'st remy de provence'
    >>> fold("L'Isle-sur-la-Sorgue")
    'l isle sur la sorgue'
    """
    words = _NON_WORD.split(strip_accents(text).lower())
    return " ".join(_SAINTS.get(word, word) for word in words if word)


def fold_word(word: str) -> str:
    """`fold` of one token, keeping it one token (no spaces)."""
    return fold(word).replace(" ", "")


_STEMMER: Final = snowballstemmer.stemmer("french")


@lru_cache(maxsize=32768)
def stem(word: str) -> str:
    """Snowball stem of a folded word: « createurs » and « createur » share « createur »."""
    if len(word) <= 3 or word.isdigit():
        return word
    result: str = _STEMMER.stemWord(word)
    return result


#: Words that must survive stop-word removal: negations, place prepositions and words the
#: lexicon reads (« pas cher », « près de », « sans emploi »).
_KEEP: Final[frozenset[str]] = frozenset(
    {"pas", "sans", "ni", "ne", "non", "a", "au", "aux", "vers", "sur", "pres", "dans", "en", "de", "du",
     "des", "la", "le", "les", "pour", "ma", "mon", "mes", "sa", "son", "ses", "je", "j", "suis", "ai",
     "petit", "peu", "plus", "moins", "seul", "tout", "faire", "une", "un"}
)


def _load_stop_words() -> frozenset[str]:
    words = {fold_word(w) for w in get_stop_words("fr")}
    return frozenset(w for w in words if w and w not in _KEEP)


#: French stop words (package `stop-words`), folded, minus the words in `_KEEP`.
STOP_WORDS: Final[frozenset[str]] = _load_stop_words()
#: Every folded French stop word, the kept ones included: never a place name on their own.
ALL_STOP_WORDS: Final[frozenset[str]] = frozenset(fold_word(w) for w in get_stop_words("fr")) - {""}
