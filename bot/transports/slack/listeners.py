"""What the bot does with each Slack input, after Bolt acknowledged it: the slow part of every listener.

Each input becomes a neutral `Message` (a mention, a DM, `/epn`, a modal's answer) or `Action` (a
button) for the dispatcher, with the true actor's id: handlers decide who may do what. Buttons that
carry a form open it as a modal; a reply holding a form that answers a press opens it too. After an
action went through, the message that held the button loses its buttons (`chat.update`), so it
cannot be pressed twice; a refusal goes to the presser alone and leaves the message as it was.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blockkit import form_answer, form_from_value, pressed_action
from bot.transports.slack import texts_fr as texts
from bot.transports.slack.events import (
    PLATFORM,
    Incoming,
    command_message,
    direct_message,
    is_direct,
    mention_message,
)
from bot.transports.slack.home import home_view
from bot.transports.slack.posting import REFUSAL, Destination, Poster
from bot.transports.slack.settings import Identity
from handlers.messages import Action, Form, Message, Reply
from handlers.registry import Dispatcher

log = logging.getLogger(__name__)

#: People's display names kept this long (users.info is rate-limited).
NAME_SECONDS: Final = 3600.0
MAX_REMEMBERED: Final = 5000


class Names:
    """Display names from `users.info`, cached; None when Slack does not say."""

    def __init__(self, client: WebClient, clock: Any = time.monotonic) -> None:
        self.client = client
        self.clock = clock
        self._names: OrderedDict[str, tuple[float, str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, user: str) -> str | None:
        """The name people see for `user`."""
        with self._lock:
            known = self._names.get(user)
        if known is not None and self.clock() - known[0] < NAME_SECONDS:
            return known[1]
        name: str | None = None
        try:
            profile = self.client.users_info(user=user).get("user") or {}
            details = profile.get("profile") or {}
            name = details.get("display_name") or details.get("real_name") or profile.get("name") or None
        except (SlackApiError, OSError):
            log.info("slack : nom de %s inconnu (users.info en échec)", user)
        with self._lock:
            self._names[user] = (self.clock(), name)
            while len(self._names) > MAX_REMEMBERED:
                self._names.popitem(last=False)
        return name


class SlackBot:
    """The listeners' work: turn Slack inputs into messages and actions, and post what comes back."""

    def __init__(self, dispatcher: Dispatcher, client: WebClient, identity: Identity, max_chars: int) -> None:
        self.dispatcher = dispatcher
        self.client = client
        self.identity = identity
        self.max_chars = max_chars
        self.poster = Poster(client)
        self.names = Names(client)
        #: Messages whose button opened a modal, to update once the modal is answered.
        self._opened: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._direct: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ messages
    def _answer(self, incoming: Incoming | None) -> None:
        if incoming is None:
            return
        message = replace(incoming.message, sender_name=self.names.get(incoming.message.sender))
        replies = self.dispatcher.handle(message)
        self.poster.post(Destination(message.room, message.sender, incoming.reply_thread), replies)

    def on_mention(self, body: Mapping[str, Any]) -> None:
        """`@epnbot …` in a channel: answered in the thread."""
        self._answer(mention_message(body.get("event") or {}, self.identity.user_id, self.max_chars))

    def on_message(self, body: Mapping[str, Any]) -> None:
        """A direct message (other message events are not for the bot)."""
        self._answer(direct_message(body.get("event") or {}, self.identity.user_id, self.max_chars))

    def on_command(self, body: Mapping[str, Any]) -> None:
        """`/epn …`: a private conversation with the bot, wherever it is typed.

        The replies go to the person alone (the command's response_url); the conversation, and any
        later notice about a request made there, belong to their DM with the bot, so nothing about
        it is ever posted in the channel where the command was typed.
        """
        message = command_message(body, self.max_chars, texts.EMPTY_COMMAND)
        room = self._direct_channel(message.sender) or message.room
        message = replace(message, room=room, direct=True, sender_name=self.names.get(message.sender))
        replies = self.dispatcher.handle(message)
        self.poster.post(Destination(room, message.sender, None, body.get("response_url")), replies)

    # ------------------------------------------------------------------ buttons and modals
    def _remember(self, key: str, message: dict[str, Any] | None) -> None:
        if not message:
            return
        with self._lock:
            self._opened[key] = message
            while len(self._opened) > MAX_REMEMBERED:
                self._opened.popitem(last=False)

    def _open(self, trigger_id: str | None, form: Form, destination: Destination, message: dict[str, Any] | None,
              intro: str | None = None) -> bool:
        if not trigger_id:
            return False
        ts = (message or {}).get("ts")
        metadata = {"c": destination.channel, "t": destination.thread, "m": ts, "f": form.command,
                    "r": destination.response_url}
        if ts:
            self._remember(f"{destination.channel}:{ts}", message)
        return self.poster.open_form(trigger_id, form, metadata, intro)

    def _after_action(self, destination: Destination, replies: list[Reply], message: dict[str, Any] | None,
                      trigger_id: str | None) -> None:
        opened = False
        rest: list[Reply] = []
        for reply in replies:
            if reply.form is not None and not opened and self._open(trigger_id, reply.form, destination, message,
                                                                    intro=reply.text):
                opened = True
                continue
            rest.append(reply)
        if not opened and message and not any(reply.kind == REFUSAL for reply in replies):
            self.poster.close_buttons(destination, message, rest[0].text if rest else "")
        self.poster.post(destination, rest, action=True)

    def on_action(self, body: Mapping[str, Any]) -> None:
        """A button press: open its form, or act as its words and update the message."""
        pressed = (body.get("actions") or [{}])[0]
        if pressed.get("type") != "button" or pressed.get("url") or not pressed.get("action_id"):
            return  # a link button: Slack opened the page, nothing to do
        user = str((body.get("user") or {}).get("id", ""))
        container = body.get("container") or {}
        if container.get("type") == "view":
            self.on_home_action(body, pressed, user)
            return
        message = body.get("message")
        channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
        ts = container.get("message_ts") or (message or {}).get("ts")
        thread = container.get("thread_ts") or (message or {}).get("thread_ts") or ts
        response_url = body.get("response_url") if container.get("is_ephemeral") else None
        if response_url:  # a /epn answer: its conversation is the person's DM (see on_command)
            channel, thread = self._direct_channel(user) or channel, None
        if message is None and ts:
            message = {"ts": ts, "blocks": [], "text": ""}
        destination = Destination(channel, user, thread, response_url)
        form = form_from_value(str(pressed.get("value") or ""))
        if form is not None:
            if not self._open(body.get("trigger_id"), form, destination, message):
                self.poster.post(destination, [Reply(text=form.intro or form.title)], action=True)
            return
        action = Action.from_id(pressed_action(str(pressed["action_id"])), actor=user, room=channel,
                                platform=PLATFORM, thread=thread, actor_name=self.names.get(user),
                                direct=is_direct(channel))
        self._after_action(destination, self.dispatcher.act(action), message, body.get("trigger_id"))

    def on_submission(self, body: Mapping[str, Any]) -> None:
        """A modal answered: its words (« refuser 12 doublon … », « oui … ») in the thread it came from."""
        view = body.get("view") or {}
        try:
            metadata = json.loads(view.get("private_metadata") or "{}")
        except ValueError:
            log.warning("slack : formulaire sans métadonnées lisibles")
            return
        value, free_text = form_answer((view.get("state") or {}).get("values") or {})
        words = Form(title="", command=str(metadata.get("f") or "")).words(value, free_text)[: self.max_chars]
        user = str((body.get("user") or {}).get("id", ""))
        channel = str(metadata.get("c") or "")
        if not channel:
            channel = self._direct_channel(user) or ""
        destination = Destination(channel, user, metadata.get("t"), metadata.get("r"))
        message = Message(text=words, sender=user, room=channel, platform=PLATFORM, thread=metadata.get("t"),
                          sender_name=self.names.get(user), direct=is_direct(channel))
        with self._lock:
            original = self._opened.pop(f"{channel}:{metadata.get('m')}", None)
        self._after_action(destination, self.dispatcher.handle(message), original, None)
        if metadata.get("h"):
            self.on_home({"user": user, "tab": "home"})

    # ------------------------------------------------------------------ App Home
    def _direct_channel(self, user: str) -> str | None:
        """The DM with `user` (conversations.open once, then remembered: it never changes)."""
        with self._lock:
            known = self._direct.get(user)
        if known is not None:
            return known
        try:
            response = self.client.conversations_open(users=user)
        except (SlackApiError, OSError):
            log.exception("slack : conversation directe impossible à ouvrir")
            return None
        channel = str((response.get("channel") or {}).get("id") or "") or None
        if channel is not None:
            with self._lock:
                self._direct[user] = channel
                while len(self._direct) > MAX_REMEMBERED:
                    self._direct.popitem(last=False)
        return channel

    def on_home(self, event: Mapping[str, Any]) -> None:
        """App Home opened: how to ask, and the person's requests (what `mes demandes` says)."""
        if event.get("tab", "home") != "home" or not event.get("user"):
            return
        user = str(event["user"])
        self.poster.publish_home(user, home_view(self.dispatcher, user, str(event.get("channel") or "")))

    def on_home_action(self, body: Mapping[str, Any], pressed: Mapping[str, Any], user: str) -> None:
        """A button of App Home (away / back): answered in the DM, then the home is drawn again."""
        channel = self._direct_channel(user)
        if channel is None:
            return
        destination = Destination(channel, user)
        form = form_from_value(str(pressed.get("value") or ""))
        if form is not None:
            trigger_id = body.get("trigger_id")
            metadata = {"c": channel, "t": None, "m": None, "f": form.command, "r": None, "h": 1}
            if trigger_id and self.poster.open_form(str(trigger_id), form, metadata):
                return
        action = Action.from_id(pressed_action(str(pressed["action_id"])), actor=user, room=channel,
                                platform=PLATFORM, actor_name=self.names.get(user), direct=True)
        self.poster.post(destination, self.dispatcher.act(action), action=True)
        self.on_home({"user": user, "tab": "home", "channel": channel})
