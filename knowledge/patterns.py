"""Matching the lexicon's word patterns against a question's tokens.

Patterns are compiled once through the same normalisation as the questions (fold, SMS forms,
stems), indexed by their first word, and matched left to right allowing a couple of stop words
between their words, so each question costs a few dictionary lookups per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Generic, NamedTuple, TypeVar

from knowledge.lexicon_fr import SMS
from knowledge.textnorm import ALL_STOP_WORDS, fold, stem

Payload = TypeVar("Payload")

#: Grammatical words dropped from patterns: the gap rule lets any of them stand in the question.
_OPTIONAL: Final = frozenset({"de", "d", "du", "des", "a", "au", "aux", "l", "la", "le", "les", "un", "une",
                              "en", "pour", "sur", "et", "avec", "par", "dans", "ne", "n"})
MAX_GAP: Final = 2
_MEMO_SIZE: Final = 50_000


class Token(NamedTuple):
    """One word of a question: folded, stemmed, and what its spelling told (capital, punctuation).

    A named tuple rather than a frozen dataclass: a 2,000-character question makes hundreds."""

    word: str
    stem: str
    capital: bool = False
    boundary_before: bool = False
    in_parentheses: bool = False


def expand_sms(words: Iterable[str]) -> list[str]:
    """Replace chat forms (« pr », « qqn », « ordi ») by the words they stand for."""
    out: list[str] = []
    for word in words:
        replacement = SMS.get(word)
        if replacement is None:
            out.append(word)
        elif replacement:
            out.extend(replacement.split())
    return out


_ENDINGS: Final = frozenset({"s", "x", "e", "es"})


@dataclass(frozen=True, slots=True)
class _Element:
    text: str
    prefix: bool
    stem: str = ""
    exact: bool = False

    def matches(self, token: Token) -> bool:
        if self.prefix:
            return token.word.startswith(self.text)
        if token.word == self.text:
            return True
        if self.exact:
            return False
        # Stems meet inflections (« lettres », « postule ») but short stems collide
        # (« compta »/« compte »): short words only take plural and feminine endings.
        if len(self.text) >= 7:
            # Same stem and nearly the same spelling: « postule » meets « postuler », but
            # « restaurant » does not meet « restaurateur », nor « robot » « robotique ».
            return token.stem == self.stem and token.word.startswith(self.text[:len(self.text) - 2])
        ending = token.word[len(self.text):]
        # Very short words take a plural only: « fac » must not meet « face ».
        return token.word.startswith(self.text) and (ending == "s" if len(self.text) <= 3 else ending in _ENDINGS)


class Match(NamedTuple, Generic[Payload]):
    """A pattern found in the tokens: half-open span [start, end), its size and payload."""

    start: int
    end: int
    size: int
    payload: Payload
    pattern: str
    #: Letters the pattern spells out: « photocop* » is more specific than « photo* ».
    letters: int = 0

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the match shares a token with [start, end)."""
        return self.start < end and start < self.end


def compile_pattern(pattern: str) -> tuple[_Element, ...]:
    """Elements of a pattern: folded, SMS-expanded, stemmed; optional grammatical words dropped."""
    raw = pattern.split()
    elements: list[_Element] = []
    for piece in raw:
        prefix = piece.endswith("*")
        exact = piece.endswith("!")
        words = expand_sms(fold(piece.rstrip("*!")).split())
        for index, word in enumerate(words):
            is_prefix = prefix and index == len(words) - 1
            elements.append(_Element(word, is_prefix, stem(word), exact and index == len(words) - 1))
    kept = tuple(e for e in elements if e.prefix or e.exact or e.text not in _OPTIONAL)
    # « en creation » must keep its « en »: never collapse a phrase into one common word.
    return kept if len(kept) > 1 or len(elements) == 1 else tuple(elements)


@dataclass(frozen=True, slots=True)
class _Entry(Generic[Payload]):
    elements: tuple[_Element, ...]
    pattern: str
    payload: Payload
    #: First three letters of the later elements: a question lacking one cannot match.
    needed: frozenset[str]
    letters: int


class _Candidates(NamedTuple, Generic[Payload]):
    """The patterns a word opens, and which of them may go on after it.

    « on », « mon », « ai » open hundreds of patterns (« on m'a dit… », « mon fils… »): trying each
    at every such word of a long message cost more than the rest of the parse. The later ones are
    filed by the first letters (three at most) of their second element, which any token matching
    that element starts with, so only those whose second element can be among the next
    `MAX_GAP + 1` tokens are tried."""

    entries: list[_Entry[Payload]]
    #: Indexes (into `entries`) of one-element patterns: always a match.
    single: tuple[int, ...]
    #: Indexes of longer patterns by the first letters of their second element.
    by_next: dict[str, tuple[int, ...]]


class PatternSet(Generic[Payload]):
    """A set of patterns with payloads, matched greedily (longest first, no overlaps)."""

    def __init__(self, entries: Iterable[tuple[str, Payload]]) -> None:
        self._exact: dict[str, list[_Entry[Payload]]] = {}
        #: Patterns opening with a prefix (« imprim* »), by its first three letters (all of them
        #: when shorter), with their rank among the set's patterns to keep the order of the list.
        self._prefix: dict[str, list[tuple[int, _Entry[Payload]]]] = {}
        self.vocabulary: set[str] = set()
        #: Candidates by folded word (a token's stem is a function of its word).
        self._memo: dict[str, _Candidates[Payload]] = {}
        for rank, (pattern, payload) in enumerate(entries):
            elements = compile_pattern(pattern)
            if not elements:
                continue
            needed = frozenset(e.text[:3] for e in elements[1:] if len(e.text) >= 3)
            entry = _Entry(elements, pattern, payload, needed, sum(len(e.text) for e in elements))
            if elements[0].prefix:
                self._prefix.setdefault(elements[0].text[:3], []).append((rank, entry))
            else:
                self._exact.setdefault(elements[0].stem, []).append(entry)
            self.vocabulary.update(w for w in fold(pattern.replace("*", "").replace("!", "")).split() if len(w) >= 4)
        # Stop words are in every message and open the most patterns (« on », « mon »): their
        # candidates are filed now rather than during someone's first question.
        for word in sorted(ALL_STOP_WORDS):
            self._candidates(Token(word, stem(word)))

    def _candidates(self, token: Token) -> _Candidates[Payload]:
        """Patterns whose first element matches the token, memoised per word (its stem follows
        from it): words recur from question to question, patterns never change."""
        key = token.word
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        found = [entry for entry in self._exact.get(token.stem, ()) if entry.elements[0].matches(token)]
        word = token.word
        prefixed = [pair for key in {word[:3], word[:2], word[:1]} for pair in self._prefix.get(key, ())
                    if word.startswith(pair[1].elements[0].text)]
        found.extend(entry for _, entry in sorted(prefixed, key=lambda pair: pair[0]))
        single = tuple(i for i, entry in enumerate(found) if len(entry.elements) == 1)
        by_next: dict[str, list[int]] = {}
        for i, entry in enumerate(found):
            if len(entry.elements) > 1:
                by_next.setdefault(entry.elements[1].text[:3], []).append(i)
        cached = _Candidates(found, single, {k: tuple(v) for k, v in by_next.items()})
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = cached
        return cached

    def find_all(self, tokens: Sequence[Token]) -> list[Match[Payload]]:
        """Every match of every pattern, overlapping ones included.

        Most tokens of a long message open no pattern: one memo lookup each, and the set of
        word beginnings is only built once a token opens one."""
        out: list[Match[Payload]] = []
        memo = self._memo
        present: set[str] | None = None
        for start, token in enumerate(tokens):
            found = memo.get(token.word)
            if found is None:
                found = self._candidates(token)
            if not found.entries:
                continue
            indexes: Sequence[int] = found.single
            if found.by_next:
                following: set[str] = set()
                for after in tokens[start + 1:start + 2 + MAX_GAP]:
                    word = after.word
                    following.update((word[:3], word[:2], word[:1]))
                going_on = [i for key in following for i in found.by_next.get(key, ())]
                if going_on:
                    indexes = sorted({*found.single, *going_on})
            if not indexes:
                continue
            if present is None:
                present = {t.word[:3] for t in tokens}
            for index in indexes:
                entry = found.entries[index]
                if entry.needed and not entry.needed <= present:
                    continue
                size = len(entry.elements)
                end = start + 1 if size == 1 else _match_from(entry.elements, tokens, start)
                if end is not None:
                    out.append(Match(start, end, size, entry.payload, entry.pattern, entry.letters))
        return out

    def find(self, tokens: Sequence[Token], blocked: Sequence[tuple[int, int]] = ()) -> list[Match[Payload]]:
        """Non-overlapping matches, the longest patterns first, avoiding `blocked` spans."""
        return select_matches(self.find_all(tokens), blocked)


def select_matches(matches: Sequence[Match[Payload]], blocked: Sequence[tuple[int, int]] = ()
                   ) -> list[Match[Payload]]:
    """Keep non-overlapping matches, the longest patterns first, avoiding `blocked` spans."""
    chosen: list[Match[Payload]] = []
    taken: list[tuple[int, int]] = list(blocked)
    kept_patterns: set[tuple[int, int, str]] = set()
    for match in sorted(matches, key=lambda m: (-m.size, m.start - m.end, -m.letters, m.start)):
        # The same words listed under two payloads (« réseaux sociaux »: culture and parentality)
        # count for both.
        same = (match.start, match.end, match.pattern) in kept_patterns
        if not same and any(match.overlaps(a, b) for a, b in taken):
            continue
        chosen.append(match)
        taken.append((match.start, match.end))
        kept_patterns.add((match.start, match.end, match.pattern))
    return sorted(chosen, key=lambda m: m.start)


def _match_from(elements: tuple[_Element, ...], tokens: Sequence[Token], start: int) -> int | None:
    """End (exclusive) of a match of `elements` beginning at `start` (whose first element is
    known to match), or None. Skipped stop words never cross punctuation (« ma bourse, je suis
    étudiant » is not « bourse étudiante »)."""
    position = start + 1
    if len(elements) == 1:
        return position
    for element in elements[1:]:
        gap = 0
        while position < len(tokens) and not element.matches(tokens[position]):
            if gap >= MAX_GAP or tokens[position].word not in ALL_STOP_WORDS or tokens[position].boundary_before:
                return None
            gap += 1
            position += 1
        if position >= len(tokens) or (gap and tokens[position].boundary_before):
            return None
        position += 1
    return position
