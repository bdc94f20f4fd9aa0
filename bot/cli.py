"""The `epnbot` command line (DESIGN §4): `kb`, `ask`, `chat`, `demo`.

Each group of commands lives in `bot/commands/`; this module only builds the root group, which
carries the options every command shares (`--db`).
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from bot.commands.common import CliContext

#: Subcommands, imported only when used: `ask --jsonl` never pays for the chat, Rich or the importers.
COMMANDS: dict[str, str] = {
    "agenda": "bot.commands.agenda:agenda",
    "ask": "bot.commands.ask:ask",
    "digest": "bot.commands.agenda:digest",
    "chat": "bot.commands.chat:chat",
    "demo": "bot.commands.chat:demo",
    "kb": "bot.commands.kb:kb",
    "requests": "bot.commands.requests:requests",
    "serve": "bot.commands.serve:serve",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "database_url", metavar="URL", envvar="DATABASE_URL",
              help="Base de données (SQLAlchemy). Par défaut : fichier SQLite dans le dossier de données.")
@click.option("-v", "--verbose", count=True, help="Plus de journaux (-v, -vv).")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, verbose: int) -> None:
    """epnbot : trouver le bon lieu de médiation numérique, en français."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = CliContext(database_url=database_url)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="epnbot")
