"""The card of a lieu in a chat answer: address, distance, services, hours, appointment link.

The search index holds only what ranking needs; the display details of the few lieux shown
(three per answer) are read from the database here, by id, in one query.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session, sessionmaker

from handlers import texts_fr as texts
from handlers.messages import Card, Field
from knowledge import hours
from knowledge.models import Lieu
from knowledge.query import Hit
from knowledge.taxonomy import NEEDS

_TIME: Final = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_OSM_WORD: Final = re.compile(r"\b(" + "|".join(texts.OSM_WORDS) + r")\b")
#: A comma glued to what follows (« 9 h-12 h,14 h », « mar.,jeu. »).
_LIST_COMMA: Final = re.compile(r",(?=\S)")
#: A French number in international form, « +33498094092 ».
_FRENCH_PHONE: Final = re.compile(r"^\+33\s*(\d{9})$")


@dataclass(frozen=True, slots=True)
class LieuDetails:
    """What a card shows about a lieu, copied out of the ORM row so no session stays open."""

    id: str
    nom: str
    commune: str
    adresse: str | None
    code_postal: str | None
    besoins: tuple[str, ...]
    frais: tuple[str, ...]
    modalites_acces: tuple[str, ...]
    modalites_accompagnement: tuple[str, ...]
    horaires: str | None
    prise_rdv: str | None
    telephone: str | None

    @classmethod
    def of(cls, lieu: Lieu) -> LieuDetails:
        """Copy the displayed columns of one row."""
        return cls(
            id=lieu.id, nom=lieu.nom, commune=lieu.commune,
            adresse=" ".join(part for part in (lieu.adresse, lieu.complement_adresse) if part) or None,
            code_postal=lieu.code_postal, besoins=tuple(lieu.besoins or ()), frais=tuple(lieu.frais or ()),
            modalites_acces=tuple(lieu.modalites_acces or ()),
            modalites_accompagnement=tuple(lieu.modalites_accompagnement or ()),
            horaires=lieu.horaires, prise_rdv=lieu.prise_rdv, telephone=lieu.telephone,
        )


def load_details(sessions: sessionmaker[Session],
                 keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], LieuDetails]:
    """The details of the given lieux (only the few shown), keyed by (source, id); unknown ones are absent."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return {}
    with sessions() as session:
        rows = session.scalars(select(Lieu).where(tuple_(Lieu.source, Lieu.id).in_(wanted))).all()
        return {(row.source, row.id): LieuDetails.of(row) for row in rows}


def distance_text(km: float) -> str:
    """« à 0,8 km », « à 12 km »."""
    return texts.DISTANCE.format(km=texts.decimal(km))


def _short(value: str) -> str:
    """« Gratuit : Je peux accéder gratuitement… » → « Gratuit » (the v0.1 labels explain themselves)."""
    head, separator, _ = value.partition(" : ")
    return head.strip() if separator and head.strip() else value.strip()


def _listing(values: Iterable[str]) -> str:
    return texts.LIST_SEPARATOR.join(dict.fromkeys(_short(value) for value in values if value.strip()))


def schedule_in_french(raw: str) -> str:
    """« Mo-Fr 09:00-12:00 » → « lun.-ven. 9 h-12 h » (only for strings the library accepted)."""
    text = _TIME.sub(lambda match: texts.clock(int(match.group(1)), int(match.group(2))), raw.strip())
    text = _OSM_WORD.sub(lambda match: texts.OSM_WORDS[match.group(1)], text)
    return _LIST_COMMA.sub(", ", text).replace(";", " ;")


def phone_text(raw: str | None) -> str | None:
    """« +33498094092 » → « 04 98 09 40 92 »; anything else as written."""
    if raw is None or not raw.strip():
        return None
    compact = re.sub(r"[\s.]", "", raw.strip())
    match = _FRENCH_PHONE.match(compact) or re.match(r"^0(\d{9})$", compact)
    if match is None:
        return raw.strip()
    digits = "0" + match.group(1)
    return " ".join(digits[index:index + 2] for index in range(0, 10, 2))


def _day(moment: dt.datetime, now: dt.datetime) -> str:
    days = (moment.date() - now.date()).days
    if days == 0:
        return texts.TODAY
    if days == 1:
        return texts.TOMORROW
    if days < 7:
        return texts.WEEKDAYS[moment.weekday()]
    return moment.strftime("le %d/%m")


def _clock(moment: dt.datetime) -> str:
    return texts.clock(moment.hour, moment.minute)


def opening_status(opening: hours.Opening) -> str | None:
    """« ouvert maintenant (jusqu'à 12 h) », « fermé — ouvre lundi à 9 h », None when unknown."""
    change, now = opening.change, opening.now
    if opening.state == "open":
        if change is None:
            return texts.OPEN_NOW
        if change.date() == now.date():
            return texts.OPEN_UNTIL.format(time=_clock(change))
        return texts.OPEN_UNTIL_DAY.format(day=_day(change, now), time=_clock(change))
    if opening.state == "closed":
        if change is None:
            return texts.CLOSED
        return texts.CLOSED_OPENS.format(day=_day(change, now), time=_clock(change))
    return None


def hours_text(raw: str | None, now: dt.datetime) -> str | None:
    """The « Horaires » line: status then schedule; a string the library refuses, as written."""
    if raw is None or not raw.strip():
        return None
    opening = hours.opening(raw, now)
    if opening.state == "unparsed":
        return raw.strip()
    status = opening_status(opening)
    schedule = schedule_in_french(raw)
    return schedule if status is None else texts.HOURS_WITH_SCHEDULE.format(status=status, schedule=schedule)


def lieu_card(hit: Hit, details: LieuDetails | None, now: dt.datetime) -> Card:
    """The card of one result; with no details (lieu deleted since indexing) the hit alone."""
    fields: list[Field] = []

    def add(label: str, value: str | None) -> None:
        if value:
            fields.append(Field(label, value))

    if details is not None:
        locality = " ".join(part for part in (details.code_postal, details.commune) if part)
        add(texts.FIELD_ADDRESS, ", ".join(part for part in (details.adresse, locality) if part))
    add(texts.FIELD_DISTANCE, distance_text(hit.distance_km) if hit.distance_km is not None else None)
    needs = details.besoins if details is not None and details.besoins else hit.needs
    add(texts.FIELD_SERVICES, _listing(NEEDS.get(code, code) for code in needs))
    if details is not None:
        add(texts.FIELD_FEES, _listing(details.frais))
        add(texts.FIELD_ACCESS, _listing(details.modalites_acces))
        add(texts.FIELD_ACCOMPANIMENT, _listing(details.modalites_accompagnement))
        add(texts.FIELD_HOURS, hours_text(details.horaires, now))
        add(texts.FIELD_PHONE, phone_text(details.telephone))
    add(texts.FIELD_MEDIATORS, _listing(mediator.nom for mediator in hit.mediators))
    if details is None:
        return Card(title=hit.name, subtitle=hit.commune, fields=tuple(fields))
    link = details.prise_rdv.strip() if details.prise_rdv and details.prise_rdv.strip() else None
    return Card(title=details.nom or hit.name, subtitle=details.commune or hit.commune, fields=tuple(fields),
                link=link, link_label=texts.APPOINTMENT_LINK if link else None)
