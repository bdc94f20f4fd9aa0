"""Dates written the French way: « samedi 21 mars à 14 h », « 1er avril », « 9 h 30 – 11 h ».

A small formatter rather than a locale library: the bot needs five shapes, always in French, and
must not depend on the locales installed on the machine.

    >>> format_moment(dt.datetime(2026, 3, 21, 14, 0))
    'samedi 21 mars à 14 h'
"""

from __future__ import annotations

import datetime as dt

from knowledge.events import texts_fr as texts


def format_day(day: dt.date, *, year: bool = False) -> str:
    """« samedi 21 mars », « mercredi 1er avril » (with the year when asked: « … 2027 »)."""
    number = texts.FIRST_OF_MONTH if day.day == 1 else str(day.day)
    text = f"{texts.WEEKDAYS[day.weekday()]} {number} {texts.MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_time(moment: dt.time | dt.datetime) -> str:
    """« 14 h », « 9 h 30 », « 18 h 05 »."""
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


def format_moment(moment: dt.datetime, *, year: bool = False) -> str:
    """« samedi 21 mars à 14 h » (the datetime already in the zone it is shown in)."""
    return texts.AT_TIME.format(day=format_day(moment.date(), year=year), time=format_time(moment))


def format_hours(start: dt.datetime, end: dt.datetime, all_day: bool) -> str:
    """The time part of an occurrence: « 14 h – 16 h », « 14 h », « toute la journée »,
    « 14 h – jusqu'au dimanche 22 mars » for one that ends another day."""
    if all_day:
        if (end.date() - start.date()).days > 1:
            return texts.UNTIL_DAY.format(day=format_day(end.date() - dt.timedelta(days=1)))
        return texts.ALL_DAY
    if end <= start:
        return format_time(start)
    if end.date() != start.date():
        return texts.TIME_RANGE.format(start=format_time(start), end=texts.UNTIL_DAY.format(day=format_day(end.date())))
    return texts.TIME_RANGE.format(start=format_time(start), end=format_time(end))
