"""Read an OpenAgenda JSON export (`{"events": […]}`, or the bare list) into raw events.

Fields read: `uid`, `title`, `description`/`longDescription`, `keywords`, `timings` (each
`{"begin", "end"}` with its offset), `timezone`, `location` (`name`, `address`, `city`,
`postalCode`, `insee`, `latitude`, `longitude`), `status` and `canonicalUrl` (or `url`/`link`).
Texts may be plain or by language (`{"fr": …}`). OpenAgenda numbers its statuses: 1 programmé,
2 reprogrammé, 3 déplacé en ligne, 4 reporté (sans date), 5 complet, 6 annulé; reporté and annulé
are stored and never announced. OpenAgenda's uids are unique across the platform, so every export
shares the source « openagenda »: the same event exported by two agendas is one event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from dateutil.parser import isoparse

from knowledge.events import texts_fr as texts
from knowledge.events.record import (
    CANCELLED,
    FULL,
    ONLINE,
    POSTPONED,
    RESCHEDULED,
    SCHEDULED,
    Occurrence,
    RawEvent,
)
from knowledge.importers.common import FileUnreadableError, RowRejectedError
from knowledge.importers.lieux_json import _array_items, _locate_member, _skip

SOURCE: Final = "openagenda"
STATUSES: Final[dict[int, str]] = {1: SCHEDULED, 2: RESCHEDULED, 3: ONLINE, 4: POSTPONED, 5: FULL, 6: CANCELLED}
_LANGUAGES: Final = ("fr", "en")


def looks_like(document: Any) -> bool:
    """Whether a decoded JSON document is an OpenAgenda export (not a file of lieux)."""
    if isinstance(document, dict):
        events = document.get("events")
        return isinstance(events, list) and (not events or _is_event(events[0]))
    return isinstance(document, list) and bool(document) and _is_event(document[0])


def _is_event(item: Any) -> bool:
    return isinstance(item, dict) and "timings" in item


def _lang(value: Any) -> str | None:
    """A text that may be given by language: French first."""
    if isinstance(value, Mapping):
        for language in _LANGUAGES:
            if value.get(language):
                return str(value[language])
        return next((str(text) for text in value.values() if text), None)
    return None if value is None else str(value)


def _keywords(value: Any) -> list[str]:
    if isinstance(value, Mapping):
        for language in _LANGUAGES:
            if value.get(language):
                value = value[language]
                break
        else:
            value = next((words for words in value.values() if words), [])
    if isinstance(value, str):
        value = value.split(",")
    return [str(word).strip() for word in value or [] if str(word).strip()]


def _moment(value: Any, name: str) -> dt.datetime:
    try:
        return isoparse(str(value))
    except (ValueError, OverflowError) as error:
        raise RowRejectedError(texts.UNREADABLE_MOMENT.format(field=name, value=str(value)[:60])) from error


def _status(value: Any) -> str:
    if isinstance(value, Mapping):
        value = value.get("id", value.get("value"))
    try:
        return STATUSES.get(int(value), SCHEDULED) if value is not None else SCHEDULED
    except (TypeError, ValueError):
        return SCHEDULED


def _occurrences(timings: Any) -> list[Occurrence]:
    if not isinstance(timings, list):
        return []
    found = []
    for timing in timings:
        if not isinstance(timing, Mapping) or not timing.get("begin"):
            raise RowRejectedError(texts.MISSING_START)
        start = _moment(timing["begin"], "begin")
        end = _moment(timing["end"], "end") if timing.get("end") else None
        found.append(Occurrence(start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S"), start, end))
    if len(found) == 1:
        found[0].recurrence = ""
    return found


def raw_event(record: Mapping[str, Any]) -> RawEvent:
    """One OpenAgenda event as a `RawEvent` (`RowRejectedError` for unreadable timings)."""
    location = record.get("location") if isinstance(record.get("location"), Mapping) else {}
    assert isinstance(location, Mapping)
    timezone = record.get("timezone") or location.get("timezone")
    return RawEvent(
        uid=record.get("uid"), title=_lang(record.get("title")), occurrences=_occurrences(record.get("timings")),
        description=_lang(record.get("description")) or _lang(record.get("longDescription")),
        status=_status(record.get("status")), timezone=str(timezone) if timezone else None,
        tags=_keywords(record.get("keywords")),
        url=record.get("canonicalUrl") or record.get("url") or record.get("link"),
        place_name=location.get("name"), address=location.get("address"), commune=location.get("city"),
        postcode=location.get("postalCode"), insee=location.get("insee"),
        latitude=location.get("latitude"), longitude=location.get("longitude"), source=SOURCE,
    )


def read_events(path: Path, text: str) -> Iterator[tuple[int, RawEvent | str]]:
    """(line, event) for each event of the export, or (line, reason) for one that cannot be read."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileUnreadableError(texts.NO_EVENTS_LIST.format(path=path)) from error
    if not looks_like(document):
        raise FileUnreadableError(texts.NO_EVENTS_LIST.format(path=path))
    start = _skip(text, 0)
    if isinstance(document, list):
        items = _array_items(path, text, start)
    else:
        items = _locate_member(path, text, start, "events")
    for line, record in items:
        if not isinstance(record, Mapping):
            yield line, texts.BAD_EVENT.format(error="pas un objet JSON")
            continue
        try:
            yield line, raw_event(record)
        except RowRejectedError as error:
            yield line, str(error)
