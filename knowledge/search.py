"""The in-memory search index: which lieux offer a need, near a point, ranked.

Built once from the database (columns only, one query, no ORM objects) into compact records, a
grid of ~6 km cells per need and per-département lists, so that a question costs a few cell
lookups and a few dozen distance computations however large the country's knowledge base is.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from knowledge.gazetteer import Gazetteer, haversine_km
from knowledge.query import Hit, Mediator, Place, Query, SearchResult
from knowledge.taxonomy import accompaniment_of
from knowledge.textnorm import fold

CELL_LAT: Final = 0.06
CELL_LON: Final = 0.08
#: A lower bound of one cell's width in km anywhere in France (metropole and overseas).
CELL_KM: Final = 5.4
MAX_RING: Final = 45
#: A lieu whose coordinates lie this far from its commune also counts at its commune's point.
SUSPECT_KM: Final = 30.0
KM_PER_DEGREE: Final = 111.2
#: Beyond this, a lieu offering the first need is out of reach and a second need may be served instead.
FAR_KM: Final = 50.0
#: Beyond this, a lieu is no answer at all (two hours by road; from Nouméa, the next lieu may be
#: 16,000 km away): the search lists none and says so, unless the lieu is in the département asked.
REACH_KM: Final = 150.0
ANY: Final = "*"


@dataclass(frozen=True, slots=True)
class LieuRecord:
    """What the search needs of a lieu, nothing more."""

    id: str
    name: str
    commune: str
    insee: str
    dep: str
    needs: tuple[str, ...]
    audiences: frozenset[str]
    points: tuple[tuple[float, float], ...]
    mediators: tuple[Mediator, ...] = ()
    modes: frozenset[str] = frozenset()
    source: str = ""

    def distance(self, lat: float, lon: float) -> float:
        """Distance from a point to the nearest of the lieu's points."""
        if not self.points:
            return math.inf
        return min(haversine_km(lat, lon, p[0], p[1]) for p in self.points)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (math.floor(lat / CELL_LAT), math.floor(lon / CELL_LON))


@dataclass(frozen=True, slots=True)
class _Scored:
    record: LieuRecord
    distance: float | None
    relevance: float


class SearchIndex:
    """Lieux by need over a grid, by département and by audience."""

    def __init__(self, records: Iterable[LieuRecord], near_km: float = 30.0,
                 name_words: Iterable[str] = (), reach_km: float = REACH_KM) -> None:
        self.records: list[LieuRecord] = list(records)
        #: Lieux by (phrase of a lieu kind their name holds, département): « epn », « centre social »…
        #: (every word of the phrase in the name, in any order), so a question folds no lieu name.
        self._by_phrase: dict[tuple[str, str], list[int]] = {}
        by_first_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for phrase in name_words:
            words = fold(phrase).split()
            if words:
                by_first_word.setdefault(words[0], []).append((" ".join(words), frozenset(words)))
        self.near_km = near_km
        self.reach_km = reach_km
        #: Rings of the grid that cover `reach_km` (a ring is at least CELL_KM wide).
        self._max_ring = min(MAX_RING, math.ceil(reach_km / CELL_KM) + 1)
        self._grids: dict[str, dict[tuple[int, int], list[int]]] = {}
        self._by_need: dict[str, list[int]] = {}
        self._by_dep: dict[tuple[str, str], list[int]] = {}
        self._by_need_audience: dict[tuple[str, str], list[int]] = {}
        for index, record in enumerate(self.records):
            if by_first_word:
                name = frozenset(fold(record.name).split())
                for word in name.intersection(by_first_word):
                    for phrase, needed in by_first_word[word]:
                        if needed <= name:
                            self._by_phrase.setdefault((phrase, record.dep), []).append(index)
            for need in record.needs:
                for audience in record.audiences:
                    self._by_need_audience.setdefault((need, audience), []).append(index)
            for key in (*record.needs, ANY):
                self._by_need.setdefault(key, []).append(index)
                self._by_dep.setdefault((record.dep, key), []).append(index)
                grid = self._grids.setdefault(key, {})
                for cell in {_cell(lat, lon) for lat, lon in record.points}:
                    grid.setdefault(cell, []).append(index)


    def __len__(self) -> int:
        return len(self.records)

    def offering(self, need: str) -> int:
        """How many lieux offer a need."""
        return len(self._by_need.get(need, ()))

    # ------------------------------------------------------------------ public

    def search(self, query: Query, limit: int = 5, offset: int = 0) -> SearchResult:
        """Lieux for a query, best first: by name when the question names a lieu, else by need."""
        wanted = offset + limit
        named = self._by_name(query, wanted) if query.lieu_words else []
        if not query.needs and not named:
            return SearchResult()
        need = query.needs[0] if query.needs else ANY
        none_at_all = need != ANY and not self._by_need.get(need)
        if none_at_all:
            need = next((n for n in query.needs[1:] if self._by_need.get(n)), ANY)
        scored = self._by_need_near(query, need, wanted + 1) if query.needs else []
        if query.needs and self._far(query, scored, FAR_KM):
            # Nothing within reach offers the first need: a second need the question also asks for,
            # offered nearby, serves the person better than a lieu 150 km away.
            for other in query.needs[1:3]:
                nearer = self._by_need_near(query, other, wanted + 1)
                if nearer and not self._far(query, nearer, FAR_KM):
                    need, scored, none_at_all = other, nearer, False
                    break
        seen = {(s.record.source, s.record.id) for s in named}
        ranked = named + [s for s in scored if (s.record.source, s.record.id) not in seen]
        within = [s for s in ranked if self._within_reach(s, query.place)]
        unplaced = query.place is not None and place_point(query.place) is None
        out_of_reach = not within and (bool(ranked) or (unplaced and bool(self._by_need.get(need))))
        ranked = within
        none_near = False
        if query.place is not None and query.place.kind == "commune" and ranked and not none_at_all:
            nearest = ranked[0].distance
            none_near = nearest is not None and nearest > self.near_km
        page = ranked[offset:offset + limit]
        hits = tuple(self._hit(s) for s in page)
        return SearchResult(hits=hits, more=len(ranked) > offset + limit, none_near=none_near,
                            none_at_all=none_at_all, by_name=bool(named), near_km=self.near_km,
                            out_of_reach=out_of_reach, reach_km=self.reach_km, unplaced=unplaced)

    def _within_reach(self, scored: _Scored, place: Place | None) -> bool:
        """Whether a lieu may answer a question about `place`: within `reach_km` of its point, or
        inside the département (or collectivité) asked about, or anywhere when there is no point."""
        if scored.distance is None:
            return True
        if place is not None and place.kind == "departement" and scored.record.dep == place.code:
            return True
        return scored.distance <= self.reach_km

    @staticmethod
    def _far(query: Query, scored: list[_Scored], limit_km: float) -> bool:
        """Whether the best of a ranking lies beyond `limit_km` of a commune asked about."""
        if query.place is None or query.place.kind != "commune":
            return not scored
        return not scored or scored[0].distance is None or scored[0].distance > limit_km

    # ------------------------------------------------------------------ ranking

    @staticmethod
    def _relevance(record: LieuRecord, query: Query) -> float:
        """How well a lieu fits beyond distance (0 to 1): the needs it covers, the audience it
        serves, the way it accompanies (workshop, one to one, free access, remote)."""
        covered = sum(1 for n in query.needs if n in record.needs) / len(query.needs) if query.needs else 0.0
        audience = 1.0 if query.audiences and record.audiences.intersection(query.audiences) else 0.0
        mode = 1.0 if query.modes and record.modes.intersection(query.modes) else 0.0
        return 0.5 * covered + 0.3 * audience + 0.2 * mode

    def _hit(self, scored: _Scored) -> Hit:
        record = scored.record
        proximity = 1.0 if scored.distance is None else math.exp(-scored.distance / 20.0)
        return Hit(record.id, record.name, record.commune, record.insee, record.needs, scored.distance,
                   0.6 * proximity + 0.4 * scored.relevance, record.mediators, record.source)

    def _by_need_near(self, query: Query, need: str, wanted: int) -> list[_Scored]:
        place = query.place
        if place is None or place.lat is None or place.lon is None:
            return self._without_point(query, need, wanted)
        if place.kind == "departement":
            indexes = self._by_dep.get((place.code, need), [])
            scored = [_Scored(r, r.distance(place.lat, place.lon), self._relevance(r, query))
                      for r in (self.records[i] for i in indexes)]
            scored.sort(key=lambda s: (-s.relevance, s.distance, s.record.id))
            if scored:
                return scored
        nearest = self._nearest(need, place.lat, place.lon, max(wanted, 8))
        scored = [_Scored(r, d, self._relevance(r, query)) for d, r in nearest]
        if not scored:
            return scored
        best = scored[0].distance or 0.0
        window = best + max(2.0, 0.15 * best)
        inside = [s for s in scored if (s.distance or 0.0) <= window]
        outside = [s for s in scored if (s.distance or 0.0) > window]
        inside.sort(key=lambda s: (-s.relevance, s.distance, s.record.id))
        return inside + outside

    def _without_point(self, query: Query, need: str, wanted: int) -> list[_Scored]:
        """No point to measure from: lieux serving the audience first, then the others, in a
        stable order; only the few returned are scored. A commune without a point (an atoll of the
        Tuamotu) is looked for in its département or collectivité."""
        dep = query.place.dep if query.place is not None else None
        chosen: dict[int, None] = {}
        for audience in query.audiences:
            for index in self._by_need_audience.get((need, audience), ()):
                if len(chosen) >= wanted:
                    break
                if dep is None or self.records[index].dep == dep:
                    chosen[index] = None
        pool = self._by_dep.get((dep, need), []) if dep else self._by_need.get(need, [])
        for index in pool:
            if len(chosen) >= wanted:
                break
            chosen[index] = None
        scored = [_Scored(self.records[i], None, self._relevance(self.records[i], query)) for i in chosen]
        scored.sort(key=lambda s: -s.relevance)
        return scored

    def _nearest(self, need: str, lat: float, lon: float, wanted: int) -> list[tuple[float, LieuRecord]]:
        """The lieux offering `need` nearest to a point, found ring by ring over the grid, plus every
        lieu within the relevance window of the nearest one."""
        grid = self._grids.get(need)
        if not grid:
            return []
        if len(self._by_need.get(need, ())) <= 64:
            return self._scan(self._by_need[need], lat, lon, wanted)
        center_i, center_j = _cell(lat, lon)
        found: dict[int, float] = {}
        records = self.records
        # Planar distances are exact enough to rank within a few tens of km and cost no trigonometry;
        # the kept lieux get their great-circle distance below.
        x_scale = KM_PER_DEGREE * math.cos(math.radians(lat))
        for ring in range(self._max_ring + 1):
            for cell in _ring(center_i, center_j, ring):
                for index in grid.get(cell, ()):
                    if index not in found:
                        found[index] = min(math.hypot((p[0] - lat) * KM_PER_DEGREE, (p[1] - lon) * x_scale)
                                           for p in records[index].points)
            if len(found) >= wanted:
                distances = sorted(found.values())
                kth = distances[wanted - 1]
                window = distances[0] + max(2.0, 0.15 * distances[0])
                if ring * CELL_KM >= max(kth, window):
                    break
        else:
            if len(found) < wanted and self._max_ring * CELL_KM < self.reach_km:
                return self._scan(self._by_need[need], lat, lon, wanted)
        ordered = sorted(found.items(), key=lambda item: (item[1], records[item[0]].id))
        window = ordered[0][1] + max(2.0, 0.15 * ordered[0][1]) + 0.5 if ordered else 0.0
        keep = max(wanted, sum(1 for _, distance in ordered if distance <= window))
        exact = [(records[index].distance(lat, lon), records[index]) for index, _ in ordered[:keep + 2]]
        exact.sort(key=lambda item: (item[0], item[1].id))
        return exact[:keep]

    def _scan(self, indexes: Sequence[int], lat: float, lon: float, wanted: int) -> list[tuple[float, LieuRecord]]:
        pairs = sorted(((self.records[i].distance(lat, lon), i) for i in indexes),
                       key=lambda item: (item[0], self.records[item[1]].id))
        if not pairs:
            return []
        window = pairs[0][0] + max(2.0, 0.15 * pairs[0][0])
        keep = [p for p in pairs if p[0] <= window] or pairs[:1]
        keep = keep if len(keep) >= wanted else pairs[:wanted]
        return [(d, self.records[i]) for d, i in keep if math.isfinite(d)]

    def _by_name(self, query: Query, wanted: int) -> list[_Scored]:
        """Lieux whose name holds the lieu words of the question (« l'EPN de Martigues »), in the
        place's commune or within 10 km of it, or in its département.

        Without a place there is none: the words name a kind of lieu (« une médiathèque »), and the
        médiathèques of all France, in no order that means anything, are no answer (and scanning
        them cost 30 ms a question at 20,000 lieux)."""
        place = query.place
        if place is None:
            return []
        phrases = {" ".join(fold(p).split()) for p in query.lieu_words}
        candidates = {i for phrase in phrases for i in self._by_phrase.get((phrase, place.dep), ())}
        scored: list[_Scored] = []
        for index in sorted(candidates):
            record = self.records[index]
            distance = None
            if place.lat is not None and place.lon is not None:
                distance = record.distance(place.lat, place.lon)
                if place.kind == "commune" and record.insee != place.code and distance > 10.0:
                    continue
            scored.append(_Scored(record, distance, self._relevance(record, query)))
        scored.sort(key=lambda s: (-s.relevance, s.distance if s.distance is not None else 0.0, s.record.id))
        return scored[:wanted]


def _ring(center_i: int, center_j: int, ring: int) -> Iterable[tuple[int, int]]:
    if ring == 0:
        yield (center_i, center_j)
        return
    for dj in range(-ring, ring + 1):
        yield (center_i - ring, center_j + dj)
        yield (center_i + ring, center_j + dj)
    for di in range(-ring + 1, ring):
        yield (center_i + di, center_j - ring)
        yield (center_i + di, center_j + ring)


def place_point(place: Place | None) -> tuple[float, float] | None:
    """The point distances are measured from."""
    if place is None or place.lat is None or place.lon is None:
        return None
    return (place.lat, place.lon)


def build_records(rows: Iterable[Sequence[object]], gazetteer: Gazetteer,
                  mediators: Mapping[tuple[str, str], list[Mediator]]) -> list[LieuRecord]:
    """Records from `(source, id, nom, commune, code_insee, departement, latitude, longitude, besoins,
    publics_codes, modalites_accompagnement)` rows; the commune's point is added when the lieu's
    own lies far from it."""
    records: list[LieuRecord] = []
    interned: dict[object, object] = {}
    for row in rows:
        source, lieu_id, name, commune_name, insee, dep, lat, lon, needs, audiences, modalities = row
        commune = gazetteer.commune(str(insee)) if insee else None
        points: list[tuple[float, float]] = []
        if isinstance(lat, float) and isinstance(lon, float):
            points.append((lat, lon))
        if commune is not None and commune.point is not None:
            cpt = commune.point
            if not points or haversine_km(points[0][0], points[0][1], cpt[0], cpt[1]) > SUSPECT_KM:
                points.append(cpt)
        need_tuple = tuple(needs) if isinstance(needs, list) else ()
        audience_set = frozenset(audiences) if isinstance(audiences, list) else frozenset()
        need_tuple = interned.setdefault(need_tuple, need_tuple)  # type: ignore[assignment]
        audience_set = interned.setdefault(audience_set, audience_set)  # type: ignore[assignment]
        modes = frozenset(accompaniment_of(modalities))
        modes = interned.setdefault(modes, modes)  # type: ignore[assignment]
        records.append(LieuRecord(
            id=str(lieu_id), name=str(name), commune=commune.nom if commune else str(commune_name or ""),
            insee=commune.insee if commune else str(insee or ""),
            dep=sys.intern(str(dep or (commune.dep if commune else ""))), needs=need_tuple,
            audiences=audience_set, points=tuple(points),
            mediators=tuple(mediators.get((str(source), str(lieu_id)), ())), modes=modes, source=str(source),
        ))
    return records
