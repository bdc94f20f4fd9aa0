"""Time zones of events: Europe/Paris by default, the overseas territories' own.

An event keeps the zone its source gives (an ICS TZID, OpenAgenda's `timezone`, the CSV's `fuseau`);
without one, the zone of its commune's département or collectivité, so a workshop in Nouméa written
« 14:00 » happens at 14:00 in Nouméa.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE: Final = "Europe/Paris"

#: Département or collectivité code → IANA zone, where it is not Europe/Paris.
OVERSEAS_TIMEZONES: Final[dict[str, str]] = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "975": "America/Miquelon",
    "976": "Indian/Mayotte",
    "977": "America/St_Barthelemy",
    "978": "America/Marigot",
    "986": "Pacific/Wallis",
    "987": "Pacific/Tahiti",
    "988": "Pacific/Noumea",
}


def timezone_of_departement(code: str | None) -> str:
    """The zone events of a département are shown in."""
    return OVERSEAS_TIMEZONES.get(code or "", DEFAULT_TIMEZONE)


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """The `ZoneInfo` of an IANA name; an unknown name is Europe/Paris (validated at import)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def is_known(name: str) -> bool:
    """Whether `name` is an IANA zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_name(moment: dt.datetime) -> str | None:
    """The IANA name of an aware datetime's zone, when it has one (not UTC, not a fixed offset)."""
    key = getattr(moment.tzinfo, "key", None)
    if isinstance(key, str) and key not in ("UTC", "Etc/UTC") and is_known(key):
        return key
    return None
