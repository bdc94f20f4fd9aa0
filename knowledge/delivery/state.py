"""Small named values a transport keeps across restarts (Matrix's sync token)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from knowledge.delivery.models import TransportState
from knowledge.delivery.outbox import utc_now


def load(sessions: sessionmaker[Session], name: str) -> str | None:
    """The value saved under `name`, if any."""
    with sessions() as session:
        row = session.get(TransportState, name)
        return row.value if row is not None else None


def save(sessions: sessionmaker[Session], name: str, value: str) -> None:
    """Save `value` under `name`, replacing the previous one."""
    with sessions.begin() as session:
        row = session.get(TransportState, name)
        if row is None:
            session.add(TransportState(name=name, value=value, updated_at=utc_now()))
        else:
            row.value = value
            row.updated_at = utc_now()
