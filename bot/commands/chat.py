"""`epnbot chat` and `epnbot demo`: the terminal bot, on the configured base or on the bundled sample.

`demo` is what `make run` starts on a fresh machine: it loads the sample (646 real lieux of PACA,
plus example mediators) into an empty base, says so in one line, then chats.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Final

import click
from sqlalchemy import func, select

from bot.app import App
from bot.commands.common import CliContext
from bot.scheduler import build_scheduler
from bot.transports.console import run_console
from handlers import texts_fr as texts
from handlers.registry import Dispatcher
from knowledge.delivery.outbox import Outbox
from knowledge.models import Coordinateur, Lieu, Mediateur

log = logging.getLogger(__name__)

#: The bundled sample, imported by `demo` into an empty base (lieux first: mediators name them).
SAMPLE_FILES: Final = ("lieux-paca-2023.json", "mediateurs-exemple.yaml")


def sample_paths() -> list[Path]:
    """The bundled sample files that exist in this installation."""
    folder = Path(str(resources.files("knowledge") / "data"))
    return [folder / name for name in SAMPLE_FILES if (folder / name).is_file()]


def counts(app: App) -> tuple[int, int]:
    """(lieux, mediators) in the knowledge base."""
    with app.sessions() as session:
        lieux = session.scalar(select(func.count()).select_from(Lieu)) or 0
        mediateurs = session.scalar(select(func.count()).select_from(Mediateur)) or 0
    return lieux, mediateurs


def load_sample(app: App) -> str:
    """Import the sample into an empty base; the French line saying what the base now holds."""
    lieux, _ = counts(app)
    if lieux:
        return texts.DEMO_PRESENT.format(lieux=texts.thousands(lieux))
    from knowledge.importers.runner import import_file  # only `demo` pays for the importers

    for path in sample_paths():
        report = import_file(app.engine, path)
        for row in report.rejected:
            log.info("%s : %s", path.name, row.message)
    app.knowledge_changed()
    lieux, mediateurs = counts(app)
    return texts.DEMO_LOADED.format(lieux=texts.thousands(lieux), mediateurs=texts.thousands(mediateurs))


def person_exists(app: App, person_id: str) -> bool:
    """Whether `person_id` is a mediator or a coordinator of the YAML file."""
    with app.sessions() as session:
        return session.get(Mediateur, person_id) is not None or session.get(Coordinateur, person_id) is not None


def converse(app: App, person: str | None) -> int:
    """The terminal bot with its notices and its timers (reminders fire while you chat)."""
    scheduler = build_scheduler(app)
    scheduler.start()
    try:
        return run_console(Dispatcher(app), user=person, outbox=Outbox(app.sessions))
    finally:
        scheduler.shutdown(wait=False)


@click.command()
@click.option("--as", "person", metavar="ID",
              help="Parler comme une personne du fichier des médiateurs (médiateur ou coordinateur).")
@click.pass_context
def chat(ctx: click.Context, person: str | None) -> None:
    """Discuter avec le bot dans le terminal (« quitter » pour sortir)."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    if person is not None and not person_exists(app, person):
        raise click.BadParameter(texts.UNKNOWN_PERSON.format(id=person), param_hint="--as")
    ctx.exit(converse(app, person))


@click.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Charger la base d'exemple si la base est vide, puis discuter dans le terminal."""
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    try:
        line = load_sample(app)
    except Exception as error:  # an unreadable sample must say why, in French, not print a traceback
        log.debug("échec du chargement de l'exemple", exc_info=True)
        raise click.ClickException(texts.DEMO_IMPORT_FAILED.format(error=error)) from error
    click.echo(line)
    ctx.exit(converse(app, None))

