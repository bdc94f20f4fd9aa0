"""The whole routing flow through the neutral handlers, as every transport uses them (DESIGN §5):
ask → transmettre → oui → offer → refuser → next mediator → accepter → clore, every message each
person sees and every state, plus the refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from testbot import FROZEN_NOW, TestBot

from bot.app import App
from handlers.messages import Action, Message, Reply, reply_from_json
from handlers.registry import Dispatcher
from knowledge.delivery.models import OutboxMessage
from knowledge.importers.runner import import_file
from knowledge.routing.models import Offer, Request, RequestEvent
from knowledge.scheduling.models import Timer

PEOPLE = """
mediateurs:
  - {id: med-a, nom: Alice Exemple, lieux: ["%(lieu)s"], besoins: [entreprise], capacite: 2}
  - {id: med-b, nom: Basile Exemple, lieux: ["%(lieu)s"], capacite: 2}
  - {id: med-c, nom: Chloé Exemple, lieux: ["%(lieu)s"], besoins: [parentalite], capacite: 2}
coordinateurs:
  - {id: coord-var, nom: Coordination Var, departements: ["83"]}
"""
QUESTION = "qui peut m'aider à créer le site de ma boutique à Draguignan ?"


class Person:
    """Someone at a terminal (`epnbot chat --as ID`): their own thread, their own id."""

    def __init__(self, dispatcher: Dispatcher, person_id: str, clock: list[dt.datetime]) -> None:
        self.dispatcher = dispatcher
        self.id = person_id
        self.clock = clock

    def send(self, text: str) -> list[Reply]:
        return self.dispatcher.handle(Message(text=text, sender=self.id, room="console", platform="console",
                                              thread=f"fil-{self.id}"))

    def say(self, text: str) -> str:
        return "\n".join(reply.text for reply in self.send(text))


@pytest.fixture
def routing_app(paca_app: App, tmp_path: Path) -> App:
    first = paca_app.understanding.search(paca_app.understanding.parse(QUESTION)).hits[0]
    people = tmp_path / "personnes.yaml"
    people.write_text(PEOPLE % {"lieu": f"{first.source}:{first.lieu_id}"}, encoding="utf-8")
    assert import_file(paca_app.engine, people).ok
    paca_app.knowledge_changed()
    return paca_app


def outbox(app: App, recipient: str | None = None) -> list[tuple[str, str, Reply]]:
    with app.sessions() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        return [(row.platform, row.recipient, reply_from_json(row.payload)) for row in rows
                if recipient is None or row.recipient == recipient]


def request_state(app: App, number: int) -> str:
    with app.sessions() as session:
        request = session.get(Request, number)
        assert request is not None
        return request.state


def test_whole_flow(routing_app: App) -> None:
    clock = [FROZEN_NOW]
    dispatcher = Dispatcher(routing_app, now=lambda: clock[0])
    asker = Person(dispatcher, "u-pro", clock)
    med_a, med_b = Person(dispatcher, "med-a", clock), Person(dispatcher, "med-b", clock)

    answer = asker.send(QUESTION)
    assert answer[0].kind == "answer" and answer[0].buttons[0].action_id == "transmettre:1"
    consent = asker.send("transmettre")
    assert consent[0].kind == "consent" and consent[0].form is not None
    assert "u-pro" in consent[0].text and "Êtes-vous d'accord" in consent[0].text
    created = asker.say("oui")
    assert "demande n° 1" in created and "proposée" in created
    assert request_state(routing_app, 1) == "proposée"

    offers = outbox(routing_app, "med-a")
    assert len(offers) == 1 and offers[0][2].kind == "offer"
    assert "n° 1" in offers[0][2].text and "boutique" in offers[0][2].text
    assert [b.action_id for b in offers[0][2].buttons] == ["accepter:1", "refuser:1"]
    assert "u-pro" not in offers[0][2].text  # the handle only after acceptance

    asks_reason = med_a.send("refuser 1")
    assert asks_reason[0].form is not None and request_state(routing_app, 1) == "proposée"
    assert "refusée" in med_a.say("refuser 1 pas disponible en congé la semaine prochaine")
    assert len(outbox(routing_app, "med-b")) == 1
    assert "n'êtes pas le médiateur" in med_a.say("accepter 1")
    accepted = med_b.say("accepter 1")
    assert "u-pro" in accepted and "boutique" in accepted
    assert request_state(routing_app, 1) == "acceptée"
    assert "déjà accepté" in med_b.say("accepter 1")

    told = [reply.text for _, _, reply in outbox(routing_app, "u-pro")]
    assert any("acceptée par Basile Exemple" in text for text in told)
    assert any("propose à un autre" in text for text in told)

    assert "close" in med_b.say("clore 1 site mis en ligne")
    assert request_state(routing_app, 1) == "clôturée"
    assert any("est close (site mis en ligne)" in reply.text for _, _, reply in outbox(routing_app, "u-pro"))
    assert "ne peut plus" in med_b.say("clore 1")
    assert "ne peut plus" in med_a.say("accepter 1")

    with routing_app.sessions() as session:
        events = [event.event for event in session.scalars(select(RequestEvent).order_by(RequestEvent.id))]
        assert events == ["créée", "proposée", "refusée", "proposée", "acceptée", "clôturée"]
        offers_rows = session.scalars(select(Offer).order_by(Offer.id)).all()
        assert [(o.mediator_id, o.answer, o.reason) for o in offers_rows] == [
            ("med-a", "refusée", "pas-disponible"), ("med-b", "acceptée", None)]
        open_timers = session.scalars(select(Timer).where(Timer.fired_at.is_(None),
                                                          Timer.cancelled_at.is_(None))).all()
        assert open_timers == []


def test_buttons_are_the_same_words(routing_app: App) -> None:
    dispatcher = Dispatcher(routing_app, now=lambda: FROZEN_NOW)
    asker = Person(dispatcher, "u-pro", [FROZEN_NOW])
    asker.send(QUESTION)
    where = {"room": "console", "platform": "console", "thread": "fil-u-pro"}
    consent = dispatcher.act(Action.from_id("transmettre:1", actor="u-pro", **where))
    assert consent[0].form is not None
    words = consent[0].form.words("oui", "joignable au 06 00 00 00 00")
    assert words.startswith("oui joignable")
    created = dispatcher.act(Action("oui", "joignable au 06 00 00 00 00", actor="u-pro", **where))
    assert "demande n° 1" in created[0].text
    with routing_app.sessions() as session:
        request = session.get(Request, 1)
        assert request is not None and request.note == "joignable au 06 00 00 00 00"
    accepted = dispatcher.act(Action.from_id("accepter:1", actor="med-a", room="console", platform="console"))
    assert "joignable au 06" in accepted[0].text


def test_refusals_change_nothing(routing_app: App) -> None:
    dispatcher = Dispatcher(routing_app, now=lambda: FROZEN_NOW)
    asker, stranger = Person(dispatcher, "u-pro", [FROZEN_NOW]), Person(dispatcher, "u-autre", [FROZEN_NOW])
    med_b = Person(dispatcher, "med-b", [FROZEN_NOW])
    assert "rien à transmettre" in asker.say("transmettre").lower()
    assert "rien à transmettre en attente" in asker.say("oui").lower()
    asker.send(QUESTION)
    asker.send("transmettre")
    asker.send("oui")
    assert "réservée aux médiateurs" in stranger.say("accepter 1")
    assert "n'êtes pas le médiateur" in med_b.say("accepter 1")
    assert "pas de demande n° 99" in med_b.say("accepter 99")
    assert "Précisez le numéro" in med_b.say("refuser")
    assert "n'est pas la vôtre" in stranger.say("annuler 1")
    assert request_state(routing_app, 1) == "proposée"
    # the same question again is a duplicate, not a second request
    asker.send(QUESTION)
    asker.send("transmettre")
    assert "doublon" in asker.say("oui")
    assert "annulée" in asker.say("annuler 1")
    assert "ne peut plus" in asker.say("annuler 1")


def test_no_consent_stores_nothing_personal(routing_app: App) -> None:
    bot = TestBot(routing_app)
    bot.send(QUESTION)
    bot.send("transmettre 2")
    assert "rien transmis" in bot.say("non")
    with routing_app.sessions() as session:
        assert session.scalars(select(Request)).all() == []


def test_nobody_available_tells_coordinators_and_asker(routing_app: App) -> None:
    dispatcher = Dispatcher(routing_app, now=lambda: FROZEN_NOW)
    for mediator in ("med-a", "med-b", "med-c"):
        Person(dispatcher, mediator, [FROZEN_NOW]).send("absent jusqu'au 30/03")
    asker = Person(dispatcher, "u-pro", [FROZEN_NOW])
    asker.send(QUESTION)
    asker.send("transmettre")
    assert "aucun médiateur n'est disponible" in asker.say("oui")
    assert request_state(routing_app, 1) == "nouvelle"
    assert any("réattribuer 1" in reply.text for _, _, reply in outbox(routing_app, "coord-var"))
    coordinator = Person(dispatcher, "coord-var", [FROZEN_NOW])
    assert "confiée" in coordinator.say("réattribuer 1 med-c")
    assert request_state(routing_app, 1) == "proposée"
    assert "réservée aux coordinateurs" in asker.say("réattribuer 1 med-a")


def _offer_once(app: App) -> None:
    dispatcher = Dispatcher(app, now=lambda: FROZEN_NOW)
    asker = Person(dispatcher, "u-pro", [FROZEN_NOW])
    asker.send(QUESTION)
    asker.send("transmettre")
    asker.send("oui")


def test_reminder_fires_once_across_a_restart(routing_app: App) -> None:
    """Restart between the offer and its deadline, clock past it: the reminder fires exactly once."""
    from bot.app import build_app
    from bot.scheduler import tick

    _offer_once(routing_app)
    url = routing_app.settings.database_url
    routing_app.engine.dispose()  # the bot stops (its memory is gone, the timers are in the base)
    restarted = build_app(routing_app.settings)
    try:
        policy = restarted.routing_policy
        assert tick(restarted, FROZEN_NOW + policy.remind_after - dt.timedelta(minutes=1)) == 0
        assert tick(restarted, FROZEN_NOW + policy.remind_after + dt.timedelta(minutes=1)) == 1
        assert tick(restarted, FROZEN_NOW + policy.remind_after + dt.timedelta(minutes=2)) == 0
        reminders = [reply for _, _, reply in outbox(restarted, "med-a") if "Rappel" in reply.text]
        assert len(reminders) == 1 and "n° 1" in reminders[0].text
        # past the re-offer delay, the next mediator gets it and the asker is told
        assert tick(restarted, FROZEN_NOW + policy.reoffer_after + dt.timedelta(minutes=1)) == 1
        assert request_state(restarted, 1) == "proposée"
        assert len(outbox(restarted, "med-b")) == 1
        assert any("propose à un autre" in reply.text for _, _, reply in outbox(restarted, "u-pro"))
    finally:
        restarted.engine.dispose()
    assert url


def test_a_request_nobody_takes_expires(routing_app: App) -> None:
    from bot.scheduler import tick

    _offer_once(routing_app)
    policy = routing_app.routing_policy
    later = FROZEN_NOW + policy.expire_after + dt.timedelta(hours=1)
    tick(routing_app, later)
    assert request_state(routing_app, 1) == "expirée"
    assert any("n'a pas trouvé de médiateur" in reply.text for _, _, reply in outbox(routing_app, "u-pro"))
    dispatcher = Dispatcher(routing_app, now=lambda: later)
    assert "ne peut plus" in Person(dispatcher, "med-a", [later]).say("accepter 1")


def test_personal_data_is_purged_after_closure(routing_app: App) -> None:
    from bot.scheduler import housekeeping

    _offer_once(routing_app)
    dispatcher = Dispatcher(routing_app, now=lambda: FROZEN_NOW)
    Person(dispatcher, "med-a", [FROZEN_NOW]).send("accepter 1")
    Person(dispatcher, "med-a", [FROZEN_NOW]).send("clore 1 accompagné")
    housekeeping(routing_app, FROZEN_NOW + dt.timedelta(days=30))
    with routing_app.sessions() as session:
        request = session.get(Request, 1)
        assert request is not None and request.text is not None
    housekeeping(routing_app, FROZEN_NOW + routing_app.routing_policy.purge_after + dt.timedelta(days=1))
    with routing_app.sessions() as session:
        request = session.get(Request, 1)
        assert request is not None and request.text is None and request.asker_id is None
        assert request.need and request.state == "clôturée"  # anonymous facts stay


def test_yes_with_words_outside_a_consent_is_a_question(routing_app: App) -> None:
    bot = TestBot(routing_app)
    assert "J'ai compris" in bot.say("oui j'ai besoin d'aide pour mon CV à Draguignan")
