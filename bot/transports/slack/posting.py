"""Sending replies on Slack: messages in a thread, ephemeral refusals, modals, updates after an action.

Messages are posted without `link_names` or `parse=full` and without unfurling, so nothing a
reply quotes becomes a ping or a preview (DESIGN §9). A reply that cannot be posted is logged,
never raised into Bolt: the person has already been acknowledged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.render.blockkit import Block, render_message, render_modal, without_buttons
from handlers.messages import Form, Reply

log = logging.getLogger(__name__)

REFUSAL: Final = "refusal"
#: What an updated message says happened, at most this long.
OUTCOME_CHARS: Final = 300


@dataclass(frozen=True, slots=True)
class Destination:
    """Where the replies to one message or action go.

    `response_url` is set for a slash command or an ephemeral message: Slack then takes the replies
    there (the bot may not be a member of that channel).
    """

    channel: str
    user: str
    thread: str | None = None
    response_url: str | None = None


def post_message(client: WebClient, channel: str, reply: Reply, thread: str | None = None) -> str | None:
    """`chat.postMessage` of one reply; its `ts`. Raises `SlackApiError` (the outbox retries it)."""
    rendered = render_message(reply)
    arguments: dict[str, Any] = {"channel": channel, "text": rendered.text, "blocks": rendered.blocks,
                                 "unfurl_links": False, "unfurl_media": False}
    if thread or reply.thread:
        arguments["thread_ts"] = thread or reply.thread
    response = client.chat_postMessage(**arguments)
    return response.get("ts")


class Poster:
    """Posts the dispatcher's replies where a message or an action came from."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def _respond(self, destination: Destination, reply: Reply, *, replace_original: bool = False) -> None:
        rendered = render_message(reply)
        assert destination.response_url is not None
        response = WebhookClient(destination.response_url, timeout=self.client.timeout, proxy=self.client.proxy).send(
            text=rendered.text, blocks=rendered.blocks, response_type="ephemeral",
            replace_original=replace_original, unfurl_links=False, unfurl_media=False)
        if response.status_code != 200:  # expired (30 min, 5 uses): the person's DM instead
            log.warning("slack : response_url a répondu %s, réponse en message direct", response.status_code)
            post_message(self.client, destination.channel, reply, destination.thread)

    def post(self, destination: Destination, replies: Sequence[Reply], *, action: bool = False) -> None:
        """Each reply in the thread; ephemeral ones (and refusals of an action) to the person alone."""
        for reply in replies:
            try:
                if destination.response_url:
                    self._respond(destination, reply)
                elif reply.ephemeral or (action and reply.kind == REFUSAL):
                    rendered = render_message(reply)
                    arguments: dict[str, Any] = {"channel": destination.channel, "user": destination.user,
                                                 "text": rendered.text, "blocks": rendered.blocks}
                    if destination.thread:
                        arguments["thread_ts"] = destination.thread
                    self.client.chat_postEphemeral(**arguments)
                else:
                    post_message(self.client, destination.channel, reply, destination.thread)
            except (SlackApiError, OSError):
                log.exception("slack : réponse non envoyée dans %s", destination.channel)

    def open_form(self, trigger_id: str, form: Form, metadata: dict[str, Any], intro: str | None = None) -> bool:
        """`views.open` of a form's modal; False when Slack refused (the trigger expired after 3 s)."""
        try:
            self.client.views_open(trigger_id=trigger_id, view=render_modal(form, metadata, intro))
        except (SlackApiError, OSError, ValueError):
            log.warning("slack : formulaire non ouvert", exc_info=True)
            return False
        return True

    def close_buttons(self, destination: Destination, message: dict[str, Any] | None, outcome: str) -> None:
        """Update the message that held the pressed button: its buttons removed, the outcome said."""
        if not message or not message.get("ts") or not message.get("blocks"):
            return  # an ephemeral message comes without its blocks: redrawing it would lose its cards
        blocks: list[Block] = without_buttons(message.get("blocks") or [], " ".join(outcome.split())[:OUTCOME_CHARS])
        try:
            if destination.response_url:  # an ephemeral message is replaced through its response_url
                WebhookClient(destination.response_url, timeout=self.client.timeout, proxy=self.client.proxy).send(
                    text=str(message.get("text") or outcome), blocks=blocks, replace_original=True)
            else:
                self.client.chat_update(channel=destination.channel, ts=message["ts"],
                                        text=str(message.get("text") or outcome), blocks=blocks)
        except (SlackApiError, OSError):
            log.exception("slack : message %s non mis à jour", message.get("ts"))

    def publish_home(self, user: str, blocks: list[Block]) -> None:
        """`views.publish` of a person's App Home."""
        try:
            self.client.views_publish(user_id=user, view={"type": "home", "blocks": blocks})
        except (SlackApiError, OSError):
            log.exception("slack : accueil non publié")
