"""Channels' subscriptions to a zone's events, and who may create or end them.

Who may subscribe a channel is a setting (`EPNBOT_AGENDA_SUBSCRIBERS`): the network's coordinators by
default — the sender's (platform, id) matched against the coordinators' Slack or Matrix ids, or
their YAML id in the terminal (`epnbot chat --as ID`) — everyone, or nobody. A coordinator of some
départements subscribes channels to zones of those départements only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.events import texts_fr as texts
from knowledge.events.area import Zone
from knowledge.events.models import Subscription
from knowledge.events.settings import EventSettings
from knowledge.routing.people import CONSOLE, roles_of


@dataclass(frozen=True, slots=True)
class Permission:
    """Whether a sender may subscribe a channel to a zone, and why not (French, for the reply)."""

    allowed: bool
    reason: str | None = None


def may_manage(session: Session, settings: EventSettings, platform: str, sender: str, zone: Zone | None) -> Permission:
    """May this sender create (for `zone`) or end a channel's subscription?"""
    if settings.agenda_subscribers == "tous":
        return Permission(True)
    if settings.agenda_subscribers == "personne":
        return Permission(False, texts.REFUSED_NOBODY)
    coordinator = roles_of(session, platform, sender).coordinator
    if coordinator is None:
        hint = texts.REFUSED_CONSOLE_HINT if platform == CONSOLE else ""
        return Permission(False, texts.REFUSED_NOT_COORDINATOR + hint)
    departements = list(coordinator.departements or [])
    if zone is not None and departements and zone.dep not in departements:
        return Permission(False, texts.REFUSED_OUTSIDE_AREA.format(departements=", ".join(departements),
                                                                   dep=zone.dep))
    return Permission(True)


def room_subscriptions(session: Session, platform: str, room: str) -> list[Subscription]:
    """The channel's active subscriptions, oldest first."""
    return list(session.scalars(
        select(Subscription).where(Subscription.platform == platform, Subscription.room == room,
                                   Subscription.ended_at.is_(None)).order_by(Subscription.id)))


def active(session: Session) -> list[Subscription]:
    """Every active subscription (what the digest job goes through)."""
    return list(session.scalars(select(Subscription).where(Subscription.ended_at.is_(None))
                                .order_by(Subscription.id)))


def same_zone(subscription: Subscription, zone: Zone, themes: Sequence[str], cadence: str) -> bool:
    """Whether a subscription already covers exactly this zone, themes and cadence."""
    return (subscription.zone_kind == zone.kind and subscription.zone_code == zone.code
            and subscription.radius_km == zone.radius_km and sorted(subscription.themes or []) == sorted(themes)
            and subscription.cadence == cadence)


def create(session: Session, *, platform: str, room: str, thread: str | None, zone: Zone, themes: Sequence[str],
           cadence: str, created_by: str, now: dt.datetime) -> Subscription:
    """Add a subscription in the caller's transaction; its id is its number."""
    subscription = Subscription(
        platform=platform, room=room, thread=thread, zone_kind=zone.kind, zone_code=zone.code,
        zone_name=zone.name, zone_dep=zone.dep, latitude=zone.lat, longitude=zone.lon, radius_km=zone.radius_km,
        themes=list(themes), cadence=cadence, created_by=created_by[:255], created_at=now)
    session.add(subscription)
    session.flush()
    return subscription


def zone_of(subscription: Subscription) -> Zone:
    """The zone a subscription watches."""
    return Zone(subscription.zone_kind, subscription.zone_code, subscription.zone_name, subscription.zone_dep,
                subscription.latitude, subscription.longitude, subscription.radius_km)
