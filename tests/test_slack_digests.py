"""A digest on Slack: decided by the events part, queued in the outbox, delivered through the Slack
transport to the recorded Web API as a readable Block Kit message; bulk posting to one channel keeps
Slack's pace of one message per second (issue 21's transport half)."""

from __future__ import annotations

import datetime as dt
import json
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from slack_fake import FakeSlack
from slack_harness import SlackHarness, fake_slack, slack
from testbot import TestBot

from bot.delivery import Deliverer
from bot.transports.slack.delivery import ChannelPacer, SlackSender
from handlers.digests import post_due_digests
from knowledge.delivery.outbox import Outbox
from knowledge.events.settings import EventSettings
from knowledge.importers.runner import import_file

__all__ = ["fake_slack", "slack"]
EVENTS = Path(__file__).parent / "data" / "events"
PARIS = ZoneInfo("Europe/Paris")


def test_a_weekly_digest_is_a_readable_slack_message(slack: SlackHarness, fake_slack: FakeSlack) -> None:
    app = slack.runtime.app
    for name in ("ateliers-frejus.ics", "fete-internet-openagenda.json", "evenements.csv"):
        import_file(app.engine, EVENTS / name)
    app.events = EventSettings(agenda_subscribers="tous")
    subscribed = TestBot(app, now=dt.datetime(2026, 3, 1, 12, 0, tzinfo=PARIS)).send(
        "abonner Fréjus 20 km", platform="slack", room="C0AGENDA", thread=None)  # type: ignore[arg-type]
    assert "Abonnement n°" in subscribed[0].text
    assert post_due_digests(app, dt.datetime(2026, 3, 16, 8, 5, tzinfo=PARIS)) >= 1

    stats = Deliverer(Outbox(app.sessions), "slack", slack.sender.send).deliver_once()
    assert stats.sent >= 1 and stats.failed == 0
    posted = [call for call in fake_slack.of("chat.postMessage") if call.args["channel"] == "C0AGENDA"]
    assert len(posted) == 1
    blocks = posted[0].args["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    shown = json.dumps(blocks, ensure_ascii=False)
    assert "Agenda de la semaine" in posted[0].args["text"]
    assert "Mardi 17 mars" in shown and len(blocks) <= 50
    assert "<!channel>" not in shown and "<!here>" not in shown


def test_bulk_digests_to_one_channel_keep_one_message_per_second(slack: SlackHarness,
                                                                   fake_slack: FakeSlack) -> None:
    from handlers.messages import Reply, reply_to_json
    from knowledge.delivery.outbox import enqueue

    app = slack.runtime.app
    with app.sessions.begin() as session:
        for number in range(3):
            enqueue(session, key=f"digest:test:{number}", platform="slack", recipient="C0BULK",
                    recipient_kind="room", payload=reply_to_json(Reply(text=f"Lettre {number}", kind="digest")))
    paced = SlackSender(slack.sender.client, ChannelPacer())  # the real pace (the harness sends unpaced)
    Deliverer(Outbox(app.sessions), "slack", paced.send).deliver_once()
    times = [call.at for call in fake_slack.of("chat.postMessage") if call.args["channel"] == "C0BULK"]
    assert len(times) == 3
    assert all(later - earlier >= 0.95 for earlier, later in pairwise(times))
