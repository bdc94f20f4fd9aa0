"""Read an iCalendar file (RFC 5545) into raw events, one per UID, with every occurrence.

icalendar parses the file and its VTIMEZONEs; recurring-ical-events expands RRULE/RDATE, drops
EXDATE dates and applies the overrides (RECURRENCE-ID), so a weekly workshop at 14:00 stays at 14:00
in Paris across the March daylight-saving change. An override with STATUS:CANCELLED removes that one
date; a master with STATUS:CANCELLED cancels the whole event. A rule without end is expanded over a
window around `now` (from the previous month, thirteen months long, aligned on months so a second
import the same month changes nothing). Floating times take the calendar's X-WR-TIMEZONE, else the
event's commune's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import icalendar
import recurring_ical_events

from knowledge.events import texts_fr as texts
from knowledge.events.record import CANCELLED, MAX_OCCURRENCES, SCHEDULED, Occurrence, RawEvent
from knowledge.events.zones import is_known, zone
from knowledge.importers.common import FileUnreadableError

_BEGIN_EVENT: Final = re.compile(r"^BEGIN:VEVENT\s*$", re.MULTILINE | re.IGNORECASE)
_GEO: Final = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[;,]\s*(-?\d+(?:\.\d+)?)\s*$")


def _window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """From the first day of the previous month, thirteen months long (UTC)."""
    first = now.astimezone(dt.UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = (first - dt.timedelta(days=1)).replace(day=1)
    year, month = divmod(start.month - 1 + 13, 12)
    return start, start.replace(year=start.year + year, month=month + 1)


def _text(component: Any, name: str) -> str | None:
    value = component.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() or None


def _categories(component: Any) -> list[str]:
    found: list[str] = []
    values = component.get("CATEGORIES")
    for value in values if isinstance(values, list) else [values] if values is not None else []:
        cats = getattr(value, "cats", None)
        found.extend(str(item) for item in (cats if cats is not None else str(value).split(",")))
    return [tag.strip() for tag in found if tag.strip()]


def _moment(value: Any, floating_zone: str | None) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and floating_zone:
            return value.replace(tzinfo=zone(floating_zone))
        return value
    assert isinstance(value, dt.date)
    return dt.datetime.combine(value, dt.time())


def _recurrence_id(component: Any) -> str:
    value = component.get("RECURRENCE-ID")
    moment = getattr(value, "dt", None)
    if isinstance(moment, dt.datetime):
        return (moment.astimezone(dt.UTC) if moment.tzinfo else moment).strftime("%Y%m%dT%H%M%S")
    if isinstance(moment, dt.date):
        return moment.strftime("%Y%m%d")
    return ""


def _cancelled(component: Any) -> bool:
    return str(component.get("STATUS", "")).upper() == "CANCELLED"


def _unbounded(master: Any) -> bool:
    rules = master.get("RRULE")
    for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
        if "COUNT" not in rule and "UNTIL" not in rule:
            return True
    return False


def _occurrences(calendar: Any, master: Any, now: dt.datetime,
                 floating_zone: str | None) -> tuple[list[Occurrence], bool]:
    """The event's dates, without cancelled ones; True when the cap cut them."""
    query = recurring_ical_events.of(calendar)
    if master.get("RRULE") is None and master.get("RDATE") is None:
        components = [master]
    elif _unbounded(master):
        components = query.between(*_window(now))
    else:
        components = []
        for component in query.all():
            components.append(component)
            if len(components) > MAX_OCCURRENCES:
                break
    found: list[Occurrence] = []
    whole_cancelled = _cancelled(master)
    for component in components:
        if _cancelled(component) and not whole_cancelled:
            continue
        start_value = component.get("DTSTART")
        if start_value is None:
            raise ValueError("DTSTART absent")
        start = _moment(start_value.dt, floating_zone)
        end_value = component.get("DTEND")
        end = _moment(end_value.dt, floating_zone) if end_value is not None else None
        if end is None and component.get("DURATION") is not None:
            end = start + component.get("DURATION").dt
        recurrence = "" if components == [master] else _recurrence_id(component) or start.strftime("%Y%m%dT%H%M%S")
        found.append(Occurrence(recurrence, start, end))
    return found[:MAX_OCCURRENCES], len(found) > MAX_OCCURRENCES


def _raw_event(calendar: Any, master: Any, now: dt.datetime, floating_zone: str | None) -> RawEvent:
    start_value = master.get("DTSTART")
    if start_value is None:
        raise ValueError("DTSTART absent")
    all_day = not isinstance(start_value.dt, dt.datetime)
    occurrences, cut = _occurrences(calendar, master, now, floating_zone)
    explicit_zone = start_value.params.get("TZID")
    timezone = str(explicit_zone) if explicit_zone and is_known(str(explicit_zone)) else None
    if timezone is None and floating_zone and isinstance(start_value.dt, dt.datetime) and start_value.dt.tzinfo is None:
        timezone = floating_zone
    location = _text(master, "LOCATION")
    geo = master.get("GEO")
    latitude = longitude = None
    if geo is not None:
        if hasattr(geo, "latitude"):
            latitude, longitude = geo.latitude, geo.longitude
        elif match := _GEO.match(str(geo)):
            latitude, longitude = match.group(1), match.group(2)
    place_name, _, address = (location or "").partition(",")
    status = CANCELLED if _cancelled(master) else SCHEDULED
    return RawEvent(
        uid=_text(master, "UID"), title=_text(master, "SUMMARY"), occurrences=occurrences,
        description=_text(master, "DESCRIPTION"), status=status, timezone=timezone, all_day=all_day,
        tags=_categories(master), url=_text(master, "URL"), place_name=place_name.strip() or None,
        address=location if address.strip() else None, latitude=latitude, longitude=longitude,
        lieu=_text(master, "X-EPNBOT-LIEU"),
        notice=texts.TOO_MANY_OCCURRENCES.format(limit=MAX_OCCURRENCES) if cut else None,
    )


def read_events(path: Path, text: str, now: dt.datetime) -> Iterator[tuple[int, RawEvent | str]]:
    """(line, event) for each UID of the calendar, or (line, reason) when it cannot be read."""
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception as error:  # icalendar raises ValueError, KeyError… for a broken file
        raise FileUnreadableError(texts.BAD_ICS.format(path=path, error=error)) from error
    lines = [text.count("\n", 0, match.start()) + 1 for match in _BEGIN_EVENT.finditer(text)]
    floating = _text(calendar, "X-WR-TIMEZONE")
    floating_zone = floating if floating and is_known(floating) else None
    groups: dict[str, list[tuple[int, Any]]] = {}
    order: list[str] = []
    timezones = list(calendar.walk("VTIMEZONE"))
    for index, component in enumerate(calendar.walk("VEVENT")):
        line = lines[index] if index < len(lines) else 0
        uid = _text(component, "UID") or f"\0sans-uid-{line}"
        if uid not in groups:
            order.append(uid)
        groups.setdefault(uid, []).append((line, component))
    for uid in order:
        members = groups[uid]
        masters = [item for item in members if item[1].get("RECURRENCE-ID") is None] or members[:1]
        line, master = masters[0]
        if uid.startswith("\0"):
            yield line, texts.MISSING_UID
            continue
        single = icalendar.Calendar()
        for timezone in timezones:
            single.add_component(timezone)
        for _, component in members:
            single.add_component(component)
        try:
            yield line, _raw_event(single, master, now, floating_zone)
        except Exception as error:  # one broken VEVENT is one rejected row, never the whole file
            yield line, texts.BAD_EVENT.format(error=error)
