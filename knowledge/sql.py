"""Small SQL helpers that differ between SQLite and PostgreSQL, written once."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Select, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
T = TypeVar("T")
#: PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply be retried.
_RETRYABLE = ("40P01", "40001")


def insert_ignoring_duplicates(session: Session, table: Table, values: Mapping[str, Any]) -> bool:
    """Insert one row unless a unique key already holds it; True when the row was inserted.

    `ON CONFLICT DO NOTHING` on both dialects: no exception, so the caller's transaction goes on.
    """
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    first_key = next(iter(table.primary_key.columns))
    statement = module.insert(table).values(**values).on_conflict_do_nothing().returning(first_key)
    return session.execute(statement).first() is not None


def insert_many_ignoring_duplicates(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """One multi-row `INSERT … ON CONFLICT DO NOTHING` (one round trip for several rows)."""
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    session.execute(module.insert(table).values(rows).on_conflict_do_nothing())


def locking(session: Session, statement: Select[Any]) -> Select[Any]:
    """`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances never claim the same rows.

    SQLite has no row locks: its writers are serialised, which is correct for one instance.
    """
    if session.get_bind().dialect.name == "postgresql":
        return statement.with_for_update(skip_locked=True)
    return statement


def retrying(work: Callable[[], T], attempts: int = 5) -> T:
    """Run a whole transaction again when PostgreSQL aborted it for a deadlock or a serialization
    conflict (two routers locking mediators of neighbouring lieux in opposite orders)."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as error:
            code = getattr(error.orig, "sqlstate", None)
            if code not in _RETRYABLE or attempt == attempts:
                raise
            log.info("transaction rejouée (%s), essai %d", code, attempt + 1)
            time.sleep(random.uniform(0.005, 0.05) * attempt)
    raise AssertionError("unreachable")
