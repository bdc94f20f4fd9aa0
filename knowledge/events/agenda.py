"""Agenda queries: the coming occurrences of events near a zone, soonest first.

The database narrows by time, status and a bounding box (or the département); the exact distance
and the themes are checked in Python on the few rows left. Cancelled and postponed events are never
returned. Times come back in each event's own zone, so a workshop in Cayenne reads 14 h in Cayenne.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from knowledge.events.area import Zone
from knowledge.events.models import Event, EventOccurrence
from knowledge.events.record import FULL, HIDDEN_STATUSES, ONLINE, is_fete, tag_slug
from knowledge.events.zones import zone
from knowledge.gazetteer import haversine_km
from knowledge.textnorm import fold

MAX_ITEMS: Final = 500
_KM_PER_DEGREE: Final = 111.2


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One occurrence of an event, as the agenda and the digests show it."""

    source: str
    uid: str
    title: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    status: str
    tags: tuple[str, ...]
    url: str | None
    place_name: str | None
    commune: str | None
    insee: str | None
    lieu_source: str | None
    lieu_id: str | None
    distance_km: float | None

    @property
    def full(self) -> bool:
        """No seat left."""
        return self.status == FULL

    @property
    def online(self) -> bool:
        """Moved online."""
        return self.status == ONLINE

    @property
    def fete(self) -> bool:
        """Part of the Fête de l'Internet."""
        return is_fete(self.title, self.tags)

    def as_json(self) -> dict[str, Any]:
        """One element of `epnbot agenda --json`: ISO 8601 times with their offset."""
        return {"uid": self.uid, "title": self.title, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "lieu_id": self.lieu_id, "commune": self.commune, "insee": self.insee,
                "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
                "tags": list(self.tags), "url": self.url}


def theme_key(word: str) -> str:
    """A theme or a title word compared without accents, case or a plural « s »."""
    slug = tag_slug(word)
    return slug[:-1] if len(slug) > 3 and slug.endswith("s") else slug


def matches_themes(item: AgendaItem, themes: Sequence[str]) -> bool:
    """Whether an occurrence is about one of the themes (a tag, or a word of its title)."""
    if not themes:
        return True
    keys = {theme_key(tag) for tag in item.tags}
    keys.update(theme_key(part) for tag in item.tags for part in tag_slug(tag).split("-"))
    keys.update(theme_key(word) for word in fold(item.title).split())
    return any(theme_key(theme) in keys for theme in themes)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives naive UTC datetimes back; PostgreSQL aware ones."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _box(area: Zone) -> Any:
    """The SQL condition of a zone: its département, or a box around its circle (or its commune)."""
    if area.kind == "departement":
        return Event.departement == area.code
    if area.lat is None or area.lon is None or area.radius_km is None:
        return Event.insee == area.code
    lat_span = area.radius_km / _KM_PER_DEGREE
    lon_span = area.radius_km / (_KM_PER_DEGREE * max(0.05, math.cos(math.radians(area.lat))))
    return or_(Event.insee == area.code,
               and_(Event.latitude.between(area.lat - lat_span, area.lat + lat_span),
                    Event.longitude.between(area.lon - lon_span, area.lon + lon_span)))


def _distance(area: Zone | None, latitude: float | None, longitude: float | None) -> float | None:
    """From the commune's point; none for a département (its centre means nothing to a reader)."""
    if area is None or area.kind != "commune" or area.lat is None or area.lon is None:
        return None
    if latitude is None or longitude is None:
        return None
    return haversine_km(area.lat, area.lon, latitude, longitude)


def upcoming(sessions: sessionmaker[Session], *, start: dt.datetime, end: dt.datetime, area: Zone | None = None,
             tags: Iterable[str] = (), themes: Sequence[str] = (), fete_only: bool = False,
             limit: int = MAX_ITEMS) -> list[AgendaItem]:
    """Occurrences under way or starting in [start, end), in the zone, soonest first."""
    start, end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)  # SQLite compares stored UTC text
    statement = (
        select(Event.source, Event.uid, Event.title, EventOccurrence.starts_at, EventOccurrence.ends_at,
               Event.all_day, Event.status, Event.tags, Event.url, Event.place_name, Event.commune, Event.insee,
               Event.lieu_source, Event.lieu_id, Event.latitude, Event.longitude, Event.timezone)
        .join(EventOccurrence, and_(EventOccurrence.event_source == Event.source,
                                    EventOccurrence.event_uid == Event.uid))
        .where(EventOccurrence.starts_at < end,
               or_(EventOccurrence.ends_at > start, EventOccurrence.starts_at >= start),
               Event.status.not_in(sorted(HIDDEN_STATUSES)))
        .order_by(EventOccurrence.starts_at, Event.title, Event.uid)
    )
    if area is not None:
        statement = statement.where(_box(area))
    wanted_tags = {tag_slug(tag) for tag in tags if tag_slug(tag)}
    found: list[AgendaItem] = []
    with sessions() as session:
        for row in session.execute(statement):
            distance = _distance(area, row.latitude, row.longitude)
            if (area is not None and area.kind == "commune" and area.radius_km is not None and distance is not None
                    and distance > area.radius_km):
                continue
            shown_in = zone(row.timezone)
            item = AgendaItem(
                row.source, row.uid, row.title, _aware(row.starts_at).astimezone(shown_in),
                _aware(row.ends_at).astimezone(shown_in), row.all_day, row.status, tuple(row.tags or ()),
                row.url, row.place_name, row.commune, row.insee, row.lieu_source, row.lieu_id, distance)
            if wanted_tags and not wanted_tags & {tag_slug(tag) for tag in item.tags}:
                continue
            if fete_only and not item.fete:
                continue
            if not matches_themes(item, themes):
                continue
            found.append(item)
            if len(found) >= limit:
                break
    return found
