"""The Bolt app: Slack's checks, the 3-second acknowledgement, and the listeners' slow work after it.

Bolt verifies signatures (forged or older than 5 minutes → 401) and ignores the bot's own events.
Every listener acknowledges at once in the request's thread (`process_before_response`), and
its work runs after, in Bolt's worker pool (lazy listeners, DESIGN §8), so an ack never waits for
the database, a search, nor another person's answer. Events are processed once: the work first
records the event (a message by its channel and ts, which a retry under `X-Slack-Retry-Num` and a
duplicate delivery share) in the database, and stops if it was there, so retries, duplicates and
replays after a restart are acknowledged and dropped.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.render.blockkit import FORM_CALLBACK
from bot.transports.slack.events import PLATFORM, event_key
from bot.transports.slack.listeners import SlackBot
from bot.transports.slack.settings import SlackSettings
from knowledge.delivery.seen import first_time

log = logging.getLogger(__name__)

#: The slash command of the manifest.
COMMAND: Final = "/epn"
#: Threads doing the listeners' work after the ack (searches are short; Web API calls wait on the network).
WORKERS: Final = 8


def first_delivery(sessions: sessionmaker[Session], body: dict[str, Any]) -> bool:
    """Whether this event delivery is the first of its event (recorded in the database, so a retry,
    a duplicate or a replay after a restart gets False)."""
    key = event_key(body)
    if key is None or first_time(sessions, PLATFORM, key):
        return True
    log.info("slack : événement déjà traité, ignoré (%s)", key)
    return False


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

    def mention(body: dict[str, Any]) -> None:
        if first_delivery(sessions, body):
            bot.on_mention(body)

    def message(body: dict[str, Any]) -> None:
        if first_delivery(sessions, body):
            bot.on_message(body)

    def command(body: dict[str, Any]) -> None:
        bot.on_command(body)

    def action(body: dict[str, Any]) -> None:
        bot.on_action(body)

    def submission(body: dict[str, Any]) -> None:
        bot.on_submission(body)

    def home(body: dict[str, Any]) -> None:
        if first_delivery(sessions, body):
            bot.on_home(body.get("event") or {})

    app.event("app_mention")(ack=_ack, lazy=[mention])
    app.event("message")(ack=_ack, lazy=[message])
    app.event("app_home_opened")(ack=_ack, lazy=[home])
    app.event(re.compile(".*"))(_ack)  # any other event: acknowledged, so Slack does not retry it
    app.command(COMMAND)(ack=_ack, lazy=[command])
    app.action(re.compile(".*"))(ack=_ack, lazy=[action])
    app.view(FORM_CALLBACK)(ack=_ack, lazy=[submission])
    return app
