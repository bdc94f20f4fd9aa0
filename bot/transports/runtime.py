"""What every served transport shares: the app, the dispatcher, outbox delivery, the scheduler, shutdown.

A transport (`serve slack`, `serve matrix`) only says how to receive and how to send; this module
builds the rest once, the same way for all of them:

    with Runtime.open(database_url) as runtime:
        runtime.deliver("slack", sender.send)          # the outbox rows of this platform
        runtime.serve(server.serve, server.stop)       # blocks until SIGTERM/SIGINT or the end

`serve` runs the transport's loop in a thread and waits in the main thread, where signals arrive;
on SIGTERM or SIGINT it stops the loop, the scheduler and the delivery threads (each finishes what
it is doing), then closes the database. Nothing here knows a platform.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import Any, Final, Protocol

from sqlalchemy import text

from bot.app import App, build_app
from bot.config import Settings
from bot.delivery import Deliverer, Send
from handlers.registry import Dispatcher
from knowledge.delivery.outbox import Outbox

log = logging.getLogger(__name__)

#: How long shutdown waits for each thread (a delivery pass, the transport's loop).
JOIN_SECONDS: Final = 10.0


class Scheduler(Protocol):
    """What the runtime needs of a scheduler."""

    def start(self) -> None: ...
    def shutdown(self, wait: bool = ...) -> None: ...


def build_scheduler(app: App) -> Scheduler | None:
    """The scheduler of `bot.scheduler` (database timers, housekeeping), not started."""
    from bot.scheduler import build_scheduler as build

    scheduler: Scheduler = build(app)
    return scheduler


@dataclass
class Health:
    """What `/healthz` says: the database answers, and every background thread is alive."""

    ok: bool
    details: dict[str, Any] = field(default_factory=dict)


class Runtime:
    """One served process: the app, its dispatcher and the threads that run beside the transport."""

    def __init__(self, app: App, dispatcher: Dispatcher | None = None, *,
                 scheduler_factory: Callable[[App], Scheduler | None] = build_scheduler) -> None:
        self.app = app
        self.dispatcher = dispatcher or Dispatcher(app)
        self.stop = threading.Event()
        self.deliverers: dict[str, Deliverer] = {}
        self._threads: list[threading.Thread] = []
        self._scheduler_factory = scheduler_factory
        self._scheduler: Scheduler | None = None
        self._closed = False

    @classmethod
    def open(cls, database_url: str | None = None, settings: Settings | None = None) -> Runtime:
        """Build the app on `database_url` (else `DATABASE_URL`, else the default SQLite file)."""
        settings = settings or Settings()
        if database_url:
            settings = settings.model_copy(update={"database_url": database_url})
        return cls(build_app(settings))

    def warm(self) -> None:
        """Build the search index now, so the first question is answered as fast as the others."""
        _ = self.app.understanding

    def deliver(self, platform: str, send: Send, *, interval: float = 1.0) -> Deliverer:
        """Deliver the outbox rows of `platform` with `send`, in a thread, until stop."""
        deliverer = Deliverer(Outbox(self.app.sessions), platform, send)
        self.deliverers[platform] = deliverer
        self._threads.append(deliverer.start(self.stop, interval))
        return deliverer

    def start_scheduler(self) -> None:
        """Start the scheduler's ticks (timers, digests); without one, nothing to do."""
        if self._scheduler is None:
            self._scheduler = self._scheduler_factory(self.app)
            if self._scheduler is not None:
                self._scheduler.start()

    def health(self) -> Health:
        """Whether this process can do its work: database reachable, delivery threads alive."""
        details: dict[str, Any] = {}
        ok = True
        try:
            with self.app.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            details["database"] = "ok"
        except Exception as error:
            ok = False
            details["database"] = type(error).__name__
        for thread in self._threads:
            alive = thread.is_alive()
            details[thread.name] = "ok" if alive else "arrêté"
            ok = ok and (alive or self.stop.is_set())
        if self.deliverers:
            details["outbox_pending"] = {platform: deliverer.outbox.pending_count(platform)
                                         for platform, deliverer in self.deliverers.items()}
        return Health(ok and not self.stop.is_set(), details)

    def request_stop(self, *_: object) -> None:
        """Ask everything to stop (a signal handler, or a test)."""
        self.stop.set()

    @contextmanager
    def signals_stop(self) -> Iterator[None]:
        """SIGTERM and SIGINT set `stop` while inside (main thread only; elsewhere nothing changes)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def handler(signum: int, frame: FrameType | None) -> None:
            log.warning("signal %s reçu : arrêt en cours", signal.Signals(signum).name)
            self.request_stop()

        previous = {number: signal.signal(number, handler) for number in (signal.SIGTERM, signal.SIGINT)}
        try:
            yield
        finally:
            for number, old in previous.items():
                signal.signal(number, old)

    def serve(self, run: Callable[[], None], shutdown: Callable[[], None], *, name: str = "transport") -> None:
        """Run the transport's blocking loop `run` in a thread until a signal, `stop`, or its end.

        `shutdown` is then called (from this thread) to make `run` return; the scheduler is
        started first, so timers tick only in a process that serves.
        """
        failure: list[BaseException] = []

        def target() -> None:
            try:
                run()
            except BaseException as error:  # reported in the main thread
                failure.append(error)
            finally:
                self.stop.set()

        self.start_scheduler()
        thread = threading.Thread(target=target, name=name, daemon=True)
        with self.signals_stop():
            thread.start()
            while not self.stop.wait(0.5):
                pass
        try:
            shutdown()
        finally:
            thread.join(JOIN_SECONDS)
            if failure:
                raise failure[0]

    def close(self) -> None:
        """Stop the scheduler and the delivery threads, then close the database (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.stop.set()
        if self._scheduler is not None:
            try:
                self._scheduler.shutdown(wait=False)
            except Exception:
                log.exception("arrêt du planificateur en échec")
        for thread in self._threads:
            thread.join(JOIN_SECONDS)
        self.app.engine.dispose()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
