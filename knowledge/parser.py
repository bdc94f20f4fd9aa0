"""Turn a French question into a `Query`: needs (ranked), audiences (only when said), place.

Cheap by construction: tokens are folded once (`knowledge.tokens`), the lexicon of
`knowledge.lexicon_fr` is matched through indexed patterns (`knowledge.patterns`), and the place is
found by exact lookups first (`knowledge.places`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz, process
from text_to_num import text2num

from knowledge.gazetteer import Gazetteer
from knowledge.lexicon_fr import (
    ACCOMPANIMENT,
    AGE_BLOCKERS,
    AGE_CUES,
    AGE_OBJECTS,
    AUDIENCE_BOOST,
    AUDIENCE_DEFAULT_NEEDS,
    AUDIENCE_NEEDS,
    AUDIENCES,
    BUSINESS_AUDIENCES,
    BUSINESS_CONTEXT_CUES,
    BUSINESS_EXACT,
    BUSINESS_WORDS,
    COMBOS,
    DECISIVE_WEIGHT,
    FIRST_PERSON,
    FIRST_PERSON_JOB_SEARCH,
    FOR_SOMEONE_ELSE,
    FOR_SOMEONE_ELSE_PHRASES,
    HELP_WORDS,
    JOB_SEARCH,
    JUST_STARTED,
    JUST_STARTED_MARK,
    LIBERAL,
    LIEU_WORDS,
    MIN_NEED_SCORE,
    NEED_COMBOS,
    NEEDS,
    NEUTRAL,
    NOT_AUDIENCES,
    NOT_STARTS,
    OWN_ACCOUNT,
    OWN_ACCOUNT_MARK,
    RECENT_UNITS,
    START_INFINITIVE_MARK,
    START_INFINITIVES,
    STATUS_NEED_CUES,
    STATUS_NEED_WEIGHT,
    TRADES,
    WEAK_AUDIENCES,
    WISHES,
)
from knowledge.patterns import Match, PatternSet, Token, select_matches
from knowledge.places import PlaceFinder, word_list
from knowledge.query import Query
from knowledge.taxonomy import AUDIENCE_CODES, NEED_CODES
from knowledge.textnorm import ALL_STOP_WORDS, fold, stem
from knowledge.tokens import tokenize

_WARM_UP: Final = (
    "qui peut aider un créateur d'entreprise à faire son site près de Draguignan ?",
    "jsuis au chomage, qqn pr m'aider a faire mon cv ds le 13 svp", "Bonjour !",
    "impots en ligne vers 04200", "atelier controle parental a Lyon 7e", "ordinatuer pas cher a Malijay",
)


@dataclass(frozen=True, slots=True)
class _NeedHit:
    need: str | None
    weight: float


@dataclass(frozen=True, slots=True)
class _AudienceHit:
    audience: str | None
    pattern: str


class Parser:
    """The French question parser; one per process, built over the gazetteer."""

    def __init__(self, gazetteer: Gazetteer, max_input_chars: int = 2000) -> None:
        self.gazetteer = gazetteer
        self.max_input_chars = max_input_chars
        self._needs: PatternSet[_NeedHit] = PatternSet(
            [(p, _NeedHit(code, w)) for code, entries in NEEDS.items() for p, w in entries]
            + [(p, _NeedHit(None, 0.0)) for p in NEUTRAL]
        )
        self._others: PatternSet[_AudienceHit | str] = PatternSet(
            [(p, _AudienceHit(code, p)) for code, entries in AUDIENCES.items() for p in entries]
            + [(p, _AudienceHit(None, p)) for p in NOT_AUDIENCES]
            + [(p, _AudienceHit(FIRST_PERSON_JOB_SEARCH, p)) for p in JOB_SEARCH]
            + [(p, _AudienceHit(JUST_STARTED_MARK, p)) for p in JUST_STARTED]
            + [(p, _AudienceHit(OWN_ACCOUNT_MARK, p)) for p in OWN_ACCOUNT]
            + [(p, _AudienceHit(FOR_SOMEONE_ELSE, p)) for p in FOR_SOMEONE_ELSE_PHRASES]

            + [(p, p) for p in LIEU_WORDS]
        )
        self._trades: PatternSet[str] = PatternSet((trade, trade) for trade in (*TRADES, *LIBERAL))
        #: Apart from the audiences: « je viens d'ouvrir mon agence » must keep its own match.
        self._starts: PatternSet[str] = PatternSet(
            [(start, START_INFINITIVE_MARK) for start in START_INFINITIVES] + [(p, "") for p in NOT_STARTS])
        self._modes: PatternSet[str] = PatternSet(
            (pattern, mode) for mode, patterns in ACCOMPANIMENT.items() for pattern in patterns)
        self._lexicon_words = frozenset(
            w for entries in NEEDS.values() for p, _ in entries for w in fold(p.replace("*", "")).split()
        ) | frozenset(w for p in NEUTRAL for w in p.split()) | frozenset(
            w for entries in AUDIENCES.values() for p in entries
            for w in fold(p.replace("*", "").replace("!", "")).split() if len(w) >= 3)
        self._places = PlaceFinder(gazetteer, self._lexicon_words)
        self._real_words = word_list("mots-proches-lexique.txt")
        self._vocabulary: dict[tuple[str, int], list[str]] = {}
        for word in sorted(self._needs.vocabulary):
            self._vocabulary.setdefault((word[0], len(word)), []).append(word)

    def warm_up(self) -> None:
        """Fill the caches (stems, fuzzy buckets) before the first timed question."""
        for text in _WARM_UP:
            self.parse(text)

    # ------------------------------------------------------------------ entry point

    def bound(self, text: str) -> tuple[str, bool]:
        """The text cut to the input bound (at a word boundary), and whether it was cut."""
        if len(text) <= self.max_input_chars:
            return text, False
        cut = text[: self.max_input_chars]
        space = cut.rfind(" ")
        return (cut[:space] if space > self.max_input_chars // 2 else cut), True

    def parse(self, text: str) -> Query:
        """Understand one question."""
        text, truncated = self.bound(text)
        tokens = tokenize(text)
        need_matches = self._needs.find_all(tokens)
        strong = [(m.start, m.end) for m in need_matches if m.payload.weight >= 2.5 or m.payload.need is None]
        place, place_span = self._places.find(tokens, strong)
        blocked = [place_span] if place_span else []
        others = self._others.find_all(tokens)
        audiences = self._audiences_of(tokens, [m for m in others if isinstance(m.payload, _AudienceHit)], blocked)
        needs = self._rank_needs(select_matches(need_matches, blocked), audiences, tokens)
        if not needs:
            corrected = self._corrected(tokens, place_span)
            needs = self._rank_needs(self._needs.find(corrected, blocked), audiences, corrected)
        if not needs and self._asks_for_help(tokens):
            needs = tuple(dict.fromkeys(AUDIENCE_DEFAULT_NEEDS[a] for a in audiences if a in AUDIENCE_DEFAULT_NEEDS))
        lieu_words = tuple(m.payload for m in select_matches([m for m in others if isinstance(m.payload, str)],
                                                             blocked) if isinstance(m.payload, str))
        modes = tuple(sorted({m.payload for m in self._modes.find(tokens, blocked)}))
        return Query(needs=needs, audiences=audiences, place=place, lieu_words=lieu_words, modes=modes,
                     truncated=truncated)

    # ------------------------------------------------------------------ needs

    @staticmethod
    def _rank_needs(matches: Sequence[Match[_NeedHit]], audiences: Sequence[str] = (),
                    tokens: Sequence[Token] = ()) -> tuple[str, ...]:
        """Needs by score: the strongest cue of each need plus a quarter of its other cues, so
        that many generic words (« ordinateur », « logiciel ») do not outweigh one precise one
        (« musique »); the audience said can tip the balance (« mes enfants » → parentalité).
        For someone who runs or starts a business, social networks, videos or Canva are about the
        business, and the words saying what they are (« artisan ») are no longer a need."""
        weights: dict[str, list[float]] = {}
        first: dict[str, int] = {}
        business = not BUSINESS_AUDIENCES.isdisjoint(audiences)
        for match in matches:
            need = match.payload.need
            if need is None:
                continue
            weight = match.payload.weight
            if business and match.pattern in BUSINESS_CONTEXT_CUES:
                need = "entreprise"
            elif business and match.pattern in STATUS_NEED_CUES:
                weight = min(weight, STATUS_NEED_WEIGHT)
            weights.setdefault(need, []).append(weight)
            first.setdefault(need, match.start)
        patterns = {m.pattern for m in matches}
        for devices, cues, need, weight in NEED_COMBOS:
            if patterns.intersection(cues) and any(t.word.startswith(devices) for t in tokens):
                weights.setdefault(need, []).append(weight)
                first.setdefault(need, len(tokens))
        scores = {n: max(w) + 0.25 * (sum(w) - max(w)) for n, w in weights.items()}
        for audience, need in AUDIENCE_NEEDS.items():
            if audience in audiences and need in scores:
                decided = [scores[n] for n, w in weights.items()
                           if n != need and max(w) >= DECISIVE_WEIGHT > max(weights[need])]
                scores[need] = min(scores[need] + AUDIENCE_BOOST, min(decided, default=math.inf) - 0.01)
        ranked = sorted(scores, key=lambda n: (-scores[n], first[n], NEED_CODES.index(n)))
        return tuple(n for n in ranked if scores[n] >= MIN_NEED_SCORE)

    def _corrected(self, tokens: Sequence[Token], place_span: tuple[int, int] | None) -> list[Token]:
        """Tokens with likely typos replaced by the closest lexicon word (« ordinatuer »)."""
        out: list[Token] = []
        budget = 40
        for index, token in enumerate(tokens):
            word = token.word
            in_place = place_span is not None and place_span[0] <= index < place_span[1]
            if (budget > 0 and not in_place and len(word) >= 5 and not word.isdigit()
                    and word not in self._lexicon_words and word not in ALL_STOP_WORDS
                    and word not in self._real_words):
                budget -= 1
                best = self.closest_lexicon_word(word)
                if best is not None:
                    out.append(Token(best, stem(best), token.capital, token.boundary_before))
                    continue
            out.append(token)
        return out

    def closest_lexicon_word(self, word: str) -> str | None:
        """The lexicon word a misspelt `word` most likely stands for, among words of the same
        initial and a similar length."""
        bucket = [w for size in range(len(word) - 2, len(word) + 3) for w in self._vocabulary.get((word[0], size), ())]
        best = process.extractOne(word, bucket, scorer=fuzz.ratio, score_cutoff=86)
        return None if best is None else str(best[0])

    @staticmethod
    def _asks_for_help(tokens: Sequence[Token]) -> bool:
        """Whether the text asks for something (« comment… », « une aide… », « en ligne »)."""
        return any(t.word in HELP_WORDS for t in tokens)

    # ------------------------------------------------------------------ audiences

    def _audiences_of(self, tokens: Sequence[Token], matches: Sequence[Match[_AudienceHit | str]],
                      blocked: list[tuple[int, int]]) -> tuple[str, ...]:
        found: set[str] = set()
        weak: list[tuple[str, frozenset[str]]] = []
        first_person = just_started = own_account = False
        for match in select_matches(matches, blocked):
            assert isinstance(match.payload, _AudienceHit)
            audience = match.payload.audience
            if audience == FIRST_PERSON_JOB_SEARCH:
                # « je voudrais retrouver un emploi », not « retrouver un emploi : … je … ».
                first_person = first_person or any(t.word in FIRST_PERSON for t in tokens[:match.start])
                continue
            if audience == JUST_STARTED_MARK:
                just_started = True
                continue
            if audience == OWN_ACCOUNT_MARK:
                own_account = True
                continue
            if audience is None:
                continue
            rule = WEAK_AUDIENCES.get(match.payload.pattern)
            if rule:
                weak.append(rule)
            else:
                found.add(audience)
        found.update(self._ages(tokens, blocked))
        words = {t.word for index, t in enumerate(tokens) if not any(a <= index < b for a, b in blocked)}
        if first_person:
            found.add("demandeurs-emploi")
        if any(t.word in WISHES for start in self._starts.find(tokens, blocked) if start.payload
               for t in tokens[max(0, start.start - 3):start.start]):
            found.add("createurs-entreprise")  # « je voudrais ouvrir un restaurant »
        just_started = just_started or self._recent_start(tokens)
        trades = self._trades.find(tokens, blocked)
        if just_started and (any(w.startswith(BUSINESS_WORDS) for w in words) or words & BUSINESS_EXACT or trades):
            found.add("createurs-entreprise")
        if own_account and "devenir" in words:
            found.add("createurs-entreprise")  # « devenir fleuriste à mon compte »
        elif own_account:
            weak.append(("tpe-pme", frozenset({"createurs-entreprise"})))
        for required, audience in COMBOS:
            if all(any(w.startswith(prefix) for w in words) for prefix in required):
                found.add(audience)
        for audience, beaten_by in weak:
            if not found & beaten_by:
                found.add(audience)
        return tuple(code for code in AUDIENCE_CODES if code in found)

    @staticmethod
    def _number_before(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
        """The number written just before `index` (« 70 », « soixante-dix », « dix huit ») and
        the index of its first word."""
        if index and tokens[index - 1].word.isdigit():
            return int(tokens[index - 1].word[:3]), index - 1
        for size in (4, 3, 2, 1):
            first = index - size
            if first < 0:
                continue
            try:
                return int(text2num(" ".join(t.word for t in tokens[first:index]), "fr")), first
            except ValueError:
                continue
        return None

    def _ages(self, tokens: Sequence[Token], blocked: list[tuple[int, int]]) -> set[str]:
        """Audiences told by an age: « j'ai 70 ans », « mon neveu a 19 ans », « ma fille de 8 ans »,
        « mon grand-père, 79 ans », « soixante-quinze ans » — not the age of a thing (« mon
        ordinateur a 5 ans ») nor a child's own (« j'ai 13 ans » asks for no family help)."""
        out: set[str] = set()
        for index in range(1, len(tokens)):
            if tokens[index].word != "ans" or any(a <= index < b for a, b in blocked):
                continue
            number = self._number_before(tokens, index)
            if number is None:
                continue
            age, first = number
            before = tokens[first - 1].word if first else ""
            context = [t.word for t in tokens[max(0, first - 3):first]]
            apposition = tokens[first].boundary_before or first == 0
            if (before not in AGE_CUES and not apposition) or set(context) & AGE_BLOCKERS:
                continue
            if before in {"a", "de"} and age < 30 and any(w.startswith(AGE_OBJECTS) for w in context):
                continue  # « mon ordinateur a 5 ans », not « mon premier smartphone à 74 ans »
            if 16 <= age <= 25:
                out.add("jeunes")
            elif 65 <= age <= 120:
                out.add("seniors")
            elif age < 16 and before not in {"ai", "as"}:
                out.add("familles")
        return out

    @staticmethod
    def _recent_start(tokens: Sequence[Token]) -> bool:
        """« depuis 3 jours », « il y a deux semaines », « depuis 2 mois »: a very recent start."""
        for index, token in enumerate(tokens):
            limit = RECENT_UNITS.get(token.word)
            if limit is None or index < 2:
                continue
            number = Parser._number_before(tokens, index)
            if number is None or number[0] > limit:
                continue
            first = number[1]
            words = [t.word for t in tokens[max(0, first - 2):first]]
            if words[-1:] == ["depuis"] or words == ["y", "a"]:
                return True
        return False

    # ------------------------------------------------------------------ place
