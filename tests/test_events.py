"""Events end to end: ICS/OpenAgenda/CSV imports, `agenda --json`, agenda questions, subscriptions and
digests exactly once per subscription and period (two instances on PostgreSQL, restart with grace).

Data: tests/data/events/ (see its README). Clocks are frozen; nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from testbot import TestBot

from bot.app import App, build_app
from bot.cli import cli
from bot.config import Settings
from handlers.digests import post_due_digests
from handlers.messages import reply_from_json
from knowledge.delivery.models import OutboxMessage
from knowledge.events.french_dates import format_day, format_hours, format_moment
from knowledge.events.intent import detect
from knowledge.events.models import EventOccurrence
from knowledge.events.settings import EventSettings
from knowledge.importers.common import read_text
from knowledge.importers.runner import detect_format, import_file

EVENTS = Path(__file__).parent / "data" / "events"
ICS = EVENTS / "ateliers-frejus.ics"
OPENAGENDA = EVENTS / "fete-internet-openagenda.json"
CSV = EVENTS / "evenements.csv"
PARIS = ZoneInfo("Europe/Paris")
WEEKLY_UID = "atelier-creer-sa-boite@loft-pedagogique.example"


def _import_all(app: App) -> None:
    for path in (ICS, OPENAGENDA, CSV):
        import_file(app.engine, path)


def _agenda_json(url: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--db", url, "agenda", "--json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    events: list[dict[str, object]] = json.loads(result.output)["events"]
    return events


# --------------------------------------------------------------------------- import

def test_formats_are_detected_by_structure() -> None:
    assert detect_format(ICS, read_text(ICS)) == "ics"
    assert detect_format(OPENAGENDA, read_text(OPENAGENDA)) == "openagenda"
    assert detect_format(CSV, read_text(CSV)) == "evenements-csv"
    lieux = Path(__file__).parents[1] / "knowledge" / "data" / "lieux-paca-2023.json"
    assert detect_format(lieux, read_text(lieux)) == "json"


def test_ics_recurrence_across_daylight_saving_exception_and_cancellation(paca_app: App) -> None:
    report = import_file(paca_app.engine, ICS)
    assert (report.added, len(report.rejected)) == (2, 1)
    assert "DTSTART" in report.rejected[0].reason and report.rejected[0].line == 62
    with paca_app.sessions() as session:
        starts = session.scalars(select(EventOccurrence.starts_at).where(EventOccurrence.event_uid == WEEKLY_UID)
                                 .order_by(EventOccurrence.starts_at)).all()
    local = [moment.replace(tzinfo=dt.UTC).astimezone(PARIS) if moment.tzinfo is None else moment.astimezone(PARIS)
             for moment in starts]
    # 24 March is an EXDATE, 7 April cancelled, 14 April moved to the morning; 14:00 stays 14:00 in Paris.
    assert [moment.strftime("%d/%m %H:%M") for moment in local] == ["17/03 14:00", "31/03 14:00", "14/04 10:00",
                                                                   "21/04 14:00"]
    assert [moment.utcoffset() for moment in local[:2]] == [dt.timedelta(hours=1), dt.timedelta(hours=2)]
    again = import_file(paca_app.engine, ICS)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 2)


def test_unreadable_file_changes_nothing(tmp_path: Path, paca_app: App) -> None:
    broken = tmp_path / "casse.json"
    broken.write_text('{"events": [{"uid": 1, "timings": [', encoding="utf-8")
    from knowledge.importers.common import FileUnreadableError

    with pytest.raises(FileUnreadableError):
        import_file(paca_app.engine, broken)
    with paca_app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventOccurrence)) == 0


def test_agenda_json_times_and_contents(paca_app: App) -> None:
    _import_all(paca_app)
    url = paca_app.engine.url.render_as_string(hide_password=False)
    events = _agenda_json(url, "--near", "Fréjus", "--from", "2026-03-16", "--to", "2026-03-31")
    assert [event["start"] for event in events] == [
        "2026-03-17T14:00:00+01:00", "2026-03-19T10:00:00+01:00", "2026-03-20T13:00:00+01:00",
        "2026-03-21T00:00:00+01:00", "2026-03-25T14:00:00+01:00", "2026-03-31T14:00:00+02:00"]
    first = events[0]
    assert set(first) == {"uid", "title", "start", "end", "lieu_id", "commune", "insee", "distance_km", "tags", "url"}
    assert first["uid"] == WEEKLY_UID and first["end"] == "2026-03-17T16:00:00+01:00"
    assert first["lieu_id"] == "mediation-numerique-france-tiers-lieux-644e949d08042957517c5aad"  # Le Loft
    assert (first["commune"], first["insee"]) == ("Fréjus", "83061") and first["tags"] == ["Atelier", "Entreprise"]
    full = next(event for event in events if event["uid"] == "51234003")  # OpenAgenda « complet », UTC times
    assert full["lieu_id"] == "mediation-numerique-cr93-1011" and "Fête de l'Internet" in full["tags"]  # type: ignore[operator]
    nice = _agenda_json(url, "--near", "Nice", "--from", "2026-03-16", "--to", "2026-03-31", "--tag", "tpe")
    assert [event["start"] for event in nice] == ["2026-03-24T09:30:00+01:00", "2026-03-31T09:30:00+02:00"]
    everything = _agenda_json(url, "--from", "2026-03-01", "--to", "2026-04-30")
    assert "51234002" not in {event["uid"] for event in everything}  # cancelled: never announced
    noumea = next(event for event in everything if event["uid"] == "csv-3")
    assert noumea["start"] == "2026-03-18T14:00:00+11:00"  # overseas events keep their zone


# --------------------------------------------------------------------------- chat

@pytest.mark.parametrize(("text", "agenda"), [
    ("quels ateliers cette semaine près de Fréjus ?", True),
    ("qu'est-ce qui se passe pour la fête de l'internet à Nice ?", True),
    ("des animations ce week-end à Gap ?", True),
    ("atelier cv a st etienne", False),
    ("qui peut m'aider à faire mon CV cette semaine ?", False),
    ("y a-t-il des ateliers pour les parents à Carqueiranne ?", False),
    ("je voudrais un agenda en ligne pour mon salon à Toulon", False),
    ("démarches CAF à Draguignan", False),
])
def test_agenda_questions_are_told_from_help_questions(text: str, agenda: bool) -> None:
    assert (detect(text) is not None) is agenda


def test_french_dates() -> None:
    assert format_moment(dt.datetime(2026, 3, 21, 14, 0)) == "samedi 21 mars à 14 h"
    assert format_day(dt.date(2026, 4, 1)) == "mercredi 1er avril"
    start = dt.datetime(2026, 3, 17, 9, 30)
    assert format_hours(start, start.replace(hour=11, minute=5), False) == "9 h 30 – 11 h 05"


def test_chat_agenda_question_and_command(paca_app: App) -> None:
    _import_all(paca_app)
    bot = TestBot(paca_app, now=dt.datetime(2026, 3, 16, 10, 0, tzinfo=PARIS))
    text = bot.say("quels ateliers cette semaine près de Fréjus ?")
    assert "Mardi 17 mars" in text and "14 h – 16 h" in text and "Le Loft pédagogique" in text
    assert "Mercredi 25 mars" not in text  # next week
    fete = bot.say("qu'est-ce qui se passe pour la fête de l'internet à Nice ?")
    assert "Mardi 24 mars" in fete and "annulé" not in fete and "IA" not in fete
    assert "Mardi 14 avril" in bot.say("agenda Fréjus")


def test_subscribing_is_for_coordinators_and_a_refusal_says_why(paca_app: App) -> None:
    bot = TestBot(paca_app, now=dt.datetime(2026, 3, 16, 10, 0, tzinfo=PARIS))
    refused = bot.say("abonner Fréjus 20 km ateliers", sender="U-inconnu", platform="slack", room="C1")
    assert "coordinateurs" in refused
    ok = bot.say("abonner Fréjus 20 km ateliers quotidien", sender="coord-exemple-paca", platform="console", room="C1")
    assert "Abonnement n° 1" in ok and "chaque matin" in ok
    assert "n° 1" in bot.say("abonnements", platform="console", room="C1")
    outside = bot.say("abonner Paris", sender="coord-exemple-paca", platform="console", room="C1")
    assert "Vous coordonnez" in outside
    assert "arrêté" in bot.say("désabonner 1", sender="coord-exemple-paca", platform="console", room="C1")
    assert "aucun abonnement" in bot.say("abonnements", platform="console", room="C1")


# --------------------------------------------------------------------------- digests

def _subscribe(app: App, text: str, now: dt.datetime) -> None:
    app.events = EventSettings(agenda_subscribers="tous")
    replies = TestBot(app, now=now).send(text, platform="slack", room="C-agenda", thread=None)  # type: ignore[arg-type]
    assert "Abonnement n°" in replies[0].text, replies[0].text


def _digest_rows(app: App) -> list[tuple[str, str]]:
    with app.sessions() as session:
        return [(row.key, row.recipient) for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.key))]


def test_missed_digest_is_posted_once_within_grace_and_skipped_after(paca_app: App) -> None:
    _import_all(paca_app)
    _subscribe(paca_app, "abonner Fréjus 20 km", dt.datetime(2026, 3, 1, 12, 0, tzinfo=PARIS))
    # The bot was down on Monday 16 March at 8:00; it restarts at 11:00, within the 12 h grace.
    assert post_due_digests(paca_app, dt.datetime(2026, 3, 16, 11, 0, tzinfo=PARIS)) >= 1
    assert post_due_digests(paca_app, dt.datetime(2026, 3, 16, 11, 1, tzinfo=PARIS)) == 0
    keys = [key for key, _ in _digest_rows(paca_app)]
    assert "digest:1:2026-W12" in keys and keys.count("digest:1:2026-W12") == 1
    with paca_app.sessions() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "digest:1:2026-W12")).one()
        reply = reply_from_json(row.payload)
        assert (row.recipient_kind, row.recipient, reply.kind) == ("room", "C-agenda", "digest")
        assert "Agenda de la semaine" in reply.text and reply.cards[0].title == "Mardi 17 mars"
    # Down again from Monday 23 March 7:00 to Tuesday 24 March 9:00: that week's letter is past the grace.
    post_due_digests(paca_app, dt.datetime(2026, 3, 24, 9, 0, tzinfo=PARIS))
    assert "digest:1:2026-W13" not in [key for key, _ in _digest_rows(paca_app)]


def test_fete_announcement_then_daily_fete_digest(paca_app: App) -> None:
    _import_all(paca_app)
    _subscribe(paca_app, "abonner Fréjus", dt.datetime(2026, 2, 1, 12, 0, tzinfo=PARIS))
    post_due_digests(paca_app, dt.datetime(2026, 3, 1, 8, 5, tzinfo=PARIS))
    assert "digest:1:fete-annonce-2026" in [key for key, _ in _digest_rows(paca_app)]
    post_due_digests(paca_app, dt.datetime(2026, 3, 21, 8, 5, tzinfo=PARIS))
    assert "digest:1:fete-2026-03-21" in [key for key, _ in _digest_rows(paca_app)]
    post_due_digests(paca_app, dt.datetime(2026, 3, 22, 8, 5, tzinfo=PARIS))  # nothing that day: no post
    assert "digest:1:fete-2026-03-22" not in [key for key, _ in _digest_rows(paca_app)]


@pytest.mark.postgres
def test_two_instances_on_postgresql_post_each_digest_once(postgres_schema_url: str) -> None:
    """Two apps (separate engines) tick in threads through a whole week: one outbox row per period."""
    first = build_app(Settings(database_url=postgres_schema_url))
    second = build_app(Settings(database_url=postgres_schema_url))
    try:
        _import_all(first)
        first.events = second.events = EventSettings(agenda_subscribers="tous")
        _subscribe(first, "abonner Fréjus 30 km quotidien", dt.datetime(2026, 3, 15, 12, 0, tzinfo=PARIS))
        _subscribe(first, "abonner Nice", dt.datetime(2026, 3, 15, 12, 0, tzinfo=PARIS))
        ticks = [dt.datetime(2026, 3, 16, 7, 58, tzinfo=PARIS) + dt.timedelta(minutes=step) for step in range(0, 8)]
        ticks += [dt.datetime(2026, 3, day, 8, minute, tzinfo=PARIS) for day in range(17, 25) for minute in (0, 1)]
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def scheduler(app: App) -> None:
            try:
                for moment in ticks:
                    barrier.wait(timeout=30)
                    post_due_digests(app, moment)
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=scheduler, args=(app,)) for app in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not errors
        keys = [key for key, _ in _digest_rows(first)]
        assert len(keys) == len(set(keys))
        assert {"digest:1:2026-03-17", "digest:1:fete-2026-03-21", "digest:2:fete-2026-03-24"} <= set(keys)
        # Nice's week 12 holds only Fête events (posted daily): no weekly letter, nothing empty posted.
        assert "digest:2:2026-W12" not in keys
    finally:
        first.engine.dispose()
        second.engine.dispose()
