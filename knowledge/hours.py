"""Whether a lieu is open at a given time, from its OSM `opening_hours` string.

The open data carries OSM strings; `opening-hours-py` evaluates them. A string the library refuses
(a few PACA lieux write « Th 14-18:10-19 ») is reported as unparsed, so the answer shows it exactly
as written: the reader can still make sense of it, and a lieu is never hidden because of its hours.
The time is always passed in (`now`), so answers are reproducible and tests freeze it. Wording is
the handlers' business (`handlers/lieu_view.py`); this module only computes.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

from opening_hours import OpeningHours

log = logging.getLogger(__name__)

#: Lieux of the base are in metropolitan France; the few overseas ones share its clock for now.
PARIS: Final = ZoneInfo("Europe/Paris")
#: Beyond this many days without a change the library reports none (much faster on odd strings).
HORIZON_DAYS: Final = 8

State = Literal["open", "closed", "unknown", "unparsed"]


@dataclass(frozen=True, slots=True)
class Opening:
    """The state at `now` (local time) and when it next changes (None: not within the horizon)."""

    state: State
    now: dt.datetime
    change: dt.datetime | None = None


@lru_cache(maxsize=4096)
def parse(raw: str) -> Any | None:
    """The library's object for `raw`, or None when it refuses the string (cached: few distinct)."""
    try:
        return OpeningHours(raw, country="FR", max_interval_days=HORIZON_DAYS)
    except Exception as error:  # ParserError mostly; any refusal means « show it as written »
        log.debug("horaires non compris %r : %s", raw, error)
        return None


def local_time(now: dt.datetime) -> dt.datetime:
    """`now` as naive French local time (a naive `now` is taken as already local)."""
    if now.tzinfo is not None:
        now = now.astimezone(PARIS)
    return now.replace(tzinfo=None, second=0, microsecond=0)


def opening(raw: str, now: dt.datetime) -> Opening:
    """Open or closed at `now`, and until when; "unparsed" when the library refuses `raw`."""
    local = local_time(now)
    oh = parse(raw.strip())
    if oh is None:
        return Opening("unparsed", local)
    try:
        if oh.is_unknown(local):
            return Opening("unknown", local)
        change: dt.datetime | None = oh.next_change(local)
        if change is not None and change.tzinfo is not None:
            change = change.astimezone(PARIS).replace(tzinfo=None)
        return Opening("open" if oh.is_open(local) else "closed", local, change)
    except Exception:  # an evaluation bug must not hide the lieu: its schedule is still shown
        log.exception("évaluation des horaires impossible : %r", raw)
        return Opening("unknown", local)
