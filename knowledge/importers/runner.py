"""Import one file end to end: detect its format, validate every row, then write in one transaction.

Validation happens entirely before the transaction opens, so a file that cannot be read changes
nothing, a bad row is reported with its line and skipped, and a database error rolls the whole file
back. Each file gets an `ImportRun` row with its counts and its rejected rows.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from knowledge.events import importer as events
from knowledge.gazetteer import Gazetteer, default_gazetteer
from knowledge.importers import epnbot_yaml, lieux_json, standard_csv, store, texts_fr
from knowledge.importers.columns import unknown_columns
from knowledge.importers.common import (
    FileReport,
    FileUnreadableError,
    RowRejectedError,
    RowReport,
    SourceRow,
    read_text,
)
from knowledge.importers.lieu_record import LieuBuilder, source_of_file

log = logging.getLogger(__name__)

JSON: Final = "json"
V1_CSV: Final = "v1-csv"
YAML: Final = "yaml"
FORMATS: Final = (JSON, V1_CSV, YAML, *events.FORMATS)
_EXTENSIONS: Final[dict[str, str]] = {
    ".json": JSON, ".geojson": JSON, ".csv": V1_CSV, ".tsv": V1_CSV, ".yaml": YAML, ".yml": YAML,
}
_YAML_SECTION: Final = re.compile(r"^(mediateurs|coordinateurs)\s*:", re.MULTILINE)
_PROGRESS_STEP: Final = 500
#: Called with the number of rows just handled (validation, then writing).
Progress = Callable[[int], None]
#: Called once the number of steps is known (rows to validate + rows to write).
Total = Callable[[int], None]


class ImportAbortedError(RuntimeError):
    """The database refused the file's rows; everything was rolled back. French message."""


def detect_format(path: Path, text: str) -> str:
    """The format of a file, from its extension, else from its first characters (events first:
    an OpenAgenda export is a `.json` told apart by its structure, an events CSV by its header)."""
    if events_format := events.detect(path, text):
        return events_format
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    start = text.lstrip()[:1]
    if start in "[{" and start:
        return JSON
    if _YAML_SECTION.search(text):
        return YAML
    first_line = text.split("\n", 1)[0].lower()
    if "id" in first_line and any(delimiter in first_line for delimiter in ",;\t"):
        return V1_CSV
    raise FileUnreadableError(texts_fr.UNKNOWN_FORMAT.format(path=path))


def import_file(engine: Engine, path: Path, file_format: str | None = None, *,
                gazetteer: Gazetteer | None = None, progress: Progress | None = None,
                total: Total | None = None) -> FileReport:
    """Import one file; raises `FileUnreadableError` or `ImportAbortedError` with nothing written."""
    started = time.perf_counter()
    text = read_text(path)
    file_format = file_format or detect_format(path, text)
    gazetteer = gazetteer or default_gazetteer()
    report = FileReport(path=str(path), format=file_format)
    try:
        if file_format == YAML:
            _import_people(engine, path, text, gazetteer, report, progress, total)
        elif file_format in events.FORMATS:
            events.import_events(engine, path, text, file_format, gazetteer, report, progress, total)
        else:
            reader = lieux_json.read_rows if file_format == JSON else standard_csv.read_rows
            _import_lieux(engine, list(reader(path, text)), gazetteer, report, progress, total)
    except SQLAlchemyError as error:
        log.exception("Import de %s annulé", path)
        message = str(getattr(error, "orig", None) or error).splitlines()[0]
        raise ImportAbortedError(texts_fr.DATABASE_FAILED.format(path=path, error=message)) from error
    report.seconds = time.perf_counter() - started
    return report


def _status(report: FileReport) -> str:
    return texts_fr.STATUS_DONE if report.ok else texts_fr.STATUS_PARTIAL


def _import_lieux(engine: Engine, source: list[SourceRow | tuple[int, str]], gazetteer: Gazetteer,
                  report: FileReport, progress: Progress | None, total: Total | None) -> None:
    """Validate every lieu, then add or update them all in one transaction."""
    if total:
        total(2 * len(source))
    builder = LieuBuilder(gazetteer, source_of_file(report.path))
    first_line: dict[tuple[str, str], int] = {}
    rows = []
    for index, item in enumerate(source, start=1):
        if progress and index % _PROGRESS_STEP == 0:
            progress(_PROGRESS_STEP)
        if isinstance(item, tuple):
            report.rejected.append(RowReport(item[0], item[1]))
            continue
        try:
            row, doubts = builder.build_noted(item.fields)
        except RowRejectedError as error:
            raw_id = str(item.fields.get("id") or "").strip()[:200] or None
            report.rejected.append(RowReport(item.line, str(error), raw_id))
            continue
        key = (row["source"], row["id"])
        if key in first_line:
            reason = texts_fr.DUPLICATE_ID.format(id=f"{row['source']}:{row['id']}", first=first_line[key])
            report.rejected.append(RowReport(item.line, reason, row["id"]))
            continue
        first_line[key] = item.line
        rows.append(row)
        report.notices.extend(RowReport(item.line, note, row["id"]) for note in doubts)
    unknown = unknown_columns(item.fields for item in source if isinstance(item, SourceRow))
    if unknown:
        report.notices.insert(0, RowReport(1, texts_fr.UNKNOWN_COLUMNS.format(columns=", ".join(unknown))))
    if progress:
        progress(len(source) % _PROGRESS_STEP)
    with engine.begin() as connection:
        outcome = store.classify(connection, store.LIEUX, rows)
        report.run_id = store.start_run(connection, report.path, report.format)
        store.upsert(connection, store.LIEUX, outcome, report.run_id, progress)
        report.added, report.changed = len(outcome.added), len(outcome.changed)
        report.unchanged = outcome.unchanged
        _note_replacements(connection, outcome, report, first_line)
        store.finish_run(connection, report.run_id, report, _status(report))
    if progress:
        progress(outcome.unchanged + len(report.rejected))


def _note_replacements(connection: Connection, outcome: store.Outcome, report: FileReport,
                       lines: dict[tuple[str, str], int]) -> None:
    """A changed lieu last written by another file is named in the report: two files share a source."""
    paths = store.run_paths(connection, outcome.previous_runs.values())
    for (source, lieu_id), run_id in outcome.previous_runs.items():
        previous = paths.get(run_id) if run_id is not None else None
        if previous is None or previous == report.path:
            continue
        reason = texts_fr.REPLACES_OTHER_FILE.format(source=source, id=lieu_id, path=previous)
        report.notices.append(RowReport(lines.get((source, lieu_id), 0), reason, lieu_id))
    report.notices.sort(key=lambda notice: notice.line)


def _import_people(engine: Engine, path: Path, text: str, gazetteer: Gazetteer, report: FileReport,
                   progress: Progress | None, total: Total | None) -> None:
    """Validate mediators and coordinators, then add or update them in one transaction."""
    entries = epnbot_yaml.load(path, text)
    if total:
        total(len(entries))
    people: dict[str, list[epnbot_yaml.PersonRow]] = {epnbot_yaml.MEDIATORS: [], epnbot_yaml.COORDINATORS: []}
    first_line: dict[tuple[str, str], int] = {}
    known = store.lieu_index(engine)
    for section, line, entry in entries:
        try:
            person = epnbot_yaml.validate(section, entry, gazetteer, known)
        except RowRejectedError as error:
            raw_id = (str(entry.get("id") or "")[:100] or None) if isinstance(entry, dict) else None
            report.rejected.append(RowReport(line, str(error), raw_id))
            continue
        key = (section, person.row["id"])
        if key in first_line:
            reason = texts_fr.DUPLICATE_ID.format(id=person.row["id"], first=first_line[key])
            report.rejected.append(RowReport(line, reason, person.row["id"]))
            continue
        first_line[key] = line
        people[section].append(person)
    with engine.begin() as connection:
        report.run_id = store.start_run(connection, report.path, report.format)
        for section, table in ((epnbot_yaml.MEDIATORS, store.MEDIATEURS),
                               (epnbot_yaml.COORDINATORS, store.COORDINATEURS)):
            outcome = store.classify(connection, table, (person.row for person in people[section]))
            store.upsert(connection, table, outcome, report.run_id)
            if section == epnbot_yaml.MEDIATORS:
                touched = {row["id"] for row in (*outcome.added, *outcome.changed)}
                links = {person.row["id"]: person.lieux for person in people[section]
                         if person.row["id"] in touched}
                store.replace_mediator_lieux(connection, links)
            report.added += len(outcome.added)
            report.changed += len(outcome.changed)
            report.unchanged += outcome.unchanged
            report.kinds[section] = len(people[section])
        store.finish_run(connection, report.run_id, report, _status(report))
    if progress:
        progress(len(entries))


def import_files(engine: Engine, paths: Iterable[Path], file_format: str | None = None) -> list[FileReport]:
    """Import several files one after the other (each in its own transaction)."""
    return [import_file(engine, path, file_format) for path in paths]
