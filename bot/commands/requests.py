"""`epnbot requests list|show`: what happened to the requests, for operators (DESIGN §5).

`--json` prints machine-readable objects for other tools; without it, French lines.
"""

from __future__ import annotations

import json
from typing import Any

import click

from bot.commands.common import CliContext
from handlers import texts_routing_fr as texts
from handlers.routing_notices import need_label
from knowledge.routing import workflow
from knowledge.routing.models import Request, RequestEvent
from knowledge.routing.states import STATES


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def request_json(request: Request) -> dict[str, Any]:
    """One request as JSON (personal fields are null once purged)."""
    return {
        "number": request.id, "state": request.state, "created_at": _iso(request.created_at),
        "updated_at": _iso(request.updated_at), "need": request.need, "audiences": list(request.audiences or []),
        "departement": request.departement,
        "lieu": {"source": request.lieu_source, "id": request.lieu_id, "name": request.lieu_name},
        "mediator": request.mediator_id, "asker": {"platform": request.asker_platform, "id": request.asker_id},
        "outcome": request.outcome, "consent_at": _iso(request.consent_at), "closed_at": _iso(request.closed_at),
        "purged": request.purged_at is not None,
    }


def event_json(event: RequestEvent) -> dict[str, Any]:
    """One line of the audit log."""
    return {"at": _iso(event.at), "actor": event.actor, "event": event.event, "from": event.from_state,
            "to": event.to_state, "reason": event.reason, "detail": event.detail}


@click.group()
def requests() -> None:
    """Suivre les demandes transmises aux médiateurs."""


@requests.command("list")
@click.option("--state", "states", multiple=True, type=click.Choice(STATES), help="Seulement cet état (répétable).")
@click.option("--departement", "departements", multiple=True, metavar="CODE", help="Seulement ce département.")
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON : {\"requests\": […]}.")
@click.pass_context
def list_requests(ctx: click.Context, states: tuple[str, ...], departements: tuple[str, ...], as_json: bool) -> None:
    """Les demandes, les plus récentes d'abord."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    with app.sessions() as session:
        found = workflow.requests_of_area(session, list(departements), list(states))
        if as_json:
            click.echo(json.dumps({"requests": [request_json(r) for r in found]}, ensure_ascii=False))
            return
        if not found:
            click.echo(texts.MY_REQUESTS_NONE)
        for request in found:
            click.echo(texts.REQUEST_LINE.format(
                number=request.id, state=request.state, need=need_label(request.need), lieu=request.lieu_name,
                date=request.created_at.strftime("%d/%m/%Y")))


@requests.command("show")
@click.argument("number", type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Sortie JSON : la demande et son journal.")
@click.pass_context
def show_request(ctx: click.Context, number: int, as_json: bool) -> None:
    """Une demande et son journal."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    with app.sessions() as session:
        request = session.get(Request, number)
        if request is None:
            raise click.ClickException(texts.UNKNOWN_REQUEST.format(number=number))
        log = workflow.history(session, number)
        if as_json:
            click.echo(json.dumps({**request_json(request), "log": [event_json(e) for e in log]}, ensure_ascii=False))
            return
        click.echo(texts.REQUEST_LINE.format(number=request.id, state=request.state, need=need_label(request.need),
                                             lieu=request.lieu_name, date=request.created_at.strftime("%d/%m/%Y")))
        for event in log:
            label = texts.EVENT_LABELS.get(event.event, event.event).format(
                actor=event.actor, reason=event.reason or "")
            click.echo("  " + texts.LOG_LINE.format(date=event.at.strftime("%d/%m/%Y %H:%M"), what=label))
