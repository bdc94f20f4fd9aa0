"""What the parser understood of a question and what the search found: plain dataclasses shared by
the parser, the search, the `ask` JSON contract (DESIGN §4) and the chat handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Place:
    """A commune, an arrondissement or a département the question names.

    `kind` is "commune" or "departement"; `dep` is the département code of a commune (or the code
    itself); `alternatives` counts other communes the same words could mean, so the answer can say
    which one it chose; `how` tells how it was found (exact, short, fuzzy, postal, departement…).
    """

    kind: str
    code: str
    name: str
    lat: float | None
    lon: float | None
    dep: str
    how: str = "exact"
    alternatives: int = 0

    def as_json(self) -> dict[str, Any]:
        """The `place` object of the `ask` contract."""
        return {"kind": self.kind, "code": self.code, "name": self.name, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Query:
    """The understood question: needs (most likely first), audiences said, place, lieu named."""

    needs: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    place: Place | None = None
    #: Folded words naming a lieu (« l'EPN de Martigues » → "epn"), for name search.
    lieu_words: tuple[str, ...] = ()
    #: How the person wants to be helped: "collectif", "individuel", "autonomie", "distance".
    modes: tuple[str, ...] = ()
    #: The text was cut to the input bound before parsing.
    truncated: bool = False

    def as_json(self) -> dict[str, Any]:
        """The `query` object of the `ask` contract."""
        return {"needs": list(self.needs), "audiences": list(self.audiences),
                "place": self.place.as_json() if self.place else None}


@dataclass(frozen=True, slots=True)
class Mediator:
    """A mediator working at a lieu, as shown in results."""

    id: str
    nom: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One lieu in a search result."""

    lieu_id: str
    name: str
    commune: str
    insee: str
    needs: tuple[str, ...]
    distance_km: float | None
    score: float
    mediators: tuple[Mediator, ...] = ()
    #: With `lieu_id`, the lieu's identity (an id is unique only within its source).
    source: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """(source, id): what requests and events refer to."""
        return (self.source, self.lieu_id)

    def as_json(self) -> dict[str, Any]:
        """One element of `results` in the `ask` contract."""
        return {"lieu_id": self.lieu_id, "source": self.source, "name": self.name, "commune": self.commune,
                "insee": self.insee, "needs": list(self.needs),
                "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
                "score": round(self.score, 3),
                "mediators": [{"id": m.id, "nom": m.nom} for m in self.mediators]}


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Ranked hits, plus what the answer must say honestly about them."""

    hits: tuple[Hit, ...] = ()
    #: More hits exist after these (for « plus »).
    more: bool = False
    #: The first need is offered somewhere, but not within `near_km` of the place.
    none_near: bool = False
    #: Nothing in the knowledge base offers the first need at all.
    none_at_all: bool = False
    #: The results came from a lieu named in the question rather than from the needs.
    by_name: bool = False
    near_km: float = 30.0
    #: Lieux offer the need, but none within `reach_km` of the place: no hit is given.
    out_of_reach: bool = False
    reach_km: float = 150.0
    #: The commune asked about has no point in the gazetteer (a few atolls): the hits are those of
    #: its département or collectivité, without distances.
    unplaced: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
