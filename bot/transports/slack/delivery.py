"""The outbox rows addressed to Slack: how one is sent (`bot.delivery.Deliverer` does the rest).

A row for a user opens (or reuses) the DM with `conversations.open`; a row for a room posts in
that channel and thread. Slack allows about one message per second per channel: the sender waits
its turn rather than earn a 429. What Slack answers decides what happens next: 429 → try again
after `Retry-After`; 5xx or a network error → backoff; a refusal that will never change (unknown
user, archived channel) → the row is abandoned.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.delivery import PermanentDeliveryError, RetryLaterError
from bot.transports.slack.posting import post_message
from handlers.messages import reply_from_json
from knowledge.delivery.outbox import USER, OutboxItem

#: Seconds between two messages to one channel (Slack's chat.postMessage guidance).
CHANNEL_INTERVAL: Final = 1.0
#: Slack errors that no retry will fix.
PERMANENT_ERRORS: Final = frozenset({
    "channel_not_found", "is_archived", "user_not_found", "users_not_found", "not_in_channel", "account_inactive",
    "user_disabled", "cannot_dm_bot", "invalid_blocks", "msg_too_long", "no_text", "restricted_action",
    "team_access_not_granted", "invalid_arguments", "too_many_attachments", "not_allowed_token_type",
})
#: DM channels remembered (a user's DM id never changes).
MAX_DM_CHANNELS: Final = 10_000
DEFAULT_RETRY_AFTER: Final = 30.0


class ChannelPacer:
    """At most one message per `interval` seconds per channel; waits (in the delivery thread) if needed."""

    def __init__(self, interval: float = CHANNEL_INTERVAL, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._last: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def wait_turn(self, channel: str) -> None:
        """Return when a message may go to `channel`, and count it as sent now."""
        with self._lock:
            last = self._last.get(channel)
            now = self.clock()
            if last is not None and now - last < self.interval:
                self.sleep(self.interval - (now - last))
                now = self.clock()
            self._last[channel] = now
            self._last.move_to_end(channel)
            while len(self._last) > MAX_DM_CHANNELS:
                self._last.popitem(last=False)


def _retry_after(error: SlackApiError) -> float:
    value = error.response.headers.get("Retry-After") or error.response.headers.get("retry-after")
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(1.0, float(value)) if value is not None else DEFAULT_RETRY_AFTER
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER


def classify(error: SlackApiError, what: str) -> Exception:
    """What the delivery loop should do after Slack refused: wait, back off, or give up."""
    status = error.response.status_code
    code = str(error.response.get("error", "")) if isinstance(error.response.data, dict) else ""
    if status == 429 or code == "ratelimited":
        return RetryLaterError(f"{what} : limite de débit Slack", retry_after=_retry_after(error))
    if code in PERMANENT_ERRORS:
        return PermanentDeliveryError(f"{what} : {code}")
    return RuntimeError(f"{what} : Slack a répondu {status} {code}".strip())


class SlackSender:
    """`send(item)` for the Slack deliverer; returns « channel:ts », so the message can be updated."""

    def __init__(self, client: WebClient, pacer: ChannelPacer | None = None) -> None:
        self.client = client
        self.pacer = pacer or ChannelPacer()
        self._dm_channels: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def channel_for(self, item: OutboxItem) -> str:
        """The channel of a row: its room, or the DM with its user."""
        if item.recipient_kind != USER:
            return item.recipient
        with self._lock:
            known = self._dm_channels.get(item.recipient)
        if known is not None:
            return known
        try:
            response = self.client.conversations_open(users=item.recipient)
        except SlackApiError as error:
            raise classify(error, "conversations.open") from error
        channel = str((response.get("channel") or {}).get("id") or "")
        if not channel:
            raise RuntimeError("conversations.open : pas d'identifiant de conversation")
        with self._lock:
            self._dm_channels[item.recipient] = channel
            while len(self._dm_channels) > MAX_DM_CHANNELS:
                self._dm_channels.popitem(last=False)
        return channel

    def send(self, item: OutboxItem) -> str | None:
        """Post one row's reply; the platform reference « channel:ts »."""
        reply = reply_from_json(item.payload)
        channel = self.channel_for(item)
        self.pacer.wait_turn(channel)
        try:
            ts = post_message(self.client, channel, reply, item.thread)
        except SlackApiError as error:
            raise classify(error, "chat.postMessage") from error
        return f"{channel}:{ts}" if ts else None
