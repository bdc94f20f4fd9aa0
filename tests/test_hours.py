"""Opening hours in words, at a frozen time; refused strings are shown as written."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from handlers.lieu_view import hours_text, schedule_in_french
from knowledge.hours import opening

PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = "Mo-Fr 09:00-12:00,14:00-17:30"
#: Tuesday 12 March 2024.
TUESDAY = dt.datetime(2024, 3, 12, tzinfo=PARIS)


def at(day: dt.datetime, hour: int, minute: int = 0) -> dt.datetime:
    return day.replace(hour=hour, minute=minute)


@pytest.mark.parametrize(("now", "status"), [
    (at(TUESDAY, 10, 30), "ouvert maintenant (jusqu'à 12 h)"),
    (at(TUESDAY, 12, 15), "fermé — ouvre aujourd'hui à 14 h"),
    (at(TUESDAY, 15), "ouvert maintenant (jusqu'à 17 h 30)"),
    (at(TUESDAY, 18), "fermé — ouvre demain à 9 h"),
    (at(TUESDAY + dt.timedelta(days=3), 18), "fermé — ouvre lundi à 9 h"),
    (at(TUESDAY + dt.timedelta(days=4), 11), "fermé — ouvre lundi à 9 h"),
])
def test_status_at_a_frozen_time(now: dt.datetime, status: str) -> None:
    text = hours_text(WEEKDAYS, now)
    assert text is not None
    assert text.startswith(status + " · "), text


def test_utc_time_is_read_in_french_local_time() -> None:
    utc = dt.datetime(2024, 3, 12, 8, 30, tzinfo=dt.UTC)  # 9 h 30 à Paris
    assert opening(WEEKDAYS, utc).state == "open"
    summer = dt.datetime(2024, 7, 9, 7, 30, tzinfo=dt.UTC)  # 9 h 30 en été
    assert opening(WEEKDAYS, summer).state == "open"


def test_public_holidays_are_known() -> None:
    easter_monday = dt.datetime(2024, 4, 1, 10, tzinfo=PARIS)
    assert opening("Mo-Fr 09:00-12:00; PH off", easter_monday).state == "closed"


def test_refused_string_is_shown_as_written() -> None:
    raw = "Tu-Fr 10:00-19:00; Th 14-18:10-19; Sa 10:00-18:14,18:10-19:00"
    assert opening(raw, TUESDAY).state == "unparsed"
    assert hours_text(raw, at(TUESDAY, 11)) == raw


def test_no_hours_give_no_line() -> None:
    assert hours_text(None, TUESDAY) is None
    assert hours_text("  ", TUESDAY) is None


def test_always_open_and_never_open() -> None:
    assert hours_text("24/7", TUESDAY) == "ouvert maintenant · 24/7"
    assert (hours_text("off", TUESDAY) or "").startswith("fermé · ")


def test_schedule_in_french() -> None:
    assert schedule_in_french("Mo-Th 08:45-12:00,13:30-17:00; We,Sa 09:00-12:00; PH off") == (
        "lun.-jeu. 8 h 45-12 h, 13 h 30-17 h ; mer., sam. 9 h-12 h ; jours fériés fermé")
