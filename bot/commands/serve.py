"""`epnbot serve slack|matrix`: run the bot on a chat platform (DESIGN §7).

Each transport declares its own click command next to its code; this group only imports the one
asked for, so `serve matrix` never pays for Bolt and `serve slack` never for matrix-nio.
"""

from __future__ import annotations

import importlib

import click

#: Transport commands, imported on first use.
TRANSPORTS: dict[str, str] = {
    "slack": "bot.transports.slack.cli:slack",
    "matrix": "bot.transports.matrix.cli:matrix",
}


class TransportGroup(click.Group):
    """A click group whose transports are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(TRANSPORTS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in TRANSPORTS:
            return None
        module_name, attribute = TRANSPORTS[cmd_name].split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            raise click.ClickException(
                f"Le transport « {cmd_name} » n'est pas disponible ({error.name} manquant) : "
                "réinstallez epnbot (`make install`).") from error
        command = getattr(module, attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=TransportGroup)
def serve() -> None:
    """Servir le bot sur une plateforme de discussion (slack ou matrix)."""
