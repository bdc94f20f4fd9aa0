"""Tables of the delivery layer: the outbox, the events already seen, the transports' small state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.models import Base


class OutboxMessage(Base):
    """One message to send on one platform, written in the transaction that decided it.

    `key` is unique: a replayed event or a second scheduler that decides the same message again
    inserts nothing. `payload` is a neutral `Reply` (`handlers.messages.reply_to_json`).
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    #: "user" (a direct message the transport opens) or "room" (a channel or room id).
    recipient_kind: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(255))
    thread: Mapped[str | None] = mapped_column(String(255))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    not_before: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: Set when the platform refused the message for good (unknown user, channel archived): the
    #: row stays for the operators, and is never retried.
    abandoned_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: What the platform called the sent message (Slack `ts`, Matrix event id), to update it later.
    platform_ref: Mapped[str | None] = mapped_column(String(255))

    __table_args__ = (Index("ix_outbox_pending", "platform", "sent_at", "not_before"),)


class SeenEvent(Base):
    """A platform event already handled: Slack's retries and Matrix's replays are processed once."""

    __tablename__ = "seen_events"

    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class TransportState(Base):
    """A small named value a transport keeps across restarts (Matrix's `next_batch`)."""

    __tablename__ = "transport_state"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
