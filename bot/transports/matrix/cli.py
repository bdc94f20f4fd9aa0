"""`epnbot serve matrix`: the bot on a Matrix account, until SIGTERM or Ctrl-C (DESIGN §7).

Settings come from the environment (`MATRIX_HOMESERVER`, `MATRIX_USER_ID`, `MATRIX_PASSWORD` or
`MATRIX_ACCESS_TOKEN`, `MATRIX_STORE_PATH`, `MATRIX_ALLOWED`…) and are all checked before anything
starts; the shared runtime (`bot.transports.runtime`) brings the app, the outbox delivery thread, the
scheduler and the clean shutdown.
"""

from __future__ import annotations

import logging

import click

from bot.commands.common import CliContext
from bot.transports.matrix.client import PLATFORM, MatrixLoginError, MatrixTransport
from bot.transports.matrix.settings import MatrixSettingsError, load_settings
from bot.transports.runtime import Runtime
from knowledge.db import DatabaseError


@click.command("matrix")
@click.pass_context
def matrix(ctx: click.Context) -> None:
    """Servir le bot sur Matrix (variables d'environnement MATRIX_*, voir le README)."""
    try:
        settings = load_settings()
    except MatrixSettingsError as error:
        raise click.ClickException(str(error)) from None
    # Connection, retries and stops are worth seeing even without -v.
    logging.getLogger("bot.transports").setLevel(min(logging.getLogger().getEffectiveLevel(), logging.INFO))
    options = ctx.find_object(CliContext)
    try:
        runtime = Runtime.open(options.database_url if options else None)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error
    with runtime:
        runtime.warm()
        transport = MatrixTransport(runtime.app, runtime.dispatcher, settings)
        runtime.deliver(PLATFORM, transport.send)
        try:
            runtime.serve(transport.run, transport.shutdown, name="matrix")
        except MatrixLoginError as error:
            raise click.ClickException(str(error)) from None
