"""`epnbot serve slack --http --port P` or `--socket`: the bot on a Slack workspace (DESIGN §7).

Settings are checked before anything starts (each problem named, in French; a bad token with what
`auth.test` said); then the search index is built, the outbox rows addressed to Slack are
delivered in a thread, and the HTTP server (or the Socket Mode connection) serves until SIGTERM.
"""

from __future__ import annotations

import logging

import click
from slack_sdk.errors import SlackApiError

from bot.commands.common import CliContext
from bot.transports.runtime import Runtime
from bot.transports.slack import texts_fr as texts
from bot.transports.slack.bolt_app import build_bolt_app
from bot.transports.slack.delivery import SlackSender
from bot.transports.slack.listeners import SlackBot
from bot.transports.slack.settings import SlackSettings, SlackSettingsError, verify_token, web_client

log = logging.getLogger(__name__)


@click.command("slack")
@click.option("--http", "http_mode", is_flag=True, help="Recevoir les événements en HTTP sur /slack/events.")
@click.option("--socket", "socket_mode", is_flag=True, help="Socket Mode (SLACK_APP_TOKEN), sans adresse publique.")
@click.option("--host", default="0.0.0.0", show_default=True, help="Adresse d'écoute (--http).")
@click.option("--port", default=3000, show_default=True, type=click.IntRange(0, 65535), envvar="PORT",
              help="Port d'écoute (--http) ; 0 : un port libre, annoncé au démarrage.")
@click.option("--threads", default=16, show_default=True, type=click.IntRange(2, 200),
              help="Fils du serveur HTTP.")
@click.pass_obj
def slack(cli: CliContext, http_mode: bool, socket_mode: bool, host: str, port: int, threads: int) -> None:
    """Servir le bot sur Slack (variables SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET ou SLACK_APP_TOKEN)."""
    if http_mode == socket_mode:
        raise click.UsageError(texts.BOTH_MODES if http_mode else texts.MODE_NEEDED)
    settings = SlackSettings()
    try:
        settings.check(socket=socket_mode)
        client = web_client(settings)
        identity = verify_token(client, settings)
    except SlackSettingsError as error:
        raise click.ClickException(str(error)) from error
    with Runtime(cli.app()) as runtime:
        runtime.warm()
        bot = SlackBot(runtime.dispatcher, client, identity, runtime.app.settings.max_input_chars)
        bolt_app = build_bolt_app(bot, settings, client, runtime.app.sessions, socket=socket_mode)
        runtime.deliver("slack", SlackSender(web_client(settings, retry_rate_limits=False)).send)
        if socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            handler = SocketModeHandler(bolt_app, (settings.app_token or "").strip())

            def connect_and_wait() -> None:
                try:
                    handler.connect()  # type: ignore[no-untyped-call]
                except SlackApiError as error:
                    raise SlackSettingsError([texts.APP_TOKEN_REFUSED.format(
                        error=error.response.get("error", "?"))]) from error
                click.echo(texts.SOCKET_LISTENING, err=True)
                runtime.stop.wait()

            try:
                runtime.serve(connect_and_wait, handler.close, name="slack-socket")
            except SlackSettingsError as error:
                raise click.ClickException(str(error)) from error
            return
        from bot.transports.slack.http import SlackHttpServer

        server = SlackHttpServer(bolt_app, runtime.health, host=host, port=port, threads=threads)
        try:
            server.prepare()
        except OSError as error:
            raise click.ClickException(f"Impossible d'écouter sur {host}:{port} : {error}") from error
        click.echo(texts.LISTENING.format(host=host, port=server.port), err=True)
        runtime.serve(server.serve, server.stop, name="slack-http")
