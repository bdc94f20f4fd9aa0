"""The HTTP front: a threaded WSGI server (cheroot) handing the raw body to Bolt, and `/healthz`.

Bolt's own `app.start()` is a single-threaded development server without a health check (DESIGN
§9). cheroot, CherryPy's production server, runs a pool of threads, stops gracefully from another
thread, and gives Bolt's WSGI adapter the exact bytes Slack signed.

    server = SlackHttpServer(bolt_app, runtime.health, host="0.0.0.0", port=3000)
    server.prepare()                     # binds: `server.port` is known (port 0 in tests)
    runtime.serve(server.serve, server.stop)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from cheroot import wsgi
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.transports.runtime import Health

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    WsgiApp = Callable[[WSGIEnvironment, StartResponse], Iterable[bytes]]

EVENTS_PATH: Final = "/slack/events"
HEALTH_PATH: Final = "/healthz"
#: Slack's payloads are a few kilobytes; anything far larger is refused before Bolt reads it.
MAX_BODY_BYTES: Final = 1_000_000
THREADS: Final = 16


def health_app(health: Callable[[], Health]) -> WsgiApp:
    """`/healthz`: 200 and the details when the process can work, 503 otherwise."""

    def respond(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        state = health()
        body = json.dumps({"ok": state.ok, **state.details}, ensure_ascii=False).encode()
        start_response("200 OK" if state.ok else "503 Service Unavailable",
                       [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    return respond


def slack_wsgi(bolt_app: App, health: Callable[[], Health]) -> WsgiApp:
    """One WSGI application: `/healthz`, and everything else to Bolt (`/slack/events`, 404 elsewhere)."""
    bolt = SlackRequestHandler(bolt_app, path=EVENTS_PATH)
    check = health_app(health)

    def application(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            return check(environ, start_response)
        return bolt(environ, start_response)

    return application


class SlackHttpServer:
    """The threaded server; `prepare` binds, `serve` blocks, `stop` (any thread) lets `serve` return."""

    def __init__(self, bolt_app: App, health: Callable[[], Health], *, host: str = "0.0.0.0", port: int = 3000,
                 threads: int = THREADS) -> None:
        self.server = wsgi.Server((host, port), slack_wsgi(bolt_app, health), numthreads=threads,
                                  max=threads * 4, request_queue_size=128, timeout=10, shutdown_timeout=5,
                                  server_name="epnbot")
        self.server.max_request_body_size = MAX_BODY_BYTES

    def prepare(self) -> None:
        """Bind the port (raises `OSError` when it is taken)."""
        self.server.prepare()

    @property
    def port(self) -> int:
        """The bound port."""
        address = self.server.bind_addr
        assert isinstance(address, tuple)
        return int(address[1])

    def serve(self) -> None:
        """Serve until `stop`."""
        self.server.serve()

    def stop(self) -> None:
        """Stop accepting, finish the requests in progress (5 s at most)."""
        self.server.stop()
