"""The transactional outbox (DESIGN §5): decide and queue in one transaction, deliver afterwards.

Handlers call `enqueue` inside the transaction that changes a request's state, so a crash between
deciding and sending loses nothing, and a replayed event queues nothing twice (unique `key`).
Each transport then `claim`s the rows of its own platform, sends them and marks them `sent`;
claiming takes a short lease with `FOR UPDATE SKIP LOCKED`, so two instances never send one row
at the same time, and a row whose sender died is claimed again when its lease runs out.

    with sessions.begin() as session:
        request.state = "proposée"
        enqueue(session, key=f"offer:{request.id}:{offer.id}", platform="slack",
                recipient="U012ABCDE", payload=reply_to_json(reply))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from knowledge.delivery.models import OutboxMessage
from knowledge.sql import insert_ignoring_duplicates, locking

OUTBOX: Final[Table] = OutboxMessage.__table__  # type: ignore[assignment]
USER: Final = "user"
ROOM: Final = "room"
#: Backoff after a failure: 2 s, 4 s, 8 s… at most an hour; the row is never dropped for it.
BACKOFF_FIRST_SECONDS: Final = 2.0
BACKOFF_MAX_SECONDS: Final = 3600.0
LEASE_SECONDS: Final = 120.0


def utc_now() -> dt.datetime:
    """Timezone-aware now."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A claimed row, detached from its session."""

    id: int
    key: str
    platform: str
    recipient_kind: str
    recipient: str
    thread: str | None
    payload: dict[str, Any]
    attempts: int

    @classmethod
    def of(cls, row: OutboxMessage) -> OutboxItem:
        """Copy a row's fields."""
        return cls(row.id, row.key, row.platform, row.recipient_kind, row.recipient, row.thread,
                   dict(row.payload), row.attempts)


def enqueue(session: Session, *, key: str, platform: str, recipient: str, payload: dict[str, Any],
            recipient_kind: str = USER, thread: str | None = None,
            not_before: dt.datetime | None = None) -> bool:
    """Queue one message in the caller's transaction; False when `key` was already queued."""
    if recipient_kind not in (USER, ROOM):
        raise ValueError(f"recipient_kind inconnu : {recipient_kind!r}")
    return insert_ignoring_duplicates(session, OUTBOX, {
        "key": key[:200], "platform": platform, "recipient_kind": recipient_kind, "recipient": recipient,
        "thread": thread, "payload": payload, "not_before": not_before or utc_now(), "attempts": 0,
    })


def backoff_seconds(attempts: int) -> float:
    """Delay before the next try after `attempts` failures."""
    return float(min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2 ** max(0, attempts - 1)))


class Outbox:
    """The delivery side of the outbox, for one process: claim, mark sent, mark failed."""

    def __init__(self, sessions: sessionmaker[Session], clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.sessions = sessions
        self.clock = clock

    def claim(self, platform: str, limit: int = 20, lease_seconds: float = LEASE_SECONDS,
              recipient: str | None = None) -> list[OutboxItem]:
        """Up to `limit` due rows of `platform` (for one `recipient`, if given), oldest first, leased."""
        now = self.clock()
        with self.sessions.begin() as session:
            statement = (
                select(OutboxMessage)
                .where(OutboxMessage.platform == platform, OutboxMessage.sent_at.is_(None),
                       OutboxMessage.abandoned_at.is_(None), OutboxMessage.not_before <= now,
                       (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now))
                .order_by(OutboxMessage.id).limit(limit)
            )
            if recipient is not None:
                statement = statement.where(OutboxMessage.recipient == recipient)
            rows = session.scalars(locking(session, statement)).all()
            until = now + dt.timedelta(seconds=lease_seconds)
            for row in rows:
                row.claimed_until = until
            return [OutboxItem.of(row) for row in rows]

    def mark_sent(self, item_id: int, platform_ref: str | None = None) -> None:
        """The platform accepted the message: never send it again."""
        with self.sessions.begin() as session:
            session.execute(update(OUTBOX).where(OUTBOX.c.id == item_id).values(
                sent_at=self.clock(), claimed_until=None, platform_ref=platform_ref))

    def mark_failed(self, item_id: int, error: str, retry_after: float | None = None) -> float:
        """Try again later (the platform's `Retry-After`, else exponential backoff); the delay chosen."""
        with self.sessions.begin() as session:
            row = session.get(OutboxMessage, item_id)
            if row is None:
                return 0.0
            row.attempts += 1
            delay = retry_after if retry_after is not None else backoff_seconds(row.attempts)
            row.last_error = error[:2000]
            row.not_before = self.clock() + dt.timedelta(seconds=delay)
            row.claimed_until = None
            return delay

    def abandon(self, item_id: int, error: str) -> None:
        """The platform refused the message for good: keep the row, stop trying."""
        with self.sessions.begin() as session:
            session.execute(update(OUTBOX).where(OUTBOX.c.id == item_id).values(
                abandoned_at=self.clock(), claimed_until=None, last_error=error[:2000]))

    def pending_count(self, platform: str | None = None) -> int:
        """Rows not yet sent nor abandoned (all platforms, or one)."""
        with self.sessions() as session:
            statement = select(func.count()).select_from(OutboxMessage).where(
                OutboxMessage.sent_at.is_(None), OutboxMessage.abandoned_at.is_(None))
            if platform is not None:
                statement = statement.where(OutboxMessage.platform == platform)
            return int(session.scalar(statement) or 0)

    def platform_ref(self, key: str) -> str | None:
        """What the platform called the message queued under `key`, once sent (to update it)."""
        with self.sessions() as session:
            return session.scalar(select(OutboxMessage.platform_ref).where(OutboxMessage.key == key))
