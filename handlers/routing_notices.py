"""Turn routing's `Notice`s into French replies and put them in the outbox, in the same transaction.

One function per audience keeps wording in `texts_routing_fr`; the outbox key of a notice makes a
replayed decision queue nothing twice (DESIGN §5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from handlers import texts_routing_fr as texts
from handlers.messages import Reply, reply_to_json
from handlers.routing_view import excerpt, notice, offer_buttons
from knowledge.delivery.outbox import enqueue
from knowledge.models import Lieu, Mediateur
from knowledge.routing.models import Offer, Request
from knowledge.routing.states import REASONS
from knowledge.routing.workflow import Notice
from knowledge.taxonomy import NEEDS


def need_label(code: str | None) -> str:
    """« créer et développer son entreprise », or « aide au numérique » without a need."""
    return NEEDS.get(code or "", code or "aide au numérique")


def _commune(session: Session, request: Request) -> str:
    lieu = session.get(Lieu, (request.lieu_source, request.lieu_id))
    return lieu.commune if lieu is not None else ""


def _mediator_name(session: Session, mediator_id: str | None) -> str:
    mediator = session.get(Mediateur, mediator_id) if mediator_id else None
    return mediator.nom if mediator is not None else (mediator_id or "un médiateur")


def offer_reply(session: Session, request: Request) -> Reply:
    """The offer a mediator receives: number, need, lieu, the asker's message, Accept / Decline."""
    text = texts.OFFER_TEXT.format(number=request.id, need=need_label(request.need), lieu=request.lieu_name,
                                   commune=_commune(session, request), text=excerpt(request.text))
    return Reply(text=text, buttons=offer_buttons(request.id), kind="offer", footer=f"demande n° {request.id}")


def accepted_for_mediator(request: Request) -> Reply:
    """What the mediator learns once they accepted: who to call back, and how."""
    note = f"\nPrécision : « {excerpt(request.note)} »" if request.note else ""
    contact = f"\nContact : {request.contact}" if request.contact else ""
    name = f" ({request.asker_name})" if request.asker_name else ""
    return Reply(text=texts.ACCEPTED_FOR_MEDIATOR.format(
        number=request.id, handle=request.asker_id or "?", name=name, text=excerpt(request.text, 2000),
        note=note, contact=contact), kind="notice", footer=f"demande n° {request.id}")


def _outcome(request: Request) -> str:
    return f" ({request.outcome})" if request.outcome else ""


def _offer_date(session: Session, item: Notice) -> str:
    offer = session.get(Offer, int(item.occurrence)) if item.occurrence.isdigit() else None
    return offer.offered_at.strftime("%d/%m/%Y") if offer is not None else ""


_RENDER: dict[str, Callable[[Session, Request, Notice], Reply]] = {
    "offer": lambda session, request, item: offer_reply(session, request),
    "reminder": lambda session, request, item: Reply(text=texts.REMINDER_TEXT.format(
        number=request.id, need=need_label(request.need), lieu=request.lieu_name,
        date=_offer_date(session, item)), buttons=offer_buttons(request.id), kind="offer",
        footer=f"demande n° {request.id}"),
    "accepted": lambda session, request, item: notice(texts.NOTICE_ACCEPTED.format(
        number=request.id, mediator=_mediator_name(session, item.facts.get("mediator")), lieu=request.lieu_name),
        request.id),
    "reoffered": lambda session, request, item: notice(texts.NOTICE_REOFFERED.format(number=request.id),
                                                       request.id),
    "escalated": lambda session, request, item: notice(texts.NOTICE_ESCALATED.format(number=request.id),
                                                       request.id),
    "expired": lambda session, request, item: notice(texts.NOTICE_EXPIRED.format(
        number=request.id, days=item.facts.get("days", 30), lieu=request.lieu_name), request.id),
    "closed": lambda session, request, item: notice(texts.NOTICE_CLOSED.format(
        number=request.id, outcome=_outcome(request)), request.id),
    "reassigned": lambda session, request, item: notice(texts.NOTICE_REASSIGNED.format(number=request.id),
                                                        request.id),
    "coordinator-nobody": lambda session, request, item: notice(texts.COORDINATOR_NOBODY.format(
        number=request.id, need=need_label(request.need), lieu=request.lieu_name,
        commune=_commune(session, request), dep=request.departement or "?"), request.id),
    "cancelled-mediator": lambda session, request, item: notice(
        texts.CANCELLED_FOR_MEDIATOR.format(number=request.id), request.id),
    "withdrawn": lambda session, request, item: notice(texts.WITHDRAWN_FOR_MEDIATOR.format(number=request.id),
                                                       request.id),
    "note": lambda session, request, item: notice(texts.NOTE_FOR_MEDIATOR.format(
        number=request.id, note=excerpt(request.note)), request.id),
}


def render(session: Session, item: Notice) -> Reply:
    """The reply a notice stands for; an unknown kind is a programming error."""
    request = session.get(Request, item.request_id)
    if request is None:
        raise LookupError(f"demande inconnue : {item.request_id}")
    return _RENDER[item.kind](session, request, item)


def queue(session: Session, notices: Iterable[Notice]) -> int:
    """Put every notice in the outbox (the caller's transaction); how many were new."""
    queued = 0
    for item in notices:
        reply = render(session, item)
        address = item.address
        queued += enqueue(session, key=item.key, platform=address.platform, recipient=address.recipient,
                          recipient_kind=address.recipient_kind, thread=address.thread,
                          payload=reply_to_json(reply))
    return queued


def reason_label(code: str | None) -> str:
    """« hors compétence »."""
    return REASONS.get(code or "", code or "")
