"""Schedule, cancel and fire database timers, exactly once even with two instances (DESIGN §9).

APScheduler only ticks (`bot/scheduler.py`); what is due, and who fires it, is decided here by the
database: each timer is fired in its own transaction that first locks its row with
`FOR UPDATE SKIP LOCKED`, runs the timer's effect (state change, outbox rows) and sets `fired_at`.
Another instance skips the locked row and, once it is committed, no longer sees it as due; a crash
rolls the effect back with the mark, so the timer fires again after restart. A timer that came due
while every instance was down fires at the first tick after start.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session, sessionmaker

from knowledge.delivery.outbox import backoff_seconds, utc_now
from knowledge.scheduling.models import Timer
from knowledge.sql import insert_ignoring_duplicates, insert_many_ignoring_duplicates, locking

log = logging.getLogger(__name__)

TIMERS: Final[Table] = Timer.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class DueTimer:
    """A timer being fired: what its handler gets."""

    id: int
    key: str
    kind: str
    due_at: dt.datetime
    payload: dict[str, Any]


#: A timer's effect, run inside the transaction that marks it fired.
TimerHandler = Callable[[Session, DueTimer, dt.datetime], None]


def schedule(session: Session, *, key: str, kind: str, due_at: dt.datetime,
             payload: dict[str, Any] | None = None) -> bool:
    """Add a timer in the caller's transaction; False when `key` already exists."""
    return insert_ignoring_duplicates(session, TIMERS, {
        "key": key[:200], "kind": kind, "due_at": due_at, "payload": payload or {}, "attempts": 0})


def schedule_many(session: Session, timers: list[dict[str, Any]]) -> None:
    """Add several timers (`key`, `kind`, `due_at`, `payload`) in one statement; existing keys are kept."""
    if not timers:
        return
    rows = [{"key": t["key"][:200], "kind": t["kind"], "due_at": t["due_at"], "payload": t.get("payload") or {},
             "attempts": 0} for t in timers]
    insert_many_ignoring_duplicates(session, TIMERS, rows)


def cancel(session: Session, key: str, now: dt.datetime | None = None) -> bool:
    """Cancel a timer not yet fired (the mediator answered before the reminder); True if one was."""
    result = session.execute(update(TIMERS).where(
        TIMERS.c.key == key, TIMERS.c.fired_at.is_(None), TIMERS.c.cancelled_at.is_(None),
    ).values(cancelled_at=now or utc_now()))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _due(session: Session, now: dt.datetime, kinds: frozenset[str]) -> Timer | None:
    statement = (
        select(Timer)
        .where(Timer.fired_at.is_(None), Timer.cancelled_at.is_(None), Timer.due_at <= now,
               Timer.kind.in_(sorted(kinds)))
        .order_by(Timer.due_at, Timer.id).limit(1)
    )
    return session.scalars(locking(session, statement)).first()


def fire_due(sessions: sessionmaker[Session], handlers: Mapping[str, TimerHandler], *,
             now: dt.datetime | None = None, limit: int = 100) -> int:
    """Fire up to `limit` due timers of the kinds in `handlers`, one transaction each; the count fired.

    A handler that raises is rolled back and its timer retried later with backoff.
    """
    fired = 0
    kinds = frozenset(handlers)
    for _ in range(limit):
        moment = now or utc_now()
        due: DueTimer | None = None
        attempts = 0
        try:
            with sessions.begin() as session:
                timer = _due(session, moment, kinds)
                if timer is None:
                    return fired
                due = DueTimer(timer.id, timer.key, timer.kind, timer.due_at, dict(timer.payload or {}))
                attempts = timer.attempts
                handlers[timer.kind](session, due, moment)
                timer.fired_at = moment
        except Exception as error:
            if due is None:
                raise
            log.exception("minuterie %s (%s) en échec", due.key, due.kind)
            with sessions.begin() as session:
                session.execute(update(TIMERS).where(TIMERS.c.id == due.id).values(
                    attempts=attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000],
                    due_at=moment + dt.timedelta(seconds=backoff_seconds(attempts + 1))))
            continue
        fired += 1
    return fired
