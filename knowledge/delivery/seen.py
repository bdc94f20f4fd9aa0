"""Platform events already handled, remembered in the database so a retry or a restart replays none.

Slack retries an event it thinks was lost (`X-Slack-Retry-Num`), Matrix may hand back events after a
restart: `first_time` is an insert on a unique key, so only one caller, in one instance, gets True.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session, sessionmaker

from knowledge.delivery.models import SeenEvent
from knowledge.delivery.outbox import utc_now
from knowledge.sql import insert_ignoring_duplicates

SEEN: Final[Table] = SeenEvent.__table__  # type: ignore[assignment]


def first_time(sessions: sessionmaker[Session], platform: str, event_id: str,
               now: dt.datetime | None = None) -> bool:
    """True the first time this event is seen, False for every retry or replay."""
    with sessions.begin() as session:
        return insert_ignoring_duplicates(session, SEEN, {
            "platform": platform, "event_id": event_id[:255], "seen_at": now or utc_now()})


def forget_before(sessions: sessionmaker[Session], cutoff: dt.datetime) -> int:
    """Drop events seen before `cutoff` (platforms stop retrying after minutes); rows removed."""
    with sessions.begin() as session:
        result = session.execute(delete(SEEN).where(SEEN.c.seen_at < cutoff))
        return int(result.rowcount)  # type: ignore[attr-defined]
