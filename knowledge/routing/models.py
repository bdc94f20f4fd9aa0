"""Tables of routing: requests, their offers, their audit log, mediators' presence, anonymous counts.

Personal data lives only on `Request` (handle, text, note, contact) and is purged a configurable
time after closure; everything else holds codes, ids and dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.models import Base


class Request(Base):
    """A request the asker agreed to pass on (« demande n° N »)."""

    __tablename__ = "demandes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    asker_platform: Mapped[str] = mapped_column(String(20))
    #: The asker's chat handle (platform user id); None once purged.
    asker_id: Mapped[str | None] = mapped_column(String(255), index=True)
    asker_name: Mapped[str | None] = mapped_column(String(200))
    #: Where to tell the asker: their room and thread.
    asker_room: Mapped[str | None] = mapped_column(String(255))
    asker_thread: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(300))
    need: Mapped[str | None] = mapped_column(String(50))
    audiences: Mapped[list[str]] = mapped_column(JSON, default=list)
    departement: Mapped[str | None] = mapped_column(String(3), index=True)
    lieu_source: Mapped[str] = mapped_column(String(100))
    lieu_id: Mapped[str] = mapped_column(String(200))
    lieu_name: Mapped[str] = mapped_column(String(300))
    consent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    consent_text: Mapped[str] = mapped_column(Text)
    mediator_id: Mapped[str | None] = mapped_column(String(100), index=True)
    outcome: Mapped[str | None] = mapped_column(String(300))
    escalated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    purged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_demandes_duplicate", "asker_platform", "asker_id", "lieu_source", "lieu_id"),)


class Offer(Base):
    """One proposal of a request to one mediator. At most one offer of a request waits for an answer
    (a partial unique index): two routers can never offer one request twice at the same time."""

    __tablename__ = "offres"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("demandes.id", ondelete="CASCADE"), index=True)
    mediator_id: Mapped[str] = mapped_column(String(100), index=True)
    offered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    answer: Mapped[str] = mapped_column(String(20))
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str | None] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(String(500))
    reminded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("uq_offres_une_en_attente", "request_id", unique=True,
              sqlite_where=text("answer = 'en attente'"), postgresql_where=text("answer = 'en attente'")),
    )


class RequestEvent(Base):
    """The append-only audit log: who changed what, when, from which state to which, and why."""

    __tablename__ = "demande_journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("demandes.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(255))
    event: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(String(500))


class MediatorPresence(Base):
    """What a mediator said in the chat (« absent jusqu'au 12/01 », « capacité 3 »): kept apart
    from `mediateurs`, which a YAML re-import rewrites."""

    __tablename__ = "mediateur_presence"

    mediator_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    away_until: Mapped[dt.date | None] = mapped_column(Date)
    capacity: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RoutingCount(Base):
    """An anonymous count (need, département, what happened): all that is kept without consent,
    and all that stays of a request after its purge."""

    __tablename__ = "demande_comptes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    event: Mapped[str] = mapped_column(String(30))
    need: Mapped[str | None] = mapped_column(String(50))
    departement: Mapped[str | None] = mapped_column(String(3))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
