"""Shared fixtures: every data-layer test runs on SQLite and on PostgreSQL through `db_url`.

Each PostgreSQL test gets a fresh schema (`search_path` set in the URL) that is dropped afterwards,
so tests never see each other's rows. Without a server the PostgreSQL half is skipped with the
reason shown, unless `EPNBOT_REQUIRE_POSTGRES=1` (CI), where a missing server is a failure.
"""

from __future__ import annotations

import gc
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from testbot import bot, empty_app, paca_app, paca_template, sqlite_url

from bot.app import App, build_app
from bot.config import Settings
from knowledge.db import make_engine
from knowledge.gazetteer import default_gazetteer
from knowledge.understanding import Understanding

__all__ = ["bot", "empty_app", "paca_app", "paca_template"]

DEFAULT_POSTGRES_URL: Final = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DATA: Final = Path(__file__).parent / "data"
PACKAGE_DATA: Final = Path(__file__).parent.parent / "knowledge" / "data"


def postgres_url() -> str:
    """The server tests use: `EPNBOT_TEST_POSTGRES_URL`, else the local `test` database."""
    return os.environ.get("EPNBOT_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


def _unreachable(url: str, error: Exception) -> None:
    shown = make_url(url).render_as_string(hide_password=True)
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    message = f"PostgreSQL injoignable sur {shown} : {first_line}"
    if os.environ.get("EPNBOT_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + " (EPNBOT_REQUIRE_POSTGRES=1 : PostgreSQL est obligatoire)")
    pytest.skip(message)


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A URL whose `search_path` is a brand-new schema, dropped (CASCADE) after the test."""
    base = postgres_url()
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(base, connect_args={"connect_timeout": 5})
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except (SQLAlchemyError, OSError) as error:
        admin.dispose()
        _unreachable(base, error)
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        gc.collect()  # engines the test left behind close their connections
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a SQLite file in `tmp_path`, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'epnbot.db'}"
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    """The whole bot on the test database (migrated)."""
    built = build_app(Settings(database_url=db_url))
    try:
        yield built
    finally:
        built.engine.dispose()


@pytest.fixture
def paca_json() -> Path:
    """The real PACA file shipped with the package (646 lieux, cartographie v0.1)."""
    return PACKAGE_DATA / "lieux-paca-2023.json"


@pytest.fixture
def v1_csv() -> Path:
    """30 PACA lieux in the national standard v1 layout."""
    return DATA / "lieux-exemple-v1.csv"


@pytest.fixture
def mediators_yaml() -> Path:
    """The shipped sample of fictitious mediators and one coordinator."""
    return PACKAGE_DATA / "mediateurs-exemple.yaml"


@pytest.fixture(scope="module")
def understanding(paca_template: Path) -> Iterator[Understanding]:
    """Parser and search over the PACA sample, built once per module."""
    engine = make_engine(sqlite_url(paca_template))
    try:
        yield Understanding.from_database(engine, default_gazetteer())
    finally:
        engine.dispose()
