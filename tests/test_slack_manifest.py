"""The app manifest in the repository matches what the transport listens to and calls."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.transports.slack.bolt_app import COMMAND
from bot.transports.slack.http import EVENTS_PATH

MANIFEST = Path(__file__).resolve().parents[1] / "slack" / "manifest.yaml"


def test_manifest_declares_events_command_interactivity_and_scopes() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im", "app_home_opened"}
    assert settings["event_subscriptions"]["request_url"].endswith(EVENTS_PATH)
    assert settings["interactivity"]["is_enabled"] and settings["interactivity"]["request_url"].endswith(EVENTS_PATH)
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND and command["url"].endswith(EVENTS_PATH)
    assert manifest["features"]["app_home"]["home_tab_enabled"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    # app_mention, message.im, chat.postMessage/update/postEphemeral, /epn, conversations.open, users.info
    assert {"app_mentions:read", "im:history", "chat:write", "commands", "im:write", "users:read"} <= scopes
