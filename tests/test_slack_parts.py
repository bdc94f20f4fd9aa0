"""The Slack transport's small parts: reading Slack's markup, which events are a person's, pacing, errors."""

from __future__ import annotations

import pytest
from slack_fake import BOT_TOKEN, FakeSlack
from slack_harness import fake_slack
from slack_sdk.errors import SlackApiError

from bot.delivery import PermanentDeliveryError, RetryLaterError
from bot.transports.slack.delivery import ChannelPacer, SlackSender
from bot.transports.slack.events import (
    command_message,
    direct_message,
    event_key,
    from_person,
    mention_message,
    slack_text_to_plain,
)
from bot.transports.slack.settings import SlackSettings, web_client
from handlers.messages import Reply, reply_to_json
from knowledge.delivery.outbox import OutboxItem

__all__ = ["fake_slack"]


def test_slack_markup_becomes_what_the_person_typed() -> None:
    text = "<@UBOT> besoin d&apos;aide &amp; conseils <https://x.fr|ici> pour <@U42|marie> <!here> <#C1|général>"
    assert slack_text_to_plain(text, "UBOT") == "besoin d'aide & conseils ici pour @marie #général"
    assert slack_text_to_plain("<mailto:a@b.fr>  à   Gap") == "mailto:a@b.fr à Gap"


def test_only_people_are_answered() -> None:
    person = {"type": "message", "user": "U1", "text": "aide", "ts": "1.0", "channel": "D1", "channel_type": "im"}
    assert from_person(person, "UBOT")
    assert not from_person({**person, "bot_id": "B1"}, "UBOT")
    assert not from_person({**person, "user": "UBOT"}, "UBOT")
    assert not from_person({**person, "subtype": "message_deleted"}, "UBOT")
    assert from_person({**person, "subtype": "file_share"}, "UBOT")
    assert direct_message({**person, "channel_type": "channel", "channel": "C1"}, "UBOT", 100) is None
    incoming = direct_message({**person, "text": "x" * 500}, "UBOT", 100)
    assert incoming is not None and len(incoming.message.text) == 100 and incoming.message.direct


def test_a_mention_is_one_thread_and_its_replies_share_it() -> None:
    root = mention_message({"type": "app_mention", "user": "U1", "text": "<@UBOT> aide", "ts": "5.0",
                            "channel": "C1"}, "UBOT", 2000)
    reply = mention_message({"type": "app_mention", "user": "U1", "text": "<@UBOT> plus", "ts": "6.0",
                             "thread_ts": "5.0", "channel": "C1"}, "UBOT", 2000)
    assert root is not None and reply is not None
    assert root.message.thread == reply.message.thread == root.reply_thread == "5.0"
    assert root.message.text == "aide" and not root.message.direct


def test_a_slash_command_without_words_asks_for_help() -> None:
    message = command_message({"user_id": "U1", "channel_id": "C1", "text": "  "}, 2000, "aide")
    assert message.text == "aide" and message.thread is None
    assert command_message({"user_id": "U1", "channel_id": "D1", "channel_name": "directmessage",
                            "text": "mes demandes"}, 2000, "aide").direct


def test_retries_and_duplicates_share_one_key() -> None:
    event = {"type": "app_mention", "channel": "C1", "ts": "7.0"}
    first = {"type": "event_callback", "event_id": "Ev1", "event": event}
    as_message = {"type": "event_callback", "event_id": "Ev2", "event": {**event, "type": "message"}}
    assert event_key(first) == event_key(as_message) == "message:C1:7.0"
    assert event_key({"type": "event_callback", "event_id": "Ev3", "event": {"type": "app_home_opened"}}) == "event:Ev3"
    assert event_key({"type": "block_actions"}) is None


def test_the_pacer_keeps_one_message_per_second_per_channel() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = ChannelPacer(clock=lambda: now[0], sleep=sleep)
    pacer.wait_turn("C1")
    pacer.wait_turn("C2")
    now[0] += 0.25
    pacer.wait_turn("C1")
    assert slept == [pytest.approx(0.75)]
    now[0] += 5
    pacer.wait_turn("C1")
    assert len(slept) == 1


def _item(recipient: str = "UMED0001", kind: str = "user") -> OutboxItem:
    return OutboxItem(1, "k", "slack", kind, recipient, None, reply_to_json(Reply(text="Demande n° 3")), 0)


def test_what_slack_answers_decides_the_retry(fake_slack: FakeSlack) -> None:
    client = web_client(SlackSettings(bot_token=BOT_TOKEN, signing_secret="s" * 20, api_url=fake_slack.url),
                        retry_rate_limits=False)
    sender = SlackSender(client, ChannelPacer(interval=0.0))
    assert sender.send(_item()).startswith("DMED0001:")  # conversations.open, then the post
    sender.send(_item())
    assert len(fake_slack.of("conversations.open")) == 1  # the DM is remembered
    fake_slack.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "12"})
    with pytest.raises(RetryLaterError) as waited:
        sender.send(_item("CDIGEST1", "room"))
    assert waited.value.retry_after == 12
    fake_slack.script("chat.postMessage", 503, {"ok": False, "error": "service_unavailable"})
    with pytest.raises(RuntimeError) as failed:
        sender.send(_item("CDIGEST1", "room"))
    assert not isinstance(failed.value, RetryLaterError | PermanentDeliveryError)  # backoff
    assert isinstance(failed.value.__cause__, SlackApiError)
    fake_slack.script("chat.postMessage", 200, {"ok": False, "error": "is_archived"})
    with pytest.raises(PermanentDeliveryError):
        sender.send(_item("CARCHIVE", "room"))
    fake_slack.script("conversations.open", 200, {"ok": False, "error": "user_not_found"})
    with pytest.raises(PermanentDeliveryError):
        sender.send(_item("UPARTI01"))
