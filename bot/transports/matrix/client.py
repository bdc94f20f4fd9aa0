"""The Matrix transport's loop: log in (retrying while the homeserver is down), sync, answer, deliver.

One asyncio model (matrix-nio's `AsyncClient`), run in the transport thread by `run()`; the outbox
delivery thread hands its rows over with `send()`, which runs on the same loop. No replay and no
loss: the sync token is saved in the database after each sync has been handled and the next start
resumes from it; each event id is handled once (`knowledge.delivery.seen`), and messages older than
`MATRIX_MAX_AGE_MINUTES` are left alone after a long stop.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, Final

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    LoginError,
    MatrixRoom,
    MegolmEvent,
    ReactionEvent,
    RoomCreateError,
    RoomEncryptionEvent,
    RoomMessageText,
    RoomPreset,
    RoomSendError,
    SyncError,
    SyncResponse,
    WhoamiError,
)
from nio.crypto import ENCRYPTION_ENABLED

from bot.app import App
from bot.delivery import PermanentDeliveryError, RetryLaterError
from bot.render.matrix_html import NO, YES, render_matrix
from bot.transports.matrix import texts
from bot.transports.matrix.events import addressed, is_edit, thread_root
from bot.transports.matrix.settings import MatrixSettings
from handlers.messages import Action, Message, Reply, reply_from_json
from handlers.registry import Dispatcher
from knowledge.delivery import state
from knowledge.delivery.outbox import ROOM, OutboxItem, utc_now
from knowledge.delivery.seen import first_time

log = logging.getLogger(__name__)

PLATFORM: Final = "matrix"
#: Errors after which logging in again cannot help: the operator must change a setting.
FATAL_LOGIN: Final = frozenset({"M_FORBIDDEN", "M_UNKNOWN_TOKEN", "M_USER_DEACTIVATED", "M_INVALID_USERNAME",
                                "M_MISSING_TOKEN"})
#: Refusals a retry will not change (unknown user, room gone, not allowed there).
PERMANENT_SEND: Final = frozenset({"M_NOT_FOUND", "M_FORBIDDEN", "M_INVALID_PARAM", "M_TOO_LARGE", "M_BAD_JSON"})
TIMELINE_LIMIT: Final = 100
#: Threads the bot answered in, remembered so a command typed there without the prefix is for it.
REMEMBERED_THREADS: Final = 5000
#: Reactions read as ✅ / ❌ too.
REACTION_ALIASES: Final = {"👍": YES, "✔": YES, "☑": YES, "👎": NO, "✖": NO, "🚫": NO}
#: Replies whose reactions the bot adds itself, so answering is one click.
SEEDED_KINDS: Final = frozenset({"offer", "consent"})
DIRECT_RETRIES: Final = 3
OUTBOX_SEND_SECONDS: Final = 120.0
NETWORK_ERRORS: Final = (aiohttp.ClientError, OSError, asyncio.TimeoutError)


class MatrixLoginError(RuntimeError):
    """The homeserver refuses the bot's credentials: a setting must change (the message says which)."""


def _key(name: str, value: str) -> str:
    return f"matrix:{name}:{value}"[:100]


async def crypto_chores(client: AsyncClient) -> None:
    """What end-to-end encryption needs between two syncs: upload, query and claim keys, send to-device."""
    if client.olm is None:
        return
    if client.should_upload_keys:
        await client.keys_upload()
    if client.should_query_keys:
        await client.keys_query()
    if client.should_claim_keys:
        await client.keys_claim(client.get_users_for_key_claiming())
    await client.send_to_device_messages()


class MatrixTransport:
    """One bot account on one homeserver: `run()` blocks until `shutdown()`; `send()` delivers an outbox row."""

    def __init__(self, app: App, dispatcher: Dispatcher, settings: MatrixSettings, *,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.app = app
        self.dispatcher = dispatcher
        self.settings = settings
        self.clock = clock
        self.allow = settings.allow_list()
        self.encryption = bool(settings.encryption and ENCRYPTION_ENABLED)
        self.client: AsyncClient | None = None
        self.display_name: str | None = None
        self.ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stopping = False
        self._handled_token: str | None = None
        self._threads: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="matrix-répartiteur")

    # ------------------------------------------------------------------ thread-safe entry points
    def run(self) -> None:
        """Connect and sync until `shutdown()` (blocking; raises `MatrixLoginError` on bad credentials)."""
        try:
            asyncio.run(self.main())
        finally:
            self._worker.shutdown(wait=False)

    def shutdown(self) -> None:
        """Make `run()` return after saving the sync token (callable from any thread, e.g. on SIGTERM)."""
        self._stopping = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)

    def send(self, item: OutboxItem) -> str | None:
        """Deliver one outbox row (called by the delivery thread); the event id it became."""
        loop = self._loop
        if loop is None or not self.ready.is_set() or loop.is_closed():
            raise RetryLaterError("pas encore connecté au serveur Matrix", retry_after=5.0)
        future = asyncio.run_coroutine_threadsafe(self.deliver(item), loop)
        return future.result(timeout=OUTBOX_SEND_SECONDS)

    # ------------------------------------------------------------------ connection
    @property
    def state_name(self) -> str:
        """Where the sync token of this account is saved."""
        return _key("next_batch", self.settings.user_id)

    def _device_file(self) -> Any:
        return self.settings.store / "appareil.json"

    def _saved_device(self) -> str | None:
        try:
            saved = json.loads(self._device_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(saved, dict) and saved.get("user_id") == self.settings.user_id:
            device = saved.get("device_id")
            return device if isinstance(device, str) else None
        return None

    def _save_device(self, device_id: str) -> None:
        self._device_file().write_text(json.dumps({"user_id": self.settings.user_id, "device_id": device_id}),
                                       encoding="utf-8")

    def new_client(self) -> AsyncClient:
        """A client for the bot's account, its device and keys kept in `MATRIX_STORE_PATH`."""
        self.settings.store.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {"store_sync_tokens": False, "max_limit_exceeded": 0, "max_timeouts": 0,
                                   "request_timeout": self.settings.sync_timeout_seconds + 30}
        if self.encryption:
            options["encryption_enabled"] = True
        return AsyncClient(self.settings.homeserver, self.settings.user_id, device_id=self._saved_device() or "",
                           store_path=str(self.settings.store), config=AsyncClientConfig(**options))

    async def _pause(self, seconds: float) -> None:
        """Sleep `seconds`, or less if asked to stop."""
        assert self._stop is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)

    def _refused(self, response: ErrorResponse) -> MatrixLoginError:
        return MatrixLoginError(texts.LOGIN_REFUSED.format(user_id=self.settings.user_id,
                                                           error=response.status_code or response.message))

    async def _login_once(self, client: AsyncClient) -> float | None:
        """Log in once; None when logged in, else how long to wait before the next try."""
        token = self.settings.access_token.get_secret_value().strip() if self.settings.access_token else ""
        if token:
            client.access_token = token
            client.user_id = self.settings.user_id
            whoami = await client.whoami()
            if isinstance(whoami, WhoamiError):
                if whoami.status_code in FATAL_LOGIN:
                    raise self._refused(whoami)
                return (whoami.retry_after_ms or 0) / 1000 or None
            if whoami.user_id != self.settings.user_id:
                raise MatrixLoginError(texts.TOKEN_OTHER_USER.format(actual=whoami.user_id,
                                                                     expected=self.settings.user_id))
            client.restore_login(self.settings.user_id, whoami.device_id or self._saved_device() or "EPNBOT", token)
        else:
            assert self.settings.password is not None
            response = await client.login(self.settings.password.get_secret_value(),
                                          device_name=self.settings.device_name)
            if isinstance(response, LoginError):
                if response.status_code in FATAL_LOGIN:
                    raise self._refused(response)
                return (response.retry_after_ms or 0) / 1000 or None
        self._save_device(client.device_id)
        return None

    async def connect(self, client: AsyncClient) -> bool:
        """Log in, retrying with backoff while the homeserver is unreachable; False if stopped first."""
        delay = 1.0
        while not self._stopping:
            try:
                wait = await self._login_once(client)
            except NETWORK_ERRORS as error:
                wait = None
                reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            else:
                if wait is None and client.access_token and client.logged_in:
                    break
                reason = "réponse inattendue"
            pause = wait if wait is not None else delay
            log.warning(texts.HOMESERVER_DOWN.format(homeserver=self.settings.homeserver, error=reason, delay=pause))
            await self._pause(pause)
            delay = min(delay * 2, self.settings.retry_max_seconds)
        if self._stopping:
            return False
        profile = await client.get_displayname(self.settings.user_id)
        self.display_name = getattr(profile, "displayname", None)
        log.info(texts.CONNECTED.format(homeserver=self.settings.homeserver, user_id=self.settings.user_id,
                                        device_id=client.device_id,
                                        encryption="actif" if client.olm is not None else "inactif"))
        return True

    # ------------------------------------------------------------------ the loop
    async def main(self) -> None:
        """Connect, then sync until stopped; the sync token is saved on the way out."""
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        if self._stopping:
            return
        client = self.client = self.new_client()
        try:
            if await self.connect(client):
                await self.sync_loop(client)
        finally:
            self.ready.clear()
            if self._handled_token:
                state.save(self.app.sessions, self.state_name, self._handled_token)
                log.info(texts.STOPPED)
            await client.close()

    async def sync_loop(self, client: AsyncClient) -> None:
        """Sync, handle, save the token; again until stopped. Failures wait with backoff, never crash."""
        assert self._stop is not None
        since = state.load(self.app.sessions, self.state_name)
        log.info(texts.RESUMED if since else texts.FIRST_START)
        sync_filter = {"room": {"timeline": {"limit": TIMELINE_LIMIT}}}
        first, delay = True, 1.0
        while not self._stopping:
            sync = asyncio.ensure_future(client.sync(
                timeout=0 if first else int(self.settings.sync_timeout_seconds * 1000), sync_filter=sync_filter,
                since=since if first else None, full_state=True if first else None))
            stopped = asyncio.ensure_future(self._stop.wait())
            await asyncio.wait({sync, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if not sync.done():
                sync.cancel()
                break
            stopped.cancel()
            try:
                response = sync.result()
            except NETWORK_ERRORS as error:
                response = error
            if not isinstance(response, SyncResponse):
                if isinstance(response, SyncError) and response.status_code in FATAL_LOGIN:
                    raise self._refused(response)
                log.warning(texts.SYNC_FAILED.format(error=response, delay=delay))
                await self._pause(delay)
                delay = min(delay * 2, self.settings.retry_max_seconds)
                continue
            delay = 1.0
            await self.handle_sync(client, response)
            self._handled_token = response.next_batch
            state.save(self.app.sessions, self.state_name, response.next_batch)
            await crypto_chores(client)
            first = False
            self.ready.set()

    async def handle_sync(self, client: AsyncClient, response: SyncResponse) -> None:
        """Invitations first (those of the first sync too), then each joined room's new events in order."""
        for room_id, info in response.rooms.invite.items():
            await self.on_invite(client, room_id, info.invite_state)
        for room_id, info in response.rooms.join.items():
            room = client.rooms.get(room_id)
            if room is None:
                continue
            for event in info.timeline.events:
                try:
                    await self.on_event(client, room, event)
                except Exception:
                    log.exception("événement Matrix %s non traité", getattr(event, "event_id", "?"))

    async def on_invite(self, client: AsyncClient, room_id: str, events: list[Any]) -> None:
        """Join when the inviter is allowed; otherwise decline the invitation."""
        inviter = next((event.sender for event in events
                        if getattr(event, "membership", None) == "invite"
                        and getattr(event, "state_key", None) == self.settings.user_id), None)
        if inviter is not None and self.allow.allows(inviter):
            await client.join(room_id)
            log.info(texts.INVITE_ACCEPTED.format(inviter=inviter, room=room_id))
        else:
            await client.room_leave(room_id)
            log.warning(texts.INVITE_REFUSED.format(inviter=inviter or "?", room=room_id))

    def _too_old(self, event: Any) -> bool:
        minutes = self.settings.max_age_minutes
        stamp = getattr(event, "server_timestamp", None)
        if not minutes or not isinstance(stamp, int):
            return False
        sent = dt.datetime.fromtimestamp(stamp / 1000, dt.UTC)
        return sent < self.clock() - dt.timedelta(minutes=minutes)

    @staticmethod
    def is_direct(room: MatrixRoom) -> bool:
        """A two-person room: the bot and one person (joined or invited)."""
        return int(room.member_count) == 2

    async def on_event(self, client: AsyncClient, room: MatrixRoom, event: Any) -> None:
        """Dispatch one timeline event by type; the bot's own events and old ones are skipped."""
        if getattr(event, "sender", None) == self.settings.user_id or self._too_old(event):
            return
        if isinstance(event, RoomMessageText):
            await self.on_message(room, event)
        elif isinstance(event, ReactionEvent):
            await self.on_reaction(room, event)
        elif isinstance(event, MegolmEvent):
            await self.on_undecryptable(client, room, event)
        elif isinstance(event, RoomEncryptionEvent) and client.olm is None:
            await self.tell_encrypted(room)

    def _first_time(self, event_id: str) -> bool:
        return first_time(self.app.sessions, PLATFORM, event_id, now=self.clock())

    async def _dispatch(self, function: Callable[[Any], list[Reply]], argument: Any) -> list[Reply]:
        """Run the (synchronous) handlers off the loop, one message at a time, in arrival order."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, function, argument)

    async def on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        """Answer a message meant for the bot, in its thread."""
        content = event.source.get("content", {})
        if is_edit(content):
            return
        direct = self.is_direct(room)
        root = thread_root(content)
        found = addressed(content, bot_id=self.settings.user_id, display_name=self.display_name,
                          prefix=self.settings.command_prefix, direct=direct,
                          in_bot_thread=root is not None and root in self._threads)
        if found is None:
            return
        if found.how == "thread" and self.dispatcher.context.registry.match(found.text) is None:
            return  # people talking in a thread the bot answered: only commands are for it
        if not self._first_time(event.event_id):
            return
        thread = root or (None if direct else event.event_id)
        message = Message(text=found.text, sender=event.sender, room=room.room_id, platform=PLATFORM,
                          thread=thread, sender_name=room.user_name(event.sender), direct=direct)
        for reply in await self._dispatch(self.dispatcher.handle, message):
            await self.reply(room.room_id, reply, reply_to=event.event_id)

    async def on_reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        """A reaction on a message that offered it (✅ accept, ❌ refuse…) is that message's action."""
        saved = state.load(self.app.sessions, _key("reactions", event.reacts_to))
        if saved is None:
            return
        offered = json.loads(saved)
        key = event.key.replace("\ufe0f", "")
        actions = {emoji.replace("\ufe0f", ""): action for emoji, action in offered["actions"].items()}
        action_id = actions.get(key) or actions.get(REACTION_ALIASES.get(key, ""))
        if action_id is None or not self._first_time(event.event_id):
            return
        action = Action.from_id(action_id, actor=event.sender, room=room.room_id, platform=PLATFORM,
                                thread=offered.get("thread"), actor_name=room.user_name(event.sender),
                                direct=self.is_direct(room))
        for reply in await self._dispatch(self.dispatcher.act, action):
            await self.reply(room.room_id, reply, reply_to=event.reacts_to)

    async def on_undecryptable(self, client: AsyncClient, room: MatrixRoom, event: MegolmEvent) -> None:
        """A message the bot cannot read: say so (once per room without encryption; in a direct room with it)."""
        if client.olm is None:
            await self.tell_encrypted(room)
            return
        if self.is_direct(room) and self._first_time(event.event_id):
            await self.reply(room.room_id, Reply(text=texts.UNDECRYPTABLE), reply_to=event.event_id)
        try:
            await client.request_room_key(event)
        except Exception:  # a key already asked for raises; nothing to do
            log.debug("clé déjà demandée pour %s", event.event_id)

    async def tell_encrypted(self, room: MatrixRoom) -> None:
        """Once per room: this bot cannot read its encrypted messages."""
        if self._first_time(_key("chiffrement", room.room_id)):
            await self.reply(room.room_id, Reply(text=texts.CANNOT_READ_ENCRYPTED))

    # ------------------------------------------------------------------ sending
    def _remember_thread(self, thread: str) -> None:
        self._threads[thread] = None
        self._threads.move_to_end(thread)
        while len(self._threads) > REMEMBERED_THREADS:
            self._threads.popitem(last=False)

    async def post(self, room_id: str, reply: Reply, *, reply_to: str | None = None) -> str:
        """Send one reply (in its thread, else as a reply to `reply_to`); its event id.

        Raises `RetryLaterError` on M_LIMIT_EXCEEDED, `PermanentDeliveryError` on a refusal for good.
        """
        client = self.client
        assert client is not None
        rendered = render_matrix(reply, prefix=self.settings.command_prefix)
        content: dict[str, Any] = rendered.content()
        if reply.thread:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": reply.thread, "is_falling_back": True,
                                       "m.in_reply_to": {"event_id": reply_to or reply.thread}}
        elif reply_to:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        response = await client.room_send(room_id, "m.room.message", content, ignore_unverified_devices=True)
        if isinstance(response, RoomSendError):
            raise _send_error(response)
        event_id: str = response.event_id
        if reply.thread:
            self._remember_thread(reply.thread)
        if rendered.reactions:
            state.save(self.app.sessions, _key("reactions", event_id),
                       json.dumps({"actions": rendered.reactions, "thread": reply.thread}))
            if reply.kind in SEEDED_KINDS:
                for emoji in rendered.reactions:
                    await client.room_send(room_id, "m.reaction", {"m.relates_to": {
                        "rel_type": "m.annotation", "event_id": event_id, "key": emoji}})
        return event_id

    async def reply(self, room_id: str, reply: Reply, *, reply_to: str | None = None) -> str | None:
        """`post` for a direct answer: waits out rate limits a few times, logs a failure instead of raising."""
        for _ in range(DIRECT_RETRIES):
            try:
                return await self.post(room_id, reply, reply_to=reply_to)
            except RetryLaterError as error:
                await self._pause(error.retry_after or 1.0)
            except Exception:
                log.exception("réponse Matrix non envoyée dans %s", room_id)
                return None
        log.error("réponse Matrix non envoyée dans %s : limite de débit", room_id)
        return None

    async def deliver(self, item: OutboxItem) -> str:
        """Send an outbox row: to its room, or to a direct room with its user (created once, then reused)."""
        room_id = item.recipient if item.recipient_kind == ROOM else await self.direct_room(item.recipient)
        reply = reply_from_json(item.payload)
        if item.thread:
            reply = replace(reply, thread=item.thread)
        return await self.post(room_id, reply)

    async def direct_room(self, user_id: str) -> str:
        """The bot's direct room with `user_id`: the one remembered if it is still theirs, else a new one."""
        client = self.client
        assert client is not None
        name = _key("dm", user_id)
        saved = state.load(self.app.sessions, name)
        room = client.rooms.get(saved) if saved else None
        if saved and room is not None and (user_id in room.users or user_id in room.invited_users):
            return saved
        response = await client.room_create(is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat)
        if isinstance(response, RoomCreateError):
            raise _send_error(response)
        room_id: str = response.room_id
        state.save(self.app.sessions, name, room_id)
        for _ in range(100):  # the room is known to the client (needed to send) after the next sync
            if room_id in client.rooms:
                break
            await asyncio.sleep(0.1)
        return room_id


def _send_error(response: ErrorResponse) -> Exception:
    """The delivery error a Matrix refusal stands for."""
    if response.status_code == "M_LIMIT_EXCEEDED":
        return RetryLaterError(str(response), retry_after=(response.retry_after_ms or 1000) / 1000)
    if response.status_code in PERMANENT_SEND:
        return PermanentDeliveryError(str(response))
    return RuntimeError(str(response))
