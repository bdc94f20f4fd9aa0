"""Wiring: the one place where the bot's parts are built and handed to each other.

Tests build a whole bot on a temporary database with `build_app(Settings(database_url=...))`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from knowledge.db import default_database_url, open_database
from knowledge.events.settings import EventSettings
from knowledge.gazetteer import Gazetteer, default_gazetteer
from knowledge.lieu_identity import LieuKey
from knowledge.routing.models import Request
from knowledge.routing.policy import RoutingPolicy
from knowledge.understanding import Understanding


@dataclass
class App:
    """The bot's dependencies; parts that cost time to build are built on first use."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    _understanding: Understanding | None = field(default=None, repr=False)
    #: Agendas, subscriptions and digests (`EPNBOT_AGENDA_SUBSCRIBERS`, `EPNBOT_FETE_START`…).
    events: EventSettings = field(default_factory=EventSettings)

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

    @property
    def routing_policy(self) -> RoutingPolicy:
        """Every delay of routing, from the settings (one place, DESIGN §5)."""
        settings = self.settings
        return RoutingPolicy(
            remind_after=dt.timedelta(hours=settings.remind_after_hours),
            reoffer_after=dt.timedelta(hours=settings.reoffer_after_hours),
            expire_after=dt.timedelta(days=settings.expire_after_days),
            duplicate_window=dt.timedelta(days=settings.duplicate_days),
            purge_after=dt.timedelta(days=settings.purge_after_days),
            platforms=settings.platforms(), nearby_km=settings.near_km,
        )

    def nearby_lieux(self, request: Request) -> list[LieuKey]:
        """Lieux near a request's lieu that offer its need, nearest first (for matching)."""
        return self.understanding.nearby(LieuKey(request.lieu_source, request.lieu_id), request.need,
                                         self.settings.near_km)

    def knowledge_changed(self) -> None:
        """Drop the search index so the next question sees what an import changed."""
        self._understanding = None


def build_app(settings: Settings | None = None) -> App:
    """Open the database (migrating it) and assemble the bot."""
    settings = settings or Settings()
    engine, sessions = open_database(settings.database_url or default_database_url())
    return App(settings=settings, engine=engine, sessions=sessions)
