"""Every delay and bound of routing, in one place (configured through `bot.config.Settings`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RoutingPolicy:
    """Delays of the workflow and the platforms this deployment serves, in order of preference."""

    remind_after: dt.timedelta = dt.timedelta(hours=48)
    reoffer_after: dt.timedelta = dt.timedelta(hours=96)
    expire_after: dt.timedelta = dt.timedelta(days=30)
    duplicate_window: dt.timedelta = dt.timedelta(days=7)
    purge_after: dt.timedelta = dt.timedelta(days=365)
    platforms: tuple[str, ...] = ()
    #: How far « the nearest lieux offering the need » may be when the chosen lieu has nobody.
    nearby_km: float = 30.0
