"""The Matrix transport against a real Synapse: `epnbot serve matrix` talked to by matrix-nio clients.

Synapse is started once per session (tests/synapse.py); the bot runs as an operator runs it, in its
own process, on a copy of the PACA sample whose example mediator Ana has a Matrix id on that
server. Nothing is mocked.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from matrix_people import PASSWORD, Person, ServedMatrix, content_of, from_bot, in_thread, replying_to, run
from synapse import SERVER_NAME, Synapse, synapse  # noqa: F401
from testbot import sqlite_url

BOT = f"@epnbot:{SERVER_NAME}"
ALICE = f"@alice:{SERVER_NAME}"
ANA = f"@ana:{SERVER_NAME}"
MALLORY = f"@mallory:{SERVER_NAME}"
GAP = "qui peut m'aider pour mon CV à Gap ?"
CAF = "je dois faire mes démarches CAF à Draguignan"
#: The example mediator of France Services Draguignan (knowledge/data/mediateurs-exemple.yaml).
MEDIATOR_ID = "med-exemple-draguignan"


@pytest.fixture(scope="module")
def accounts(synapse: Synapse) -> Synapse:  # noqa: F811 (the session fixture)
    """The bot, an asker, a mediator, and someone outside the allow-list."""
    for localpart in ("epnbot", "alice", "ana", "mallory"):
        synapse.register(localpart, PASSWORD)
    return synapse


@pytest.fixture(scope="module")
def served(accounts: Synapse, paca_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedMatrix]:
    """`epnbot serve matrix` on the PACA sample; Ana Exemple is @ana on this homeserver."""
    folder = tmp_path_factory.mktemp("bot-matrix")
    database = folder / "paca.db"
    shutil.copyfile(paca_template, database)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE mediateurs SET matrix = ? WHERE id = ?", (ANA, MEDIATOR_ID))
    bot = ServedMatrix(sqlite_url(database), accounts.url, folder / "store", user_id=BOT,
                       allowed=f"{ALICE},{ANA}")
    with bot:
        yield bot


async def _joined(person: Person, room: str, user: str, membership: str = "join") -> None:
    await person.wait_for(lambda room_id, event: room_id == room and getattr(event, "state_key", None) == user
                          and getattr(event, "membership", None) == membership)


def test_invite_joined_and_question_answered_in_its_thread_naming_a_lieu_near_gap(
        served: ServedMatrix, accounts: Synapse) -> None:
    async def scenario() -> None:
        alice = await Person.login(accounts.url, "alice")
        try:
            room = await alice.room_with(BOT, MALLORY)  # three people: a group room
            await _joined(alice, room, BOT)
            chatter = await alice.say(room, "bonjour à tous, réunion à 14 h")
            started = time.monotonic()
            question = await alice.say(room, f"!epn {GAP}")
            _, answer = await alice.wait_for(lambda room_id, event: room_id == room and from_bot(event, BOT)
                                             and in_thread(event, question), timeout=10)
            elapsed = time.monotonic() - started
            print(f"réponse Matrix en {elapsed:.2f} s")
            content = content_of(answer)
            assert content["format"] == "org.matrix.custom.html"
            assert "Fab'Alpes" in content["body"] and "Gap" in content["body"]
            assert "<strong>1. Fab&#x27;Alpes</strong>" in content["formatted_body"]
            assert content["m.relates_to"]["is_falling_back"] is True
            assert replying_to(answer, question)
            assert content["m.mentions"] == {}
            # A mention of the bot is for it too; the chatter before was not.
            mention = await alice.say(room, "epnbot: aide")
            await alice.wait_for(lambda room_id, event: from_bot(event, BOT) and in_thread(event, mention))
            await alice.settle(1.0)
            assert not any(from_bot(event, BOT) and in_thread(event, chatter) for _, event in alice.events)
        finally:
            await alice.close()

    run(scenario())


def test_every_message_of_a_two_person_room_is_for_the_bot(served: ServedMatrix, accounts: Synapse) -> None:
    async def scenario() -> None:
        alice = await Person.login(accounts.url, "alice")
        try:
            room = await alice.room_with(BOT, direct=True)
            await _joined(alice, room, BOT)
            question = await alice.say(room, "aide")
            _, answer = await alice.wait_for(lambda room_id, event: room_id == room and from_bot(event, BOT)
                                             and replying_to(event, question))
            assert "transmettre" in content_of(answer)["body"]
        finally:
            await alice.close()

    run(scenario())


def test_an_invite_from_outside_the_allow_list_is_declined(served: ServedMatrix, accounts: Synapse) -> None:
    async def scenario() -> None:
        mallory = await Person.login(accounts.url, "mallory")
        try:
            room = await mallory.room_with(BOT)
            await _joined(mallory, room, BOT, membership="leave")
        finally:
            await mallory.close()

    run(scenario())
    deadline = time.monotonic() + 10  # the log line may be read a moment after the room is left
    while not any("hors de MATRIX_ALLOWED" in line for line in served.lines) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any("hors de MATRIX_ALLOWED" in line for line in served.lines)


def _number(text: str) -> str:
    import re

    found = re.search(r"demande n° (\d+)", text)
    assert found, text
    return found.group(1)


def test_routing_offer_in_a_direct_room_accepted_with_a_reaction(served: ServedMatrix, accounts: Synapse) -> None:
    async def scenario() -> None:
        alice = await Person.login(accounts.url, "alice")
        ana = await Person.login(accounts.url, "ana")
        try:
            room = await alice.room_with(BOT, MALLORY)
            await _joined(alice, room, BOT)
            question = await alice.say(room, f"!epn {CAF}")

            def bot_in_thread(text: str) -> Any:
                return lambda room_id, event: (room_id == room and from_bot(event, BOT)
                                               and in_thread(event, question) and text in content_of(event)["body"])

            await alice.wait_for(bot_in_thread("France Services Draguignan"))
            await alice.say(room, "!epn transmettre 1", thread=question)
            _, consent = await alice.wait_for(bot_in_thread("Êtes-vous d'accord"))
            assert "✅" in content_of(consent)["body"]
            await alice.react(room, consent.event_id, "✅")
            _, created = await alice.wait_for(bot_in_thread("C'est transmis"))
            number = _number(content_of(created)["body"])
            # The offer reaches Ana in a direct room the bot created (she joins its invitation).
            offer_room, offer = await ana.wait_for(lambda room_id, event: from_bot(event, BOT)
                                                   and f"demande n° {number}" in content_of(event)["body"]
                                                   and "accepter" in content_of(event)["body"], timeout=30)
            assert offer_room != room
            assert f"!epn accepter {number}" in content_of(offer)["body"]
            await ana.react(offer_room, offer.event_id, "✅")
            await ana.wait_for(lambda room_id, event: room_id == offer_room and from_bot(event, BOT)
                               and "accepté" in content_of(event)["body"])
            _, told = await alice.wait_for(bot_in_thread("acceptée"), timeout=30)
            assert f"n° {number}" in content_of(told)["body"]
            # A second ✅ (or a replayed one) changes nothing: the request stays accepted once.
            await ana.react(offer_room, offer.event_id, "👍")
            await alice.settle(2.0)
            accepted = [event for _, event in alice.events if from_bot(event, BOT) and in_thread(event, question)
                        and "acceptée" in content_of(event)["body"]]
            assert len(accepted) == 1
        finally:
            await alice.close()
            await ana.close()

    run(scenario())


def test_restart_answers_the_message_sent_while_down_once_and_replays_nothing(
        served: ServedMatrix, accounts: Synapse) -> None:
    async def scenario_before() -> tuple[str, str]:
        alice = await Person.login(accounts.url, "alice")
        try:
            room = await alice.room_with(BOT, MALLORY)
            await _joined(alice, room, BOT)
            question = await alice.say(room, f"!epn {GAP}")
            await alice.wait_for(lambda room_id, event: from_bot(event, BOT) and in_thread(event, question))
            return room, question
        finally:
            await alice.close()

    room, before = run(scenario_before())
    assert served.stop() == 0
    assert any("jeton de synchronisation enregistré" in line for line in served.lines)

    async def while_down() -> str:
        alice = await Person.login(accounts.url, "alice")
        try:
            return await alice.say(room, "!epn aide")
        finally:
            await alice.close()

    down = run(while_down())
    served.start()

    async def after() -> None:
        alice = await Person.login(accounts.url, "alice")
        try:
            await alice.wait_for(lambda room_id, event: from_bot(event, BOT) and in_thread(event, down), timeout=30)
            await alice.settle(3.0)
            # Alice's fresh login sees the room's recent history: count the bot's answers there.
            answers_down = [event for _, event in alice.events if from_bot(event, BOT) and in_thread(event, down)]
            answers_before = [event for _, event in alice.events if from_bot(event, BOT) and in_thread(event, before)]
            assert len(answers_down) == 1
            assert len(answers_before) == 1
        finally:
            await alice.close()

    run(after())
