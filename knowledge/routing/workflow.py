"""Every change of a request, in the caller's transaction: state, audit log, timers, notices.

Each function takes the open `Session` of the message, button press or timer that causes it,
locks the request row (`FOR UPDATE` on PostgreSQL), checks the change is allowed, writes it with
its `RequestEvent`, (re)schedules or cancels its timers, and returns the `Notice`s to send: the
handlers render them and put them in the outbox in the same transaction (DESIGN §5). A refused
change raises `RoutingRefusal` with a code and the facts a French message needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.lieu_identity import LieuKey
from knowledge.models import Mediateur
from knowledge.routing import matching
from knowledge.routing.models import MediatorPresence, Offer, Request, RequestEvent, RoutingCount
from knowledge.routing.people import Address, address_of, coordinators_of
from knowledge.routing.policy import RoutingPolicy
from knowledge.routing.states import (
    ACCEPTEE,
    ANNULEE,
    CLOTUREE,
    EXPIREE,
    NOUVELLE,
    OFFER_ACCEPTED,
    OFFER_DECLINED,
    OFFER_OPEN,
    OFFER_TIMED_OUT,
    OFFER_WITHDRAWN,
    OPEN,
    PROPOSEE,
    REFUSEE,
    TERMINAL,
)
from knowledge.scheduling import timers

REMINDER = "routing.reminder"
REOFFER = "routing.reoffer"
EXPIRY = "routing.expiry"
SYSTEM = "epnbot"


class RoutingRefusal(Exception):
    """A change that is not allowed; `code` selects the French message, `facts` fill it."""

    def __init__(self, code: str, **facts: Any) -> None:
        super().__init__(code)
        self.code = code
        self.facts = facts


@dataclass(frozen=True, slots=True)
class Notice:
    """Something to tell someone about a request: `kind` selects the text (« offer », « accepted »…)."""

    kind: str
    address: Address
    request_id: int
    #: Makes the outbox key unique per occurrence (an offer id, a timer id).
    occurrence: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The outbox key: the same decision replayed queues nothing twice."""
        return f"{self.kind}:{self.request_id}:{self.occurrence}:{self.address.platform}:{self.address.recipient}"


@dataclass(frozen=True, slots=True)
class NewRequest:
    """What « oui » turns into a request: only what routing needs."""

    asker_platform: str
    asker_id: str
    asker_name: str | None
    room: str | None
    thread: str | None
    text: str
    need: str | None
    audiences: tuple[str, ...]
    departement: str | None
    lieu: LieuKey
    lieu_name: str
    consent_text: str
    note: str | None = None


@dataclass
class Outcome:
    """The request after the change, and what to tell whom."""

    request: Request
    notices: list[Notice] = field(default_factory=list)
    offered_to: Mediateur | None = None


def asker_address(request: Request) -> Address:
    """The asker's room and thread (their own direct messages in the terminal)."""
    if request.asker_platform in ("console", "test") or not request.asker_room:
        return Address(request.asker_platform, request.asker_id or "", "user", request.asker_thread)
    return Address(request.asker_platform, request.asker_room, "room", request.asker_thread)


def _log(session: Session, request: Request, now: dt.datetime, actor: str, event: str,
         to_state: str | None = None, reason: str | None = None, detail: str | None = None) -> None:
    session.add(RequestEvent(request_id=request.id, at=now, actor=actor[:255], event=event,
                             from_state=request.state, to_state=to_state or request.state,
                             reason=reason, detail=(detail or None) and detail[:500]))
    if to_state is not None:
        request.state = to_state
    request.updated_at = now


def count(session: Session, now: dt.datetime, event: str, need: str | None, departement: str | None) -> None:
    """An anonymous count: what happened, for which need, in which département."""
    session.add(RoutingCount(at=now, event=event, need=need, departement=departement, detail={}))


def lock(session: Session, number: int) -> Request:
    """The request row, locked until the transaction ends; refuses an unknown number."""
    statement = select(Request).where(Request.id == number)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    request = session.scalars(statement).first()
    if request is None:
        raise RoutingRefusal("unknown", number=number)
    return request


def open_offer(session: Session, request: Request) -> Offer | None:
    """The offer waiting for an answer, if any."""
    return session.scalars(select(Offer).where(Offer.request_id == request.id, Offer.answer == OFFER_OPEN)).first()


def find_duplicate(session: Session, new: NewRequest, now: dt.datetime, policy: RoutingPolicy) -> Request | None:
    """An open request of the same asker, lieu and need within the duplicate window."""
    return session.scalars(
        select(Request).where(
            Request.asker_platform == new.asker_platform, Request.asker_id == new.asker_id,
            Request.lieu_source == new.lieu.source, Request.lieu_id == new.lieu.id,
            Request.need == new.need if new.need else Request.need.is_(None),
            Request.state.in_(sorted(OPEN)), Request.created_at >= now - policy.duplicate_window,
        ).order_by(Request.id.desc())).first()


def create(session: Session, new: NewRequest, now: dt.datetime, policy: RoutingPolicy,
           nearby: matching.Nearby | None = None) -> Outcome:
    """Store a consented request and offer it at once; refuses a duplicate."""
    duplicate = find_duplicate(session, new, now, policy)
    if duplicate is not None:
        raise RoutingRefusal("duplicate", number=duplicate.id, need=duplicate.need, lieu=duplicate.lieu_name,
                             created_at=duplicate.created_at, state=duplicate.state)
    request = Request(
        state=NOUVELLE, created_at=now, updated_at=now, asker_platform=new.asker_platform,
        asker_id=new.asker_id, asker_name=new.asker_name, asker_room=new.room, asker_thread=new.thread,
        text=new.text, note=new.note, need=new.need, audiences=list(new.audiences), departement=new.departement,
        lieu_source=new.lieu.source, lieu_id=new.lieu.id, lieu_name=new.lieu_name, consent_at=now,
        consent_text=new.consent_text,
    )
    session.add(request)
    session.flush()
    _log(session, request, now, new.asker_id, "créée", NOUVELLE)
    count(session, now, "demande", new.need, new.departement)
    outcome = offer_next(session, request, now, policy, nearby, SYSTEM, fresh=True,
                         extra_timers=[{"key": f"expiry:{request.id}", "kind": EXPIRY,
                                        "due_at": now + policy.expire_after, "payload": {"request": request.id}}])
    return outcome


def offer_next(session: Session, request: Request, now: dt.datetime, policy: RoutingPolicy,
               nearby: matching.Nearby | None, actor: str, *, fresh: bool = False,
               extra_timers: list[dict[str, Any]] | None = None) -> Outcome:
    """Offer the request to the best available mediator, or tell the coordinators nobody is.

    `fresh`: the request was just created (no earlier offer to exclude); `extra_timers` are
    scheduled in the same statement as the offer's.
    """
    outcome = Outcome(request)
    mediator = matching.choose(session, request, now, nearby, fresh=fresh)
    if mediator is None:
        timers.schedule_many(session, extra_timers or [])
        return escalate(session, request, now, policy, outcome)
    _offer_to(session, request, mediator, now, policy, actor, outcome, extra_timers)
    return outcome


def _offer_to(session: Session, request: Request, mediator: Mediateur, now: dt.datetime, policy: RoutingPolicy,
              actor: str, outcome: Outcome, extra_timers: list[dict[str, Any]] | None = None) -> None:
    offer = Offer(request_id=request.id, mediator_id=mediator.id, offered_at=now, answer=OFFER_OPEN)
    session.add(offer)
    session.flush()
    request.mediator_id = mediator.id
    _log(session, request, now, actor, "proposée", PROPOSEE, detail=mediator.id)
    payload = {"request": request.id, "offer": offer.id}
    timers.schedule_many(session, [
        *(extra_timers or []),
        {"key": f"reminder:{offer.id}", "kind": REMINDER, "due_at": now + policy.remind_after, "payload": payload},
        {"key": f"reoffer:{offer.id}", "kind": REOFFER, "due_at": now + policy.reoffer_after, "payload": payload},
    ])
    address = address_of(mediator, policy.platforms, prefer=request.asker_platform)
    outcome.notices.append(Notice("offer", address, request.id, str(offer.id), {"mediator": mediator.id}))
    outcome.offered_to = mediator


def escalate(session: Session, request: Request, now: dt.datetime, policy: RoutingPolicy,
             outcome: Outcome) -> Outcome:
    """Nobody is available: the area's coordinators are told at once, and the asker too."""
    target = REFUSEE if request.state in (PROPOSEE, REFUSEE) else NOUVELLE
    request.mediator_id = None
    request.escalated_at = now
    _log(session, request, now, SYSTEM, "escaladée", target)
    occurrence = now.isoformat()
    for coordinator in coordinators_of(session, request.departement):
        outcome.notices.append(Notice("coordinator-nobody", address_of(coordinator, policy.platforms), request.id,
                                      occurrence))
    outcome.notices.append(Notice("escalated", asker_address(request), request.id, occurrence))
    return outcome


def _check_actor(request: Request, offer: Offer | None, mediator_id: str | None, coordinator: bool,
                 action: str) -> None:
    if request.state in TERMINAL:
        raise RoutingRefusal("terminal", number=request.id, state=request.state, action=action)
    if offer is not None and mediator_id == offer.mediator_id:
        return
    if coordinator:
        return
    if request.state == ACCEPTEE and mediator_id is not None and mediator_id == request.mediator_id:
        raise RoutingRefusal("already-accepted", number=request.id)
    raise RoutingRefusal("not-your-offer", number=request.id)


def accept(session: Session, number: int, mediator_id: str | None, now: dt.datetime,
           coordinator: bool = False, actor: str | None = None) -> Outcome:
    """The offered mediator (or a coordinator) takes the request; a second press changes nothing."""
    request = lock(session, number)
    offer = open_offer(session, request)
    if request.state == ACCEPTEE and mediator_id is not None and mediator_id == request.mediator_id:
        raise RoutingRefusal("already-accepted", number=number)
    _check_actor(request, offer, mediator_id, coordinator, "acceptée")
    if offer is None:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="acceptée")
    offer.answer, offer.answered_at = OFFER_ACCEPTED, now
    _cancel_offer_timers(session, offer, now)
    request.mediator_id = offer.mediator_id
    _log(session, request, now, actor or mediator_id or SYSTEM, "acceptée", ACCEPTEE, detail=offer.mediator_id)
    count(session, now, "acceptée", request.need, request.departement)
    outcome = Outcome(request)
    outcome.notices.append(Notice("accepted", asker_address(request), request.id, str(offer.id),
                                  {"mediator": offer.mediator_id}))
    return outcome


def decline(session: Session, number: int, mediator_id: str | None, reason: str, detail: str, now: dt.datetime,
            policy: RoutingPolicy, nearby: matching.Nearby | None, coordinator: bool = False) -> Outcome:
    """The offered mediator declines with a reason; the next mediator gets it."""
    request = lock(session, number)
    offer = open_offer(session, request)
    _check_actor(request, offer, mediator_id, coordinator, "refusée")
    if offer is None:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="refusée")
    offer.answer, offer.answered_at, offer.reason, offer.detail = OFFER_DECLINED, now, reason, detail[:500] or None
    _cancel_offer_timers(session, offer, now)
    _log(session, request, now, mediator_id or SYSTEM, "refusée", REFUSEE, reason=reason, detail=detail)
    count(session, now, "refusée", request.need, request.departement)
    outcome = offer_next(session, request, now, policy, nearby, SYSTEM)
    if outcome.offered_to is not None:
        outcome.notices.append(Notice("reoffered", asker_address(request), request.id, str(offer.id)))
    return outcome


def close(session: Session, number: int, mediator_id: str | None, issue: str, now: dt.datetime,
          coordinator: bool = False) -> Outcome:
    """The mediator who accepted (or a coordinator) closes the request with its outcome."""
    request = lock(session, number)
    if request.state in TERMINAL:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="close")
    if not coordinator and (mediator_id is None or mediator_id != request.mediator_id):
        raise RoutingRefusal("not-your-offer", number=number)
    if request.state != ACCEPTEE:
        raise RoutingRefusal("not-accepted", number=number)
    request.outcome = issue[:300] or None
    request.closed_at = now
    _log(session, request, now, mediator_id or SYSTEM, "clôturée", CLOTUREE, detail=issue)
    timers.cancel(session, f"expiry:{request.id}", now)
    count(session, now, "clôturée", request.need, request.departement)
    outcome = Outcome(request)
    outcome.notices.append(Notice("closed", asker_address(request), request.id))
    return outcome


def cancel(session: Session, number: int, asker_platform: str, asker_id: str, now: dt.datetime,
           policy: RoutingPolicy) -> Outcome:
    """The asker cancels; the mediator it was offered to or accepted by is told."""
    request = lock(session, number)
    if request.asker_platform != asker_platform or request.asker_id != asker_id:
        raise RoutingRefusal("not-your-request", number=number)
    if request.state in TERMINAL:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="annulée")
    outcome = Outcome(request)
    offer = open_offer(session, request)
    if offer is not None:
        offer.answer, offer.answered_at = OFFER_WITHDRAWN, now
        _cancel_offer_timers(session, offer, now)
    if request.mediator_id:
        mediator = session.get(Mediateur, request.mediator_id)
        if mediator is not None:
            outcome.notices.append(Notice("cancelled-mediator", address_of(mediator, policy.platforms), request.id))
    request.closed_at = now
    _log(session, request, now, asker_id, "annulée", ANNULEE)
    timers.cancel(session, f"expiry:{request.id}", now)
    count(session, now, "annulée", request.need, request.departement)
    return outcome


def reassign(session: Session, number: int, mediator_id: str, coordinator_id: str, now: dt.datetime,
             policy: RoutingPolicy) -> Outcome:
    """A coordinator offers the request to a mediator of their choice."""
    request = lock(session, number)
    if request.state in TERMINAL or request.state == ACCEPTEE:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="réattribuée")
    mediator = session.get(Mediateur, mediator_id)
    if mediator is None:
        raise RoutingRefusal("unknown-mediator", id=mediator_id)
    if session.scalars(select(Offer.id).where(Offer.request_id == request.id, Offer.mediator_id == mediator_id,
                                              Offer.answer == OFFER_OPEN)).first() is not None:
        raise RoutingRefusal("already-offered", number=number, id=mediator_id)
    outcome = Outcome(request)
    offer = open_offer(session, request)
    if offer is not None:
        offer.answer, offer.answered_at = OFFER_WITHDRAWN, now
        _cancel_offer_timers(session, offer, now)
        previous = session.get(Mediateur, offer.mediator_id)
        if previous is not None:
            outcome.notices.append(Notice("withdrawn", address_of(previous, policy.platforms), request.id,
                                          str(offer.id)))
    _log(session, request, now, coordinator_id, "réattribuée", detail=mediator_id)
    _offer_to(session, request, mediator, now, policy, coordinator_id, outcome)
    outcome.notices.append(Notice("reassigned", asker_address(request), request.id, now.isoformat()))
    return outcome


def add_note(session: Session, number: int, asker_platform: str, asker_id: str, note: str, now: dt.datetime,
             policy: RoutingPolicy) -> Outcome:
    """The asker adds a sentence and a way to reach them; the current mediator sees it."""
    request = lock(session, number)
    if request.asker_platform != asker_platform or request.asker_id != asker_id:
        raise RoutingRefusal("not-your-request", number=number)
    if request.state in TERMINAL:
        raise RoutingRefusal("terminal", number=number, state=request.state, action="complétée")
    request.note = note[:1000]
    _log(session, request, now, asker_id, "précision")
    outcome = Outcome(request)
    if request.mediator_id and request.state in (PROPOSEE, ACCEPTEE):
        mediator = session.get(Mediateur, request.mediator_id)
        if mediator is not None:
            outcome.notices.append(Notice("note", address_of(mediator, policy.platforms), request.id,
                                          now.isoformat()))
    return outcome


def _cancel_offer_timers(session: Session, offer: Offer, now: dt.datetime) -> None:
    timers.cancel(session, f"reminder:{offer.id}", now)
    timers.cancel(session, f"reoffer:{offer.id}", now)


# ------------------------------------------------------------------------------------------ timers
def remind(session: Session, offer_id: int, now: dt.datetime, policy: RoutingPolicy) -> list[Notice]:
    """The offer is still unanswered: remind its mediator once."""
    offer = session.get(Offer, offer_id)
    if offer is None or offer.answer != OFFER_OPEN:
        return []
    request = lock(session, offer.request_id)
    mediator = session.get(Mediateur, offer.mediator_id)
    if request.state != PROPOSEE or mediator is None:
        return []
    offer.reminded_at = now
    _log(session, request, now, SYSTEM, "rappel", detail=mediator.id)
    return [Notice("reminder", address_of(mediator, policy.platforms, prefer=request.asker_platform), request.id,
                   str(offer.id))]


def time_out(session: Session, offer_id: int, now: dt.datetime, policy: RoutingPolicy,
             nearby: matching.Nearby | None) -> list[Notice]:
    """Nobody answered the offer in time: the next mediator gets it, else the coordinators."""
    offer = session.get(Offer, offer_id)
    if offer is None or offer.answer != OFFER_OPEN:
        return []
    request = lock(session, offer.request_id)
    if request.state != PROPOSEE:
        return []
    offer.answer, offer.answered_at = OFFER_TIMED_OUT, now
    timers.cancel(session, f"reminder:{offer.id}", now)
    _log(session, request, now, offer.mediator_id, "sans réponse", REFUSEE)
    outcome = offer_next(session, request, now, policy, nearby, SYSTEM)
    if outcome.offered_to is not None:
        outcome.notices.append(Notice("reoffered", asker_address(request), request.id, str(offer.id)))
    return outcome.notices


def expire(session: Session, request_id: int, now: dt.datetime, policy: RoutingPolicy) -> list[Notice]:
    """Nobody took the request in time: it expires and the asker is told."""
    try:
        request = lock(session, request_id)
    except RoutingRefusal:
        return []
    if request.state in TERMINAL or request.state == ACCEPTEE:
        return []
    notices = []
    offer = open_offer(session, request)
    if offer is not None:
        offer.answer, offer.answered_at = OFFER_TIMED_OUT, now
        _cancel_offer_timers(session, offer, now)
        mediator = session.get(Mediateur, offer.mediator_id)
        if mediator is not None:
            notices.append(Notice("withdrawn", address_of(mediator, policy.platforms), request.id, str(offer.id)))
    request.closed_at = now
    request.mediator_id = None
    _log(session, request, now, SYSTEM, "expirée", EXPIREE)
    count(session, now, "expirée", request.need, request.departement)
    notices.append(Notice("expired", asker_address(request), request.id, facts={"days": policy.expire_after.days}))
    return notices


def purge(session: Session, now: dt.datetime, policy: RoutingPolicy) -> int:
    """Erase the asker's handle, text, note and contact of requests closed long enough ago."""
    cutoff = now - policy.purge_after
    old = session.scalars(select(Request).where(
        Request.state.in_(sorted(TERMINAL)), Request.closed_at.is_not(None), Request.closed_at < cutoff,
        Request.purged_at.is_(None))).all()
    for request in old:
        request.asker_id = request.asker_name = request.asker_room = request.asker_thread = None
        request.text = request.note = request.contact = None
        request.consent_text = ""
        request.purged_at = now
        _log(session, request, now, SYSTEM, "purgée")
    return len(old)


# ------------------------------------------------------------------------------------------ reading
def requests_of_asker(session: Session, platform: str, asker_id: str) -> Sequence[Request]:
    """The asker's requests, newest first."""
    return session.scalars(select(Request).where(Request.asker_platform == platform, Request.asker_id == asker_id)
                           .order_by(Request.id.desc()).limit(50)).all()


def requests_of_mediator(session: Session, mediator_id: str) -> Sequence[Request]:
    """Requests offered to or accepted by a mediator, still open."""
    return session.scalars(select(Request).where(Request.mediator_id == mediator_id,
                                                 Request.state.in_([PROPOSEE, ACCEPTEE]))
                           .order_by(Request.id)).all()


def requests_of_area(session: Session, departements: Sequence[str], states: Sequence[str] | None = None
                     ) -> Sequence[Request]:
    """Requests of some départements (every one when the list is empty), newest first."""
    statement = select(Request)
    if departements:
        statement = statement.where(Request.departement.in_(list(departements)))
    if states:
        statement = statement.where(Request.state.in_(list(states)))
    return session.scalars(statement.order_by(Request.id.desc()).limit(200)).all()


def history(session: Session, number: int) -> Sequence[RequestEvent]:
    """The audit log of a request, oldest first."""
    return session.scalars(select(RequestEvent).where(RequestEvent.request_id == number)
                           .order_by(RequestEvent.id)).all()


def set_presence(session: Session, mediator_id: str, now: dt.datetime, *, away_until: dt.date | None = None,
                 capacity: int | None = None, back: bool = False) -> None:
    """« absent jusqu'au », « présent », « capacité N »."""
    presence = session.get(MediatorPresence, mediator_id)
    if presence is None:
        presence = MediatorPresence(mediator_id=mediator_id, updated_at=now)
        session.add(presence)
    if back:
        presence.away_until = None
    if away_until is not None:
        presence.away_until = away_until
    if capacity is not None:
        presence.capacity = capacity
    presence.updated_at = now
