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

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, insert, select, update

from knowledge.importers.common import REPORT_LIMIT, FileReport
from knowledge.lieu_identity import lieu_sources
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
    #: Import run that last wrote each changed row, by primary key.
    previous_runs: dict[tuple[Any, ...], int | None] = field(default_factory=dict)


def _batches(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def key_columns(table: Table) -> tuple[str, ...]:
    """The names of the table's primary key (`("source", "id")` for lieux)."""
    return tuple(column.name for column in table.primary_key.columns)


def classify(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> Outcome:
    """Compare each row's hash with the stored one (by primary key): added, changed or unchanged."""
    keys = key_columns(table)
    stored: dict[tuple[Any, ...], tuple[str, int | None]] = {
        tuple(found[:-2]): (found[-2], found[-1])
        for found in connection.execute(select(*(table.c[name] for name in keys), table.c.content_hash,
                                               table.c.import_run_id))
    }
    outcome = Outcome()
    for row in rows:
        known = stored.get(tuple(row[name] for name in keys))
        if known is None:
            outcome.added.append(row)
        elif known[0] != row["content_hash"]:
            outcome.changed.append(row)
            outcome.previous_runs[tuple(row[name] for name in keys)] = known[1]
        else:
            outcome.unchanged += 1
    return outcome


def run_paths(connection: Connection, run_ids: Iterable[int | None]) -> dict[int, str]:
    """The file each import run read, for « remplace un lieu venu de … »."""
    wanted = sorted({run_id for run_id in run_ids if run_id is not None})
    if not wanted:
        return {}
    found = connection.execute(select(IMPORT_RUNS.c.id, IMPORT_RUNS.c.path).where(IMPORT_RUNS.c.id.in_(wanted)))
    return {int(run_id): str(path) for run_id, path in found}


def upsert(connection: Connection, table: Table, outcome: Outcome, run_id: int,
           progress: Progress | None = None) -> None:
    """Insert the added rows and update the changed ones, by batches of `BATCH`."""
    for batch in _batches(outcome.added):
        connection.execute(insert(table), [{**row, "import_run_id": run_id} for row in batch])
        if progress:
            progress(len(batch))
    if not outcome.changed:
        return
    keys = key_columns(table)
    columns = [name for name in outcome.changed[0] if name not in keys]
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in columns}
    values["import_run_id"] = bindparam("v_import_run_id")
    if "updated_at" in table.c:
        values["updated_at"] = func.now()
    statement = update(table).where(*(table.c[name] == bindparam(f"v_{name}") for name in keys)).values(values)
    for batch in _batches(outcome.changed):
        parameters = [{f"v_{name}": value for name, value in row.items()} | {"v_import_run_id": run_id}
                      for row in batch]
        connection.execute(statement, parameters)
        if progress:
            progress(len(batch))


def replace_mediator_lieux(connection: Connection, links: dict[str, tuple[tuple[str, str], ...]]) -> None:
    """Set the lieux (`(source, id)` pairs, source "" when still unknown) of each given mediator."""
    if not links:
        return
    connection.execute(delete(MEDIATEUR_LIEUX).where(MEDIATEUR_LIEUX.c.mediateur_id.in_(list(links))))
    pairs = [{"mediateur_id": mediator_id, "lieu_source": source, "lieu_id": lieu_id}
             for mediator_id, lieux in links.items() for source, lieu_id in lieux]
    for batch in _batches(pairs):
        connection.execute(insert(MEDIATEUR_LIEUX), list(batch))


def lieu_index(engine: Engine) -> dict[str, frozenset[str]]:
    """The sources of every lieu id in the base (for the YAML's references to lieux)."""
    with engine.connect() as connection:
        return lieu_sources(connection)


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
