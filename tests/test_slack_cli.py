"""`epnbot serve slack`: settings checked at start in French, and the real command serving a signed mention.

Slack's Web API is the loopback fake of tests/slack_fake.py (the only stand-in: Slack cannot run here).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from slack_fake import BOT_TOKEN, SIGNING_SECRET, FakeSlack, get, mention, post
from slack_harness import fake_slack
from slack_process import ServedSlack

from bot.cli import cli
from bot.transports.slack.settings import SlackSettings

__all__ = ["fake_slack"]

SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    database = tmp_path / "vide.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    return database


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", "slack", *arguments])
    return result.exit_code, result.output


def test_every_missing_setting_is_named_in_french(clean_env: Path) -> None:
    code, output = run("--http")
    assert code != 0
    assert "SLACK_BOT_TOKEN manquant" in output and "SLACK_SIGNING_SECRET manquant" in output
    code, output = run("--socket")
    assert "SLACK_APP_TOKEN manquant" in output and "SLACK_SIGNING_SECRET" not in output
    code, output = run()
    assert code != 0 and "--http" in output and "--socket" in output


def test_wrong_settings_say_what_is_wrong(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-user-token")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "court")
    monkeypatch.setenv("SLACK_API_URL", "slack.com/api")
    _, output = run("--http")
    assert "commence par « xoxb- »" in output and "SLACK_SIGNING_SECRET invalide" in output
    assert "SLACK_API_URL invalide" in output
    problems = SlackSettings(bot_token="xoxb-1", app_token="xoxb-2").problems(socket=True)
    assert any("SLACK_APP_TOKEN invalide" in problem for problem in problems)


def test_a_refused_token_reports_what_auth_test_said(clean_env: Path, fake_slack: FakeSlack,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoque")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    code, output = run("--http", "--port", "0")
    assert code != 0 and "auth.test a répondu « invalid_auth »" in output
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")  # the discard port: nobody answers
    code, output = run("--http", "--port", "0")
    assert code != 0 and "Slack injoignable" in output


@pytest.fixture
def served(paca_template: Path, tmp_path: Path, fake_slack: FakeSlack) -> Iterator[ServedSlack]:
    """`epnbot serve slack --http --port 0` in its own process, on the PACA sample, Slack played by the fake."""
    database = tmp_path / "paca.db"
    shutil.copyfile(paca_template, database)
    with ServedSlack(f"sqlite:///{database}", fake_slack) as process:
        yield process


def test_socket_mode_with_a_refused_app_token(clean_env: Path, fake_slack: FakeSlack,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-revoque")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    fake_slack.script("apps.connections.open", 200, {"ok": False, "error": "invalid_auth"})
    code, output = run("--socket")
    assert code != 0 and "SLACK_APP_TOKEN refusé" in output and "invalid_auth" in output
    [opened] = fake_slack.of("apps.connections.open")
    assert opened.token == "xapp-1-revoque"


def test_the_served_command_answers_a_mention_then_stops_on_sigterm(served: ServedSlack,
                                                                    fake_slack: FakeSlack) -> None:
    port = served.port
    assert get(port, "/healthz").status == 200
    text = "qui peut m'aider à créer le site de ma boutique près de Draguignan ?"
    acknowledged = post(port, mention(text, ts="1733130000.004242"))
    assert acknowledged.status == 200
    answer = fake_slack.wait_for("chat.postMessage", timeout=30)
    assert answer.args["thread_ts"] == "1733130000.004242" and answer.args["channel"] == "CGENERAL"
    first_card = next(block for block in answer.blocks() if block["text"]["text"].startswith("*1. "))
    assert "*Distance* : à" in first_card["text"]["text"]
    assert json.loads(get(port, "/healthz").body)["ok"] is True
    assert served.stop() == 0
