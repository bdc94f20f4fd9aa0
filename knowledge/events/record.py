"""From what a source file says about an event to the rows stored: validation, place, lieu, zone.

Each reader (ICS, OpenAgenda, CSV) yields `RawEvent`s; `EventBuilder.build` bounds every text,
finds the commune (gazetteer), links the event to a lieu of the base when its place matches one
(the lieu's `source:id` named in the file, else a lieu of the same commune with the same name),
takes its point from the lieu, the file or the commune, chooses its time zone and localises its
floating times, and raises `RowRejectedError` with a French reason for a bad event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from knowledge.events import texts_fr as texts
from knowledge.events.zones import DEFAULT_TIMEZONE, is_known, timezone_of_departement, zone, zone_name
from knowledge.gazetteer import Commune, Gazetteer
from knowledge.importers.common import RowRejectedError, bounded, content_hash, parse_float
from knowledge.lieu_identity import LieuKey
from knowledge.models import Lieu
from knowledge.textnorm import fold

#: Statuses the bot stores; `HIDDEN_STATUSES` are never announced.
SCHEDULED: Final = "programmé"
RESCHEDULED: Final = "reprogrammé"
ONLINE: Final = "en ligne"
POSTPONED: Final = "reporté"
FULL: Final = "complet"
CANCELLED: Final = "annulé"
STATUSES: Final = (SCHEDULED, RESCHEDULED, ONLINE, POSTPONED, FULL, CANCELLED)
HIDDEN_STATUSES: Final = frozenset({POSTPONED, CANCELLED})
#: Occurrences kept per event (a daily rule over years would otherwise fill the table).
MAX_OCCURRENCES: Final = 1000
MAX_TAGS: Final = 20
#: A place name this close to a lieu's name in the same commune is that lieu.
LIEU_NAME_CUTOFF: Final = 90.0
_SLUG: Final = re.compile(r"[^a-z0-9]+")
_POSTCODE: Final = re.compile(r"\b(\d{5})\b")
_FETE_WORDS: Final = ("fete de l internet", "fete internet", "fdi")


def tag_slug(text: str) -> str:
    """« Fête de l'Internet » → « fete-de-l-internet »: how tags and themes are compared."""
    return _SLUG.sub("-", fold(text)).strip("-")


def is_fete(title: str, tags: Iterable[str]) -> bool:
    """Whether an event belongs to the Fête de l'Internet (its tags or its title say so)."""
    folded = f" {fold(title)} {' '.join(fold(tag) for tag in tags)} "
    return any(f" {words} " in folded for words in _FETE_WORDS)


@dataclass(slots=True)
class Occurrence:
    """One date of an event; naive datetimes are floating (localised in the event's zone)."""

    recurrence: str
    start: dt.datetime
    end: dt.datetime | None = None


@dataclass(slots=True)
class RawEvent:
    """An event as a source file gives it, before validation."""

    uid: Any
    title: Any
    occurrences: list[Occurrence]
    description: Any = None
    status: str = SCHEDULED
    timezone: str | None = None
    all_day: bool = False
    tags: list[str] = field(default_factory=list)
    url: Any = None
    place_name: Any = None
    address: Any = None
    commune: Any = None
    postcode: Any = None
    insee: Any = None
    latitude: Any = None
    longitude: Any = None
    #: `source:id` (or a bare id) of the lieu the file says the event is at.
    lieu: Any = None
    source: Any = None
    #: A cap hit while expanding a recurrence, reported as a notice.
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class BuiltEvent:
    """The `events` row and its occurrences (aware, UTC), ready to write."""

    row: dict[str, Any]
    occurrences: tuple[tuple[str, dt.datetime, dt.datetime], ...]


@dataclass(frozen=True, slots=True)
class _KnownLieu:
    key: LieuKey
    name: str
    folded: str
    insee: str | None
    latitude: float | None
    longitude: float | None


class LieuDirectory:
    """The lieux of the base, by (source, id), by bare id and by commune, to link events to them."""

    def __init__(self, lieux: Iterable[_KnownLieu]) -> None:
        self.by_key: dict[LieuKey, _KnownLieu] = {}
        self.by_id: dict[str, list[_KnownLieu]] = {}
        self.by_insee: dict[str, list[_KnownLieu]] = {}
        for lieu in lieux:
            self.by_key[lieu.key] = lieu
            self.by_id.setdefault(lieu.key.id, []).append(lieu)
            if lieu.insee:
                self.by_insee.setdefault(lieu.insee, []).append(lieu)

    @classmethod
    def load(cls, connection: Connection) -> LieuDirectory:
        """One column query over the lieux."""
        rows = connection.execute(select(Lieu.source, Lieu.id, Lieu.nom, Lieu.code_insee, Lieu.latitude,
                                         Lieu.longitude))
        return cls(_KnownLieu(LieuKey(source, lieu_id), nom or "", fold(nom or ""), insee, lat, lon)
                   for source, lieu_id, nom, insee, lat, lon in rows)

    def named(self, reference: str) -> _KnownLieu | None:
        """The lieu `source:id` or a bare id names, when exactly one lieu has it."""
        key = LieuKey.parse(reference)
        if key is not None and key in self.by_key:
            return self.by_key[key]
        candidates = self.by_id.get(reference, [])
        return candidates[0] if len(candidates) == 1 else None

    def matching(self, place_name: str, insee: str) -> _KnownLieu | None:
        """The lieu of this commune whose name is the event's place name (or contains it)."""
        folded = fold(place_name)
        if len(folded.replace(" ", "")) < 5:
            return None
        best: tuple[float, _KnownLieu] | None = None
        for lieu in self.by_insee.get(insee, []):
            score = fuzz.token_set_ratio(folded, lieu.folded)
            if score >= LIEU_NAME_CUTOFF and (best is None or score > best[0]):
                best = (score, lieu)
        return best[1] if best else None


def _commune_from_text(gazetteer: Gazetteer, text: str) -> Commune | None:
    """The commune a free address names (« Médiathèque, 12 rue X, 83600 Fréjus »)."""
    parts = [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]
    for part in reversed(parts):
        postcode = _POSTCODE.search(part)
        if postcode:
            name = part[postcode.end():].strip() or part[:postcode.start()].strip()
            found = gazetteer.resolve("", postcode.group(1), name)
            if found:
                return found
        match = gazetteer.names(fold(part))
        if match:
            return match.communes[0]
    return None


def _as_utc(moment: dt.datetime, timezone: str) -> dt.datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(timezone))
    return moment.astimezone(dt.UTC)


class EventBuilder:
    """Validates raw events into rows; one per import, sharing the gazetteer and the lieux."""

    def __init__(self, gazetteer: Gazetteer, lieux: LieuDirectory, default_source: str) -> None:
        self.gazetteer = gazetteer
        self.lieux = lieux
        self.default_source = default_source

    def build(self, raw: RawEvent) -> BuiltEvent:
        """The stored form of one event; `RowRejectedError` says why it cannot be."""
        uid = bounded(raw.uid, "uid", 255)
        if not uid:
            raise RowRejectedError(texts.MISSING_UID)
        title = bounded(raw.title, "titre", 300)
        if not title:
            raise RowRejectedError(texts.MISSING_TITLE)
        if raw.status not in STATUSES:
            raise RowRejectedError(texts.STATUS_UNKNOWN.format(value=raw.status))
        source = bounded(raw.source, "source", 100) or self.default_source
        place = self._place(raw)
        timezone = self._timezone(raw, place.get("departement"))
        occurrences = self._occurrences(raw, timezone)
        tags = self._tags(raw.tags, title)
        row: dict[str, Any] = {
            "source": source, "uid": uid, "title": title,
            "description": bounded(raw.description, "description", 5000),
            "status": raw.status, "timezone": timezone, "all_day": raw.all_day, "tags": tags,
            "url": _url(raw.url), **place,
        }
        row["content_hash"] = content_hash({**row, "occurrences": [list(map(str, o)) for o in occurrences]})
        return BuiltEvent(row, occurrences)

    # ------------------------------------------------------------------ parts

    def _place(self, raw: RawEvent) -> dict[str, Any]:
        place_name = bounded(raw.place_name, "lieu", 300)
        address = bounded(raw.address, "adresse", 300)
        commune_text = bounded(raw.commune, "commune", 200) or ""
        postcode = bounded(raw.postcode, "code postal", 10) or ""
        insee = bounded(raw.insee, "code INSEE", 10) or ""
        latitude = parse_float(raw.latitude, "latitude", -90.0, 90.0)
        longitude = parse_float(raw.longitude, "longitude", -180.0, 180.0)
        reference = bounded(raw.lieu, "lieu", 300)
        linked = self.lieux.named(reference) if reference else None
        if reference and linked is None:
            raise RowRejectedError(texts.UNKNOWN_LIEU.format(lieu=reference))
        commune: Commune | None = None
        if linked is not None and linked.insee:
            commune = self.gazetteer.commune(linked.insee)
        if commune is None and (insee or postcode or commune_text):
            commune = self.gazetteer.resolve(insee, postcode, commune_text)
            if commune is None:
                raise RowRejectedError(texts.UNKNOWN_PLACE.format(commune=commune_text, postcode=postcode))
        if commune is None:
            for text in (address, place_name):
                if text and (commune := _commune_from_text(self.gazetteer, text)):
                    break
        if commune is None and linked is None and (latitude is None or longitude is None):
            raise RowRejectedError(texts.NO_PLACE)
        if linked is None and commune is not None and place_name:
            linked = self.lieux.matching(place_name, commune.insee)
        origin, point = self._point(linked, latitude, longitude, commune)
        if linked is not None and not place_name:
            place_name = linked.name[:300] or None
        return {
            "place_name": place_name, "address": address,
            "commune": commune.nom if commune else None, "insee": commune.insee if commune else None,
            "departement": commune.dep if commune else None,
            "latitude": point[0] if point else None, "longitude": point[1] if point else None,
            "point_origine": origin,
            "lieu_source": linked.key.source if linked else None, "lieu_id": linked.key.id if linked else None,
        }

    @staticmethod
    def _point(linked: _KnownLieu | None, latitude: float | None, longitude: float | None,
               commune: Commune | None) -> tuple[str | None, tuple[float, float] | None]:
        if linked is not None and linked.latitude is not None and linked.longitude is not None:
            return "lieu", (linked.latitude, linked.longitude)
        if latitude is not None and longitude is not None:
            return "source", (latitude, longitude)
        if commune is not None and commune.point is not None:
            return "commune", commune.point
        return None, None

    @staticmethod
    def _timezone(raw: RawEvent, departement: str | None) -> str:
        if raw.timezone:
            if not is_known(raw.timezone):
                raise RowRejectedError(texts.UNKNOWN_TIMEZONE.format(value=raw.timezone))
            return raw.timezone
        for occurrence in raw.occurrences:
            if occurrence.start.tzinfo is not None and (name := zone_name(occurrence.start)):
                return name
        return timezone_of_departement(departement) if departement else DEFAULT_TIMEZONE

    @staticmethod
    def _occurrences(raw: RawEvent, timezone: str) -> tuple[tuple[str, dt.datetime, dt.datetime], ...]:
        if not raw.occurrences:
            raise RowRejectedError(texts.NO_OCCURRENCE)
        out: dict[str, tuple[str, dt.datetime, dt.datetime]] = {}
        for occurrence in raw.occurrences[:MAX_OCCURRENCES]:
            start = _as_utc(occurrence.start, timezone)
            default_end = start + dt.timedelta(days=1) if raw.all_day else start
            end = _as_utc(occurrence.end, timezone) if occurrence.end is not None else default_end
            if end < start:
                raise RowRejectedError(texts.END_BEFORE_START.format(end=end.isoformat(), start=start.isoformat()))
            recurrence = occurrence.recurrence[:40]
            out[recurrence] = (recurrence, start, end)
        return tuple(sorted(out.values(), key=lambda item: (item[1], item[0])))

    @staticmethod
    def _tags(tags: Iterable[str], title: str) -> list[str]:
        kept: dict[str, str] = {}
        for tag in tags:
            label = str(tag).strip()[:60]
            if label and tag_slug(label) and tag_slug(label) not in kept:
                kept[tag_slug(label)] = label
        labels = list(kept.values())[:MAX_TAGS]
        if is_fete(title, labels) and tag_slug(texts.FETE_TAG) not in kept:
            labels.append(texts.FETE_TAG)
        return labels


def _url(value: Any) -> str | None:
    text = bounded(value, "url", 500)
    return text if text and text.lower().startswith(("https://", "http://")) else None
