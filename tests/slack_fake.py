"""A stand-in for Slack around the bot: its Web API on a loopback port, and signed requests to the bot.

`FakeSlack` is an HTTP server on 127.0.0.1, port 0, that answers the Web API methods the bot calls
as Slack does (`auth.test`, `chat.postMessage`, `chat.update`, `chat.postEphemeral`,
`conversations.open`, `views.open`, `views.publish`, `users.info`, and `response_url`s), records
every call, and can be told to answer the next call of a method differently (a 429, a 500). The
bot reaches it through `SLACK_API_URL`. `sign` and the payload builders make the requests Slack
would send to the bot, signed with the signing secret.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

BOT_TOKEN = "xoxb-test-0000000000-abcdefghijkl"
SIGNING_SECRET = "0123456789abcdef0123456789abcdef"
APP_TOKEN = "xapp-1-test"
BOT_USER = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM = "T0TEST01"


@dataclass
class Call:
    """One request the bot made: the Web API method (or « respond »), its arguments, its token."""

    method: str
    args: dict[str, Any]
    token: str | None
    path: str = ""
    #: When the call arrived (monotonic seconds), to check the bot's pace.
    at: float = field(default_factory=time.monotonic)

    def blocks(self) -> list[dict[str, Any]]:
        """The blocks sent, decoded."""
        blocks = self.args.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else list(blocks)

    def view(self) -> dict[str, Any]:
        """The view sent (views.open, views.publish), decoded."""
        view = self.args.get("view") or {}
        return json.loads(view) if isinstance(view, str) else dict(view)

    def all_text(self) -> str:
        """Every text of the call (its `text` and its blocks' texts), to search for words."""
        return self.args.get("text", "") + "\n" + json.dumps(self.args.get("blocks") or self.args.get("view") or "",
                                                           ensure_ascii=False)


@dataclass
class Scripted:
    """A canned answer for the next call of a method."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    """The loopback Web API; use as a context manager."""

    def __init__(self, token: str = BOT_TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.scripted: dict[str, list[Scripted]] = {}
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                kind = self.headers.get("Content-Type", "")
                if "json" in kind:
                    args = json.loads(raw or "{}")
                else:
                    args = {key: values[0] for key, values in parse_qs(raw).items()}
                auth = self.headers.get("Authorization", "")
                token = auth.removeprefix("Bearer ") if auth else args.get("token")
                path = urlsplit(self.path).path
                status, body, headers = fake.answer(path, args, token)
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if not isinstance(body, str) else "text/plain")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, name="faux-slack", daemon=True)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        """What `SLACK_API_URL` is set to."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "commande") -> str:
        """A `response_url` that lands here (recorded as method « respond »)."""
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def __enter__(self) -> FakeSlack:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def script(self, method: str, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        """Answer the next call of `method` with this instead of success."""
        with self._lock:
            self.scripted.setdefault(method, []).append(Scripted(status, body, headers or {}))

    def next_ts(self) -> str:
        return f"{1733130000 + next(self._ts)}.000100"

    def answer(self, path: str, args: dict[str, Any], token: str | None) -> tuple[int, Any, dict[str, str]]:
        """Record the call and answer it as Slack would."""
        if path.startswith("/respond/"):
            self._record(Call("respond", args, token, path))
            return 200, "ok", {}
        method = path.removeprefix("/api/")
        self._record(Call(method, args, token, path))
        with self._lock:
            queue = self.scripted.get(method)
            canned = queue.pop(0) if queue else None
        if canned is not None:
            return canned.status, canned.body, canned.headers
        if token != self.token:
            return 200, {"ok": False, "error": "invalid_auth"}, {}
        return 200, self.success(method, args), {}

    def success(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://epn-test.slack.com/", "team": "EPN test", "user": "epnbot",
                    "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID}
        if method == "chat.postMessage":
            return {"ok": True, "channel": args.get("channel"), "ts": self.next_ts(),
                    "message": {"text": args.get("text"), "user": BOT_USER, "bot_id": BOT_ID}}
        if method == "chat.update":
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts"), "text": args.get("text")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self.next_ts()}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args.get("users", "X")).split(",")[0][1:]}}
        if method in ("views.open", "views.publish"):
            return {"ok": True, "view": {"id": "V" + str(next(self._ts)), "type": "modal"}}
        if method == "users.info":
            user = str(args.get("user"))
            return {"ok": True, "user": {"id": user, "name": user.lower(),
                                         "profile": {"display_name": f"Personne {user}", "real_name": ""}}}
        return {"ok": False, "error": "unknown_method"}

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()

    def of(self, method: str) -> list[Call]:
        """The calls of one method so far."""
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, where: Callable[[Call], bool] = lambda call: True,
                 timeout: float = 20.0) -> Call:
        """The first call of `method` that fits `where`, waiting for it (fails after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for call in self.calls:
                    if call.method == method and where(call):
                        return call
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"aucun appel {method} attendu ; reçus : {[c.method for c in self.calls]}")
                self._lock.wait(left)


# ---------------------------------------------------------------------- requests Slack sends to the bot
def sign(body: str, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The two headers Slack signs a request with."""
    moment = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{moment}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": moment, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Response:
    status: int
    body: str
    seconds: float


def post(port: int, body: str, *, content_type: str = "application/json", headers: dict[str, str] | None = None,
         path: str = "/slack/events", secret: str = SIGNING_SECRET, timestamp: int | None = None,
         signed: bool = True) -> Response:
    """POST `body` to the bot on loopback as Slack would (signed), and time the acknowledgement."""
    all_headers = {"Content-Type": content_type, **(sign(body, secret, timestamp) if signed else {}), **(headers or {})}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    try:
        connection.request("POST", path, body=body.encode(), headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode()
        return Response(response.status, text, time.perf_counter() - started)
    finally:
        connection.close()


def get(port: int, path: str) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Response(response.status, response.read().decode(), time.perf_counter() - started)
    finally:
        connection.close()


_event_ids = itertools.count(1)


def event_body(event: dict[str, Any], event_id: str | None = None) -> str:
    """An Events API `event_callback` envelope."""
    return json.dumps({"token": "verif", "team_id": TEAM, "api_app_id": "A0TEST", "type": "event_callback",
                       "event_id": event_id or f"Ev{next(_event_ids):08d}", "event_time": int(time.time()),
                       "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
                       "event": event})


def mention(text: str, *, user: str = "UASK0001", channel: str = "CGENERAL", ts: str = "1733130000.000001",
            thread_ts: str | None = None, event_id: str | None = None) -> str:
    """`@epnbot text` in a channel."""
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts, "team": TEAM}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_body(event, event_id)


def direct(text: str, *, user: str = "UASK0001", channel: str = "DASK0001", ts: str = "1733130000.000002",
           event_id: str | None = None, **extra: Any) -> str:
    """A message in the DM with the bot."""
    event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel,
             "event_ts": ts, **extra}
    return event_body(event, event_id)


def command(text: str, response_url: str, *, user: str = "UASK0001", channel: str = "CGENERAL") -> str:
    """`/epn text`, form-encoded as Slack sends it."""
    return urlencode({"token": "verif", "team_id": TEAM, "channel_id": channel, "channel_name": "general",
                      "user_id": user, "user_name": "asker", "command": "/epn", "text": text,
                      "response_url": response_url, "trigger_id": "trig-cmd", "api_app_id": "A0TEST"})


def interaction(payload: dict[str, Any]) -> str:
    """An interactivity request: `payload=` JSON, form-encoded."""
    return urlencode({"payload": json.dumps(payload)})


def button_press(message: Call, button_action: str, *, user: str, channel: str, ts: str,
                 thread_ts: str | None = None, response_url: str = "", trigger_id: str = "trig-1") -> str:
    """A press on the button `button_action` of the message the bot posted with `message`."""
    blocks = message.blocks()
    element = next(element for block in blocks if block.get("type") == "actions" for element in block["elements"]
                   if element["action_id"] == button_action)
    posted: dict[str, Any] = {"type": "message", "user": BOT_USER, "bot_id": BOT_ID, "ts": ts,
                              "text": message.args.get("text", ""), "blocks": blocks}
    container: dict[str, Any] = {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": False}
    if thread_ts:
        posted["thread_ts"] = thread_ts
        container["thread_ts"] = thread_ts
    return interaction({
        "type": "block_actions", "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A0TEST", "token": "verif", "container": container, "trigger_id": trigger_id,
        "team": {"id": TEAM}, "channel": {"id": channel}, "message": posted, "response_url": response_url,
        "actions": [{"type": "button", "action_id": element["action_id"], "block_id": "actions-0",
                     "value": element.get("value", ""), "text": element["text"], "action_ts": "1733130001.1"}],
    })


def submission(view: dict[str, Any], *, user: str, choice: str | None, text: str | None) -> str:
    """The submission of a modal the bot opened with `view`."""
    values: dict[str, Any] = {}
    if choice is not None:
        values["choix"] = {"choix": {"type": "radio_buttons", "selected_option": {"value": choice}}}
    values["texte"] = {"texte": {"type": "plain_text_input", "value": text}}
    return interaction({
        "type": "view_submission", "user": {"id": user, "team_id": TEAM}, "team": {"id": TEAM},
        "api_app_id": "A0TEST", "token": "verif", "trigger_id": "trig-view",
        "view": {**view, "id": "V1", "state": {"values": values}},
    })
