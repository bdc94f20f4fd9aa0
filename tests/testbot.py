"""TestBot: the whole bot on a temporary database, talked to in three lines (Errbot's testbot).

    def test_greets(bot: TestBot) -> None:
        replies = bot.send("bonjour")
        assert "Bonjour" in replies[0].text

The PACA sample is imported once per test session into a template SQLite file; each test gets a
copy of that file, so tests stay independent and fast. The clock is frozen (`bot.now`).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.app import App, build_app
from bot.config import Settings
from bot.render.text import render_text
from handlers.messages import Message, Reply
from handlers.registry import Dispatcher

DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data"
PACA = DATA / "lieux-paca-2023.json"
MEDIATEURS = DATA / "mediateurs-exemple.yaml"
#: A Tuesday morning, during most lieux' opening hours.
FROZEN_NOW = dt.datetime(2024, 3, 12, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))


class TestBot:
    """Sends texts as one person in one thread and returns the bot's replies."""

    __test__ = False  # not a test class, despite its name

    def __init__(self, app: App, now: dt.datetime = FROZEN_NOW) -> None:
        self.app = app
        self.now = now
        self.dispatcher = Dispatcher(app, now=lambda: self.now)

    def send(self, text: str, *, thread: str = "fil-1", room: str = "salle-test", sender: str = "U-test",
             platform: str = "test") -> list[Reply]:
        """The replies to one message."""
        message = Message(text=text, sender=sender, room=room, platform=platform, thread=thread)
        return self.dispatcher.handle(message)

    def say(self, text: str, **where: str) -> str:
        """The replies to one message as plain text (what a terminal would print)."""
        return "\n".join(render_text(reply) for reply in self.send(text, **where))


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file."""
    return f"sqlite:///{path}"


def close(app: App) -> None:
    """Fold the WAL into the main file and close every connection, so the file can be copied."""
    with app.engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    app.engine.dispose()


@pytest.fixture(scope="session")
def paca_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the PACA sample and its example mediators, imported once per session."""
    from knowledge.importers.runner import import_file

    path = tmp_path_factory.mktemp("template") / "paca.db"
    app = build_app(Settings(database_url=sqlite_url(path)))
    report = import_file(app.engine, PACA)
    assert report.added > 600, report
    if MEDIATEURS.is_file():
        import_file(app.engine, MEDIATEURS)
    close(app)
    return path


@pytest.fixture
def paca_app(paca_template: Path, tmp_path: Path) -> Iterator[App]:
    """An app over a private copy of the PACA database."""
    path = tmp_path / "paca.db"
    shutil.copyfile(paca_template, path)
    app = build_app(Settings(database_url=sqlite_url(path)))
    yield app
    app.engine.dispose()


@pytest.fixture
def bot(paca_app: App) -> TestBot:
    """The whole bot on the PACA sample, clock frozen at `FROZEN_NOW`."""
    return TestBot(paca_app)


@pytest.fixture
def empty_app(tmp_path: Path) -> Iterator[App]:
    """An app over an empty (migrated) database."""
    app = build_app(Settings(database_url=sqlite_url(tmp_path / "vide.db")))
    yield app
    app.engine.dispose()
