"""Small SQL helpers that differ between SQLite and PostgreSQL, written once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignoring_duplicates(session: Session, table: Table, values: Mapping[str, Any]) -> bool:
    """Insert one row unless a unique key already holds it; True when the row was inserted.

    `ON CONFLICT DO NOTHING` on both dialects: no exception, so the caller's transaction goes on.
    """
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    first_key = next(iter(table.primary_key.columns))
    statement = module.insert(table).values(**values).on_conflict_do_nothing().returning(first_key)
    return session.execute(statement).first() is not None


def locking(session: Session, statement: Select[Any]) -> Select[Any]:
    """`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two instances never claim the same rows.

    SQLite has no row locks: its writers are serialised, which is correct for one instance.
    """
    if session.get_bind().dialect.name == "postgresql":
        return statement.with_for_update(skip_locked=True)
    return statement
