"""When digests are due: the periods of a subscription, named so that each is posted once.

A period's name goes into the outbox key `digest:<subscription id>:<period>`, so it must be the
same whatever instance computes it: « 2026-W12 » (the ISO week of a weekly digest, due on its
Monday), « 2026-03-17 » (a daily digest), « fete-2026-03-17 » (a day of the Fête de l'Internet),
« fete-annonce-2026 » (the invitation to publish, `fete_announce_days` before the season).
Only the latest due moment of each kind is returned: an older one is always past the grace window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from knowledge.events.settings import EventSettings
from knowledge.events.zones import zone

WEEKLY: Final = "hebdo"
DAILY: Final = "quotidien"
CADENCES: Final = (WEEKLY, DAILY)
FETE: Final = "fete"
ANNOUNCEMENT: Final = "annonce"


@dataclass(frozen=True, slots=True)
class DuePeriod:
    """One digest to decide: its kind, its name, when it is due and the events it covers."""

    kind: str
    period: str
    due_at: dt.datetime
    start: dt.datetime
    end: dt.datetime


def _at_hour(day: dt.date, settings: EventSettings) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(settings.digest_hour), tzinfo=zone(settings.digest_timezone))


def _next_midnight(moment: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(moment.date() + dt.timedelta(days=1), dt.time(), tzinfo=moment.tzinfo)


def regular(cadence: str, now: dt.datetime, settings: EventSettings) -> DuePeriod:
    """The latest due digest of a weekly (Monday) or daily subscription, at the digest hour."""
    today = now.astimezone(zone(settings.digest_timezone)).date()
    if cadence == DAILY:
        due = _at_hour(today, settings)
        if due > now:
            due = _at_hour(today - dt.timedelta(days=1), settings)
        return DuePeriod(DAILY, due.date().isoformat(), due, due, _next_midnight(due))
    monday = today - dt.timedelta(days=today.weekday())
    due = _at_hour(monday, settings)
    if due > now:
        due = _at_hour(monday - dt.timedelta(days=7), settings)
    year, week, _ = due.date().isocalendar()
    end = dt.datetime.combine(due.date() + dt.timedelta(days=7), dt.time(), tzinfo=due.tzinfo)
    return DuePeriod(WEEKLY, f"{year}-W{week:02d}", due, due, end)


def fete_day(now: dt.datetime, settings: EventSettings) -> DuePeriod | None:
    """The latest due day of the Fête de l'Internet, during the season."""
    local = now.astimezone(zone(settings.digest_timezone))
    first, last = settings.fete_days(local.year)
    day = local.date() if _at_hour(local.date(), settings) <= now else local.date() - dt.timedelta(days=1)
    if not first <= day <= last:
        return None
    due = _at_hour(day, settings)
    return DuePeriod(FETE, f"fete-{day.isoformat()}", due, due, _next_midnight(due))


def fete_announcement(now: dt.datetime, settings: EventSettings) -> DuePeriod | None:
    """The invitation to publish, due `fete_announce_days` before this year's season, until it starts."""
    year = now.astimezone(zone(settings.digest_timezone)).year
    first, last = settings.fete_days(year)
    due = _at_hour(first - dt.timedelta(days=settings.fete_announce_days), settings)
    if due > now:
        return None
    season_start = dt.datetime.combine(first, dt.time(), tzinfo=due.tzinfo)
    season_end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=due.tzinfo)
    if now >= season_start:
        return None
    return DuePeriod(ANNOUNCEMENT, f"fete-annonce-{year}", due, season_start, season_end)


def in_fete(moment: dt.datetime, settings: EventSettings) -> bool:
    """Whether a moment falls in the season (its events then come in the daily Fête digest)."""
    local = moment.astimezone(zone(settings.digest_timezone))
    first, last = settings.fete_days(local.year)
    return first <= local.date() <= last


def due_periods(cadence: str, now: dt.datetime, settings: EventSettings) -> list[DuePeriod]:
    """Every digest of a subscription whose latest due moment is past (the caller applies the grace)."""
    found = [regular(cadence, now, settings)]
    for period in (fete_day(now, settings), fete_announcement(now, settings)):
        if period is not None:
            found.append(period)
    return found
