"""The served Matrix bot in a process of its own, and the people who talk to it with matrix-nio.

    with ServedMatrix(database_url, synapse.url, store) as bot:   # `epnbot serve matrix`
        alice = await Person.login(synapse.url, "alice")
        room = await alice.room_with(BOT_ID)
        question = await alice.say(room, "!epn aide")
        answer = await alice.wait_for(lambda room_id, event: replies_to(event, question))
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nio import AsyncClient, AsyncClientConfig, InviteMemberEvent, LoginResponse, RoomPreset, SyncResponse
from slack_process import epnbot_command

from bot.transports.matrix.client import crypto_chores

PASSWORD = "mot-de-passe-des-tests"
BOT_LOCALPART = "epnbot"


class ServedMatrix:
    """`epnbot serve matrix` against a homeserver: started, stopped with SIGTERM, restarted."""

    def __init__(self, database_url: str, homeserver: str, store: Path, *, user_id: str,
                 allowed: str, extra_env: dict[str, str] | None = None) -> None:
        self.env = {**os.environ, "DATABASE_URL": database_url, "MATRIX_HOMESERVER": homeserver,
                    "MATRIX_USER_ID": user_id, "MATRIX_PASSWORD": PASSWORD, "MATRIX_STORE_PATH": str(store),
                    "MATRIX_ALLOWED": allowed, "MATRIX_SYNC_TIMEOUT_SECONDS": "5", "EPNBOT_TRANSPORTS": "matrix",
                    **(extra_env or {})}
        self.env.pop("MATRIX_ACCESS_TOKEN", None)
        self.lines: list[str] = []
        self.process: subprocess.Popen[str] | None = None
        self._connected = threading.Event()

    def _read(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            if "Connecté à" in line:
                self._connected.set()
        self._connected.set()

    def start(self, timeout: float = 120.0) -> None:
        """Start the process and wait until it is logged in."""
        self._connected.clear()
        self.process = subprocess.Popen([*epnbot_command(), "serve", "matrix"], env=self.env, text=True,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._connected.wait(timeout) or self.process.poll() is not None:
            raise AssertionError("le bot Matrix n'a pas démarré :\n" + "".join(self.lines[-40:]))

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM, then wait; the exit status."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("le bot Matrix ne s'est pas arrêté sur SIGTERM :\n"
                                 + "".join(self.lines[-40:])) from None

    def __enter__(self) -> ServedMatrix:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.stop()


Seen = tuple[str, Any]


class Person:
    """A test user's matrix-nio client: it syncs, keeps every timeline event seen, joins its invites."""

    def __init__(self, client: AsyncClient) -> None:
        self.client = client
        self.events: list[Seen] = []

    @classmethod
    async def login(cls, homeserver: str, localpart: str, *, store: Path | None = None) -> Person:
        """Log in as `@localpart:localhost` (with an encryption store when `store` is given)."""
        config = AsyncClientConfig(encryption_enabled=store is not None, store_sync_tokens=False)
        if store is not None:
            store.mkdir(parents=True, exist_ok=True)
        client = AsyncClient(homeserver, f"@{localpart}:localhost", store_path=str(store) if store else "",
                             config=config)
        response = await client.login(PASSWORD, device_name=f"tests-{localpart}")
        assert isinstance(response, LoginResponse), response
        person = cls(client)
        await person.sync(0)
        return person

    async def close(self) -> None:
        """Log out of nothing: just close the HTTP session."""
        await self.client.close()

    async def sync(self, timeout_ms: int = 500) -> None:
        """One sync: keep the timeline events, join the rooms this person is invited to."""
        response = await self.client.sync(timeout=timeout_ms)
        assert isinstance(response, SyncResponse), response
        for room_id, info in response.rooms.join.items():
            self.events.extend((room_id, event) for event in info.timeline.events)
        for room_id, info in response.rooms.invite.items():
            if any(isinstance(event, InviteMemberEvent) for event in info.invite_state):
                await self.client.join(room_id)
        await crypto_chores(self.client)

    async def wait_for(self, predicate: Callable[[str, Any], bool], timeout: float = 20.0) -> Seen:
        """The first event (already seen, or coming) for which `predicate(room_id, event)` holds."""
        deadline = time.monotonic() + timeout
        checked = 0
        while True:
            for room_id, event in self.events[checked:]:
                if predicate(room_id, event):
                    return room_id, event
            checked = len(self.events)
            if time.monotonic() > deadline:
                raise AssertionError(f"rien reçu en {timeout:.0f} s")
            await self.sync()

    async def settle(self, seconds: float) -> None:
        """Keep syncing for `seconds` (to see that something does NOT come)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            await self.sync(300)

    async def room_with(self, *invite: str, direct: bool = False, encrypted: bool = False) -> str:
        """A new room inviting `invite`; its id."""
        state = [{"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}]
        response = await self.client.room_create(invite=list(invite), is_direct=direct,
                                                 preset=RoomPreset.private_chat,
                                                 initial_state=state if encrypted else ())
        room_id: str = response.room_id
        await self.sync(0)
        return room_id

    async def say(self, room_id: str, text: str, *, thread: str | None = None) -> str:
        """Send a text (in `thread` if given); its event id."""
        content: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if thread:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread, "is_falling_back": True,
                                       "m.in_reply_to": {"event_id": thread}}
        response = await self.client.room_send(room_id, "m.room.message", content, ignore_unverified_devices=True)
        event_id: str = response.event_id
        return event_id

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        """React to an event with `key`."""
        response = await self.client.room_send(room_id, "m.reaction", {"m.relates_to": {
            "rel_type": "m.annotation", "event_id": event_id, "key": key}})
        reaction: str = response.event_id
        return reaction


def content_of(event: Any) -> dict[str, Any]:
    """An event's content as sent."""
    content: dict[str, Any] = event.source.get("content", {})
    return content


def from_bot(event: Any, bot_id: str) -> bool:
    """A message the bot sent."""
    return getattr(event, "sender", None) == bot_id and "body" in content_of(event)


def in_thread(event: Any, root: str) -> bool:
    """A message in the thread of `root`."""
    relation = content_of(event).get("m.relates_to") or {}
    return relation.get("rel_type") == "m.thread" and relation.get("event_id") == root


def replying_to(event: Any, event_id: str) -> bool:
    """A message whose reply fallback points at `event_id`."""
    relation = content_of(event).get("m.relates_to") or {}
    return (relation.get("m.in_reply_to") or {}).get("event_id") == event_id


def run(coroutine: Any, timeout: float = 240.0) -> Any:
    """Run one scenario on a fresh event loop."""
    return asyncio.run(asyncio.wait_for(coroutine, timeout))
