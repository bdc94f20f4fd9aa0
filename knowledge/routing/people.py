"""Who is who: a sender on a platform is a mediator, a coordinator, or just someone asking.

On Slack and Matrix a person is found by the chat id the YAML gives them; in the terminal
(`epnbot chat --as ID`) by their YAML id. A person is reached on the first platform, among those
this deployment serves, where they have an id (the asker's own platform first), else in the
terminal under their id (`chat --as ID` shows it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.models import Coordinateur, Mediateur

CONSOLE: Final = "console"


@dataclass(frozen=True, slots=True)
class Address:
    """Where a message goes: platform, recipient and its kind ("user" or "room"), thread."""

    platform: str
    recipient: str
    recipient_kind: str = "user"
    thread: str | None = None


@dataclass(frozen=True, slots=True)
class Roles:
    """What a sender is in the knowledge base (either, both or neither)."""

    mediator: Mediateur | None = None
    coordinator: Coordinateur | None = None


def _column_of(platform: str) -> str | None:
    return {"slack": "slack", "matrix": "matrix"}.get(platform)


def roles_of(session: Session, platform: str, sender: str) -> Roles:
    """The mediator and coordinator entries of a sender (by chat id, or by YAML id in the terminal)."""
    column = _column_of(platform)
    if column is None:
        mediator = session.get(Mediateur, sender)
        coordinator = session.get(Coordinateur, sender)
    else:
        mediator = session.scalars(select(Mediateur).where(getattr(Mediateur, column) == sender)).first()
        coordinator = session.scalars(select(Coordinateur).where(getattr(Coordinateur, column) == sender)).first()
    return Roles(mediator, coordinator)


def address_of(person: Mediateur | Coordinateur, platforms: Sequence[str], prefer: str | None = None) -> Address:
    """The direct-message address of a person on the best platform they use."""
    order = [prefer] if prefer is not None and prefer in platforms else []
    order += [platform for platform in platforms if platform not in order]
    for platform in order:
        column = _column_of(platform)
        chat_id = getattr(person, column) if column else None
        if chat_id:
            return Address(platform, chat_id)
    return Address(CONSOLE, person.id)


def coordinators_of(session: Session, departement: str | None) -> list[Coordinateur]:
    """The coordinators of a département (every coordinator when the département is unknown)."""
    everyone = session.scalars(select(Coordinateur).order_by(Coordinateur.id)).all()
    if departement is None:
        return list(everyone)
    return [coordinator for coordinator in everyone if departement in (coordinator.departements or [])]
