"""Database access: the engine for `DATABASE_URL` (a SQLite file by default) and migrations.

Migrations are applied on start. Checking whether the schema is current costs one query and no
Alembic import, so `ask` stays light; Alembic runs only when something must change.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Final

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

#: The newest migration of each branch (routing and events grow their own branches from the
#: lieux' identity); `tests/test_db.py` checks this matches Alembic's heads.
SCHEMA_HEADS: Final = frozenset({"0004", "0005"})


class DatabaseError(RuntimeError):
    """The database cannot be opened or migrated; the message is for the user, in French."""


def default_database_url() -> str:
    """A SQLite file under the user's data directory (created if needed)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("epnbot", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'epnbot.db'}"


def normalise_url(url: str) -> str:
    """Accept `postgres://` and `postgresql://` and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their folder created and sane pragmas."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as error:
        raise DatabaseError(f"Adresse de base de données invalide : {url!r} ({error}).") from error
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revisions(engine: Engine) -> frozenset[str]:
    """The schema's Alembic revisions (one per branch), empty for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def migrations_path() -> Path:
    """Folder of the Alembic environment shipped inside the package."""
    return Path(str(resources.files("knowledge") / "migrations"))


def alembic_config(engine: Engine) -> object:
    """An Alembic `Config` pointing at the packaged migrations and at `engine`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    # configparser reads `%` as interpolation (« options=-csearch_path%3D… », passwords).
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (no-op when it is already there)."""
    try:
        if current_revisions(engine) == SCHEMA_HEADS:
            return
        from alembic import command

        log.info("Mise à jour du schéma de la base vers %s", ", ".join(sorted(SCHEMA_HEADS)))
        command.upgrade(alembic_config(engine), "heads")  # type: ignore[arg-type]
    except DatabaseError:
        raise
    except Exception as error:
        safe = engine.url.render_as_string(hide_password=True)
        raise DatabaseError(f"Impossible d'ouvrir ou de mettre à jour la base {safe} : {error}") from error


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for `url`, schema migrated."""
    engine = make_engine(url)
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)
