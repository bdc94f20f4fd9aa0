"""Agenda questions and commands: `agenda [lieu]`, `abonner`, `abonnements`, `désabonner N`.

« quels ateliers cette semaine près de Fréjus ? » is told from a question about help by
`knowledge.events.intent` (declared with `@question`, tried before the ask fallback); when it only
used an event word and nothing is announced, the person gets the usual answer about lieux, since
they may have meant a lieu that runs workshops.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final, Protocol, cast

from handlers.agenda_view import day_cards, themes_text, zone_text
from handlers.errors import UserFacingError
from handlers.messages import Message, Reply
from handlers.registry import Argument, Context, Services, command, question
from knowledge.events import intent as agenda_intent
from knowledge.events import subscriptions
from knowledge.events import texts_fr as texts
from knowledge.events.agenda import AgendaItem, upcoming
from knowledge.events.area import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, Zone, find_zone
from knowledge.events.french_dates import format_day
from knowledge.events.models import Subscription
from knowledge.events.periods import CADENCES, DAILY, WEEKLY
from knowledge.events.settings import EventSettings
from knowledge.events.zones import timezone_of_departement, zone
from knowledge.gazetteer import Gazetteer
from knowledge.textnorm import fold

#: Occurrences shown in one chat answer.
SHOWN: Final = 12
MAX_THEMES: Final = 5
_RADIUS: Final = re.compile(r"^(\d{1,4})\s*(?:km|kms|kilometres?)?$")
_KM: Final = frozenset({"km", "kms", "kilometre", "kilometres"})
_CADENCE_WORDS: Final[dict[str, str]] = {
    "hebdo": WEEKLY, "hebdomadaire": WEEKLY, "semaine": WEEKLY, "lundi": WEEKLY,
    "quotidien": DAILY, "quotidienne": DAILY, "jour": DAILY, "journalier": DAILY, "matin": DAILY,
}
#: Small words dropped from themes (« abonner Fréjus sur les ateliers et l'entreprise »).
_FILLER: Final = frozenset({"sur", "les", "des", "et", "de", "du", "d", "la", "le", "l", "pour", "a", "en", "avec",
                            "chaque", "par", "theme", "themes", "rayon", "dans", "un", "une", "km"})


class AgendaServices(Services, Protocol):
    """What agenda handlers need beyond the chat's services (a `bot.app.App` fits)."""

    @property
    def gazetteer(self) -> Gazetteer: ...
    @property
    def events(self) -> EventSettings: ...


def services(context: Context) -> AgendaServices:
    """The app, seen with its agenda parts."""
    return cast(AgendaServices, context.app)


def local_now(context: Context, area: Zone | None) -> dt.datetime:
    """Now, in the zone of the place asked about (Europe/Paris, or an overseas territory's)."""
    return context.now().astimezone(zone(timezone_of_departement(area.dep if area else None)))


def fete_window(now: dt.datetime, settings: EventSettings) -> tuple[dt.datetime, dt.datetime]:
    """This year's Fête de l'Internet, or next year's once this one is over."""
    for year in (now.year, now.year + 1):
        first, last = settings.fete_days(year)
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=now.tzinfo)
        if end > now:
            return max(now, dt.datetime.combine(first, dt.time(), tzinfo=now.tzinfo)), end
    raise AssertionError("unreachable")


def _listing(heading: str, items: Sequence[AgendaItem], lines: Sequence[str] = ()) -> Reply:
    extra = list(lines)
    if len(items) > SHOWN:
        extra.append(texts.AGENDA_MORE.format(count=len(items) - SHOWN))
    return Reply(text=heading, cards=day_cards(items[:SHOWN]), extra_lines=tuple(extra), kind="agenda")


def _when(start: dt.datetime, end: dt.datetime) -> str:
    last = (end - dt.timedelta(seconds=1)).date()
    return texts.AGENDA_WHEN_RANGE.format(start=format_day(start.date()), end=format_day(last))


# --------------------------------------------------------------------------- questions

def _about_needs(context: Context, items: list[AgendaItem], needs: Sequence[str]) -> list[AgendaItem]:
    """The occurrences whose title and tags speak of one of the question's needs."""
    parse = context.app.understanding.parse
    wanted = set(needs)
    verdicts: dict[tuple[str, str], bool] = {}
    kept = []
    for item in items:
        key = (item.source, item.uid)
        if key not in verdicts:
            verdicts[key] = bool(wanted & set(parse(" ".join((item.title, *item.tags))).needs))
        if verdicts[key]:
            kept.append(item)
    return kept


@question(lambda text: agenda_intent.detect(text) is not None)
def agenda_question(context: Context, message: Message, text: str) -> list[Reply]:
    """« quels ateliers cette semaine près de Fréjus ? »: the coming events near the place."""
    app = services(context)
    found = agenda_intent.detect(text)
    assert found is not None
    query = app.understanding.parse(text[: app.settings.max_input_chars])
    area = Zone.of_place(query.place) if query.place is not None else _room_zone(context, message)
    if area is None:
        return [Reply(text=texts.AGENDA_WHERE)]
    now = local_now(context, area)
    if found.fete:
        start, end = fete_window(now, app.events)
    else:
        start, end = agenda_intent.time_window(found, now, app.events.agenda_days)
    items = upcoming(app.sessions, start=start, end=end, area=area, fete_only=found.fete)
    where = zone_text(area)
    if not items:
        if found.fete:
            return [Reply(text=texts.AGENDA_NOTHING_FETE.format(where=where), kind="agenda")]
        nothing = Reply(text=texts.AGENDA_NOTHING.format(where=where, when=_when(start, end)), kind="agenda")
        if found.strong or not (query.needs or query.lieu_words):
            return [nothing]
        from handlers.ask import answer  # the lieux that can help, as for any question

        return [nothing, *answer(context, message, text)]
    lines: list[str] = []
    if query.needs:
        about = _about_needs(context, items, query.needs)
        if about:
            items = about
        else:
            lines.append(texts.AGENDA_NO_THEME_MATCH.format(themes=", ".join(query.needs)))
    if found.fete:
        heading = texts.AGENDA_HEADING_FETE.format(where=where, start=format_day(start.date()),
                                                   end=format_day((end - dt.timedelta(seconds=1)).date()))
    else:
        heading = texts.AGENDA_HEADING.format(where=where, themes="")
    return [_listing(heading, items, lines)]


def _room_zone(context: Context, message: Message) -> Zone | None:
    """The zone of the channel's first subscription, for « agenda » without a place."""
    if message.direct:
        return None
    with context.app.sessions() as session:
        found = subscriptions.room_subscriptions(session, message.platform, message.room)
        return subscriptions.zone_of(found[0]) if found else None


# --------------------------------------------------------------------------- commands

def _radius(words: list[str]) -> tuple[float | None, list[str]]:
    """The radius among the words (« 20 km », « 20km »), and the other words."""
    for index, word in enumerate(words):
        match = _RADIUS.match(fold(word).replace(" ", ""))
        if match and (fold(word).endswith(("km", "kilometre", "kilometres"))
                      or (index + 1 < len(words) and fold(words[index + 1]) in _KM)):
            rest = words[:index] + words[index + 1:]
            if index < len(rest) and fold(rest[index]) in _KM:
                rest = rest[:index] + rest[index + 1:]
            return float(match.group(1)), rest
    return None, words


def parse_zone(gazetteer: Gazetteer, text: str) -> tuple[Zone, list[str]]:
    """The zone at the start of a command's words, its radius, and the words left."""
    found = find_zone(gazetteer, text)
    if found is None:
        raise UserFacingError(texts.AGENDA_UNKNOWN_PLACE.format(text=text.strip()[:80]))
    area, rest = found
    radius, rest = _radius(rest)
    if radius is not None:
        if not 1 <= radius <= MAX_RADIUS_KM:
            raise UserFacingError(texts.BAD_RADIUS.format(km=int(radius), limit=int(MAX_RADIUS_KM)))
        area = area.with_radius(radius)
    return area, rest


@command("agenda", aliases=("événements", "prochains événements"), help=texts.HELP_AGENDA,
         arguments=(Argument(texts.HELP_AGENDA_ARGUMENT, r".+", optional=True),))
def agenda(context: Context, message: Message, argument: str) -> list[Reply]:
    """`agenda [lieu]`: the coming events near a commune or in a département."""
    app = services(context)
    area: Zone | None
    if argument:
        area, rest = parse_zone(app.gazetteer, argument[:200])
        themes = _themes(rest)
    else:
        area, themes = _room_zone(context, message), []
    if area is None:
        return [Reply(text=texts.AGENDA_WHERE)]
    now = local_now(context, area)
    end = now + dt.timedelta(days=app.events.agenda_days)
    items = upcoming(app.sessions, start=now, end=end, area=area, themes=themes)
    where = zone_text(area)
    if not items:
        return [Reply(text=texts.AGENDA_NOTHING.format(where=where, when=texts.AGENDA_WHEN_DEFAULT.format(
            days=app.events.agenda_days)), kind="agenda")]
    return [_listing(texts.AGENDA_HEADING.format(where=where, themes=themes_text(themes)), items)]


def _themes(words: Sequence[str]) -> list[str]:
    themes: list[str] = []
    for word in words:
        cleaned = word.strip(" ,;.!?«»\"'()")[:40]
        if cleaned and fold(cleaned) not in _FILLER and fold(cleaned) not in [fold(theme) for theme in themes]:
            themes.append(cleaned)
    if len(themes) > MAX_THEMES:
        raise UserFacingError(texts.TOO_MANY_THEMES.format(count=MAX_THEMES))
    return themes


def _cadence(words: list[str]) -> tuple[str, list[str]]:
    for index in range(len(words) - 1, -1, -1):
        cadence = _CADENCE_WORDS.get(fold(words[index]))
        if cadence is not None:
            return cadence, words[:index] + words[index + 1:]
    return WEEKLY, words


def _check(context: Context, message: Message, area: Zone | None) -> None:
    if message.direct:
        raise UserFacingError(texts.NOT_IN_DIRECT)
    app = services(context)
    with app.sessions() as session:
        permission = subscriptions.may_manage(session, app.events, message.platform, message.sender, area)
    if not permission.allowed:
        raise UserFacingError(permission.reason or texts.REFUSED_NOT_COORDINATOR)


def _subscription_line(subscription: Subscription) -> str:
    cadence = texts.SUBSCRIPTION_DAILY if subscription.cadence == DAILY else texts.SUBSCRIPTION_WEEKLY
    return texts.SUBSCRIPTION_LINE.format(number=subscription.id, where=zone_text(subscriptions.zone_of(subscription)),
                                          themes=themes_text(subscription.themes or []), cadence=cadence)


@command("abonner", aliases=("s'abonner", "abonner le salon"), help=texts.HELP_SUBSCRIBE,
         arguments=(Argument(texts.HELP_SUBSCRIBE_ARGUMENT, r".+", optional=True),))
def subscribe(context: Context, message: Message, argument: str) -> list[Reply]:
    """`abonner <zone> [thèmes] [hebdo|quotidien]`: the channel gets the zone's digest."""
    if not argument:
        return [Reply(text=texts.SUBSCRIBE_USAGE)]
    app = services(context)
    area, rest = parse_zone(app.gazetteer, argument[:300])
    if area.kind == "commune" and area.radius_km is None:
        area = area.with_radius(DEFAULT_RADIUS_KM)
    cadence, rest = _cadence(rest)
    themes = _themes(rest)
    _check(context, message, area)
    assert cadence in CADENCES
    with app.sessions.begin() as session:
        existing = subscriptions.room_subscriptions(session, message.platform, message.room)
        for subscription in existing:
            if subscriptions.same_zone(subscription, area, themes, cadence):
                return [Reply(text=texts.ALREADY_SUBSCRIBED.format(number=subscription.id))]
        if len(existing) >= app.events.max_subscriptions_per_room:
            raise UserFacingError(texts.TOO_MANY_SUBSCRIPTIONS.format(count=len(existing)))
        created = subscriptions.create(
            session, platform=message.platform, room=message.room, thread=message.thread, zone=area,
            themes=themes, cadence=cadence, created_by=message.sender, now=context.now())
        number = created.id
    when = texts.CADENCE_DAILY if cadence == DAILY else texts.CADENCE_WEEKLY
    return [Reply(text=texts.SUBSCRIBED.format(number=number, cadence=when, where=zone_text(area),
                                               themes=themes_text(themes)))]


@command("abonnements", aliases=("mes abonnements", "liste des abonnements"), help=texts.HELP_SUBSCRIPTIONS)
def list_subscriptions(context: Context, message: Message, argument: str) -> list[Reply]:
    """`abonnements`: the channel's subscriptions and their numbers."""
    with context.app.sessions() as session:
        found = subscriptions.room_subscriptions(session, message.platform, message.room)
        lines = tuple(_subscription_line(subscription) for subscription in found)
    if not lines:
        return [Reply(text=texts.NO_SUBSCRIPTION)]
    return [Reply(text=texts.SUBSCRIPTIONS_TITLE, extra_lines=lines)]


@command("désabonner", aliases=("se désabonner", "arrêter l'abonnement"), help=texts.HELP_UNSUBSCRIBE,
         arguments=(Argument("N", r"(?:n°\s*|no\s*|#)?\d{1,9}"),))
def unsubscribe(context: Context, message: Message, argument: str) -> list[Reply]:
    """`désabonner N`: end one of the channel's subscriptions."""
    number = int(re.sub(r"\D", "", argument))
    _check(context, message, None)
    with context.app.sessions.begin() as session:
        found = [subscription for subscription in subscriptions.room_subscriptions(session, message.platform,
                                                                                     message.room)
                 if subscription.id == number]
        if not found:
            raise UserFacingError(texts.UNKNOWN_SUBSCRIPTION.format(number=number))
        found[0].ended_at = context.now()
        where = zone_text(subscriptions.zone_of(found[0]))
    return [Reply(text=texts.UNSUBSCRIBED.format(number=number, where=where))]
