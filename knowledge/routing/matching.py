"""Which mediator gets an offer: present, under capacity, the need among their specialities when
they have any, the least loaded first; those of the chosen lieu, then of the nearest lieux that
offer the need (DESIGN §5).

On PostgreSQL the candidates' rows are locked (`FOR UPDATE`, in id order so two routers never
deadlock) while their load is counted and the offer written, so two instances cannot both fill
a mediator's last free place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session

from knowledge.lieu_identity import LieuKey
from knowledge.models import Mediateur, MediateurLieu
from knowledge.routing.models import MediatorPresence, Offer, Request
from knowledge.routing.states import ACCEPTEE, PROPOSEE

#: The lieux near a request's lieu that offer its need, nearest first (from the search index).
Nearby = Callable[[Request], Sequence[LieuKey]]


def mediators_of(session: Session, lieux: Iterable[LieuKey]) -> list[Mediateur]:
    """Mediators working at any of `lieux` (a link written without a source matches by id)."""
    keys = list(dict.fromkeys(lieux))
    if not keys:
        return []
    ids = [key.id for key in keys]
    linked = select(MediateurLieu.mediateur_id).where(or_(
        tuple_(MediateurLieu.lieu_source, MediateurLieu.lieu_id).in_([tuple(k) for k in keys]),
        (MediateurLieu.lieu_source == "") & MediateurLieu.lieu_id.in_(ids)))
    statement = select(Mediateur).where(Mediateur.id.in_(linked)).order_by(Mediateur.id)
    return list(session.scalars(statement).all())


def is_present(mediator: Mediateur, presence: MediatorPresence | None, today: dt.date) -> bool:
    """Not within an absence of the YAML, nor « absent jusqu'au » a date to come."""
    if presence is not None and presence.away_until is not None and today <= presence.away_until:
        return False
    for absence in mediator.absences or []:
        if absence.get("du", "") <= today.isoformat() <= absence.get("au", ""):
            return False
    return True


def loads(session: Session, mediator_ids: Sequence[str]) -> dict[str, int]:
    """Open requests (offered or accepted) of each mediator."""
    if not mediator_ids:
        return {}
    rows = session.execute(
        select(Request.mediator_id, func.count()).where(
            Request.mediator_id.in_(list(mediator_ids)), Request.state.in_([PROPOSEE, ACCEPTEE]))
        .group_by(Request.mediator_id))
    return {str(mediator_id): int(count) for mediator_id, count in rows}


def _lock(session: Session, mediators: list[Mediateur]) -> None:
    if mediators and session.get_bind().dialect.name == "postgresql":
        session.execute(select(Mediateur.id).where(Mediateur.id.in_([m.id for m in mediators]))
                        .order_by(Mediateur.id).with_for_update())


def _eligible(session: Session, request: Request, mediators: list[Mediateur], now: dt.datetime,
              fresh: bool = False) -> list[Mediateur]:
    already = set() if fresh else set(session.scalars(select(Offer.mediator_id).where(Offer.request_id == request.id)))
    pool = [m for m in mediators if m.id not in already]
    if not pool:
        return []
    _lock(session, pool)
    presences = {p.mediator_id: p for p in session.scalars(
        select(MediatorPresence).where(MediatorPresence.mediator_id.in_([m.id for m in pool])))}
    load = loads(session, [m.id for m in pool])
    today = now.date()
    chosen = []
    for mediator in pool:
        presence = presences.get(mediator.id)
        capacity = presence.capacity if presence is not None and presence.capacity is not None else mediator.capacite
        if not is_present(mediator, presence, today) or load.get(mediator.id, 0) >= capacity:
            continue
        if mediator.besoins and request.need and request.need not in mediator.besoins:
            continue
        chosen.append(mediator)
    return sorted(chosen, key=lambda m: (load.get(m.id, 0), m.id))


def choose(session: Session, request: Request, now: dt.datetime, nearby: Nearby | None = None,
           fresh: bool = False) -> Mediateur | None:
    """The best available mediator for `request`, or None when nobody is (`fresh`: never offered yet)."""
    lieu = LieuKey(request.lieu_source, request.lieu_id)
    found = _eligible(session, request, mediators_of(session, [lieu]), now, fresh)
    if found:
        return found[0]
    for key in nearby(request) if nearby is not None else ():
        if key != lieu and (found := _eligible(session, request, mediators_of(session, [key]), now, fresh)):
            return found[0]
    return None
