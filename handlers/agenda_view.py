"""How events are shown: one card per day, one line per occurrence, the same in answers and digests.

    Samedi 21 mars
       14 h – 16 h : Atelier CV — Le Loft pédagogique, Fréjus (à 1,2 km) · https://…

Titles and places come from the files: plain text, escaped by each renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from handlers import texts_fr as chat_texts
from handlers.messages import Card, Field
from knowledge.events import texts_fr as texts
from knowledge.events.agenda import AgendaItem
from knowledge.events.area import Zone
from knowledge.events.french_dates import format_day, format_hours


def zone_text(zone: Zone) -> str:
    """« à moins de 30 km de Fréjus (83) », « dans le Var (83) »."""
    if zone.kind == "departement":
        return chat_texts.in_departement(zone.code, zone.name)
    if zone.radius_km is None:
        return texts.NEAR_COMMUNE.format(name=zone.name, dep=zone.dep)
    return texts.WITHIN_KM.format(km=chat_texts.decimal(zone.radius_km), name=zone.name, dep=zone.dep)


def themes_text(themes: Sequence[str]) -> str:
    """« (ateliers, entreprise) », or nothing."""
    return texts.AGENDA_THEMES.format(themes=", ".join(themes)) if themes else ""


def _place(item: AgendaItem) -> str:
    names = [name for name in (item.place_name, item.commune) if name]
    if len(names) == 2 and names[0].casefold() == names[1].casefold():
        names = names[1:]
    return ", ".join(names)


def item_field(item: AgendaItem) -> Field:
    """« 14 h – 16 h » : « Atelier CV — Le Loft, Fréjus (à 1,2 km) [complet] · https://… »."""
    place = _place(item)
    value = texts.EVENT_AT.format(title=item.title, place=place) if place else item.title
    if item.distance_km is not None and item.distance_km >= 0.5:
        value += texts.EVENT_DISTANCE.format(km=chat_texts.decimal(item.distance_km))
    if item.full:
        value += texts.EVENT_FULL
    if item.online:
        value += texts.EVENT_ONLINE
    if item.url:
        value += f" · {item.url}"
    return Field(format_hours(item.start, item.end, item.all_day), value)


def day_cards(items: Sequence[AgendaItem]) -> tuple[Card, ...]:
    """One card per day, in order (each occurrence under the day it starts, in its own zone)."""
    cards = []
    for day, same_day in groupby(items, key=lambda item: item.start.date()):
        title = format_day(day)
        cards.append(Card(title=title[:1].upper() + title[1:], fields=tuple(item_field(item) for item in same_day)))
    return tuple(cards)
