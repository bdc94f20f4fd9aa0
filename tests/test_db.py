"""The schema: `SCHEMA_HEAD` is Alembic's head, and migrating an empty database creates every table."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from knowledge.db import SCHEMA_HEAD, alembic_config, current_revision, make_engine, migrations_path, upgrade
from knowledge.models import Base


def test_schema_head_is_alembic_head() -> None:
    script = ScriptDirectory(str(migrations_path()))
    assert script.get_heads() == [SCHEMA_HEAD]


def test_upgrade_creates_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert current_revision(engine) == SCHEMA_HEAD
        upgrade(engine)  # a second start changes nothing
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()


def test_alembic_config_points_at_packaged_migrations(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        config = alembic_config(engine)
        assert str(migrations_path()) == config.get_main_option("script_location")  # type: ignore[attr-defined]
    finally:
        engine.dispose()
