"""Import a file of events (ICS, OpenAgenda JSON, epnbot CSV) with the lieux importers' rules.

Every event is validated before the transaction opens: a file that cannot be read changes nothing,
a bad event is reported with its line and skipped, a database error rolls the whole file back.
Events are keyed by (source, uid): a second import of the same file reports 0 added, 0 changed,
and a changed event is updated with its occurrences replaced. Events that left the file stay (as
lieux do); a cancelled one is kept with its status, never announced.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine, Table, delete, insert

from knowledge.events import csv_events, ics, openagenda
from knowledge.events.models import Event, EventOccurrence
from knowledge.events.record import BuiltEvent, EventBuilder, LieuDirectory, RawEvent
from knowledge.gazetteer import Gazetteer
from knowledge.importers import store
from knowledge.importers import texts_fr as import_texts
from knowledge.importers.common import FileReport, RowRejectedError, RowReport
from knowledge.importers.lieu_record import source_of_file

ICS: Final = "ics"
OPENAGENDA: Final = "openagenda"
EVENTS_CSV: Final = "evenements-csv"
FORMATS: Final = (ICS, OPENAGENDA, EVENTS_CSV)
EVENTS: Final[Table] = Event.__table__  # type: ignore[assignment]
OCCURRENCES: Final[Table] = EventOccurrence.__table__  # type: ignore[assignment]
_ICS_SUFFIXES: Final = (".ics", ".ical", ".ifb", ".icalendar")
_JSON_EVENTS: Final = re.compile(r'"events"\s*:\s*\[')
_TIMINGS: Final = '"timings"'
#: How far into a JSON file the OpenAgenda marks are looked for (a lieux file has none).
_PEEK: Final = 20_000

Progress = Callable[[int], None]


def detect(path: Path, text: str) -> str | None:
    """The events format of a file, or None when it holds no events (lieux, mediators).

    A `.json` file is OpenAgenda only by its structure (`"events": [` or a list of objects with
    `"timings"`), since `.json` is the lieux' format; a CSV only by its header (uid, titre, debut).
    """
    suffix = path.suffix.lower()
    start = text.lstrip("\ufeff \t\r\n")[:15].upper()
    if suffix in _ICS_SUFFIXES or start.startswith("BEGIN:VCALENDAR"):
        return ICS
    if suffix in (".json", "") or start[:1] in ("{", "["):
        head = text[:_PEEK]
        if _TIMINGS in head and (start.startswith("[") or _JSON_EVENTS.search(head)):
            return OPENAGENDA
        if start.startswith("{") and _JSON_EVENTS.search(head) and _empty_events(text):
            return OPENAGENDA
        return None
    if suffix in (".csv", ".tsv", ".txt", "") and csv_events.looks_like(text):
        return EVENTS_CSV
    return None


def _empty_events(text: str) -> bool:
    try:
        return openagenda.looks_like(json.loads(text))
    except ValueError:
        return False


def _raw_events(path: Path, text: str, file_format: str, now: dt.datetime) -> Iterator[tuple[int, RawEvent | str]]:
    if file_format == ICS:
        return ics.read_events(path, text, now)
    if file_format == OPENAGENDA:
        return openagenda.read_events(path, text)
    return csv_events.read_events(path, text)


def import_events(engine: Engine, path: Path, text: str, file_format: str, gazetteer: Gazetteer,
                  report: FileReport, progress: Progress | None = None,
                  total: Callable[[int], None] | None = None, now: dt.datetime | None = None) -> None:
    """Validate every event of the file, then add or update them all in one transaction."""
    items = list(_raw_events(path, text, file_format, now or dt.datetime.now(dt.UTC)))
    if total:
        total(2 * len(items))
    with engine.connect() as connection:
        directory = LieuDirectory.load(connection)
    builder = EventBuilder(gazetteer, directory, source_of_file(report.path))
    built = _validate(builder, items, report)
    if progress:
        progress(len(items))
    with engine.begin() as connection:
        outcome = store.classify(connection, EVENTS, (event.row for event in built))
        report.run_id = store.start_run(connection, report.path, report.format)
        store.upsert(connection, EVENTS, outcome, report.run_id)
        touched = {(row["source"], row["uid"]) for row in (*outcome.added, *outcome.changed)}
        _replace_occurrences(connection, [event for event in built
                                          if (event.row["source"], event.row["uid"]) in touched])
        report.added, report.changed, report.unchanged = len(outcome.added), len(outcome.changed), outcome.unchanged
        store.finish_run(connection, report.run_id, report,
                         import_texts.STATUS_DONE if report.ok else import_texts.STATUS_PARTIAL)
    if progress:
        progress(len(items))


def _validate(builder: EventBuilder, items: Iterable[tuple[int, RawEvent | str]],
              report: FileReport) -> list[BuiltEvent]:
    built: list[BuiltEvent] = []
    first_line: dict[tuple[str, str], int] = {}
    for line, item in items:
        if isinstance(item, str):
            report.rejected.append(RowReport(line, item))
            continue
        raw_id = str(item.uid or "").strip()[:200] or None
        try:
            event = builder.build(item)
        except RowRejectedError as error:
            report.rejected.append(RowReport(line, str(error), raw_id))
            continue
        key = (event.row["source"], event.row["uid"])
        if key in first_line:
            reason = import_texts.DUPLICATE_ID.format(id=f"{key[0]}:{key[1]}", first=first_line[key])
            report.rejected.append(RowReport(line, reason, key[1]))
            continue
        first_line[key] = line
        if item.notice:
            report.notices.append(RowReport(line, item.notice, key[1]))
        built.append(event)
    return built


def _replace_occurrences(connection: Connection, events: list[BuiltEvent]) -> None:
    by_source: dict[str, list[str]] = {}
    for event in events:
        by_source.setdefault(event.row["source"], []).append(event.row["uid"])
    for source, uids in by_source.items():
        for start in range(0, len(uids), store.BATCH):
            connection.execute(delete(OCCURRENCES).where(OCCURRENCES.c.event_source == source,
                                                         OCCURRENCES.c.event_uid.in_(uids[start:start + store.BATCH])))
    rows: list[dict[str, Any]] = [
        {"event_source": event.row["source"], "event_uid": event.row["uid"], "recurrence": recurrence,
         "starts_at": starts, "ends_at": ends}
        for event in events for recurrence, starts, ends in event.occurrences
    ]
    for start in range(0, len(rows), store.BATCH):
        connection.execute(insert(OCCURRENCES), rows[start:start + store.BATCH])
