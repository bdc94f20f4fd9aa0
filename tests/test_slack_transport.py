"""The Slack transport through Bolt's real request path: signed HTTP requests to the running server,
a loopback HTTP server standing in for Slack's Web API (tests/slack_fake.py) that records every call.

Nothing is mocked but Slack itself, which cannot run here: the fake answers as Slack's Web API does.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from slack_fake import (
    BOT_ID,
    BOT_USER,
    FakeSlack,
    button_press,
    command,
    direct,
    event_body,
    get,
    interaction,
    mention,
    submission,
)
from slack_harness import SlackHarness, fake_slack, slack, start_slack
from testbot import sqlite_url

from bot.app import App, build_app
from bot.config import Settings
from bot.delivery import Deliverer
from knowledge.delivery.outbox import Outbox, utc_now

__all__ = ["fake_slack", "slack"]

QUESTION = "qui peut m'aider à créer le site de ma boutique près de Draguignan ?"
CAF = "je dois faire mes démarches CAF à Draguignan"
MEDIATOR = "UEXEMPLE01"  # Ana Exemple, France Services Draguignan (knowledge/data/mediateurs-exemple.yaml)
ASKER = "UASK0001"


def test_a_mention_is_answered_in_its_thread_naming_a_lieu(slack: SlackHarness) -> None:
    response = slack.send(mention(QUESTION, ts="1733130000.000111"))
    assert response.status == 200
    call = slack.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == "CGENERAL" and call.args["thread_ts"] == "1733130000.000111"
    assert "Draguignan" in call.all_text() and "*1. " in call.all_text()
    assert "link_names" not in call.args and "parse" not in call.args and call.args["unfurl_links"] is False
    assert call.token == slack.fake.token


def test_follow_ups_in_the_thread_continue_the_conversation(slack: SlackHarness) -> None:
    slack.send(mention(CAF, ts="1733130000.000200"))
    slack.fake.wait_for("chat.postMessage")
    slack.send(mention("et à Fréjus ?", ts="1733130000.000201", thread_ts="1733130000.000200"))
    second = slack.fake.wait_for("chat.postMessage", lambda call: "Fréjus" in call.args["text"].split("\n")[0])
    assert second.args["thread_ts"] == "1733130000.000200"
    assert "démarches" in second.args["text"].split("\n")[0]  # the need came from the first question


def test_a_direct_message_is_answered_in_the_dm(slack: SlackHarness) -> None:
    slack.send(direct(QUESTION, channel="DASK0001"))
    call = slack.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == "DASK0001" and "thread_ts" not in call.args
    slack.send(direct("plus", channel="DASK0001", ts="1733130000.000003"))
    more = slack.fake.wait_for("chat.postMessage", lambda c: c is not call)
    assert more.args["channel"] == "DASK0001" and "*1. " in more.all_text()


def test_slash_command_answers_the_person_alone(slack: SlackHarness) -> None:
    assert slack.send(command("aide", slack.fake.response_url("aide")),
                      content_type="application/x-www-form-urlencoded").status == 200
    helped = slack.fake.wait_for("respond", lambda call: call.path.endswith("/aide"))
    assert helped.args["response_type"] == "ephemeral" and "mes demandes" in helped.all_text()
    slack.send(command(QUESTION, slack.fake.response_url("question")),
               content_type="application/x-www-form-urlencoded")
    answered = slack.fake.wait_for("respond", lambda call: call.path.endswith("/question"))
    assert "Draguignan" in answered.all_text()
    slack.send(command("", slack.fake.response_url("vide")), content_type="application/x-www-form-urlencoded")
    assert "mes demandes" in slack.fake.wait_for("respond", lambda call: call.path.endswith("/vide")).all_text()
    assert not slack.fake.of("chat.postMessage")


def test_forged_and_stale_signatures_are_refused(slack: SlackHarness) -> None:
    body = mention(QUESTION)
    assert slack.send(body, secret="x" * 32).status == 401
    assert slack.send(body, timestamp=int(time.time()) - 6 * 60).status == 401
    assert slack.send(body, signed=False).status == 401
    assert slack.send(body.replace("Draguignan", "Toulon"), headers={
        "X-Slack-Signature": "v0=" + "0" * 64, "X-Slack-Request-Timestamp": str(int(time.time()))}).status == 401
    assert slack.send(body).status == 200  # the same body, rightly signed
    slack.fake.wait_for("chat.postMessage")
    assert len(slack.fake.of("chat.postMessage")) == 1


def test_bots_and_the_bot_itself_are_ignored(slack: SlackHarness) -> None:
    slack.send(direct("aide", bot_id="BOTHER01", ts="1.1"))
    slack.send(direct("aide", user=BOT_USER, bot_id=BOT_ID, ts="1.2"))
    slack.send(direct("aide", subtype="bot_message", ts="1.3"))
    slack.send(direct("aide", subtype="message_changed", ts="1.4"))
    slack.send(direct("aide", channel="CGENERAL", channel_type="channel", ts="1.5"))  # not a DM: needs a mention
    slack.send(direct("bonjour", ts="1.6"))
    call = slack.fake.wait_for("chat.postMessage")
    assert "Bonjour" in call.args["text"]
    slack.send(direct("aide", ts="1.7"))
    slack.fake.wait_for("chat.postMessage", lambda c: c is not call)
    assert len(slack.fake.of("chat.postMessage")) == 2


def test_healthz_and_unknown_paths(slack: SlackHarness) -> None:
    health = get(slack.port, "/healthz")
    assert health.status == 200 and json.loads(health.body)["database"] == "ok"
    assert get(slack.port, "/ailleurs").status == 404


# ------------------------------------------------------------------ retries, also across a restart
def test_a_retried_event_is_processed_once(slack: SlackHarness) -> None:
    body = mention(QUESTION, event_id="EvRETRY1")
    assert slack.send(body).status == 200
    assert slack.send(body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}).status == 200
    assert slack.send(body, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"}).status == 200
    slack.stop()  # waits for the work of every acknowledged request
    answers = [call for call in slack.fake.of("chat.postMessage") if "J'ai compris" in call.args["text"]]
    assert len(answers) == 1


def test_a_retry_after_a_restart_is_not_replayed(paca_app: App, fake_slack: FakeSlack) -> None:
    body = mention(QUESTION, event_id="EvRESTART")
    first = start_slack(paca_app, fake_slack)
    try:
        assert first.send(body).status == 200
        fake_slack.wait_for("chat.postMessage")
    finally:
        first.stop()
    again = build_app(Settings(database_url=str(paca_app.engine.url)))
    second = start_slack(again, fake_slack)
    try:
        assert second.send(body, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "timeout"}).status == 200
        # Slack also delivers the same message once more under another event id: still one answer.
        same_message = json.loads(body)
        same_message["event_id"] = "EvOTHER"
        assert second.send(json.dumps(same_message)).status == 200
        second.stop()
        assert sum("J'ai compris" in call.args["text"] for call in fake_slack.of("chat.postMessage")) == 1
    finally:
        second.stop()
        again.engine.dispose()


# ------------------------------------------------------------------ routing: buttons, modals, the outbox
@pytest.fixture
def routing_app(paca_template: Path, tmp_path: Path) -> Iterator[App]:
    """The PACA sample with its example mediators; this deployment serves Slack."""
    path = tmp_path / "routage.db"
    shutil.copyfile(paca_template, path)
    app = build_app(Settings(database_url=sqlite_url(path), transports="slack"))
    yield app
    app.engine.dispose()


@pytest.fixture
def routed(routing_app: App, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    with start_slack(routing_app, fake_slack) as harness:
        yield harness


def deliver(harness: SlackHarness) -> int:
    """One pass of the Slack deliverer over the outbox; rows sent."""
    return Deliverer(Outbox(harness.runtime.app.sessions), "slack", harness.sender.send).deliver_once().sent


def ask_and_transmit(harness: SlackHarness, fake: FakeSlack) -> None:
    """The asker mentions the bot in #general, presses « Transmettre » and consents in the modal."""
    harness.send(mention(CAF, user=ASKER, ts="1733130000.000500"))
    answer = fake.wait_for("chat.postMessage", lambda call: "France Services Draguignan" in call.all_text())
    assert answer.args["thread_ts"] == "1733130000.000500"
    first_button = next(element["action_id"] for block in answer.blocks() if block["type"] == "actions"
                        for element in block["elements"])
    assert first_button == "transmettre:1"
    harness.send(button_press(answer, "transmettre:1", user=ASKER, channel="CGENERAL", ts="1733130000.000600",
                              thread_ts="1733130000.000500"), content_type="application/x-www-form-urlencoded")
    modal = fake.wait_for("views.open").view()
    assert modal["type"] == "modal" and "France Services Draguignan" in json.dumps(modal, ensure_ascii=False)
    harness.send(submission(modal, user=ASKER, choice="oui", text="joignable le matin au 06 00 00 00 00"),
                 content_type="application/x-www-form-urlencoded")
    created = fake.wait_for("chat.postMessage", lambda call: "demande n° 1" in call.all_text())
    assert created.args["channel"] == "CGENERAL" and created.args["thread_ts"] == "1733130000.000500"
    updated = fake.wait_for("chat.update")  # the answer's buttons are gone
    assert updated.args["ts"] == "1733130000.000600"
    assert all(block["type"] != "actions" for block in updated.blocks())


def test_routing_end_to_end_with_buttons_and_modals(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    ask_and_transmit(routed, fake_slack)
    assert deliver(routed) == 1  # the offer, to the mediator's DM
    opened = fake_slack.wait_for("conversations.open")
    assert opened.args["users"] == MEDIATOR
    offer = fake_slack.wait_for("chat.postMessage", lambda call: call.args["channel"] == "DEXEMPLE01")
    assert "demande n° 1" in offer.all_text() and "CAF" in offer.all_text()
    assert "joignable le matin" not in offer.all_text()  # the contact only once the request is accepted
    buttons = [element for block in offer.blocks() if block["type"] == "actions" for element in block["elements"]]
    assert [button["action_id"] for button in buttons] == ["accepter:1", "refuser:1"]
    offer_ts = "1733130000.000700"
    routed.send(button_press(offer, "accepter:1", user=MEDIATOR, channel="DEXEMPLE01", ts=offer_ts),
                content_type="application/x-www-form-urlencoded")
    accepted = fake_slack.wait_for("chat.postMessage", lambda call: "Vous avez accepté" in call.args["text"])
    assert accepted.args["channel"] == "DEXEMPLE01" and accepted.args["thread_ts"] == offer_ts
    assert "joignable le matin" in accepted.all_text()
    closed = fake_slack.wait_for("chat.update", lambda call: call.args["ts"] == offer_ts)
    assert all(block["type"] != "actions" for block in closed.blocks())
    assert deliver(routed) >= 1  # the notice to the asker, in their thread
    told = fake_slack.wait_for("chat.postMessage", lambda call: "acceptée" in call.args["text"]
                               and call.args["channel"] == "CGENERAL")
    assert told.args["thread_ts"] == "1733130000.000500"
    # A second press of the same (stale) button changes nothing and is refused to the presser alone.
    routed.send(button_press(offer, "accepter:1", user=MEDIATOR, channel="DEXEMPLE01", ts=offer_ts),
                content_type="application/x-www-form-urlencoded")
    fake_slack.wait_for("chat.postEphemeral")
    assert len(fake_slack.of("chat.update")) == 2


def test_a_button_pressed_by_someone_else_is_refused_ephemerally(routed: SlackHarness,
                                                                  fake_slack: FakeSlack) -> None:
    ask_and_transmit(routed, fake_slack)
    deliver(routed)
    offer = fake_slack.wait_for("chat.postMessage", lambda call: call.args["channel"] == "DEXEMPLE01")
    updates = len(fake_slack.of("chat.update"))
    routed.send(button_press(offer, "accepter:1", user="UINTRUS01", channel="DEXEMPLE01", ts="1733130000.000800"),
                content_type="application/x-www-form-urlencoded")
    refusal = fake_slack.wait_for("chat.postEphemeral")
    assert refusal.args["user"] == "UINTRUS01" and "médiateur" in refusal.args["text"]
    assert len(fake_slack.of("chat.update")) == updates  # the offer keeps its buttons for its mediator


def test_declining_through_the_reasons_modal(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    ask_and_transmit(routed, fake_slack)
    deliver(routed)
    offer = fake_slack.wait_for("chat.postMessage", lambda call: call.args["channel"] == "DEXEMPLE01")
    routed.send(button_press(offer, "refuser:1", user=MEDIATOR, channel="DEXEMPLE01", ts="1733130000.000900",
                             trigger_id="trig-refus"), content_type="application/x-www-form-urlencoded")
    modal_call = fake_slack.wait_for("views.open", lambda call: call.args["trigger_id"] == "trig-refus")
    modal = modal_call.view()
    assert "Motif" in modal["title"]["text"]
    routed.send(submission(modal, user=MEDIATOR, choice="pas-disponible", text="en congé"),
                content_type="application/x-www-form-urlencoded")
    done = fake_slack.wait_for("chat.postMessage", lambda call: "refusée" in call.args["text"]
                               and call.args["channel"] == "DEXEMPLE01")
    assert "pas disponible" in done.args["text"]
    fake_slack.wait_for("chat.update", lambda call: call.args["ts"] == "1733130000.000900")


def test_app_home_shows_how_to_ask_and_the_mediators_requests(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    ask_and_transmit(routed, fake_slack)
    routed.send(event_body({"type": "app_home_opened", "user": MEDIATOR, "channel": "DEXEMPLE01", "tab": "home"}))
    home = fake_slack.wait_for("views.publish").view()
    text = json.dumps(home, ensure_ascii=False)
    assert home["type"] == "home" and "/epn" in text and "n° 1" in text
    routed.send(event_body({"type": "app_home_opened", "user": "UNOBODY1", "channel": "DNOBODY1", "tab": "home"}))
    other = fake_slack.wait_for("views.publish", lambda call: call.args["user_id"] == "UNOBODY1").view()
    assert "n° 1" not in json.dumps(other, ensure_ascii=False)


def test_a_429_then_success(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    ask_and_transmit(routed, fake_slack)
    fake_slack.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"})
    outbox = Outbox(routed.runtime.app.sessions)
    deliverer = Deliverer(outbox, "slack", routed.sender.send)
    stats = deliverer.deliver_once()
    assert stats.sent == 0 and stats.failed == 1
    assert deliverer.deliver_once().sent == 0  # not before Retry-After
    later = Outbox(routed.runtime.app.sessions, clock=lambda: utc_now() + dt.timedelta(seconds=8))
    assert Deliverer(later, "slack", routed.sender.send).deliver_once().sent == 1
    posted = [call for call in fake_slack.of("chat.postMessage") if call.args["channel"] == "DEXEMPLE01"]
    assert len(posted) == 2  # the refused try, then the message


def home_press(view: dict[str, object], action_id: str, *, user: str, trigger_id: str = "trig-home") -> str:
    """A press on a button of the App Home `view` the bot published."""
    blocks = view["blocks"]
    assert isinstance(blocks, list)
    element = next(element for block in blocks if block.get("type") == "actions" for element in block["elements"]
                   if element["action_id"] == action_id)
    return interaction({"type": "block_actions", "user": {"id": user, "team_id": "T0TEST01"}, "api_app_id": "A0TEST",
                        "token": "verif", "trigger_id": trigger_id, "team": {"id": "T0TEST01"},
                        "container": {"type": "view", "view_id": "VHOME"}, "view": {**view, "id": "VHOME"},
                        "actions": [{"type": "button", "action_id": action_id, "block_id": "actions-0",
                                     "value": element.get("value", ""), "text": element["text"]}]})


def test_a_mediator_goes_away_and_comes_back_from_app_home(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    routed.send(event_body({"type": "app_home_opened", "user": MEDIATOR, "channel": "DEXEMPLE01", "tab": "home"}))
    home = fake_slack.wait_for("views.publish").view()
    assert "Je m'absente" in json.dumps(home, ensure_ascii=False)
    routed.send(home_press(home, "absent:", user=MEDIATOR), content_type="application/x-www-form-urlencoded")
    modal = fake_slack.wait_for("views.open", lambda call: call.args["trigger_id"] == "trig-home").view()
    routed.send(submission(modal, user=MEDIATOR, choice=None, text="20/03"),
                content_type="application/x-www-form-urlencoded")
    noted = fake_slack.wait_for("chat.postMessage", lambda call: "20/03/2024" in call.args["text"])
    assert noted.args["channel"] == "DEXEMPLE01"
    away_home = fake_slack.wait_for("views.publish", lambda call: "Je suis de retour" in call.all_text()).view()
    routed.send(home_press(away_home, "présent:", user=MEDIATOR, trigger_id="trig-back"),
                content_type="application/x-www-form-urlencoded")
    fake_slack.wait_for("chat.postMessage", lambda call: "Bon retour" in call.args["text"])
    back_home = fake_slack.wait_for("views.publish", lambda call: call is not fake_slack.of("views.publish")[0]
                                    and "Je m'absente" in call.all_text())
    assert back_home.view() == home  # back as it was: present, with the away button


def test_a_request_made_with_the_slash_command_stays_private(routed: SlackHarness, fake_slack: FakeSlack) -> None:
    routed.send(command(CAF, fake_slack.response_url("question"), user=ASKER, channel="CGENERAL"),
                content_type="application/x-www-form-urlencoded")
    answer = fake_slack.wait_for("respond", lambda call: call.path.endswith("/question"))
    assert "France Services Draguignan" in answer.all_text()
    press = json.loads(parse_qs(button_press(answer, "transmettre:1", user=ASKER, channel="CGENERAL",
                                             ts="1733130000.000990"))["payload"][0])
    press["container"]["is_ephemeral"] = True
    del press["message"]  # Slack sends no copy of an ephemeral message
    press["response_url"] = fake_slack.response_url("bouton")
    routed.send(interaction(press), content_type="application/x-www-form-urlencoded")
    modal = fake_slack.wait_for("views.open").view()
    routed.send(submission(modal, user=ASKER, choice="oui", text=None),
                content_type="application/x-www-form-urlencoded")
    created = fake_slack.wait_for("respond", lambda call: "demande n° 1" in call.all_text())
    assert created.path.endswith("/bouton")
    deliver(routed)
    offer = fake_slack.wait_for("chat.postMessage", lambda call: call.args["channel"] == "DEXEMPLE01")
    routed.send(button_press(offer, "accepter:1", user=MEDIATOR, channel="DEXEMPLE01", ts="1733130000.000991"),
                content_type="application/x-www-form-urlencoded")
    fake_slack.wait_for("chat.postMessage", lambda call: "Vous avez accepté" in call.args["text"])
    deliver(routed)
    told = fake_slack.wait_for("chat.postMessage", lambda call: "acceptée" in call.args["text"]
                               and call.args["channel"] != "DEXEMPLE01")
    assert told.args["channel"] == "DASK0001"  # the asker's DM, never #general
    assert not [call for call in fake_slack.of("chat.postMessage") if call.args["channel"] == "CGENERAL"]
