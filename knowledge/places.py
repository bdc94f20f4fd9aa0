"""Finding the place a French question names: a commune (by name, short form, misspelling or
postal code), a municipal arrondissement, or a département (by name or number).

Exact dictionary lookups of word n-grams first (only n-grams that can still grow into a name are
tried); a name that is also an ordinary word (« Tours », « Orange », « la maison ») needs a place
preposition, a capital or what follows to count; fuzzy matching runs only when nothing exact was
found, on the few words after a place preposition, against one small bucket of the gazetteer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

from knowledge.gazetteer import Commune, Gazetteer, NameMatch
from knowledge.lexicon_fr import DEPARTEMENT_CUES, NOT_PLACES, PLACE_PREPOSITIONS
from knowledge.patterns import Token
from knowledge.query import Place
from knowledge.textnorm import ALL_STOP_WORDS, fold

_ORDINAL: Final = re.compile(r"^(\d{1,2})(e|er|eme|em|ieme|ere|nd)?$")
_ROMAN: Final = re.compile(r"^([ivx]{1,5})(e|er|eme|em|ieme|ere)$")
_ROMAN_VALUES: Final = {"i": 1, "v": 5, "x": 10}
_DEP_CODE: Final = re.compile(r"^(0?[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-8]|98[678])$")
_CITIES_WITH_ARRONDISSEMENTS: Final = ("paris", "lyon", "marseille")
_MAX_FUZZY_STARTS: Final = 6
#: Score of a commune named with a capital after a place preposition: plainly the place asked about.
_WELL_NAMED: Final = 7.5
#: « au Puy » is « à Le Puy », « aux Mureaux » « à Les Mureaux ».
_CONTRACTED: Final = {"au": "le", "du": "le", "aux": "les", "des": "les"}
#: Little words inside compound names (« Hauts-de-Seine », « Mont de Marsan »).
_NAME_CONNECTORS: Final = frozenset({"de", "du", "des", "d", "sur", "sous", "en", "et", "les", "la", "le", "l",
                                     "lez", "aux", "au"})
_ARTICLES: Final = frozenset({"le", "la", "les", "l"})
#: Words before « a » that make it the verb avoir (« tout a changé »).
_SUBJECTS: Final = frozenset({"y", "il", "elle", "on", "tout", "qui", "ca", "cela", "rien", "personne", "ne", "n"})
#: « la médiathèque de Menton », « la mairie de Riez »: a lieu's name ends with its commune.
_LIEU_NOUNS: Final = frozenset({"mediatheque", "bibliotheque", "mairie", "epn", "services", "ccas", "cyberbase",
                                "cyber", "fablab", "mjc", "pimms", "prefecture", "sous", "cite", "maison", "espace",
                                "caf", "cpam", "agence", "antenne", "centre", "point", "poste", "gare", "hopital",
                                # « la maison de l'emploi de Salon », « le centre social de Sorgues »
                                "emploi", "social", "jeunes", "numerique", "quartier"})
#: « près de », « du côté de », « dans le coin de »: the next words are the place.
_AREA_WORDS: Final = frozenset({"pres", "cote", "autour", "proche", "region", "ville", "commune", "secteur",
                                "coin", "alentours", "environs", "agglomeration", "agglo", "bassin"})


def _ordinal_number(word: str) -> int | None:
    """« 18eme », « 3e », « XIIIe » → the number; None for a bare number or another word."""
    found = _ORDINAL.match(word)
    if found:
        return int(found.group(1)) if found.group(2) else None
    roman = _ROMAN.match(word)
    if roman is None:
        return None
    values = [_ROMAN_VALUES[ch] for ch in roman.group(1)]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@dataclass(slots=True)
class _PlaceCandidate:
    start: int
    end: int
    match: NameMatch | None
    score: float
    departement: str | None = None

    def communes_of(self) -> tuple[Commune, ...]:
        return self.match.communes if self.match is not None else ()


def word_list(name: str) -> frozenset[str]:
    """One of the word lists built by `scripts/build_common_words.py`."""
    lines = (resources.files("knowledge") / "data" / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class PlaceFinder:
    """The place of a question; one per process, built over the gazetteer."""

    def __init__(self, gazetteer: Gazetteer, lexicon_words: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self._lexicon_words = lexicon_words
        self._common_words = word_list("communes-mots-courants.txt")
        self._lookalikes = word_list("mots-proches-communes.txt")
        self._name_tables: tuple[dict[str, object], ...] = (
            gazetteer.by_name, gazetteer.by_article_free, gazetteer.by_short,  # type: ignore[assignment]
            gazetteer.departement_names)
        self._name_prefixes = self._build_prefixes()

    def _build_prefixes(self) -> frozenset[str]:
        """Every name and every word prefix of one (« st martin de »), so n-grams stop growing as
        soon as no name can match, with one set lookup."""
        prefixes: set[str] = set()
        for table in self._name_tables:
            for name in table:
                prefixes.add(name)
                words = name.split()
                for end in range(1, len(words)):
                    prefixes.add(" ".join(words[:end]))
        return frozenset(prefixes)

    def _may_name(self, text: str) -> bool:
        """Whether `text` is a name or the beginning of one."""
        return text in self._name_prefixes

    def find(self, tokens: Sequence[Token], strong_needs: list[tuple[int, int]]
             ) -> tuple[Place | None, tuple[int, int] | None]:
        """The place named and the span of its words; `strong_needs` are spans of need words
        that a place should not be read into (« en ligne »)."""
        postal = self._postal_codes(tokens)
        dep_code = self._departement_code(tokens)
        candidates = self._name_candidates(tokens, strong_needs)
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
        best = self._best_named(named, tokens, postal)
        if best is not None and dep_code is None:
            dep_code = self._departement_after(tokens, best)
            dep_hint = dep_code[0] if dep_code else dep_hint
        if best is not None and dep_code and not self._commune_in(best, dep_code[0]) \
                and not any(t.capital for t in tokens[best.start:best.end]):
            best = None  # « à prix solidaire dans le 13 »: the number says where, not the word.
        if best is not None and (best_dep is None or best.score >= best_dep.score
                                 or self._commune_in(best, best_dep.departement)):
            best = self._misspelt_reading(best, tokens)
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

    def _best_named(self, named: list[_PlaceCandidate], tokens: Sequence[Token],
                    postal: list[tuple[int, tuple[Commune, ...]]]) -> _PlaceCandidate | None:
        """The commune candidate the question is about, before any département is weighed."""
        best = max(named, key=lambda c: c.score, default=None)
        if best is None:
            return None
        if postal and not any(t.capital for t in tokens[best.start:best.end]) \
                and not {c.insee for _, cs in postal for c in cs} & {c.insee for c in best.communes_of()}:
            return None  # « tablette offerte a noel, des cours vers 59000 »: the postal code says where
        strong = [c for c in named if c.score >= _WELL_NAMED and not self._same_place(c, best)]
        if best.score >= _WELL_NAMED and strong and strong[-1].start > best.start:
            # Two towns said plainly (« j'habite à Aubagne mais je travaille à La Ciotat », « je suis
            # conseillère à Créteil, la famille vit à Bonneuil »): the help is wanted at the last
            # one, not at the most populous.
            return strong[-1]
        return best

    @staticmethod
    def _same_place(one: _PlaceCandidate, other: _PlaceCandidate | None) -> bool:
        return other is not None and one.match is not None and other.match is not None \
            and one.match.communes[0] == other.match.communes[0]

    def _means_departement(self, tokens: Sequence[Token], candidate: _PlaceCandidate) -> bool:
        """« dans le Vaucluse », « en Isère » name the département; « à Vienne » the commune."""
        start = candidate.start
        previous = tokens[start - 1].word if start else ""
        before = tokens[start - 2].word if start >= 2 else ""
        if tokens[candidate.start].word in _ARTICLES and previous in {"dans", "ds", "sur", "pour", "departement", "en",
                                                                        "de", "du", "des"}:
            return True
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
            heading = index == 0 and len(token.word) >= 2 and (
                following == "" or tokens[1].boundary_before or not following.isdigit())
            if token.in_parentheses or previous in DEPARTEMENT_CUES or heading:
                departement = self.gazetteer.departement(token.word)
                if departement:
                    return departement.code, index
        return None

    def _departement_after(self, tokens: Sequence[Token], candidate: _PlaceCandidate) -> tuple[str, int] | None:
        """« Valence 82 », « St Louis 68 »: a département number right after a commune it has."""
        if candidate.end >= len(tokens) or candidate.match is None:
            return None
        token = tokens[candidate.end]
        departement = self.gazetteer.departement(token.word) if _DEP_CODE.match(token.word) else None
        if departement is None or not self._commune_in(candidate, departement.code):
            return None
        return departement.code, candidate.end

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
        if previous == "a" and start >= 2 and tokens[start - 2].word in _SUBJECTS \
                and not tokens[start - 1].boundary_before and not (start >= 3 and tokens[start - 3].word == "t"):
            return 0.0  # « il y a mieux », « tout a changé »: the verb, not « à ».
        score = PLACE_PREPOSITIONS.get(previous, 0.0)
        if previous in {"de", "d", "du"} and start >= 2 and tokens[start - 2].word in _AREA_WORDS | _LIEU_NOUNS:
            score = 3.0
        if previous in {"le", "la", "les", "l"} and start >= 2 and tokens[start - 2].word in {"dans", "sur", "vers"}:
            score = 2.5
        return score

    def _name_candidates(self, tokens: Sequence[Token], strong_needs: list[tuple[int, int]]
                         ) -> list[_PlaceCandidate]:
        out: list[_PlaceCandidate] = []
        words = [t.word for t in tokens]
        all_lower = not any(t.capital for t in tokens)
        for start in range(len(tokens)):
            article = _CONTRACTED.get(words[start - 1]) if start else None
            if article is not None and not self._may_name(f"{article} {words[start]}"):
                article = None
            if article is None and not self._may_name(words[start]):
                continue
            end = start + 1
            text = words[start]
            while True:
                if end > start + 1 and tokens[end - 1].boundary_before:
                    break
                with_article = self.gazetteer.names(f"{article} {text}") if article is not None else None
                match = with_article or self.gazetteer.names(text)
                departement = self.gazetteer.departement_by_name(text)
                if match or departement:
                    score = self._score_span(tokens, start, end, match, departement is not None, all_lower,
                                             strong_needs, with_article is not None)
                    if score is not None:
                        out.append(_PlaceCandidate(start, end, match, score,
                                                   departement.code if departement else None))
                if end >= len(tokens):
                    break
                longer = f"{text} {words[end]}"
                if not self._may_name(longer) and not (article and self._may_name(f"{article} {longer}")):
                    break
                text = longer
                end += 1
        return out

    def _score_span(self, tokens: Sequence[Token], start: int, end: int, match: NameMatch | None,
                    is_departement: bool, all_lower: bool, strong_needs: list[tuple[int, int]],
                    with_article: bool = False) -> float | None:
        """How likely the words [start, end) name the place asked about; None when they do not.
        `with_article`: the name needed the article folded into « au » / « du » (« du Luc »)."""
        span = tokens[start:end]
        preposition = max(self._preposition_score(tokens, start), 2.5 if with_article else 0.0)
        if is_departement and start:
            previous = tokens[start - 1].word
            if previous in {"en", "departement", "dept"} or (
                    previous in {"du", "de", "d"} and any(t.capital for t in tokens[start:end])):
                preposition = max(preposition, 2.5)
        capital = span[0].capital and not span[0].boundary_before
        single = end - start == 1
        word = span[0].word
        if single and (word in ALL_STOP_WORDS or len(word) < 2) and not (
                (capital and self._preposition_score(tokens, start) >= 3.0) or (with_article and span[0].capital)):
            return None  # « vers », « eu », « son »; but « à Eu », « près de Vers », « au Pas »
        bare = [t.word for t in span if t.word not in _ARTICLES]
        if not any(t.capital for t in span) and " ".join(bare) in NOT_PLACES:
            return None
        long_name = sum(1 for t in span if t.word not in _NAME_CONNECTORS) >= 3
        common = (not long_name and all(t.word in self._common_words or t.word in ALL_STOP_WORDS
                                        or t.word in self._lexicon_words for t in span)) \
            or (single and is_departement and match is None and word in self._lookalikes)
        if common:
            strong_preposition = preposition >= 2.0
            named_words = [t for t in span if t.word not in _NAME_CONNECTORS]
            proper_noun = not single and bool(named_words) and all(t.capital for t in named_words)
            capital_after_preposition = capital and preposition >= 1.5
            if not (strong_preposition and (capital or all_lower or preposition >= 3.0)) and not proper_noun \
                    and not capital_after_preposition \
                    and not self._place_evidence_after(tokens, start, end, match):
                return None
        inside_need = any(a <= start and end <= b for a, b in strong_needs)
        if inside_need and not any(t.capital for t in span) and all(t.word in self._lexicon_words for t in span):
            return None  # « arnaque au faux livreur »: a need word, even after « au »
        if inside_need and not (preposition >= 2.0 and (capital or all_lower)):
            return None
        lower = not any(t.capital for t in span)
        if lower and any(a <= start and end <= b and b - a > end - start for a, b in strong_needs):
            return None  # « à prix solidaire »: the word belongs to a longer need phrase.
        if (lower and match is not None and match.how == "short" and preposition < 1.5
                and match.communes[0].population < 20000
                and any(t.capital and not t.boundary_before for t in tokens)):
            return None  # « être mieux référencé »: a writer who capitalises names did not here.
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
        heading = start == 0 and (following is None or following.boundary_before)
        if match is None:
            # « Vendée : … », « creuse ateliers informatique »
            return heading or (start == 0 and following is not None and following.word not in ALL_STOP_WORDS
                               and not any(t.capital for t in tokens))
        population = match.communes[0].population
        all_lower = not any(t.capital for t in tokens)
        closing = following is None or following.boundary_before
        after_article = start > 0 and tokens[start - 1].word in _ARTICLES | {"de", "d", "du", "des"}
        capitalised = tokens[start].capital and not tokens[start].boundary_before
        if closing and population >= 10000 and not after_article and (
                all_lower or capitalised or self._preposition_score(tokens, start) >= 2.0):
            return True  # « initiation ordi gueret », « … sur salon ? », not « billets d'avion »
        deps = {c.dep for c in match.communes}
        for size in range(1, 5):
            words = " ".join(t.word for t in tokens[end:end + size])
            departement = self.gazetteer.departement_by_name(words) if words else None
            if departement is not None and departement.code in deps:
                return True
        if start > 0 and tokens[start].boundary_before and following is None and not after_article \
                and (tokens[start].capital or all_lower) and population >= 1000:
            return True  # « utiliser une tablette, Privas », « imprimer, cognac »: the last clause alone
        alone = tokens[start].boundary_before and (following is None or following.boundary_before)
        keyword_start = start == 0 and all_lower and following is not None and following.word not in ALL_STOP_WORDS
        return heading or (alone and population >= 20000) or (
            start == 0 and population >= (5000 if keyword_start else 10000 if all_lower else 50000))

    def _misspelt_reading(self, candidate: _PlaceCandidate, tokens: Sequence[Token]) -> _PlaceCandidate:
        """The commune an exact match really stands for when the words were misspelt: « Canne » is
        Cannes, not the tail of Montigny-sur-Canne; « Les Mureau » is Les Mureaux, not the end of
        Pargny-sous-Mureau; « Saint-Jean-de-Lutz » is Saint-Jean-de-Luz, not Saint-Jean."""
        end = candidate.end
        if candidate.match is None:
            return candidate
        start = candidate.start
        text = " ".join(t.word for t in tokens[start:end])
        if candidate.match.how == "short" and candidate.match.communes[0].population < 5000 \
                and not fold(candidate.match.communes[0].nom).startswith(text):
            # « Canne », « renne »: a misspelt city (Cannes, Rennes) rather than the tail of a
            # village's name (Montigny-sur-Canne); « Saintes-Maries » is the head of its own.
            match = self.gazetteer.fuzzy(text, 90.0)
            if match is not None and match.communes[0].population >= 10 * candidate.match.communes[0].population:
                return _PlaceCandidate(start, end, match, candidate.score)
        if candidate.match.how == "short" and start and tokens[start - 1].word in _ARTICLES:
            # « Les Mureau »: the article belongs to a misspelt name (Les Mureaux), not to the
            # tail of another one (Pargny-sous-Mureau).
            text = " ".join(t.word for t in tokens[start - 1:end])
            match = self.gazetteer.fuzzy(text, 90.0)
            if match is not None and match.communes[0].population > candidate.match.communes[0].population:
                return _PlaceCandidate(start - 1, end, match, candidate.score)
        if end + 1 >= len(tokens) or tokens[end].word not in _NAME_CONNECTORS:
            return candidate
        all_lower = not any(t.capital for t in tokens)
        for stop in (end + 4, end + 3, end + 2):
            if stop > len(tokens) or any(t.boundary_before for t in tokens[end:stop]):
                continue
            last = tokens[stop - 1]
            if last.word in ALL_STOP_WORDS or not (last.capital or all_lower):
                continue
            text = " ".join(t.word for t in tokens[candidate.start:stop])
            match = self.gazetteer.fuzzy(text, 88.0)
            if match is not None and match.communes[0] not in candidate.match.communes:
                return _PlaceCandidate(candidate.start, stop, match, candidate.score)
        return candidate

    def _fuzzy_candidate(self, tokens: Sequence[Token]) -> _PlaceCandidate | None:
        """Misspelt commune names: the words after a place preposition, or capitalised words."""
        best: _PlaceCandidate | None = None
        starts: list[tuple[float, int]] = []
        all_lower = not any(t.capital for t in tokens)
        for start in range(len(tokens)):
            preposition = self._preposition_score(tokens, start)
            capital = tokens[start].capital and not tokens[start].boundary_before
            last = all_lower and start == len(tokens) - 1  # « … pas chere ou ca draguigan »
            if preposition < 1.5 and not capital and start != 0 and not last:
                continue
            word = tokens[start].word
            if self._article_opens_name(tokens, start, all_lower):
                starts.append((preposition + 1.0, start))
                continue
            if word in ALL_STOP_WORDS or word in self._lexicon_words or word.isdigit() or word in NOT_PLACES:
                continue
            common = self._fuzzy_unlikely(word, capital, preposition)
            starts.append((preposition + (1.0 if capital else 0.0) - (2.0 if common else 0.0), start))
        for _, start in sorted(starts, reverse=True)[:_MAX_FUZZY_STARTS]:
            preposition = self._preposition_score(tokens, start)
            capital = tokens[start].capital and not tokens[start].boundary_before
            word = tokens[start].word
            # A common first word (« Mont », « Chalon ») only opens a compound: « Mont de Marsant »;
            # an article opens « Les Abimes ».
            shortest = start + (2 if word in _ARTICLES else 3 if self._fuzzy_unlikely(word, capital, preposition)
                                else 1)
            for end in range(start + 1, min(start + 5, len(tokens)) + 1):
                if end > start + 1 and (tokens[end - 1].boundary_before or tokens[end - 1].word.isdigit()):
                    break
                text = " ".join(t.word for t in tokens[start:end])
                if len(text) < 4 or end < shortest:
                    continue
                if end > start + 1 and shortest == start + 3 and tokens[start + 1].word not in _NAME_CONNECTORS:
                    break
                match = self.gazetteer.fuzzy(text, 88.0 if len(text) < 7 else 85.0 if shortest == start + 1 else 90.0)
                if match is None:
                    continue
                score = preposition + (1.0 if capital else 0.0) + 1.5 * (end - start)
                if best is None or score > best.score:
                    best = _PlaceCandidate(start, end, match, score)
        return best

    def _fuzzy_unlikely(self, word: str, capital: bool, preposition: float) -> bool:
        """An ordinary word (« mont », « aras ») is not a misspelt name alone, unless it is
        capitalised after a place preposition (« vers Aras »)."""
        return (word in self._common_words or word in self._lookalikes) and not (capital and preposition >= 2.0)

    def _article_opens_name(self, tokens: Sequence[Token], start: int, all_lower: bool) -> bool:
        """« Les Abimes », « La Roquebrussane »: an article before a name-like word (not an
        ordinary one: « les ateliers » is not Les Châteliers)."""
        if tokens[start].word not in _ARTICLES or start + 1 >= len(tokens):
            return False
        following = tokens[start + 1]
        word = following.word
        return (following.capital or all_lower) and not following.boundary_before and len(word) >= 4 \
            and word not in ALL_STOP_WORDS and word not in self._lexicon_words and word not in self._common_words \
            and (following.capital or word not in self._lookalikes)

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
        arrondissement = self._arrondissement(chosen, tokens, candidate.start, candidate.end)
        if arrondissement is not None:
            return self._commune_place(arrondissement, "arrondissement", 0)
        homonyms = sum(1 for c in communes[1:] if fold(c.nom) == fold(chosen.nom))
        return self._commune_place(chosen, candidate.match.how, homonyms)

    def _arrondissement(self, commune: Commune, tokens: Sequence[Token], start: int, end: int) -> Commune | None:
        """« Lyon 7e », « paris 11e », « Marseille 3ème arrondissement », « 13e arrondissement de
        Marseille », « dans le 13e à Marseille »."""
        city = fold(commune.nom)
        if city not in _CITIES_WITH_ARRONDISSEMENTS:
            return None
        if end < len(tokens):
            found = _ORDINAL.match(tokens[end].word)
            if found:
                return self.gazetteer.arrondissement(city, int(found.group(1)))
        for token in (*tokens[max(0, start - 3):start], *tokens[end:end + 4]):
            number = _ordinal_number(token.word)
            if number is not None:
                return self.gazetteer.arrondissement(city, number)
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
