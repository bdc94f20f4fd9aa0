"""`knowledge.search.SearchIndex` over hand-built lieux: which lieux an answer lists, in what order.

Protects the ranking contract: the nearest lieu offering the need comes first and lieux without
it never appear; a département question stays inside the département; the answer says honestly
when the nearest is far (`none_near`) or when nobody offers the need (`none_at_all`); the audience
served only reorders lieux at nearly the same distance; a lieu with doubtful coordinates is also
found at its commune's point; paging works; and a property test checks that the grid never misses
the nearest lieu anywhere in France.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.query import Mediator, Place, Query
from knowledge.search import REACH_KM, LieuRecord, SearchIndex

# Draguignan's point and a few kilometres around it (1° of latitude ≈ 111 km).
LAT, LON = 43.536, 6.464
KM_LAT = 1 / 111.2


def record(lieu_id: str, km_north: float, needs: Sequence[str], *, dep: str = "83",
           audiences: Sequence[str] = (), extra_points: Sequence[tuple[float, float]] = ()) -> LieuRecord:
    """A lieu `km_north` kilometres north of Draguignan."""
    point = (LAT + km_north * KM_LAT, LON)
    return LieuRecord(id=lieu_id, name=f"Lieu {lieu_id}", commune="Draguignan", insee="83050", dep=dep,
                      needs=tuple(needs), audiences=frozenset(audiences), points=(point, *extra_points))


def near_draguignan(*needs: str, audiences: Sequence[str] = ()) -> Query:
    place = Place("commune", "83050", "Draguignan", LAT, LON, "83")
    return Query(needs=needs, audiences=tuple(audiences), place=place)


def ids(index: SearchIndex, query: Query, limit: int = 5, offset: int = 0) -> list[str]:
    return [hit.lieu_id for hit in index.search(query, limit, offset).hits]


def test_nearest_lieu_offering_the_need_comes_first() -> None:
    index = SearchIndex([
        record("far", 12, ["demarches"]),
        record("near", 3, ["demarches", "outils-quotidien"]),
        record("nearest-wrong-need", 0.1, ["loisirs-creation"]),
        record("middle", 7, ["demarches"]),
    ])
    result = index.search(near_draguignan("demarches"))
    assert [h.lieu_id for h in result.hits] == ["near", "middle", "far"]
    assert result.hits[0].distance_km == pytest.approx(3, abs=0.05)
    assert not result.none_near and not result.none_at_all
    assert all("demarches" in h.needs for h in result.hits)


def test_scores_fall_with_distance_and_stay_in_range() -> None:
    index = SearchIndex([record(str(k), k * 4, ["demarches"]) for k in range(5)])
    scores = [h.score for h in index.search(near_draguignan("demarches")).hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_lieux_not_offering_the_need_are_excluded() -> None:
    index = SearchIndex([record(f"l{k}", k, ["loisirs-creation"]) for k in range(20)]
                        + [record("only", 25, ["securite"])])
    assert ids(index, near_draguignan("securite")) == ["only"]


def test_departement_query_stays_inside_the_departement() -> None:
    var = Place("departement", "83", "Var", LAT, LON, "83")
    index = SearchIndex([
        record("alpes-maritimes-at-the-centre", 0.0, ["insertion-pro"], dep="06"),
        record("var-a", 20, ["insertion-pro"]),
        record("var-b", 40, ["insertion-pro"]),
        record("var-no-need", 1, ["demarches"]),
    ])
    result = index.search(Query(needs=("insertion-pro",), place=var))
    assert {h.lieu_id for h in result.hits} == {"var-a", "var-b"}
    assert [h.lieu_id for h in result.hits] == ["var-a", "var-b"]
    assert not result.none_near


def test_none_near_when_the_nearest_is_beyond_30_km_but_it_is_still_given() -> None:
    index = SearchIndex([record("far", 45, ["securite"]), record("farther", 80, ["securite"])])
    result = index.search(near_draguignan("securite"))
    assert result.none_near is True
    assert [h.lieu_id for h in result.hits] == ["far", "farther"]
    assert result.hits[0].distance_km == pytest.approx(45, abs=0.1)


def test_not_none_near_within_30_km() -> None:
    index = SearchIndex([record("close-enough", 29, ["securite"])])
    assert index.search(near_draguignan("securite")).none_near is False


def test_none_at_all_when_nobody_offers_the_need() -> None:
    index = SearchIndex([record("a", 1, ["demarches"]), record("b", 2, ["outils-quotidien"])])
    result = index.search(near_draguignan("entreprise"))
    assert result.none_at_all is True
    assert result.none_near is False
    assert index.offering("entreprise") == 0


def test_none_at_all_falls_back_to_the_next_need() -> None:
    index = SearchIndex([record("a", 1, ["demarches"]), record("b", 2, ["outils-quotidien"])])
    result = index.search(near_draguignan("entreprise", "outils-quotidien"))
    assert result.none_at_all is True
    assert [h.lieu_id for h in result.hits] == ["b"]


def test_no_need_no_result() -> None:
    index = SearchIndex([record("a", 1, ["demarches"])])
    result = index.search(near_draguignan())
    assert result.hits == () and not result.more


def test_audience_reorders_nearly_equidistant_lieux() -> None:
    index = SearchIndex([
        record("nearest", 1.0, ["outils-quotidien"]),
        record("serves-seniors", 1.5, ["outils-quotidien"], audiences=["seniors"]),
    ])
    assert ids(index, near_draguignan("outils-quotidien")) == ["nearest", "serves-seniors"]
    assert ids(index, near_draguignan("outils-quotidien", audiences=["seniors"])) == ["serves-seniors", "nearest"]


def test_audience_does_not_pull_a_distant_lieu_forward() -> None:
    index = SearchIndex([
        record("nearest", 1.0, ["outils-quotidien"]),
        record("serves-seniors-far", 10.0, ["outils-quotidien"], audiences=["seniors"]),
    ])
    assert ids(index, near_draguignan("outils-quotidien", audiences=["seniors"])) == [
        "nearest", "serves-seniors-far"]


def test_covering_more_needs_wins_among_nearly_equidistant() -> None:
    index = SearchIndex([
        record("one-need", 1.0, ["demarches"]),
        record("both-needs", 1.4, ["demarches", "acces-equipement"]),
    ])
    assert ids(index, near_draguignan("demarches", "acces-equipement"))[0] == "both-needs"


def test_lieu_with_far_coordinates_is_found_at_its_commune_point() -> None:
    paris = (48.8566, 2.3522)
    index = SearchIndex([
        record("misplaced", 0.0, ["demarches"], extra_points=[paris]),
        record("honest", 6.0, ["demarches"]),
    ])
    hits = index.search(near_draguignan("demarches")).hits
    assert hits[0].lieu_id == "misplaced"
    assert hits[0].distance_km == pytest.approx(0.0, abs=0.01)
    paris_query = Query(needs=("demarches",), place=Place("commune", "75056", "Paris", *paris, "75"))
    assert ids(index, paris_query)[0] == "misplaced"


def test_paging_with_offset_limit_and_more() -> None:
    index = SearchIndex([record(f"l{k:02d}", 2.5 * k, ["demarches"]) for k in range(12)])
    query = near_draguignan("demarches")
    first = index.search(query, limit=5)
    second = index.search(query, limit=5, offset=5)
    last = index.search(query, limit=5, offset=10)
    assert [h.lieu_id for h in first.hits] == [f"l{k:02d}" for k in range(5)]
    assert [h.lieu_id for h in second.hits] == [f"l{k:02d}" for k in range(5, 10)]
    assert [h.lieu_id for h in last.hits] == ["l10", "l11"]
    assert (first.more, second.more, last.more) == (True, True, False)
    assert index.search(query, limit=12).more is False


def test_without_a_place_serving_the_audience_comes_first() -> None:
    index = SearchIndex([record("plain", 1, ["demarches"]),
                         record("for-allophones", 50, ["demarches"], audiences=["allophones"])])
    result = index.search(Query(needs=("demarches",), audiences=("allophones",)))
    assert [h.lieu_id for h in result.hits] == ["for-allophones", "plain"]
    assert all(h.distance_km is None for h in result.hits)
    assert not result.none_near


def test_lieu_named_in_the_question_comes_first() -> None:
    index = SearchIndex([
        LieuRecord("epn", "EPN de Draguignan", "Draguignan", "83050", "83", ("loisirs-creation",), frozenset(),
                   ((LAT + 3 * KM_LAT, LON),)),
        record("nearer", 0.5, ["outils-quotidien"]),
    ], name_words=["epn", "mediatheque"])
    query = Query(needs=("outils-quotidien",), place=near_draguignan().place, lieu_words=("epn",))
    result = index.search(query)
    assert result.by_name is True
    assert [h.lieu_id for h in result.hits] == ["epn", "nearer"]


def test_a_lieu_kind_phrase_matches_its_words_in_any_order_and_only_with_a_place() -> None:
    """« centre social » finds « Centre Social Les Lices » and « Social et culturel, centre… »; a
    kind of lieu without a place (« dans une médiathèque pour mon cv ») names no lieu: the médiathèques
    of all France are no answer, and the need search answers instead."""
    index = SearchIndex([
        LieuRecord("cs", "Centre Social Les Lices", "Draguignan", "83050", "83", ("demarches",), frozenset(),
                   ((LAT + 2 * KM_LAT, LON),)),
        LieuRecord("sc", "Social et culturel, centre Jean Moulin", "Draguignan", "83050", "83", ("demarches",),
                   frozenset(), ((LAT + 4 * KM_LAT, LON),)),
        LieuRecord("centre", "Centre de loisirs", "Draguignan", "83050", "83", ("demarches",), frozenset(),
                   ((LAT + 0.1 * KM_LAT, LON),)),
        LieuRecord("far", "Centre social du Nord", "Lille", "59350", "59", ("demarches",), frozenset(),
                   ((50.63, 3.06),)),
    ], name_words=["centre social", "mediatheque"])
    query = Query(needs=("demarches",), place=near_draguignan().place, lieu_words=("centre social",))
    result = index.search(query)
    assert result.by_name is True
    assert [h.lieu_id for h in result.hits] == ["cs", "sc", "centre"]
    anywhere = index.search(replace(query, place=None))
    assert anywhere.by_name is False
    assert {h.lieu_id for h in anywhere.hits} == {"cs", "sc", "centre", "far"}


def test_hit_json_has_the_contract_keys() -> None:
    lieu = LieuRecord("x", "Lieu X", "Draguignan", "83050", "83", ("demarches",), frozenset(), ((LAT, LON),),
                      (Mediator("med-ana", "Ana Martin"),))
    hit = SearchIndex([lieu]).search(near_draguignan("demarches")).hits[0].as_json()
    assert set(hit) == {"lieu_id", "source", "name", "commune", "insee", "needs", "distance_km", "score", "mediators"}
    assert hit["mediators"] == [{"id": "med-ana", "nom": "Ana Martin"}]
    assert hit["distance_km"] == 0.0


# ---------------------------------------------------------------- the grid never misses the nearest

NEEDS = ("demarches", "outils-quotidien", "securite")
# Metropolitan France, where the grid's cell width bound (CELL_KM) is promised.
POINT = st.tuples(st.floats(41.5, 50.9, allow_nan=False), st.floats(-4.5, 8.5, allow_nan=False))


def _offset(origin: tuple[float, float], km: float, bearing: float) -> tuple[float, float]:
    lat = origin[0] + km * math.cos(bearing) / 111.2
    lon = origin[1] + km * math.sin(bearing) / (111.2 * math.cos(math.radians(origin[0])))
    return (lat, lon)


@st.composite
def towns(draw: st.DrawFn) -> tuple[tuple[float, float], list[LieuRecord]]:
    """A point and lieux around it as in real life: a few dense towns at various distances and
    bearings, lone lieux, some lieux anywhere in France, some with a second far point.

    Lieux come from a seeded generator rather than value by value: hypothesis still replays a
    failure, and hundreds of lieux per example cost microseconds instead of thousands of draws.
    """
    origin = draw(POINT)
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    points: list[tuple[tuple[float, float], ...]] = []
    for _ in range(draw(st.integers(0, 3))):  # towns: many lieux within a few kilometres
        centre = _offset(origin, rng.uniform(0, 40), rng.uniform(0, 2 * math.pi))
        spread = rng.choice([0.3, 1.0, 3.0])
        points += [(_offset(centre, rng.uniform(0, spread), rng.uniform(0, 2 * math.pi)),)
                   for _ in range(rng.randint(10, 90))]
    for _ in range(draw(st.integers(0, 8))):  # lone lieux nearby
        points.append((_offset(origin, rng.uniform(0, 60), rng.uniform(0, 2 * math.pi)),))
    for _ in range(draw(st.integers(0 if points else 1, 40))):  # anywhere in France
        points.append(((rng.uniform(41.5, 50.9), rng.uniform(-4.5, 8.5)),))
    lieux = []
    for k, own in enumerate(points):
        if rng.random() < 0.05:  # coordinates far from the commune's point
            own = (*own, (rng.uniform(41.5, 50.9), rng.uniform(-4.5, 8.5)))
        needs = tuple(rng.sample(NEEDS, rng.randint(1, len(NEEDS))))
        lieux.append(LieuRecord(f"l{k:03d}", f"Lieu {k}", "X", "00000", "00", needs, frozenset(), own))
    return origin, lieux


@settings(max_examples=300, deadline=None)
@given(scene=towns(), need=st.sampled_from(NEEDS))
def test_grid_never_misses_the_nearest(scene: tuple[tuple[float, float], list[LieuRecord]], need: str) -> None:
    origin, records = scene
    place = Place("commune", "00000", "X", origin[0], origin[1], "00")
    result = SearchIndex(records).search(Query(needs=(need,), place=place))
    brute = sorted(r.distance(*origin) for r in records if need in r.needs)
    if not brute:
        assert result.none_at_all
        return
    brute = [distance for distance in brute if distance <= REACH_KM + 1e-9]
    if not brute:  # offered, but only beyond reach: said, and nothing listed
        assert result.out_of_reach and not result.hits
        return
    by_id = {r.id: r for r in records}
    got = [by_id[h.lieu_id].distance(*origin) for h in result.hits]
    assert all(need in h.needs for h in result.hits)
    assert got, "a lieu offers the need within reach but none was returned"
    assert math.isclose(got[0], brute[0], abs_tol=1e-6), (got[0], brute[0])
    # One need, no audience: all lieux are equally relevant, so the page is the nearest five.
    assert len(got) == min(5, len(brute))
    for found, expected in zip(got, brute, strict=False):
        assert math.isclose(found, expected, abs_tol=1e-6), (got, brute[:5])
    first = result.hits[0].distance_km
    assert first is not None and math.isclose(first, got[0], abs_tol=1e-9)


def test_accompaniment_asked_reorders_nearly_equidistant_lieux() -> None:
    """« un atelier » prefers a lieu that runs workshops among lieux at about the same distance."""
    near = record("individuel", 1.0, ["outils-quotidien"])
    workshop = LieuRecord(id="atelier", name="Lieu atelier", commune="Draguignan", insee="83050", dep="83",
                          needs=("outils-quotidien",), audiences=frozenset(),
                          points=((LAT + 1.5 * KM_LAT, LON),), modes=frozenset({"collectif"}))
    index = SearchIndex([near, workshop])
    plain = near_draguignan("outils-quotidien")
    assert ids(index, plain)[0] == "individuel"
    assert ids(index, replace(plain, modes=("collectif",)))[0] == "atelier"
