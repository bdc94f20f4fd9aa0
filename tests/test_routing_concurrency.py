"""Two routers (two app instances, separate engines) on one PostgreSQL: 1,000 requests created
concurrently, then their reminders fired concurrently — zero double offers, zero lost requests,
no mediator over capacity, zero double-fired timers (DESIGN §5, §9). On SQLite, one instance."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from bot.app import App, build_app
from bot.config import Settings
from bot.scheduler import tick
from handlers.routing import submit
from knowledge.delivery.models import OutboxMessage
from knowledge.routing.models import Offer, Request
from knowledge.scheduling.models import Timer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from routing_world import build_world, new_request

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _run(apps: list[App], work: list[int], job: object) -> None:
    chunks = [work[index::len(apps)] for index in range(len(apps))]
    errors: list[BaseException] = []

    def worker(app: App, numbers: list[int]) -> None:
        try:
            for number in numbers:
                job(app, number)  # type: ignore[operator]
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(app, chunk)) for app, chunk in zip(apps, chunks, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]


def test_two_routers_thousand_requests(db_url: str, tmp_path: Path) -> None:
    settings = Settings(database_url=db_url, transports="slack")
    first = build_app(settings)
    instances = 1 if db_url.startswith("sqlite") else 2
    total = 1000 if instances == 2 else 300
    capacity = 20
    try:
        lieux = build_world(first, tmp_path, lieux=8, per_lieu=3, capacity=capacity)
        apps = [first] + [build_app(settings) for _ in range(instances - 1)]
        _run(apps, list(range(total)), lambda app, number: submit(app, new_request(number, lieux), NOW))
        with first.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Request)) == total
            offers = session.execute(select(Offer.request_id, Offer.mediator_id)).all()
            per_request = Counter(request_id for request_id, _ in offers)
            assert max(per_request.values()) == 1  # zero double offers
            per_mediator = Counter(mediator for _, mediator in offers)
            assert max(per_mediator.values()) <= capacity  # nobody flooded
            offered = len(offers)
            assert offered == min(total, 8 * 3 * capacity)
            states = Counter(session.scalars(select(Request.state)))
            assert states["proposée"] == offered and states["nouvelle"] == total - offered  # none lost
            offer_rows = session.scalar(select(func.count()).select_from(OutboxMessage)
                                        .where(OutboxMessage.key.like("offer:%")))
            assert offer_rows == offered

        later = NOW + first.routing_policy.remind_after + dt.timedelta(minutes=1)
        _run(apps, list(range(instances)), lambda app, _: tick(app, later))
        with first.sessions() as session:
            reminders = session.scalar(select(func.count()).select_from(OutboxMessage)
                                       .where(OutboxMessage.key.like("reminder:%")))
            assert reminders == offered  # each reminder timer fired exactly once
            assert session.scalar(select(func.count()).select_from(Timer).where(
                Timer.kind == "routing.reminder", Timer.fired_at.is_(None))) == 0
        for app in apps[1:]:
            app.engine.dispose()
    finally:
        first.engine.dispose()
