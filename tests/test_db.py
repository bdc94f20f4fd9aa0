"""The schema: `SCHEMA_HEADS` are Alembic's heads, and migrating an empty database creates every table."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from knowledge.db import SCHEMA_HEADS, alembic_config, current_revisions, make_engine, migrations_path, upgrade
from knowledge.schema import Base


def test_schema_head_is_alembic_head() -> None:
    script = ScriptDirectory(str(migrations_path()))
    assert set(script.get_heads()) == SCHEMA_HEADS


def test_upgrade_creates_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revisions(engine) == frozenset()
        upgrade(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert current_revisions(engine) == SCHEMA_HEADS
        upgrade(engine)  # a second start changes nothing
        assert current_revisions(engine) == SCHEMA_HEADS
    finally:
        engine.dispose()


def test_alembic_config_points_at_packaged_migrations(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        config = alembic_config(engine)
        assert str(migrations_path()) == config.get_main_option("script_location")  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_migrations_match_the_models(db_url: str) -> None:
    """Every model change went through a migration: autogenerate finds nothing left to do."""
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
    finally:
        engine.dispose()
