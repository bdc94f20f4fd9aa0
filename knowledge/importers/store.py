"""Write validated rows with SQLAlchemy Core bulk statements, inside the caller's transaction.

The existing `(id, content_hash)` pairs are read in one query; new rows are inserted and changed rows
updated with executemany in batches, so 20,000 lieux take seconds, and rows whose hash did not change
are not written at all (a second import of the same file writes nothing but its `ImportRun`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, update

from knowledge.importers.common import REPORT_LIMIT, FileReport
from knowledge.models import Coordinateur, ImportRun, Lieu, Mediateur, MediateurLieu

BATCH: Final = 1000
LIEUX: Final[Table] = Lieu.__table__  # type: ignore[assignment]
MEDIATEURS: Final[Table] = Mediateur.__table__  # type: ignore[assignment]
MEDIATEUR_LIEUX: Final[Table] = MediateurLieu.__table__  # type: ignore[assignment]
COORDINATEURS: Final[Table] = Coordinateur.__table__  # type: ignore[assignment]
IMPORT_RUNS: Final[Table] = ImportRun.__table__  # type: ignore[assignment]

Progress = Callable[[int], None]


@dataclass(slots=True)
class Outcome:
    """Ids sorted by what the import does to them."""

    added: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0


def _batches(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def classify(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> Outcome:
    """Compare each row's hash with the stored one: added, changed or unchanged."""
    stored: dict[str, str] = {
        row_id: row_hash for row_id, row_hash in connection.execute(select(table.c.id, table.c.content_hash))
    }
    outcome = Outcome()
    for row in rows:
        known = stored.get(row["id"])
        if known is None:
            outcome.added.append(row)
        elif known != row["content_hash"]:
            outcome.changed.append(row)
        else:
            outcome.unchanged += 1
    return outcome


def upsert(connection: Connection, table: Table, outcome: Outcome, run_id: int,
           progress: Progress | None = None) -> None:
    """Insert the added rows and update the changed ones, by batches of `BATCH`."""
    for batch in _batches(outcome.added):
        connection.execute(insert(table), [{**row, "import_run_id": run_id} for row in batch])
        if progress:
            progress(len(batch))
    if not outcome.changed:
        return
    columns = [name for name in outcome.changed[0] if name != "id"]
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in columns}
    values["import_run_id"] = bindparam("v_import_run_id")
    if "updated_at" in table.c:
        values["updated_at"] = func.now()
    statement = update(table).where(table.c.id == bindparam("v_id")).values(values)
    for batch in _batches(outcome.changed):
        parameters = [{f"v_{name}": value for name, value in row.items()} | {"v_import_run_id": run_id}
                      for row in batch]
        connection.execute(statement, parameters)
        if progress:
            progress(len(batch))


def replace_mediator_lieux(connection: Connection, links: dict[str, tuple[str, ...]]) -> None:
    """Set the lieux of each given mediator to exactly those listed."""
    if not links:
        return
    connection.execute(delete(MEDIATEUR_LIEUX).where(MEDIATEUR_LIEUX.c.mediateur_id.in_(list(links))))
    pairs = [{"mediateur_id": mediator_id, "lieu_id": lieu_id}
             for mediator_id, lieux in links.items() for lieu_id in lieux]
    for batch in _batches(pairs):
        connection.execute(insert(MEDIATEUR_LIEUX), list(batch))


def now() -> dt.datetime:
    """Timezone-aware now, for `ImportRun` timestamps."""
    return dt.datetime.now(dt.UTC)


def start_run(connection: Connection, path: str, file_format: str) -> int:
    """Insert the `ImportRun` of this file and return its id."""
    result = connection.execute(insert(IMPORT_RUNS).values(
        path=path[:1000], format=file_format, started_at=now(), status="en cours",
        added=0, changed=0, unchanged=0, rejected=0, report=[]))
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    return int(primary_key[0])


def finish_run(connection: Connection, run_id: int, report: FileReport, status: str) -> None:
    """Store the counts, the status and the first rejected rows of a run."""
    connection.execute(update(IMPORT_RUNS).where(IMPORT_RUNS.c.id == run_id).values(
        finished_at=now(), status=status, added=report.added, changed=report.changed,
        unchanged=report.unchanged, rejected=len(report.rejected),
        report=[row.as_json() for row in report.rejected[:REPORT_LIMIT]]))
