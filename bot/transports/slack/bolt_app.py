"""The Bolt app: Slack's checks, the 3-second acknowledgement, and the listeners' slow work after it.

Bolt verifies signatures (forged or older than 5 minutes → 401) and ignores the bot's own events.
Every listener acknowledges at once in the request's thread (`process_before_response`), and
its work runs after, in Bolt's worker pool (lazy listeners, DESIGN §8), so an ack never waits for
a search nor for another person's answer. Events are processed once: a middleware records each
`event_id` (and each message's channel and ts) in the database before anything runs, so Slack's
retries (`X-Slack-Retry-Num`) and duplicate deliveries, even after a restart, are acknowledged
and dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

from slack_bolt import Ack, App, BoltResponse
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.render.blockkit import FORM_CALLBACK
from bot.transports.slack.events import PLATFORM, message_keys
from bot.transports.slack.listeners import SlackBot
from bot.transports.slack.settings import SlackSettings
from knowledge.delivery.seen import first_time

log = logging.getLogger(__name__)

#: The slash command of the manifest.
COMMAND: Final = "/epn"
#: Threads doing the listeners' work after the ack (searches are short; Web API calls wait on the network).
WORKERS: Final = 8


def remember_events(sessions: sessionmaker[Session]) -> Callable[..., BoltResponse]:
    """A Bolt middleware that lets each event through once, whatever Slack retries or replays."""

    def once(body: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse:
        keys = message_keys(body) if body.get("type") == "event_callback" else []
        fresh = [first_time(sessions, PLATFORM, key) for key in keys]
        if not all(fresh):
            log.info("slack : événement déjà traité, ignoré (%s)", ", ".join(keys))
            return BoltResponse(status=200, body="")
        return next()

    return once


def _ack(ack: Ack) -> None:
    ack()


def build_bolt_app(bot: SlackBot, settings: SlackSettings, client: WebClient, sessions: sessionmaker[Session], *,
                   socket: bool = False, executor: ThreadPoolExecutor | None = None) -> App:
    """The Bolt app on `client` (already checked with auth.test), its listeners handing work to `bot`.

    `executor` runs the work after the acks (by default 8 threads); shutting it down waits for it.
    """
    executor = executor or ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="slack-travail")
    app = App(client=client, signing_secret=(settings.signing_secret or "").strip() or None,
              request_verification_enabled=not socket, process_before_response=True,
              listener_executor=executor, logger=logging.getLogger("slack_bolt"))
    app.use(remember_events(sessions))

    def mention(body: dict[str, Any]) -> None:
        bot.on_mention(body)

    def message(body: dict[str, Any]) -> None:
        bot.on_message(body)

    def command(body: dict[str, Any]) -> None:
        bot.on_command(body)

    def action(body: dict[str, Any]) -> None:
        bot.on_action(body)

    def submission(body: dict[str, Any]) -> None:
        bot.on_submission(body)

    def home(body: dict[str, Any]) -> None:
        bot.on_home(body.get("event") or {})

    app.event("app_mention")(ack=_ack, lazy=[mention])
    app.event("message")(ack=_ack, lazy=[message])
    app.event("app_home_opened")(ack=_ack, lazy=[home])
    app.event(re.compile(".*"))(_ack)  # any other event: acknowledged, so Slack does not retry it
    app.command(COMMAND)(ack=_ack, lazy=[command])
    app.action(re.compile(".*"))(ack=_ack, lazy=[action])
    app.view(FORM_CALLBACK)(ack=_ack, lazy=[submission])
    return app
