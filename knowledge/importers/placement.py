"""Where a lieu stands, from address fields that real files often get wrong.

A record carries up to four pieces of evidence: its INSEE code, its postal code, its commune's name
and its coordinates. In the open data they disagree more often than one would think: the lieux of
Nouvelle-Calédonie all carry Nouméa's postal code, Mont-Dore of Nouvelle-Calédonie is filed with the
INSEE code of Le Mont-Dore in Puy-de-Dôme, the Bus France Services of Valence (Charente) stops at
coordinates near Marseille. The commune chosen is the one most of the evidence points to; what
disagrees with it is named, so the report can list the lieu as doubtful; coordinates that lie far
from the chosen commune are replaced by its point (the source's are kept in `extra`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Final

from knowledge.gazetteer import Commune, Gazetteer, haversine_km
from knowledge.importers import texts_fr
from knowledge.textnorm import fold

#: Coordinates this close to a commune's point agree with it (communes are rarely wider).
AGREE_KM: Final = 30.0
#: A postal code none of whose communes lies this close to the chosen one points elsewhere (a
#: neighbouring commune's code is a common, harmless slip).
POSTCODE_KM: Final = 20.0
_ARTICLES: Final = frozenset({"le", "la", "les", "l"})


@dataclass(frozen=True, slots=True)
class Placement:
    """The commune chosen, the point to keep, and what disagreed (French, for the report)."""

    commune: Commune | None
    latitude: float | None
    longitude: float | None
    #: "source" (the record's coordinates), "commune" (the commune's point) or None.
    origin: str | None
    doubts: tuple[str, ...] = ()
    #: The record's own coordinates when they were set aside.
    dropped_point: tuple[float, float] | None = None
    #: The commune itself is in doubt (its INSEE code or its coordinates said another, or too
    #: little agreed), not merely one wrong field beside agreeing ones (a neighbour's postal code).
    doubtful: bool = False


@dataclass(frozen=True, slots=True)
class _Evidence:
    """The candidates of some address fields and their votes before the coordinates are heard."""

    by_insee: Commune | None
    by_postcode: tuple[Commune, ...]
    candidates: tuple[Commune, ...]
    #: Per candidate: (votes, INSEE agrees, postal code agrees, is an arrondissement, population).
    static: tuple[tuple[float, bool, bool, bool, int], ...]


def _strip_article(folded: str) -> str:
    words = folded.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in _ARTICLES else " ".join(words)


def _bare(name: str) -> str:
    return _strip_article(fold(name))


def _km(commune: Commune, point: tuple[float, float]) -> float | None:
    return None if commune.point is None else haversine_km(*commune.point, *point)


def _rough_km(commune: Commune, point: tuple[float, float]) -> float | None:
    """The distance for ranking candidates: exact within a degree of latitude, else the latitude
    gap alone (a lower bound, and far beyond `AGREE_KM` either way), which spares most of the
    trigonometry of an import."""
    if commune.lat is None or commune.lon is None:
        return None
    gap = abs(commune.lat - point[0])
    return haversine_km(commune.lat, commune.lon, *point) if gap < 1.0 else gap * 111.0


def _label(commune: Commune) -> str:
    return f"{commune.nom} ({commune.dep})"


class Placer:
    """Chooses the commune of a record by the evidence that agrees (one per import, memoised)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._named: dict[str, tuple[Commune, ...]] = {}
        #: Folded names without their article, from the gazetteer's own folded keys (no folding here).
        self._bare_names: dict[str, str] = {
            commune.insee: _strip_article(folded) for folded, communes in gazetteer.by_name.items()
            for commune in communes}
        self._evidences: dict[tuple[str, str, str], _Evidence] = {}

    def _bare_name(self, commune: Commune) -> str:
        """The commune's folded name without its article (memoised: 20,000 lieux, 35,000 names)."""
        found = self._bare_names.get(commune.insee)
        if found is None:
            found = self._bare_names[commune.insee] = _bare(commune.nom)
        return found

    def _by_name(self, name: str) -> tuple[Commune, ...]:
        """Communes called `name`, with or without their article (« Mont-Dore », « Le Mont-Dore »)."""
        bare = _bare(name)
        if bare not in self._named:
            found = self.gazetteer.by_name.get(bare, ()) + self.gazetteer.by_article_free.get(bare, ())
            self._named[bare] = tuple(dict.fromkeys(found))
        return self._named[bare]

    def _evidence(self, insee: str, postcode: str, name: str) -> _Evidence:
        """What the address fields say, memoised: a file repeats its communes' fields."""
        key = (insee, postcode, name)
        found = self._evidences.get(key)
        if found is not None:
            return found
        by_insee = self.gazetteer.commune(insee) if insee else None
        by_postcode = self.gazetteer.by_postal_code(postcode) if postcode else ()
        named = self._by_name(name) if name else ()
        # A name that is no commune's exactly (a hamlet, « MOSNAC » for Mosnac-Saint-Simeux) is
        # read as the gazetteer reads it: the closest name among the postal code's communes.
        read_as = None if named or not name else self.gazetteer.resolve("", postcode, name)
        candidates = tuple(dict.fromkeys(c for c in (by_insee, *by_postcode, *named, read_as) if c is not None))
        bare = _bare(name) if name else ""
        postcode_deps = {c.dep for c in by_postcode}
        postcode_codes = {c.insee for c in by_postcode}
        insee_code = by_insee.insee if by_insee is not None else None
        static: list[tuple[float, bool, bool, bool, int]] = []
        for commune in candidates:
            own = self._bare_name(commune)
            named_so = commune is read_as or (bool(bare) and (own == bare or (
                commune.type == "ARM" and own.startswith(bare + " "))))  # « Paris » + 75012
            by_code, by_post = commune.insee == insee_code, commune.insee in postcode_codes
            # A postal code of the right département, if not the commune's own, still counts a
            # little (the lieux of Nouvelle-Calédonie all carry Nouméa's 98800).
            territory = 0.5 if not by_post and commune.dep in postcode_deps else 0.0
            static.append((by_code + by_post + named_so + territory, by_code, by_post, commune.type == "ARM",
                           commune.population))
        found = self._evidences[key] = _Evidence(by_insee, by_postcode, candidates, tuple(static))
        return found

    def place(self, insee: str, postcode: str, name: str, latitude: float | None,
              longitude: float | None) -> Placement:
        """The placement of one record (codes already padded, coordinates already checked)."""
        point = (latitude, longitude) if latitude is not None and longitude is not None else None
        evidence = self._evidence(insee, postcode, name)
        if not evidence.candidates:
            return self._unplaced(point)
        best: tuple[float, bool, bool, bool, float, int] | None = None
        chosen = evidence.candidates[0]
        for commune, (score, by_code, by_post, arrondissement, population) in zip(
                evidence.candidates, evidence.static, strict=True):
            distance = _rough_km(commune, point) if point is not None else None
            near = distance is not None and distance <= AGREE_KM
            # Ties: the INSEE code, then the postal code, then an arrondissement (more precise than
            # its city), then the nearest to the coordinates, then the most populous.
            votes = (score + near, by_code, by_post, arrondissement,
                     -distance if distance is not None else -math.inf, population)
            if best is None or votes > best:
                best, chosen = votes, commune
        placement = self._placed(chosen, insee, evidence.by_insee, postcode, evidence.by_postcode, point)
        if best is not None and best[0] < 2 and placement.doubts:
            return replace(placement, doubtful=True)
        return placement

    def _placed(self, chosen: Commune, insee: str, by_insee: Commune | None, postcode: str,
                by_postcode: tuple[Commune, ...], point: tuple[float, float] | None) -> Placement:
        doubts: list[str] = []
        doubtful = False
        if by_insee is not None and by_insee is not chosen:
            doubts.append(texts_fr.DOUBT_INSEE.format(code=insee, commune=_label(by_insee), chosen=_label(chosen)))
            doubtful = True
        if by_postcode and all(c is not chosen for c in by_postcode):
            nearest = min((d for d in (_km(chosen, c.point) for c in by_postcode if c.point is not None)
                           if d is not None), default=None)
            if nearest is None or nearest > POSTCODE_KM:
                doubts.append(texts_fr.DOUBT_POSTCODE.format(code=postcode, commune=_label(by_postcode[0]),
                                                             chosen=_label(chosen)))
        if point is not None:
            distance = _km(chosen, point)
            if distance is not None and distance > AGREE_KM and chosen.point is not None:
                doubts.append(texts_fr.DOUBT_POINT.format(km=round(distance), chosen=_label(chosen)))
                return Placement(chosen, chosen.lat, chosen.lon, "commune", tuple(doubts), point, True)
            return Placement(chosen, point[0], point[1], "source", tuple(doubts), None, doubtful)
        if chosen.point is not None:
            return Placement(chosen, chosen.lat, chosen.lon, "commune", tuple(doubts), None, doubtful)
        return Placement(chosen, None, None, None, tuple(doubts), None, doubtful)

    @staticmethod
    def _unplaced(point: tuple[float, float] | None) -> Placement:
        if point is None:
            return Placement(None, None, None, None)
        return Placement(None, point[0], point[1], "source")
