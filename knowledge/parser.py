"""Turn a French question into a `Query`: needs (ranked), audiences (only when said), place.

Cheap by construction: tokens are folded once, the lexicon is matched through indexed patterns, and
places are found by exact dictionary lookups of word n-grams (only n-grams that can still grow into
a commune name are tried); fuzzy matching runs only when nothing exact was found, on the few words
after a place preposition, against one bucket of the gazetteer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from rapidfuzz import fuzz, process

from knowledge.gazetteer import Commune, Gazetteer, NameMatch
from knowledge.lexicon_fr import (
    ACCOMPANIMENT,
    AGE_BLOCKERS,
    AGE_CUES,
    AUDIENCE_BOOST,
    AUDIENCE_NEEDS,
    AUDIENCES,
    BUSINESS_AUDIENCES,
    BUSINESS_EXACT,
    BUSINESS_WORDS,
    COMBOS,
    DEPARTEMENT_CUES,
    FIRST_PERSON,
    FIRST_PERSON_JOB_SEARCH,
    HELP_WORDS,
    JOB_SEARCH,
    JUST_STARTED,
    JUST_STARTED_MARK,
    LIEU_WORDS,
    MIN_NEED_SCORE,
    NEED_COMBOS,
    NEEDS,
    NEUTRAL,
    NOT_AUDIENCES,
    NOT_PLACES,
    PLACE_PREPOSITIONS,
    SMS,
    WEAK_AUDIENCES,
)
from knowledge.patterns import Match, PatternSet, Token, expand_sms, select_matches
from knowledge.query import Place, Query
from knowledge.taxonomy import AUDIENCE_CODES, NEED_CODES
from knowledge.textnorm import ALL_STOP_WORDS, fold, stem

_PIECES: Final = re.compile(r"([\W_]*)([^\W_]+)", re.UNICODE)
_BOUNDARY: Final = re.compile(r"[.!?;:,()\[\]\n/|]")
_ORDINAL: Final = re.compile(r"^(\d{1,2})(e|er|eme|em|ieme|ere|nd)?$")
_DEP_CODE: Final = re.compile(r"^(0?[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6])$")
_CITIES_WITH_ARRONDISSEMENTS: Final = ("paris", "lyon", "marseille")
_MAX_FUZZY_STARTS: Final = 6
_ARTICLES: Final = frozenset({"le", "la", "les", "l"})
#: « près de », « du côté de », « dans le coin de »: the next words are the place.
_AREA_WORDS: Final = frozenset({"pres", "cote", "autour", "proche", "region", "ville", "commune", "secteur",
                                "coin", "alentours", "environs", "agglomeration", "agglo", "bassin"})
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


@dataclass(slots=True)
class _PlaceCandidate:
    start: int
    end: int
    match: NameMatch | None
    score: float
    departement: str | None = None


def _word_list(name: str) -> frozenset[str]:
    """One of the word lists built by `scripts/build_common_words.py`."""
    lines = (resources.files("knowledge") / "data" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


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
    words = [part for word in fold(piece).split() for part in _unglue(word)]
    return tuple((word, stem(word)) for word in expand_sms(words))


def tokenize(text: str) -> list[Token]:
    """Folded, SMS-expanded, stemmed tokens, with capitals, punctuation boundaries and
    parentheses (« (69) ») noted."""
    pairs = _PIECES.findall(text)
    tail = text[text.rfind(pairs[-1][1]) + len(pairs[-1][1]):] if pairs else ""
    tokens: list[Token] = []
    append = tokens.append
    for index, (between, piece) in enumerate(pairs):
        boundary = not tokens or (not between.isspace() and between != "" and _BOUNDARY.search(between) is not None)
        after = pairs[index + 1][0] if index + 1 < len(pairs) else tail
        in_parentheses = between.endswith("(") and after.startswith(")")
        capital = piece[0].isupper()
        first = True
        for word, word_stem in _piece_words(piece):
            append(Token(word, word_stem, capital and first, boundary and first, in_parentheses))
            first = False
    return tokens


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
            + [(p, p) for p in LIEU_WORDS]
        )
        self._modes: PatternSet[str] = PatternSet(
            (pattern, mode) for mode, patterns in ACCOMPANIMENT.items() for pattern in patterns)
        self._lexicon_words = frozenset(
            w for entries in NEEDS.values() for p, _ in entries for w in fold(p.replace("*", "")).split()
        ) | frozenset(w for p in NEUTRAL for w in p.split())
        self._common_words = _word_list("communes-mots-courants.txt")
        self._lookalikes = _word_list("mots-proches-communes.txt")
        self._name_tables: tuple[dict[str, object], ...] = (
            gazetteer.by_name, gazetteer.by_article_free, gazetteer.by_short, gazetteer.departement_names)  # type: ignore[assignment]
        self._name_prefixes = self._build_prefixes()
        self._vocabulary: dict[tuple[str, int], list[str]] = {}
        for word in sorted(self._needs.vocabulary):
            self._vocabulary.setdefault((word[0], len(word)), []).append(word)

    def warm_up(self) -> None:
        """Fill the caches (stems, fuzzy buckets) before the first timed question."""
        for text in _WARM_UP:
            self.parse(text)

    def _build_prefixes(self) -> frozenset[str]:
        """Strict word prefixes of names that are not names themselves (« st martin de »), so
        n-grams stop growing as soon as no name can match; whole names are the gazetteer's keys."""
        tables = self._name_tables
        prefixes: set[str] = set()
        for table in tables:
            for name in table:
                words = name.split()
                for end in range(1, len(words)):
                    prefix = " ".join(words[:end])
                    if not any(prefix in t for t in tables):
                        prefixes.add(prefix)
        return frozenset(prefixes)

    def _may_name(self, text: str) -> bool:
        """Whether `text` is a name or the beginning of one."""
        return text in self._name_prefixes or any(text in table for table in self._name_tables)

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
        place, place_span = self._place(tokens, need_matches)
        blocked = [place_span] if place_span else []
        others = self._others.find_all(tokens)
        audiences = self._audiences_of(tokens, [m for m in others if isinstance(m.payload, _AudienceHit)], blocked)
        needs = self._rank_needs(select_matches(need_matches, blocked), audiences, tokens)
        if not needs:
            corrected = self._corrected(tokens, place_span)
            needs = self._rank_needs(self._needs.find(corrected, blocked), audiences, corrected)
        if not needs and any(a in BUSINESS_AUDIENCES for a in audiences) and self._asks_for_help(tokens):
            needs = ("entreprise",)
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
        (« musique »); the audience said can tip the balance (« mes enfants » → parentalité)."""
        weights: dict[str, list[float]] = {}
        first: dict[str, int] = {}
        for match in matches:
            need = match.payload.need
            if need is None:
                continue
            weights.setdefault(need, []).append(match.payload.weight)
            first.setdefault(need, match.start)
        patterns = {m.pattern for m in matches}
        for devices, cues, need, weight in NEED_COMBOS:
            if patterns.intersection(cues) and any(t.word.startswith(devices) for t in tokens):
                weights.setdefault(need, []).append(weight)
                first.setdefault(need, len(tokens))
        scores = {n: max(w) + 0.25 * (sum(w) - max(w)) for n, w in weights.items()}
        for audience, need in AUDIENCE_NEEDS.items():
            if audience in audiences and need in scores:
                scores[need] += AUDIENCE_BOOST
        ranked = sorted(scores, key=lambda n: (-scores[n], first[n], NEED_CODES.index(n)))
        return tuple(n for n in ranked if scores[n] >= MIN_NEED_SCORE)

    def _corrected(self, tokens: Sequence[Token], place_span: tuple[int, int] | None) -> list[Token]:
        """Tokens with likely typos replaced by the closest lexicon word (« ordinatuer »)."""
        vocabulary = self._vocabulary
        out: list[Token] = []
        budget = 40
        for index, token in enumerate(tokens):
            word = token.word
            in_place = place_span is not None and place_span[0] <= index < place_span[1]
            if (budget > 0 and not in_place and len(word) >= 5 and not word.isdigit()
                    and word not in self._lexicon_words and word not in ALL_STOP_WORDS):
                budget -= 1
                bucket = [w for size in range(len(word) - 2, len(word) + 3)
                          for w in vocabulary.get((word[0], size), ())]
                best = process.extractOne(word, bucket, scorer=fuzz.ratio, score_cutoff=86)
                if best is not None:
                    word = best[0]
                    out.append(Token(word, stem(word), token.capital, token.boundary_before))
                    continue
            out.append(token)
        return out

    @staticmethod
    def _asks_for_help(tokens: Sequence[Token]) -> bool:
        """Whether the text asks for something (« comment… », « une aide… », « en ligne »)."""
        return any(t.word in HELP_WORDS for t in tokens)

    # ------------------------------------------------------------------ audiences

    def _audiences_of(self, tokens: Sequence[Token], matches: Sequence[Match[_AudienceHit | str]],
                      blocked: list[tuple[int, int]]) -> tuple[str, ...]:
        found: set[str] = set()
        weak: list[tuple[str, frozenset[str]]] = []
        first_person = just_started = False
        for match in select_matches(matches, blocked):
            assert isinstance(match.payload, _AudienceHit)
            audience = match.payload.audience
            if audience == FIRST_PERSON_JOB_SEARCH:
                first_person = True
                continue
            if audience == JUST_STARTED_MARK:
                just_started = True
                continue
            if audience is None:
                continue
            rule = WEAK_AUDIENCES.get(match.payload.pattern)
            if rule:
                weak.append(rule)
            else:
                found.add(audience)
        found.update(self._ages(tokens, blocked))
        words = {t.word for t in tokens}
        if first_person and words & FIRST_PERSON:
            found.add("demandeurs-emploi")
        if just_started and (any(w.startswith(BUSINESS_WORDS) for w in words) or words & BUSINESS_EXACT):
            found.add("createurs-entreprise")
        for required, audience in COMBOS:
            if all(any(w.startswith(prefix) for w in words) for prefix in required):
                found.add(audience)
        for audience, beaten_by in weak:
            if not found & beaten_by:
                found.add(audience)
        return tuple(code for code in AUDIENCE_CODES if code in found)

    @staticmethod
    def _ages(tokens: Sequence[Token], blocked: list[tuple[int, int]]) -> set[str]:
        """Audiences told by an age: « j'ai 70 ans », « mon neveu a 19 ans », « ma fille de 8 ans »."""
        out: set[str] = set()
        for index in range(1, len(tokens) - 1):
            token = tokens[index]
            if not token.word.isdigit() or tokens[index + 1].word != "ans":
                continue
            if any(a <= index < b for a, b in blocked):
                continue
            before = tokens[index - 1].word
            context = {t.word for t in tokens[max(0, index - 3):index]}
            if before not in AGE_CUES or context & AGE_BLOCKERS:
                continue
            age = int(token.word)
            if 16 <= age <= 25:
                out.add("jeunes")
            elif 65 <= age <= 120:
                out.add("seniors")
            elif age < 16:
                out.add("familles")
        return out

    # ------------------------------------------------------------------ place

    def _place(self, tokens: Sequence[Token], need_matches: Sequence[Match[_NeedHit]]
               ) -> tuple[Place | None, tuple[int, int] | None]:
        postal = self._postal_codes(tokens)
        dep_code = self._departement_code(tokens)
        candidates = self._name_candidates(tokens, need_matches)
        candidates = [c for c in candidates
                      if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
                                 for o in candidates)]
        for candidate in candidates:
            if candidate.departement is not None and candidate.match is not None \
                    and self._means_departement(tokens, candidate):
                candidate.match = None
        named = [c for c in candidates if c.match is not None]
        dep_named = [c for c in candidates if c.departement is not None and c.match is None]
        best_dep = max(dep_named, key=lambda c: c.score, default=None)
        dep_hint = dep_code[0] if dep_code else (best_dep.departement if best_dep else None)
        best = max(named, key=lambda c: c.score, default=None)
        if best is not None and (best_dep is None or best.score >= best_dep.score
                                 or self._commune_in(best, best_dep.departement)):
            place = self._choose_commune(best, tokens, postal, dep_hint)
            if place is not None:
                return place, (best.start, best.end)
        if postal:
            index, communes = postal[0]
            commune = communes[0]
            return self._commune_place(commune, "postal", 0), (index, index + 1)
        if dep_code:
            code, index = dep_code
            return self._departement_place(code), (index, index + 1)
        if best_dep is not None and best_dep.departement is not None:
            return self._departement_place(best_dep.departement), (best_dep.start, best_dep.end)
        bare = self._bare_departement_code(tokens)
        if bare is not None:
            return self._departement_place(bare[0]), (bare[1], bare[1] + 1)
        fuzzy = self._fuzzy_candidate(tokens)
        if fuzzy is not None:
            place = self._choose_commune(fuzzy, tokens, postal, dep_hint)
            if place is not None:
                return place, (fuzzy.start, fuzzy.end)
        return None, None

    def _means_departement(self, tokens: Sequence[Token], candidate: _PlaceCandidate) -> bool:
        """« dans le Vaucluse », « en Isère » name the département; « à Vienne » the commune."""
        start = candidate.start
        previous = tokens[start - 1].word if start else ""
        before = tokens[start - 2].word if start >= 2 else ""
        if previous in {"en", "departement", "dept"} or (previous in {"le", "la", "les", "l"}
                                                          and before in {"dans", "ds", "sur", "pour", "departement"}):
            return True
        if previous in {"du", "des"} and before in {"departement", "dans", "ateliers", "atelier"}:
            return True
        assert candidate.match is not None
        population = candidate.match.communes[0].population
        return population < 2000 or (population < 10000 and previous not in {"a", "vers", "habite"})

    @staticmethod
    def _commune_in(candidate: _PlaceCandidate, departement: str | None) -> bool:
        return candidate.match is not None and any(c.dep == departement for c in candidate.match.communes)

    def _postal_codes(self, tokens: Sequence[Token]) -> list[tuple[int, tuple[Commune, ...]]]:
        found = []
        for index, token in enumerate(tokens):
            if len(token.word) == 5 and token.word.isdigit():
                communes = self.gazetteer.by_postal_code(token.word)
                if communes:
                    found.append((index, communes))
        return found

    def _departement_code(self, tokens: Sequence[Token]) -> tuple[str, int] | None:
        """« dans le 34 », « ds le 06 », « (69) », « département 83 »."""
        for index, token in enumerate(tokens):
            if not _DEP_CODE.match(token.word):
                continue
            previous = tokens[index - 1].word if index else ""
            following = tokens[index + 1].word if index + 1 < len(tokens) else ""
            if following in {"ans", "an", "km", "h", "heures", "euros", "e", "min"}:
                continue
            if token.in_parentheses or previous in DEPARTEMENT_CUES:
                departement = self.gazetteer.departement(token.word)
                if departement:
                    return departement.code, index
        return None

    def _bare_departement_code(self, tokens: Sequence[Token]) -> tuple[str, int] | None:
        """« aide impots 83 »: a département number closing a short keyword query."""
        if not tokens or len(tokens) > 12:
            return None
        index = len(tokens) - 1
        token = tokens[index]
        if not _DEP_CODE.match(token.word) or (index and tokens[index - 1].word.isdigit()):
            return None
        departement = self.gazetteer.departement(token.word)
        return (departement.code, index) if departement else None

    def _preposition_score(self, tokens: Sequence[Token], start: int) -> float:
        if start == 0:
            return 0.0
        previous = tokens[start - 1].word
        score = PLACE_PREPOSITIONS.get(previous, 0.0)
        if previous in {"de", "d"} and start >= 2 and tokens[start - 2].word in _AREA_WORDS:
            score = 3.0
        if previous in {"le", "la", "les", "l"} and start >= 2 and tokens[start - 2].word in {"dans", "sur", "vers"}:
            score = 2.5
        return score

    def _name_candidates(self, tokens: Sequence[Token], need_matches: Sequence[Match[_NeedHit]]
                         ) -> list[_PlaceCandidate]:
        out: list[_PlaceCandidate] = []
        words = [t.word for t in tokens]
        all_lower = not any(t.capital for t in tokens)
        strong_needs = [(m.start, m.end) for m in need_matches if m.payload.weight >= 2.5 or m.payload.need is None]
        for start in range(len(tokens)):
            if not self._may_name(words[start]):
                continue
            end = start + 1
            text = words[start]
            while True:
                if end > start + 1 and tokens[end - 1].boundary_before:
                    break
                match = self.gazetteer.names(text)
                departement = self.gazetteer.departement_by_name(text)
                if match or departement:
                    score = self._score_span(tokens, start, end, match, departement is not None, all_lower,
                                             strong_needs)
                    if score is not None:
                        out.append(_PlaceCandidate(start, end, match, score,
                                                   departement.code if departement else None))
                if end >= len(tokens):
                    break
                longer = f"{text} {words[end]}"
                if not self._may_name(longer):
                    break
                text = longer
                end += 1
        return out

    def _score_span(self, tokens: Sequence[Token], start: int, end: int, match: NameMatch | None,
                    is_departement: bool, all_lower: bool, strong_needs: list[tuple[int, int]]) -> float | None:
        """How likely the words [start, end) name the place asked about; None when they do not."""
        span = tokens[start:end]
        preposition = self._preposition_score(tokens, start)
        if is_departement and start:
            previous = tokens[start - 1].word
            if previous in {"en", "departement", "dept"} or (
                    previous in {"du", "de", "d"} and any(t.capital for t in tokens[start:end])):
                preposition = max(preposition, 2.5)
        capital = span[0].capital and not span[0].boundary_before
        single = end - start == 1
        word = span[0].word
        if single and (word in ALL_STOP_WORDS or len(word) < 2):
            return None
        bare = [t.word for t in span if t.word not in _ARTICLES]
        if not any(t.capital for t in span) and " ".join(bare) in NOT_PLACES:
            return None
        common = all(t.word in self._common_words or t.word in ALL_STOP_WORDS or t.word in self._lexicon_words
                     for t in span) or (single and is_departement and match is None)
        if common:
            strong_preposition = preposition >= 2.0
            named_words = [t for t in span if t.word not in _ARTICLES]
            proper_noun = not single and bool(named_words) and all(t.capital for t in named_words)
            capital_after_preposition = capital and preposition >= 1.5
            if not (strong_preposition and (capital or all_lower or preposition >= 3.0)) and not proper_noun \
                    and not capital_after_preposition \
                    and not self._place_evidence_after(tokens, start, end, match):
                return None
        inside_need = any(a <= start and end <= b for a, b in strong_needs)
        if inside_need and not (preposition >= 2.0 and (capital or all_lower)):
            return None
        score = preposition + (1.5 if capital or span[0].capital else 0.0) + 1.2 * (end - start)
        if match is not None:
            score += {"exact": 2.0, "article": 1.5, "short": 1.0, "fuzzy": 0.0}.get(match.how, 0.0)
            score += math.log10(max(match.communes[0].population, 1)) / 3
        if is_departement:
            score += 1.5
            if match is None or match.communes[0].population < 20000:
                score += 0.5
        if common:
            score -= 2.0
        return score

    def _place_evidence_after(self, tokens: Sequence[Token], start: int, end: int, match: NameMatch | None) -> bool:
        """A common word still names a place when what follows says so (« paris 11e », « Tours
        (37) », « orange vaucluse »), when it opens the message as a heading (« Riez : … »), or
        when it stands alone in its clause and names a large town."""
        following = tokens[end] if end < len(tokens) else None
        if following is not None and (following.in_parentheses or (not following.boundary_before and (
                _ORDINAL.match(following.word) or (len(following.word) == 5 and following.word.isdigit())))):
            return True
        if match is None:
            return False
        deps = {c.dep for c in match.communes}
        for size in range(1, 5):
            words = " ".join(t.word for t in tokens[end:end + size])
            departement = self.gazetteer.departement_by_name(words) if words else None
            if departement is not None and departement.code in deps:
                return True
        heading = start == 0 and (following is None or following.boundary_before)
        alone = tokens[start].boundary_before and (following is None or following.boundary_before)
        return heading or (alone and match.communes[0].population >= 20000) or (
            start == 0 and match.communes[0].population >= 50000)

    def _fuzzy_candidate(self, tokens: Sequence[Token]) -> _PlaceCandidate | None:
        """Misspelt commune names: the words after a place preposition, or capitalised words."""
        best: _PlaceCandidate | None = None
        starts: list[tuple[float, int]] = []
        for start in range(len(tokens)):
            preposition = self._preposition_score(tokens, start)
            capital = tokens[start].capital and not tokens[start].boundary_before
            if preposition < 1.5 and not capital and start != 0:
                continue
            word = tokens[start].word
            if word in ALL_STOP_WORDS or word in self._lexicon_words or word.isdigit():
                continue
            if word in self._common_words or word in NOT_PLACES or word in self._lookalikes:
                continue
            starts.append((preposition + (1.0 if capital else 0.0), start))
        for _, start in sorted(starts, reverse=True)[:_MAX_FUZZY_STARTS]:
            preposition = self._preposition_score(tokens, start)
            capital = tokens[start].capital and not tokens[start].boundary_before
            for end in range(start + 1, min(start + 5, len(tokens)) + 1):
                if end > start + 1 and (tokens[end - 1].boundary_before or tokens[end - 1].word.isdigit()):
                    break
                text = " ".join(t.word for t in tokens[start:end])
                if len(text) < 4:
                    continue
                match = self.gazetteer.fuzzy(text, 88.0 if len(text) < 7 else 85.0)
                if match is None:
                    continue
                score = preposition + (1.0 if capital else 0.0) + (end - start)
                if best is None or score > best.score:
                    best = _PlaceCandidate(start, end, match, score)
        return best

    def _choose_commune(self, candidate: _PlaceCandidate, tokens: Sequence[Token],
                        postal: list[tuple[int, tuple[Commune, ...]]], dep_hint: str | None) -> Place | None:
        if candidate.match is None:
            return None
        communes = candidate.match.communes
        if postal:
            codes = {c.insee for _, cs in postal for c in cs}
            with_code = [c for c in communes if c.insee in codes]
            if with_code:
                communes = tuple(with_code)
            arms = [c for _, cs in postal for c in cs if c.type == "ARM"]
            for arm in arms:
                if communes and fold(arm.nom).startswith(fold(communes[0].nom)):
                    return self._commune_place(arm, "postal", 0)
        if dep_hint:
            in_dep = [c for c in communes if c.dep == dep_hint]
            if in_dep:
                communes = tuple(in_dep)
        chosen = communes[0]
        arrondissement = self._arrondissement(chosen, tokens, candidate.end)
        if arrondissement is not None:
            return self._commune_place(arrondissement, "arrondissement", 0)
        homonyms = sum(1 for c in communes[1:] if fold(c.nom) == fold(chosen.nom))
        return self._commune_place(chosen, candidate.match.how, homonyms)

    def _arrondissement(self, commune: Commune, tokens: Sequence[Token], end: int) -> Commune | None:
        """« Lyon 7e », « paris 11e », « Marseille 3ème arrondissement », « 13e arrondissement de Marseille »."""
        city = fold(commune.nom)
        if city not in _CITIES_WITH_ARRONDISSEMENTS:
            return None
        if end < len(tokens):
            found = _ORDINAL.match(tokens[end].word)
            if found:
                return self.gazetteer.arrondissement(city, int(found.group(1)))
        for index, token in enumerate(tokens):
            if token.word.startswith("arrondissement") and index > 0:
                found = _ORDINAL.match(tokens[index - 1].word)
                if found:
                    return self.gazetteer.arrondissement(city, int(found.group(1)))
        return None

    def _commune_place(self, commune: Commune, how: str, alternatives: int) -> Place:
        return Place("commune", commune.insee, commune.nom, commune.lat, commune.lon, commune.dep, how,
                     alternatives)

    def _departement_place(self, code: str) -> Place:
        departement = self.gazetteer.departements[code]
        return Place("departement", code, departement.nom, departement.lat, departement.lon, code,
                     "departement")
