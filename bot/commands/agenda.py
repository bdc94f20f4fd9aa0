"""`epnbot agenda` (the coming events, `--json` for scripts) and `epnbot digest preview N --at DATE`.

    epnbot agenda --json --near Fréjus --radius-km 20 --from 2026-03-16 --to 2026-03-31 --tag atelier

prints `{"events": [{"uid", "title", "start", "end", "lieu_id", "commune", "insee", "distance_km",
"tags", "url"}]}`, soonest first, times in ISO 8601 with the offset of the event's own zone.
A DATE is AAAA-MM-JJ (a whole day, Europe/Paris) or an ISO datetime (with an offset, or local).
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from bot.commands.common import CliContext
from bot.render.terminal import TerminalRenderer
from handlers.agenda_view import item_field
from handlers.digests import preview
from knowledge.events import texts_fr as texts
from knowledge.events.agenda import upcoming
from knowledge.events.area import MAX_RADIUS_KM, find_zone
from knowledge.events.french_dates import format_day
from knowledge.events.zones import DEFAULT_TIMEZONE, zone

DEFAULT_DAYS = 90


def parse_moment(text: str, *, end: bool = False) -> dt.datetime:
    """A CLI date: a day (its start, or the next midnight for `--to`) or an ISO datetime."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value) + dt.timedelta(days=1 if end else 0)
            return dt.datetime.combine(day, dt.time(), tzinfo=zone(DEFAULT_TIMEZONE))
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise click.BadParameter(f"« {value} » : attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM[+01:00]") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=zone(DEFAULT_TIMEZONE))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Écrire un objet JSON {\"events\": […]}.")
@click.option("--near", metavar="TEXTE", help="Commune, code postal ou département (« Fréjus », « 83 »).")
@click.option("--radius-km", type=click.FloatRange(1, MAX_RADIUS_KM), default=30.0, show_default=True,
              help="Rayon autour de la commune.")
@click.option("--from", "start_text", metavar="DATE", help="À partir de (par défaut : maintenant).")
@click.option("--to", "end_text", metavar="DATE", help=f"Jusqu'au (inclus ; par défaut {DEFAULT_DAYS} jours après).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Seulement les événements portant ce thème.")
@click.option("--limit", type=click.IntRange(1, 500), default=200, show_default=True)
@click.pass_context
def agenda(ctx: click.Context, as_json: bool, near: str | None, radius_km: float, start_text: str | None,
           end_text: str | None, tags: tuple[str, ...], limit: int) -> None:
    """Les prochains événements, près d'un lieu, entre deux dates."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    area = None
    if near:
        found = find_zone(app.gazetteer, near)
        if found is None:
            raise click.BadParameter(texts.AGENDA_UNKNOWN_PLACE.format(text=near), param_hint="--near")
        area = found[0].with_radius(radius_km)
    start = parse_moment(start_text) if start_text else dt.datetime.now(dt.UTC)
    end = parse_moment(end_text, end=True) if end_text else start + dt.timedelta(days=DEFAULT_DAYS)
    items = upcoming(app.sessions, start=start, end=end, area=area, tags=tags, limit=limit)
    if as_json:
        click.echo(json.dumps({"events": [item.as_json() for item in items]}, ensure_ascii=False))
        return
    for item in items:
        line = item_field(item)
        click.echo(f"{format_day(item.start.date(), year=True)}, {line.label} : {line.value}")
    if not items:
        click.echo("Aucun événement.")


@click.group()
def digest() -> None:
    """Lettres d'agenda des salons abonnés."""


@digest.command("preview")
@click.argument("number", type=int)
@click.option("--at", "at_text", metavar="DATE", required=True,
              help="Moment supposé (AAAA-MM-JJTHH:MM, heure de Paris sans décalage).")
@click.pass_context
def preview_command(ctx: click.Context, number: int, at_text: str) -> None:
    """Montrer ce que l'abonnement n° N posterait à ce moment, comme le terminal l'affiche."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    try:
        replies = preview(app, number, parse_moment(at_text))
    except LookupError as error:
        raise click.ClickException(f"Aucun abonnement n° {number}.") from error
    renderer = TerminalRenderer(sys.stdout)
    if not replies:
        renderer.line(f"Rien à poster pour l'abonnement n° {number} à ce moment.")
    renderer.show_all(replies)
