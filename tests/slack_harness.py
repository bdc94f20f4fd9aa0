"""The Slack transport running in the test process: Bolt behind the real HTTP server, on a loopback Web API.

    def test_x(slack: SlackHarness) -> None:
        assert slack.send(mention("aide")).status == 200
        call = slack.fake.wait_for("chat.postMessage")
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from slack_fake import BOT_TOKEN, SIGNING_SECRET, FakeSlack, Response, post
from testbot import FROZEN_NOW

from bot.app import App
from bot.transports.runtime import Runtime
from bot.transports.slack.bolt_app import build_bolt_app
from bot.transports.slack.delivery import ChannelPacer, SlackSender
from bot.transports.slack.http import SlackHttpServer
from bot.transports.slack.listeners import SlackBot
from bot.transports.slack.settings import SlackSettings, verify_token, web_client
from handlers.registry import Dispatcher


@dataclass
class SlackHarness:
    """A running Slack transport: its fake Slack, its runtime, its HTTP port, its outbox sender."""

    fake: FakeSlack
    runtime: Runtime
    server: SlackHttpServer
    sender: SlackSender
    thread: threading.Thread
    executor: ThreadPoolExecutor

    @property
    def port(self) -> int:
        return self.server.port

    def send(self, body: str, **options: object) -> Response:
        """POST a signed request to the bot."""
        return post(self.port, body, **options)  # type: ignore[arg-type]

    def __enter__(self) -> SlackHarness:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop serving, then wait for the work of every request already acknowledged."""
        self.server.stop()
        self.thread.join(10)
        self.executor.shutdown(wait=True)


def start_slack(app: App, fake: FakeSlack) -> SlackHarness:
    """The whole transport on `app`, its clock frozen, Slack played by `fake`."""
    settings = SlackSettings(bot_token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake.url)
    client = web_client(settings)
    identity = verify_token(client, settings)
    runtime = Runtime(app, Dispatcher(app, now=lambda: FROZEN_NOW), scheduler_factory=lambda app: None)
    bot = SlackBot(runtime.dispatcher, client, identity, app.settings.max_input_chars)
    executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack-travail-test")
    bolt = build_bolt_app(bot, settings, client, app.sessions, executor=executor)
    server = SlackHttpServer(bolt, runtime.health, host="127.0.0.1", port=0, threads=8)
    server.prepare()
    thread = threading.Thread(target=server.serve, name="slack-http-test", daemon=True)
    thread.start()
    # Tests deliver by hand: no pacing sleep between two rows of one channel.
    sender = SlackSender(web_client(settings, retry_rate_limits=False), ChannelPacer(interval=0.0))
    return SlackHarness(fake, runtime, server, sender, thread, executor)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def slack(paca_app: App, fake_slack: FakeSlack) -> Iterator[SlackHarness]:
    with start_slack(paca_app, fake_slack) as harness:
        yield harness
