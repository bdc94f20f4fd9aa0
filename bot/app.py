"""Wiring: the one place where the bot's parts are built and handed to each other.

Tests build a whole bot on a temporary database with `build_app(Settings(database_url=...))`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from knowledge.db import default_database_url, open_database
from knowledge.gazetteer import Gazetteer, default_gazetteer
from knowledge.understanding import Understanding


@dataclass
class App:
    """The bot's dependencies; parts that cost time to build are built on first use."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    _understanding: Understanding | None = field(default=None, repr=False)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The shipped gazetteer (shared by every app of the process)."""
        return default_gazetteer()

    @property
    def understanding(self) -> Understanding:
        """Parser and search index over the current knowledge base (built on first use)."""
        if self._understanding is None:
            self._understanding = Understanding.from_database(
                self.engine, self.gazetteer, results=self.settings.results, near_km=self.settings.near_km,
                max_input_chars=self.settings.max_input_chars,
            )
        return self._understanding

    def knowledge_changed(self) -> None:
        """Drop the search index so the next question sees what an import changed."""
        self._understanding = None


def build_app(settings: Settings | None = None) -> App:
    """Open the database (migrating it) and assemble the bot."""
    settings = settings or Settings()
    engine, sessions = open_database(settings.database_url or default_database_url())
    return App(settings=settings, engine=engine, sessions=sessions)
