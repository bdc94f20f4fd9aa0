"""The `epnbot` command line (DESIGN §4): `kb`, `ask`, `chat`, `demo`.

Each group of commands lives in `bot/commands/`; this module only builds the root group, which
carries the options every command shares (`--db`).
"""

from __future__ import annotations

import logging
import sys

import click

from bot.commands import ask as ask_commands
from bot.commands import chat as chat_commands
from bot.commands import kb as kb_commands
from bot.commands.common import CliContext


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "database_url", metavar="URL", envvar="DATABASE_URL",
              help="Base de données (SQLAlchemy). Par défaut : fichier SQLite dans le dossier de données.")
@click.option("-v", "--verbose", count=True, help="Plus de journaux (-v, -vv).")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, verbose: int) -> None:
    """epnbot : trouver le bon lieu de médiation numérique, en français."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = CliContext(database_url=database_url)


cli.add_command(kb_commands.kb)
cli.add_command(ask_commands.ask)
for command in chat_commands.COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="epnbot")
