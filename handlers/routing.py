"""Routing commands (DESIGN §5): « transmettre », consent, and what askers, mediators and
coordinators say about requests. Every handler runs one transaction: the state change, its audit
log, its timers and its outbox rows commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from sqlalchemy.orm import Session

from handlers import texts_routing_fr as texts
from handlers.errors import UserFacingError
from handlers.messages import Message, Reply
from handlers.registry import Argument, Context, Services, command
from handlers.routing_notices import accepted_for_mediator, need_label, queue, reason_label
from handlers.routing_view import consent_form, decline_form, excerpt
from knowledge.lieu_identity import LieuKey
from knowledge.models import Lieu, Mediateur
from knowledge.routing import workflow
from knowledge.routing.models import Request
from knowledge.routing.people import Roles, roles_of
from knowledge.routing.states import parse_reason
from knowledge.sql import retrying

#: « 12 », « n° 12 », « #12 », then anything; or nothing (so the handler can ask for the number).
NUMBER_FIRST: Final = r"(?:(?:n°|no|num[ée]ro|#)\s*)?\d{1,9}(?:\s.*)?|"
_NUMBER: Final = re.compile(r"^(?:(?:n°|no|num[ée]ro|#)\s*)?(\d{1,9})\s*(.*)$", re.IGNORECASE | re.DOTALL)
_DATE: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?")
MAX_NOTE_CHARS: Final = 1000


def _number(argument: str, command_name: str) -> tuple[int, str]:
    """(N, rest) of « 12 hors compétence »; refuses a missing number in French."""
    found = _NUMBER.match(argument.strip())
    if found is None:
        raise UserFacingError(texts.NUMBER_NEEDED.format(command=command_name))
    return int(found.group(1)), found.group(2).strip()


def _refusal(error: workflow.RoutingRefusal) -> UserFacingError:
    facts = error.facts
    if error.code == "duplicate":
        return UserFacingError(texts.DUPLICATE.format(
            need=need_label(facts["need"]), lieu=facts["lieu"], date=facts["created_at"].strftime("%d/%m/%Y"),
            number=facts["number"], state=texts.STATE_LABELS.get(facts["state"], facts["state"])))
    messages = {
        "unknown": texts.UNKNOWN_REQUEST, "not-your-offer": texts.NOT_YOUR_OFFER,
        "not-your-request": texts.NOT_YOUR_REQUEST, "already-accepted": texts.ALREADY_ACCEPTED_BY_YOU,
        "not-accepted": texts.NOT_ACCEPTED_YET, "unknown-mediator": texts.UNKNOWN_MEDIATOR,
        "already-offered": texts.MEDIATOR_ALREADY_OFFERED,
    }
    if error.code == "terminal":
        state = texts.STATE_LABELS.get(str(facts.get("state")), str(facts.get("state")))
        return UserFacingError(texts.ALREADY_TAKEN.format(number=facts["number"], state=state,
                                                          action=facts.get("action", "modifiée")))
    return UserFacingError(messages[error.code].format(**facts))


def _roles(session: Session, message: Message) -> Roles:
    return roles_of(session, message.platform, message.sender)


def _mediator(roles: Roles) -> Mediateur:
    if roles.mediator is None:
        raise UserFacingError(texts.NOT_A_MEDIATOR)
    return roles.mediator


def _is_coordinator_of(roles: Roles, request_departement: str | None) -> bool:
    coordinator = roles.coordinator
    if coordinator is None:
        return False
    return not coordinator.departements or request_departement in coordinator.departements


# ------------------------------------------------------------------------------------ the asker
def submit(app: Services, new: workflow.NewRequest, now: dt.datetime) -> tuple[int, bool]:
    """Create a consented request and offer it, in one transaction; (number, offered to someone).

    Raises `RoutingRefusal` for a duplicate. This is the routing step the benchmark measures.
    """
    def transaction() -> tuple[int, bool]:
        with app.sessions.begin() as session:
            outcome = workflow.create(session, new, now, app.routing_policy, app.nearby_lieux)
            queue(session, outcome.notices)
            return outcome.request.id, outcome.offered_to is not None

    return retrying(transaction)


@command("transmettre", aliases=("transmets", "transmettez", "transférer"), help=texts.HELP_TRANSMIT,
         arguments=(Argument("N", r"\d{1,2}", optional=True),))
def transmit(context: Context, message: Message, argument: str) -> list[Reply]:
    """Name the lieu the request would go to and ask consent to share handle and message."""
    key = context.thread_key(message)
    state = context.conversations.get(key)
    if state is None or not state.shown:
        return [Reply(text=texts.NOTHING_TO_TRANSMIT)]
    rank = int(argument) if argument else 1
    if not 1 <= rank <= len(state.shown):
        return [Reply(text=texts.NO_SUCH_RANK.format(rank=rank, count=len(state.shown)))]
    if not state.query.needs:
        return [Reply(text=texts.NEED_REQUIRED)]
    hit = state.shown[rank - 1]
    context.conversations.put(key, replace(state, transmit=rank))
    text = texts.CONSENT_QUESTION.format(need=need_label(state.query.needs[0]), lieu=hit.name, commune=hit.commune,
                                         handle=message.sender_name or message.sender, text=excerpt(state.text))
    return [Reply(text=text, kind="consent", form=consent_form())]


def consent_text(context: Context, message: Message) -> str:
    """The question the asker said « oui » to, stored with the consent (as shown)."""
    state = context.conversations.get(context.thread_key(message))
    if state is None or not state.transmit:
        return ""
    hit = state.shown[state.transmit - 1]
    return texts.CONSENT_QUESTION.format(need=need_label(state.query.needs[0] if state.query.needs else None),
                                         lieu=hit.name, commune=hit.commune,
                                         handle=message.sender_name or message.sender, text=excerpt(state.text))


@command("oui", aliases=("j'accepte",), help=texts.HELP_YES,
         arguments=(Argument("message", r".*", optional=True),))
def consent_yes(context: Context, message: Message, argument: str) -> list[Reply]:
    """Create the request, offer it at once, and say where it stands."""
    key = context.thread_key(message)
    state = context.conversations.get(key)
    if state is None or not state.transmit:
        if argument.strip():  # « oui je cherche… » outside a consent is a question
            return context.registry.question_handler()(context, message, message.text)
        return [Reply(text=texts.NO_PENDING_CONSENT)]
    hit = state.shown[state.transmit - 1]
    shown_text = consent_text(context, message)
    note = argument.strip(" ,;:-").strip()[:MAX_NOTE_CHARS] or None
    now = context.now()
    app = context.app
    with app.sessions() as session:
        lieu = session.get(Lieu, (hit.source, hit.lieu_id))
        departement = lieu.departement if lieu is not None else None
    try:
        new = workflow.NewRequest(
            asker_platform=message.platform, asker_id=message.sender, asker_name=message.sender_name,
            room=message.room, thread=message.thread, text=state.text or " ".join(state.query.needs),
            need=state.query.needs[0] if state.query.needs else None, audiences=state.query.audiences,
            departement=departement, lieu=LieuKey(hit.source, hit.lieu_id),
            lieu_name=hit.name, consent_text=shown_text, note=note)
        number, offered = submit(app, new, now)
    except workflow.RoutingRefusal as error:
        context.conversations.put(key, replace(state, transmit=0))
        raise _refusal(error) from error
    context.conversations.put(key, replace(state, transmit=0))
    text = (texts.CREATED_OFFERED if offered else texts.CREATED_NOBODY).format(number=number, lieu=hit.name)
    lines = () if note else (texts.ADD_NOTE_HINT.format(number=number),)
    return [Reply(text=text, extra_lines=lines, kind="notice", footer=f"demande n° {number}")]


@command("non", help=texts.HELP_NO)
def consent_no(context: Context, message: Message, argument: str) -> list[Reply]:
    """Nothing is stored but an anonymous count."""
    key = context.thread_key(message)
    state = context.conversations.get(key)
    if state is None or not state.transmit:
        return [Reply(text=texts.NO_PENDING_CONSENT)]
    with context.app.sessions.begin() as session:
        workflow.count(session, context.now(), "consentement refusé",
                       state.query.needs[0] if state.query.needs else None, None)
    context.conversations.put(key, replace(state, transmit=0))
    return [Reply(text=texts.DECLINED_CONSENT)]


@command("précision", aliases=("precision", "ajouter"), help=texts.HELP_NOTE,
         arguments=(Argument("N", r"(?:n°\s*|#)?\d{1,9}"), Argument("message", r".+")))
def add_note(context: Context, message: Message, argument: str) -> list[Reply]:
    """The asker adds a sentence and a way to reach them."""
    number, note = _number(argument, "précision")
    app = context.app
    try:
        with app.sessions.begin() as session:
            outcome = workflow.add_note(session, number, message.platform, message.sender, note[:MAX_NOTE_CHARS],
                                        context.now(), app.routing_policy)
            queue(session, outcome.notices)
    except workflow.RoutingRefusal as error:
        raise _refusal(error) from error
    return [Reply(text=texts.NOTE_ADDED.format(number=number))]


@command("annuler", help=texts.HELP_CANCEL, arguments=(Argument("N", NUMBER_FIRST, optional=True),))
def cancel(context: Context, message: Message, argument: str) -> list[Reply]:
    """The asker cancels one of their requests."""
    number, _ = _number(argument, "annuler")
    app = context.app
    try:
        with app.sessions.begin() as session:
            outcome = workflow.cancel(session, number, message.platform, message.sender, context.now(),
                                      app.routing_policy)
            queue(session, outcome.notices)
    except workflow.RoutingRefusal as error:
        raise _refusal(error) from error
    return [Reply(text=texts.CANCELLED_DONE.format(number=number), kind="notice")]


def _line(request: Request) -> str:
    return texts.REQUEST_LINE.format(number=request.id, state=texts.STATE_LABELS.get(request.state, request.state),
                                     need=need_label(request.need), lieu=request.lieu_name,
                                     date=request.created_at.strftime("%d/%m/%Y"))


@command("mes demandes", aliases=("mes demande", "demandes", "suivi"), help=texts.HELP_MY_REQUESTS)
def my_requests(context: Context, message: Message, argument: str) -> list[Reply]:
    """The sender's requests; a mediator's assigned ones; a coordinator's area."""
    with context.app.sessions() as session:
        roles = _roles(session, message)
        sections: list[tuple[str, list[str]]] = []
        mine = workflow.requests_of_asker(session, message.platform, message.sender)
        if mine:
            sections.append((texts.MY_REQUESTS_TITLE, [_line(request) for request in mine]))
        if roles.mediator is not None:
            assigned = workflow.requests_of_mediator(session, roles.mediator.id)
            sections.append((texts.ASSIGNED_TITLE, [_line(request) for request in assigned] or ["—"]))
        if roles.coordinator is not None:
            deps = list(roles.coordinator.departements or [])
            area = workflow.requests_of_area(session, deps)
            sections.append((texts.AREA_TITLE.format(deps=", ".join(deps) or "tous"),
                             [_line(request) for request in area] or ["—"]))
    if not sections:
        return [Reply(text=texts.MY_REQUESTS_NONE)]
    first_title, first_lines = sections[0]
    lines: list[str] = list(first_lines)
    for title, body in sections[1:]:
        lines += [title, *body]
    return [Reply(text=first_title, extra_lines=tuple(lines), kind="requests")]


# ------------------------------------------------------------------------------------ mediators
#: A change by a mediator or coordinator: (session, mediator id or None, is coordinator of the area).
Change = Callable[[Session, "str | None", bool], workflow.Outcome]


def _act(context: Context, message: Message, number: int, change: Change) -> workflow.Outcome:
    """Run `change` for the sender, in one transaction, once the sender is known to be a mediator
    or a coordinator of the request's area; queue its notices; refusals in French."""
    try:
        with context.app.sessions.begin() as session:
            roles = _roles(session, message)
            request = workflow.lock(session, number)
            coordinator = _is_coordinator_of(roles, request.departement)
            if roles.mediator is None and not coordinator:
                raise UserFacingError(texts.NOT_A_MEDIATOR)
            outcome = change(session, roles.mediator.id if roles.mediator else None, coordinator)
            queue(session, outcome.notices)
            return outcome
    except workflow.RoutingRefusal as error:
        raise _refusal(error) from error


@command("accepter", aliases=("j'accepte la demande", "accepte"), help=texts.HELP_ACCEPT,
         arguments=(Argument("N", NUMBER_FIRST, optional=True),))
def accept(context: Context, message: Message, argument: str) -> list[Reply]:
    """Only the offered mediator (or a coordinator of the area) may accept; twice changes nothing."""
    number, _ = _number(argument, "accepter")
    outcome = _act(context, message, number, lambda session, mediator, coordinator: workflow.accept(
        session, number, mediator, context.now(), coordinator=coordinator, actor=message.sender))
    return [accepted_for_mediator(outcome.request)]


@command("refuser", aliases=("refuse", "décliner"), help=texts.HELP_DECLINE,
         arguments=(Argument("N", NUMBER_FIRST, optional=True), Argument("raison", r".*", optional=True)))
def decline(context: Context, message: Message, argument: str) -> list[Reply]:
    """Decline with a reason; without one, ask for it (nothing changes until then)."""
    number, rest = _number(argument, "refuser")
    reason, detail = parse_reason(rest)
    if reason is None:
        if not rest:
            return [Reply(text=texts.REASON_NEEDED.format(number=number), form=decline_form(number))]
        reason, detail = "autre", rest
    app = context.app
    _act(context, message, number, lambda session, mediator, coordinator: workflow.decline(
        session, number, mediator, str(reason), detail, context.now(), app.routing_policy, app.nearby_lieux,
        coordinator=coordinator))
    return [Reply(text=texts.DECLINED_DONE.format(number=number, reason=reason_label(reason)), kind="notice")]


@command("clore", aliases=("clôturer", "cloturer", "fermer"), help=texts.HELP_CLOSE,
         arguments=(Argument("N", NUMBER_FIRST, optional=True), Argument("issue", r".*", optional=True)))
def close(context: Context, message: Message, argument: str) -> list[Reply]:
    """The mediator who accepted closes the request, with its outcome."""
    number, issue = _number(argument, "clore")
    _act(context, message, number, lambda session, mediator, coordinator: workflow.close(
        session, number, mediator, issue[:300], context.now(), coordinator=coordinator))
    suffix = f" ({issue[:300]})" if issue else ""
    return [Reply(text=texts.CLOSED_DONE.format(number=number, outcome=suffix), kind="notice")]


def parse_day(text: str, today: dt.date) -> dt.date:
    """« 12/01 » (the next 12 January), « 12/01/2027 »; refuses anything else in French."""
    found = _DATE.search(text)
    if found is None:
        raise UserFacingError(texts.BAD_DATE)
    day, month = int(found.group(1)), int(found.group(2))
    year_text = found.group(3)
    try:
        if year_text:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return dt.date(year, month, day)
        candidate = dt.date(today.year, month, day)
        return candidate if candidate >= today else dt.date(today.year + 1, month, day)
    except ValueError as error:
        raise UserFacingError(texts.BAD_DATE) from error


@command("absent", aliases=("absente", "je suis absent", "je suis absente"), help=texts.HELP_AWAY,
         arguments=(Argument("jusqu'au JJ/MM", r".*\d.*"),))
def away(context: Context, message: Message, argument: str) -> list[Reply]:
    """No new request until that day (included)."""
    now = context.now()
    until = parse_day(argument, now.date())
    if until < now.date():
        raise UserFacingError(texts.PAST_DATE)
    with context.app.sessions.begin() as session:
        mediator = _mediator(_roles(session, message))
        workflow.set_presence(session, mediator.id, now, away_until=until)
    return [Reply(text=texts.AWAY_DONE.format(date=until.strftime("%d/%m/%Y")))]


@command("présent", aliases=("present", "présente", "presente", "de retour"), help=texts.HELP_BACK)
def back(context: Context, message: Message, argument: str) -> list[Reply]:
    """New requests again."""
    with context.app.sessions.begin() as session:
        mediator = _mediator(_roles(session, message))
        workflow.set_presence(session, mediator.id, context.now(), back=True)
    return [Reply(text=texts.BACK_DONE)]


@command("capacité", aliases=("capacite",), help=texts.HELP_CAPACITY, arguments=(Argument("N", r"\d{1,3}"),))
def capacity(context: Context, message: Message, argument: str) -> list[Reply]:
    """How many open requests at once."""
    count = min(int(argument), 100)
    with context.app.sessions.begin() as session:
        mediator = _mediator(_roles(session, message))
        workflow.set_presence(session, mediator.id, context.now(), capacity=count)
    return [Reply(text=texts.CAPACITY_DONE.format(count=count))]


# ------------------------------------------------------------------------------------ coordinators
@command("réattribuer", aliases=("reattribuer", "réassigner"), help=texts.HELP_REASSIGN,
         arguments=(Argument("N", r"(?:n°\s*|#)?\d{1,9}"), Argument("ID", r"\S+")))
def reassign(context: Context, message: Message, argument: str) -> list[Reply]:
    """A coordinator of the area offers the request to the mediator they name."""
    number, mediator_id = _number(argument, "réattribuer")
    app = context.app
    try:
        with app.sessions.begin() as session:
            roles = _roles(session, message)
            request = workflow.lock(session, number)
            if not _is_coordinator_of(roles, request.departement):
                raise UserFacingError(texts.NOT_A_COORDINATOR)
            outcome = workflow.reassign(session, number, mediator_id, message.sender, context.now(),
                                        app.routing_policy)
            queue(session, outcome.notices)
    except workflow.RoutingRefusal as error:
        raise _refusal(error) from error
    return [Reply(text=texts.NOTICE_REASSIGNED.format(number=number), kind="notice")]

