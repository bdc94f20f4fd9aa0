"""Slack payloads into neutral messages: which events are for the bot, and what they say.

Slack's pitfalls (DESIGN §9) are handled here once: other apps' messages carry `bot_id` without a
subtype, edits and joins are `message` events with a subtype, a mention's text holds `<@UBOT>`,
links and mentions arrive as `<…|…>` markup with `&amp;` escapes, and the thread to answer in is
`thread_ts` or else the message's own `ts`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from handlers.messages import Message

PLATFORM: Final = "slack"
#: Message subtypes that are still a person writing (a file with a caption, a reply also sent to the channel).
PERSON_SUBTYPES: Final = frozenset({"file_share", "thread_broadcast"})
_MARKUP: Final = re.compile(r"<([^<>]*)>")


def slack_text_to_plain(text: str, bot_user_id: str | None = None) -> str:
    """What a person typed, without Slack's markup: the bot's mention removed, links and names as read.

    >>> slack_text_to_plain("<@UBOT> aide &amp; <https://a.fr|le site> <#C1|general>", "UBOT")
    'aide & le site #general'
    """

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "" if target[1:] == bot_user_id else "@" + (label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return label or ""  # <!here>, <!date^…|label>: never repeated as a ping
        return label or target

    plain = _MARKUP.sub(replace, text or "")
    return " ".join(html.unescape(plain).split())


def is_direct(channel: str | None, channel_type: str | None = None) -> bool:
    """A direct message with the bot (`channel_type` « im », or a « D… » channel id)."""
    return channel_type == "im" or (channel or "").startswith("D")


def from_person(event: Mapping[str, Any], bot_user_id: str | None) -> bool:
    """Whether a message event was written by a person (not a bot, not the bot, not an edit or a join)."""
    subtype = event.get("subtype")
    if subtype is not None and subtype not in PERSON_SUBTYPES:
        return False
    if event.get("bot_id") or event.get("bot_profile") or not event.get("user"):
        return False
    return event.get("user") != bot_user_id


def thread_of(event: Mapping[str, Any]) -> str | None:
    """The thread a reply goes to: the thread the message is in, or the message itself."""
    return event.get("thread_ts") or event.get("ts")


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message for the bot, and where its replies go."""

    message: Message
    #: Thread the replies are posted in (None: the conversation's root, in a DM).
    reply_thread: str | None
    message_ts: str | None


def mention_message(event: Mapping[str, Any], bot_user_id: str | None, max_chars: int) -> Incoming | None:
    """An `app_mention` in a channel: answered in its thread, which is also the conversation."""
    if not from_person(event, bot_user_id):
        return None
    thread = thread_of(event)
    text = slack_text_to_plain(str(event.get("text", "")), bot_user_id)[:max_chars]
    channel = str(event.get("channel", ""))
    message = Message(text=text, sender=str(event["user"]), room=channel, platform=PLATFORM, thread=thread,
                      direct=is_direct(channel, event.get("channel_type")))
    return Incoming(message, thread, event.get("ts"))


def direct_message(event: Mapping[str, Any], bot_user_id: str | None, max_chars: int) -> Incoming | None:
    """A message in a DM with the bot: the DM is the conversation, unless the person wrote in a thread."""
    if not is_direct(event.get("channel"), event.get("channel_type")) or not from_person(event, bot_user_id):
        return None
    thread = event.get("thread_ts")
    text = slack_text_to_plain(str(event.get("text", "")), bot_user_id)[:max_chars]
    message = Message(text=text, sender=str(event["user"]), room=str(event.get("channel", "")), platform=PLATFORM,
                      thread=thread, direct=True)
    return Incoming(message, thread, event.get("ts"))


def command_message(body: Mapping[str, Any], max_chars: int, default: str) -> Message:
    """`/epn …`: one conversation per person and channel (slash commands have no thread)."""
    text = slack_text_to_plain(str(body.get("text") or ""))[:max_chars] or default
    channel = str(body.get("channel_id", ""))
    return Message(text=text, sender=str(body.get("user_id", "")), room=channel, platform=PLATFORM, thread=None,
                   sender_name=body.get("user_name"),
                   direct=body.get("channel_name") == "directmessage" or is_direct(channel))


def event_key(body: Mapping[str, Any]) -> str | None:
    """What identifies an event whatever its delivery: a message by its channel and ts, else its `event_id`.

    A retry has the same `event_id` and message; a message seen both as `app_mention` and `message`
    has the same channel and ts.
    """
    if body.get("type") != "event_callback":
        return None
    event = body.get("event") or {}
    if event.get("type") in ("app_mention", "message") and event.get("ts") and event.get("channel"):
        return f"message:{event['channel']}:{event['ts']}"
    return f"event:{body['event_id']}" if body.get("event_id") else None
