"""What routing's timers do when they come due: remind, re-offer, expire; and the daily purge.

Each function runs inside the transaction that marks its timer fired (`knowledge.scheduling.timers`),
so its state change and its outbox rows commit with the mark, exactly once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from handlers.registry import Services
from handlers.routing_notices import queue
from knowledge.routing import workflow
from knowledge.scheduling.timers import DueTimer, TimerHandler


def timer_handlers(app: Services) -> dict[str, TimerHandler]:
    """The handler of each routing timer kind, bound to `app` (policy, nearby lieux)."""

    def remind(session: Session, timer: DueTimer, now: dt.datetime) -> None:
        queue(session, workflow.remind(session, int(timer.payload["offer"]), now, app.routing_policy))

    def reoffer(session: Session, timer: DueTimer, now: dt.datetime) -> None:
        queue(session, workflow.time_out(session, int(timer.payload["offer"]), now, app.routing_policy,
                                         app.nearby_lieux))

    def expire(session: Session, timer: DueTimer, now: dt.datetime) -> None:
        queue(session, workflow.expire(session, int(timer.payload["request"]), now, app.routing_policy))

    return {workflow.REMINDER: remind, workflow.REOFFER: reoffer, workflow.EXPIRY: expire}


def purge_personal_data(app: Services, now: dt.datetime) -> int:
    """Erase askers' data of requests closed longer ago than the policy allows; how many."""
    with app.sessions.begin() as session:
        return workflow.purge(session, now, app.routing_policy)
