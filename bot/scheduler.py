"""APScheduler only ticks; the database decides what is due and who runs it (DESIGN §9).

Each instance runs a `BackgroundScheduler` with an in-memory job store (never shared, so none of
APScheduler 3's duplicate runs): every `tick_seconds` it fires the due database timers with
`knowledge.scheduling.timers.fire_due`, where a `FOR UPDATE SKIP LOCKED` row lock and the
`fired_at` mark written with the timer's effect make each timer fire once, whatever the number of
instances; a timer that came due while every instance was down fires at the first tick. Other
periodic work (the personal-data purge, digests) registers here as plain jobs whose effects are
made exactly-once by unique keys in the database.

Jobs have stable ids, `replace_existing=True`, `coalesce=True` and one instance at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, Final

from apscheduler.schedulers.background import BackgroundScheduler

from bot.app import App
from handlers.digests import post_due_digests
from handlers.routing_timers import purge_personal_data, timer_handlers
from knowledge.delivery import seen
from knowledge.delivery.outbox import utc_now
from knowledge.scheduling.timers import TimerHandler, fire_due

log = logging.getLogger(__name__)

PURGE_HOURS: Final = 6.0
#: Digests are due on the hour; a minute's tick decides them soon after (exactly once: the database).
DIGEST_SECONDS: Final = 60.0
#: Platforms retry for minutes; event ids older than this are forgotten.
SEEN_DAYS: Final = 7


def all_timer_handlers(app: App) -> dict[str, TimerHandler]:
    """Every kind of database timer the bot knows (routing today)."""
    return timer_handlers(app)


def tick(app: App, now: dt.datetime | None = None, batch: int = 100) -> int:
    """Fire every due timer once; the number fired. Safe to call from any instance at any time."""
    handlers = all_timer_handlers(app)
    total = 0
    while True:
        fired = fire_due(app.sessions, handlers, now=now or utc_now(), limit=batch)
        total += fired
        if fired < batch:
            return total


def housekeeping(app: App, now: dt.datetime | None = None) -> None:
    """Purge askers' data past retention, forget old platform event ids."""
    moment = now or utc_now()
    purged = purge_personal_data(app, moment)
    forgotten = seen.forget_before(app.sessions, moment - dt.timedelta(days=SEEN_DAYS))
    if purged or forgotten:
        log.info("ménage : %d demande(s) purgée(s), %d événement(s) oublié(s)", purged, forgotten)


def _safely(job: Callable[..., Any], name: str) -> Callable[..., None]:
    def run(*args: Any) -> None:
        try:
            job(*args)
        except Exception:
            log.exception("tâche planifiée « %s » en échec", name)
    return run


def build_scheduler(app: App, extra_jobs: dict[str, tuple[Callable[..., Any], float]] | None = None
                    ) -> BackgroundScheduler:
    """A scheduler (not started) that ticks timers and runs housekeeping for `app`.

    `extra_jobs` maps a stable id to (function of `app`, interval in seconds).
    """
    scheduler = BackgroundScheduler(timezone=dt.UTC, job_defaults={"coalesce": True, "max_instances": 1})
    jobs: dict[str, tuple[Callable[..., Any], float]] = {
        "epnbot.timers": (tick, app.settings.tick_seconds),
        "epnbot.housekeeping": (housekeeping, PURGE_HOURS * 3600),
        "epnbot.digests": (post_due_digests, DIGEST_SECONDS),
        **(extra_jobs or {}),
    }
    for job_id, (function, seconds) in jobs.items():
        scheduler.add_job(_safely(function, job_id), "interval", seconds=seconds, args=[app], id=job_id,
                          replace_existing=True, next_run_time=dt.datetime.now(dt.UTC))
    return scheduler
