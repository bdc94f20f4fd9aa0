"""Scheduled digests (DESIGN §6): each subscription's letter, posted exactly once per period.

`post_due_digests(app, now)` is the job `bot/scheduler.py` runs every minute in every instance;
APScheduler only ticks. For each active subscription and each digest whose latest due moment is
past (`knowledge.events.periods`), the decision is one transaction: insert the `digest_periods`
row (subscription, period) with ON CONFLICT DO NOTHING — a second instance's insert waits for the
first's commit, then finds the row and does nothing — and, when there is something to announce,
queue the letter in the outbox under the key `digest:<subscription id>:<period>` (unique too).
Nothing to announce: the period is marked « vide » and nothing is posted. A digest missed while
every instance was down is decided at the first tick after restart if it is still within the grace
window (`EPNBOT_DIGEST_GRACE_HOURS`), and never after; one due before the subscription existed is
not posted either.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Final, Protocol

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from handlers.agenda_view import day_cards, themes_text, zone_text
from handlers.messages import Reply, reply_to_json
from knowledge.delivery.outbox import ROOM, enqueue, utc_now
from knowledge.events import subscriptions
from knowledge.events import texts_fr as texts
from knowledge.events.agenda import upcoming
from knowledge.events.french_dates import format_day
from knowledge.events.models import DigestPeriod, Subscription
from knowledge.events.periods import ANNOUNCEMENT, DAILY, FETE, WEEKLY, DuePeriod, due_periods, in_fete
from knowledge.events.settings import EventSettings
from knowledge.sql import insert_ignoring_duplicates

log = logging.getLogger(__name__)

DIGEST_PERIODS: Final[Table] = DigestPeriod.__table__  # type: ignore[assignment]
SENT: Final = "envoyé"
EMPTY: Final = "vide"


class DigestServices(Protocol):
    """What the digest job needs from the application (a `bot.app.App` fits)."""

    @property
    def sessions(self) -> sessionmaker[Session]: ...
    @property
    def events(self) -> EventSettings: ...


def outbox_key(subscription_id: int, period: str) -> str:
    """The outbox key of one digest: unique per subscription and period."""
    return f"digest:{subscription_id}:{period}"


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _last_day(due: DuePeriod) -> dt.date:
    return (due.end - dt.timedelta(seconds=1)).date()


def build_digest(app: DigestServices, subscription: Subscription, due: DuePeriod) -> tuple[Reply | None, int]:
    """The letter of one subscription for one period (None when nothing is to be announced), and how
    many occurrences it announces."""
    settings = app.events
    area = subscriptions.zone_of(subscription)
    where = zone_text(area)
    footer = texts.DIGEST_FOOTER.format(number=subscription.id)
    if due.kind == ANNOUNCEMENT:
        text = texts.FETE_ANNOUNCEMENT.format(start=format_day(due.start.date()), end=format_day(_last_day(due)),
                                              where=where)
        return Reply(text=text, footer=footer, kind="digest"), 0
    fete = due.kind == FETE
    themes = [] if fete else list(subscription.themes or [])
    items = upcoming(app.sessions, start=due.start, end=due.end, area=area, themes=themes, fete_only=fete)
    if not fete:  # during the season, its events come in the daily Fête letter
        items = [item for item in items if not (item.fete and in_fete(item.start, settings))]
    if not items:
        return None, 0
    if due.kind == WEEKLY:
        heading = texts.DIGEST_WEEKLY.format(where=where, themes=themes_text(themes),
                                             start=format_day(due.start.date()), end=format_day(_last_day(due)))
    elif due.kind == DAILY:
        heading = texts.DIGEST_DAILY.format(where=where, themes=themes_text(themes), day=format_day(due.start.date()))
    else:
        heading = texts.DIGEST_FETE.format(where=where, day=format_day(due.start.date()))
    shown = items[: settings.digest_max_events]
    extra: tuple[str, ...] = ()
    if len(items) > len(shown):
        extra = (texts.DIGEST_MORE.format(count=len(items) - len(shown), zone=area.name),)
    return Reply(text=heading, cards=day_cards(shown), extra_lines=extra, footer=footer, kind="digest"), len(items)


def _decide(app: DigestServices, subscription_id: int, due: DuePeriod, now: dt.datetime) -> bool:
    """Decide one digest in one transaction; True when this call queued it."""
    with app.sessions.begin() as session:
        subscription = session.get(Subscription, subscription_id)
        if subscription is None or subscription.ended_at is not None:
            return False
        claimed = insert_ignoring_duplicates(session, DIGEST_PERIODS, {
            "subscription_id": subscription_id, "period": due.period, "due_at": due.due_at, "decided_at": now,
            "outcome": EMPTY, "events": 0})
        if not claimed:
            return False  # another instance decided this period
        reply, count = build_digest(app, subscription, due)
        if reply is None:
            return False
        session.execute(DIGEST_PERIODS.update().where(
            DIGEST_PERIODS.c.subscription_id == subscription_id, DIGEST_PERIODS.c.period == due.period,
        ).values(outcome=SENT, events=count))
        return enqueue(session, key=outbox_key(subscription_id, due.period), platform=subscription.platform,
                       recipient=subscription.room, recipient_kind=ROOM, thread=subscription.thread,
                       payload=reply_to_json(reply))


def post_due_digests(app: DigestServices, now: dt.datetime | None = None) -> int:
    """Queue every digest due now (within the grace window, not yet decided); the number queued.

    Safe to call from any number of instances at once: each (subscription, period) is decided once.
    """
    moment = now or utc_now()
    settings = app.events
    grace = dt.timedelta(hours=settings.digest_grace_hours)
    with app.sessions() as session:
        active = [(item.id, item.cadence, _aware(item.created_at)) for item in subscriptions.active(session)]
        candidates = {item_id: [due for due in due_periods(cadence, moment, settings)
                                if created <= due.due_at <= moment and moment - due.due_at <= grace]
                      for item_id, cadence, created in active}
        periods = sorted({due.period for dues in candidates.values() for due in dues})
        decided: set[tuple[int, str]] = set()
        if periods:
            decided = {(row[0], row[1]) for row in session.execute(select(
                DigestPeriod.subscription_id, DigestPeriod.period).where(DigestPeriod.period.in_(periods)))}
    queued = 0
    for subscription_id, dues in candidates.items():
        for due in dues:
            if (subscription_id, due.period) in decided:
                continue
            try:
                queued += _decide(app, subscription_id, due, moment)
            except Exception:  # one subscription's failure must not keep the others' letters back
                log.exception("lettre d'agenda %s en échec", outbox_key(subscription_id, due.period))
    return queued


def preview(app: DigestServices, subscription_id: int, at: dt.datetime) -> list[Reply]:
    """What would be posted for a subscription at `at` (grace and earlier decisions ignored)."""
    with app.sessions() as session:
        subscription = session.get(Subscription, subscription_id)
        if subscription is None:
            raise LookupError(subscription_id)
        session.expunge(subscription)
    replies = []
    for due in due_periods(subscription.cadence, at, app.events):
        reply, _ = build_digest(app, subscription, due)
        if reply is not None:
            replies.append(reply)
    return replies
