"""Tables of the events part: events, their occurrences, channels' subscriptions and digest periods.

An event is keyed by its (`source`, `uid`) like a lieu by (`source`, `id`), so a second import of the
same file writes nothing and a changed event is updated in place; its occurrences (one for a plain
event, one per date for a recurrence or several OpenAgenda timings) are replaced with it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.models import Base


class Event(Base):
    """An event of an agenda: what, where (a lieu of the base, else a commune's point), its tags.

    `lieu_source`/`lieu_id` name the lieu when the event's place matched one; `point_origine` says
    where the point comes from ("lieu", "source" for the file's own coordinates, "commune").
    """

    __tablename__ = "events"

    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    #: "programmé", "complet", "reporté", "en ligne" or "annulé" (never announced).
    status: Mapped[str] = mapped_column(String(20))
    #: IANA time zone the event is shown in (Europe/Paris, America/Cayenne…).
    timezone: Mapped[str] = mapped_column(String(64))
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(String(500))
    place_name: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    commune: Mapped[str | None] = mapped_column(String(200))
    insee: Mapped[str | None] = mapped_column(String(10), index=True)
    departement: Mapped[str | None] = mapped_column(String(3), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    point_origine: Mapped[str | None] = mapped_column(String(10))
    lieu_source: Mapped[str | None] = mapped_column(String(100))
    lieu_id: Mapped[str | None] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_events_lieu", "lieu_source", "lieu_id"),)


class EventOccurrence(Base):
    """One date of an event; `recurrence` tells occurrences of one event apart ("" for a single one)."""

    __tablename__ = "event_occurrences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_source: Mapped[str] = mapped_column(String(100))
    event_uid: Mapped[str] = mapped_column(String(255))
    recurrence: Mapped[str] = mapped_column(String(40))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        ForeignKeyConstraint(["event_source", "event_uid"], ["events.source", "events.uid"], ondelete="CASCADE"),
        UniqueConstraint("event_source", "event_uid", "recurrence", name="uq_event_occurrences_recurrence"),
    )


class Subscription(Base):
    """A channel or room subscribed to the events of a zone (commune + radius, or département)."""

    __tablename__ = "event_subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(20))
    room: Mapped[str] = mapped_column(String(255))
    thread: Mapped[str | None] = mapped_column(String(255))
    #: "commune" or "departement".
    zone_kind: Mapped[str] = mapped_column(String(12))
    zone_code: Mapped[str] = mapped_column(String(10))
    zone_name: Mapped[str] = mapped_column(String(200))
    zone_dep: Mapped[str] = mapped_column(String(3))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    radius_km: Mapped[float | None] = mapped_column(Float)
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: "hebdo" or "quotidien".
    cadence: Mapped[str] = mapped_column(String(12))
    created_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_event_subscriptions_room", "platform", "room"),)


class DigestPeriod(Base):
    """A digest decided for one subscription and period: at most one row, whatever the instances.

    The row is inserted (ON CONFLICT DO NOTHING) in the transaction that queues the digest in the
    outbox, so a second scheduler's insert finds it and does nothing; `outcome` is "envoyé" or
    "vide" (nothing to announce, nothing posted).
    """

    __tablename__ = "digest_periods"

    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("event_subscriptions.id", ondelete="CASCADE"), primary_key=True)
    period: Mapped[str] = mapped_column(String(40), primary_key=True)
    due_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(10))
    events: Mapped[int] = mapped_column(Integer, default=0)
