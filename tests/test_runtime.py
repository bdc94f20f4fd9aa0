"""The runtime every served transport shares: delivery thread, scheduler, signals, health."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from bot.app import App
from bot.transports.runtime import Runtime, Scheduler
from handlers.messages import Reply, reply_to_json
from knowledge.delivery.outbox import OutboxItem, enqueue


class RecordingScheduler:
    """Stands in for APScheduler: records start and shutdown."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("start")

    def shutdown(self, wait: bool = True) -> None:
        self.calls.append("shutdown")


def test_serve_stops_on_sigterm_and_shuts_everything_down(empty_app: App) -> None:
    scheduler = RecordingScheduler()

    def factory(app: App) -> Scheduler:
        return scheduler

    runtime = Runtime(empty_app, scheduler_factory=factory)
    sent: list[str] = []
    delivered = threading.Event()

    def send(item: OutboxItem) -> str:
        sent.append(item.recipient)
        delivered.set()
        return "ref-1"

    with empty_app.sessions.begin() as session:
        enqueue(session, key="k1", platform="test", recipient="U1", payload=reply_to_json(Reply(text="x")))
    loop_stopped = threading.Event()
    runtime.deliver("test", send, interval=0.05)

    def run() -> None:
        assert delivered.wait(10)
        os.kill(os.getpid(), signal.SIGTERM)
        loop_stopped.wait(10)

    previous = signal.getsignal(signal.SIGTERM)
    with runtime:
        assert runtime.health().ok
        runtime.serve(run, loop_stopped.set)
        assert runtime.stop.is_set() and not runtime.health().ok
    assert signal.getsignal(signal.SIGTERM) is previous
    assert sent == ["U1"] and scheduler.calls == ["start", "shutdown"]
    assert runtime.deliverers["test"].outbox.platform_ref("k1") == "ref-1"


def test_a_failing_transport_loop_is_reported(empty_app: App) -> None:
    runtime = Runtime(empty_app, scheduler_factory=lambda app: None)

    def run() -> None:
        raise OSError("port déjà pris")

    with runtime, pytest.raises(OSError, match="port déjà pris"):
        runtime.serve(run, lambda: None)


def test_health_names_the_database_and_the_pending_rows(empty_app: App) -> None:
    runtime = Runtime(empty_app, scheduler_factory=lambda app: None)
    with runtime:
        runtime.deliver("test", lambda item: None, interval=0.05)
        health = runtime.health()
        assert health.ok
        assert health.details["database"] == "ok" and health.details["outbox_pending"] == {"test": 0}
        assert health.details["livraison-test"] == "ok"
