"""The outbox, the events seen and the timers, on SQLite and PostgreSQL (DESIGN §5, §9)."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import func, select

from bot.app import App, build_app
from bot.config import Settings
from bot.delivery import Deliverer, PermanentDeliveryError, RetryLaterError
from handlers.messages import Button, Card, Choice, Field, Form, Reply, reply_from_json, reply_to_json
from knowledge.delivery import seen, state
from knowledge.delivery.models import OutboxMessage
from knowledge.delivery.outbox import Outbox, OutboxItem, enqueue
from knowledge.scheduling import timers
from knowledge.scheduling.models import Timer

T0 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def test_reply_survives_the_outbox_round_trip() -> None:
    form = Form(title="Motif", command="refuser 12", choices=(Choice("Hors compétence", "hors-competence"),),
                text_label="Précision")
    reply = Reply(text="Demande n° 12", cards=(Card("Lieu & co", "Nice", (Field("Besoin", "CV"),), "https://x"),),
                  buttons=(Button("Accepter", "accepter:12", "primary"), Button("Refuser", "refuser:12", form=form)),
                  thread="t1", kind="offer")
    assert reply_from_json(reply_to_json(reply)) == reply
    assert form.words("hors-competence", " plus de place ") == "refuser 12 hors-competence plus de place"


def _queue(app: App, key: str, platform: str = "slack") -> bool:
    with app.sessions.begin() as session:
        return enqueue(session, key=key, platform=platform, recipient="U1",
                       payload=reply_to_json(Reply(text=key)), not_before=T0)


def test_a_key_is_queued_once(app: App) -> None:
    assert _queue(app, "offre:1")
    assert not _queue(app, "offre:1")
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_delivery_retries_then_marks_sent(app: App) -> None:
    clock = Clock(T0)
    outbox = Outbox(app.sessions, clock)
    _queue(app, "a")
    _queue(app, "b", platform="matrix")
    calls: list[str] = []

    def send(item: OutboxItem) -> str:
        calls.append(item.key)
        if len(calls) == 1:
            raise RetryLaterError("429", retry_after=30)
        return "ts-1"

    deliverer = Deliverer(outbox, "slack", send)
    assert deliverer.deliver_once().failed == 1
    assert deliverer.deliver_once().sent == 0  # not before Retry-After
    clock.now = T0 + dt.timedelta(seconds=31)
    assert deliverer.deliver_once().sent == 1
    assert deliverer.deliver_once().sent == 0
    assert calls == ["a", "a"] and outbox.platform_ref("a") == "ts-1"
    assert outbox.pending_count("slack") == 0 and outbox.pending_count("matrix") == 1


def test_transient_failures_back_off_and_permanent_ones_stop(app: App) -> None:
    clock = Clock(T0)
    outbox = Outbox(app.sessions, clock)
    _queue(app, "x")
    _queue(app, "y")

    def send(item: OutboxItem) -> str:
        if item.key == "x":
            raise ConnectionError("réseau")
        raise PermanentDeliveryError("user_not_found")

    stats = Deliverer(outbox, "slack", send).deliver_once()
    assert (stats.failed, stats.abandoned) == (1, 1)
    with app.sessions() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "x")).one()
        assert row.attempts == 1 and "réseau" in (row.last_error or "")
        assert row.not_before.replace(tzinfo=dt.UTC) > T0


def test_a_claimed_row_is_not_claimed_twice_until_its_lease_ends(app: App) -> None:
    clock = Clock(T0)
    outbox = Outbox(app.sessions, clock)
    _queue(app, "z")
    assert [item.key for item in outbox.claim("slack")] == ["z"]
    assert outbox.claim("slack") == []
    clock.now = T0 + dt.timedelta(minutes=5)  # the sender died: its lease ran out
    assert [item.key for item in outbox.claim("slack")] == ["z"]


def test_seen_events_and_state(app: App) -> None:
    assert seen.first_time(app.sessions, "slack", "Ev1")
    assert not seen.first_time(app.sessions, "slack", "Ev1")
    assert seen.first_time(app.sessions, "matrix", "Ev1")
    assert seen.forget_before(app.sessions, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 2
    assert state.load(app.sessions, "matrix.next_batch") is None
    state.save(app.sessions, "matrix.next_batch", "s1")
    state.save(app.sessions, "matrix.next_batch", "s2")
    assert state.load(app.sessions, "matrix.next_batch") == "s2"


def test_timers_fire_once_and_failures_are_retried(app: App) -> None:
    fired: list[str] = []

    def remind(session: object, timer: timers.DueTimer, now: dt.datetime) -> None:
        if timer.payload.get("fail") and timer.key not in fired:
            fired.append(timer.key)
            raise RuntimeError("panne")
        fired.append(timer.key)

    with app.sessions.begin() as session:
        assert timers.schedule(session, key="rappel:1", kind="rappel", due_at=T0)
        assert not timers.schedule(session, key="rappel:1", kind="rappel", due_at=T0)
        timers.schedule(session, key="rappel:2", kind="rappel", due_at=T0 + dt.timedelta(hours=1))
        timers.schedule(session, key="rappel:3", kind="rappel", due_at=T0, payload={"fail": True})
        timers.schedule(session, key="annulé", kind="rappel", due_at=T0)
        assert timers.cancel(session, "annulé", T0)
    handlers = {"rappel": remind}
    assert timers.fire_due(app.sessions, handlers, now=T0) == 1
    assert fired == ["rappel:1", "rappel:3"]
    assert timers.fire_due(app.sessions, handlers, now=T0) == 0
    later = T0 + dt.timedelta(hours=2)
    assert timers.fire_due(app.sessions, handlers, now=later) == 2
    assert sorted(fired) == ["rappel:1", "rappel:2", "rappel:3", "rappel:3"]
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Timer).where(Timer.fired_at.is_(None))) == 1


def test_two_instances_fire_each_timer_once(db_url: str) -> None:
    """Two apps with their own engines tick concurrently: every timer fires exactly once."""
    first, second = build_app(Settings(database_url=db_url)), build_app(Settings(database_url=db_url))
    try:
        with first.sessions.begin() as session:
            for number in range(60):
                timers.schedule(session, key=f"t:{number}", kind="k", due_at=T0)
        counts: dict[str, int] = {}
        lock = threading.Lock()

        def handler(session: object, timer: timers.DueTimer, now: dt.datetime) -> None:
            with lock:
                counts[timer.key] = counts.get(timer.key, 0) + 1

        sqlite = db_url.startswith("sqlite")
        apps = [first] if sqlite else [first, second]  # SQLite: one instance (DESIGN §9)
        threads = [threading.Thread(target=timers.fire_due, args=(app.sessions, {"k": handler}),
                                    kwargs={"now": T0}) for app in apps]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(counts) == 60 and set(counts.values()) == {1}
    finally:
        first.engine.dispose()
        second.engine.dispose()
