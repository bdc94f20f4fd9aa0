"""What the Slack transport needs from the environment, checked once at start (house style).

Each missing or wrong setting gets its own French line naming it and how to fix it; a bot token
is then tried with `auth.test`, so a revoked token or a wrong `SLACK_API_URL` stops the start with
what Slack said, not with a traceback on the first message.
"""

from __future__ import annotations

import re
import urllib.request
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.transports.slack import texts_fr as texts

DEFAULT_API_URL: Final = "https://slack.com/api/"
#: Seconds a Web API call may take; a reply that waits longer is retried or dropped.
API_TIMEOUT: Final = 10


class SlackSettingsError(ValueError):
    """The settings cannot work; `problems` holds one French line per setting."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join([texts.SETTINGS_INTRO, *(f"- {problem}" for problem in problems)]))
        self.problems = problems


class SlackSettings(BaseSettings):
    """`SLACK_BOT_TOKEN`, `SLACK_SIGNING_SECRET`, `SLACK_APP_TOKEN`, `SLACK_API_URL` (DESIGN §7)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    api_url: str = Field(default=DEFAULT_API_URL, validation_alias="SLACK_API_URL")

    def problems(self, *, socket: bool) -> list[str]:
        """What is missing or wrong for HTTP mode (`socket=False`) or Socket Mode."""
        found: list[str] = []
        token = (self.bot_token or "").strip()
        if not token:
            found.append(texts.MISSING_BOT_TOKEN)
        elif not token.startswith("xoxb-"):
            found.append(texts.BAD_BOT_TOKEN.format(start=token[:5]))
        if socket:
            app_token = (self.app_token or "").strip()
            if not app_token:
                found.append(texts.MISSING_APP_TOKEN)
            elif not app_token.startswith("xapp-"):
                found.append(texts.BAD_APP_TOKEN.format(start=app_token[:5]))
        else:
            secret = (self.signing_secret or "").strip()
            if not secret:
                found.append(texts.MISSING_SIGNING_SECRET)
            elif len(secret) < 16 or re.search(r"\s", secret):
                found.append(texts.BAD_SIGNING_SECRET)
        parts = urlsplit(self.api_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            found.append(texts.BAD_API_URL.format(url=self.api_url))
        return found

    def check(self, *, socket: bool) -> None:
        """Raise `SlackSettingsError` listing every problem, if any."""
        found = self.problems(socket=socket)
        if found:
            raise SlackSettingsError(found)

    @property
    def base_url(self) -> str:
        """The Web API URL with the trailing slash slack_sdk needs."""
        url = self.api_url.strip()
        return url if url.endswith("/") else url + "/"


def web_client(settings: SlackSettings, *, retry_rate_limits: bool = True) -> WebClient:
    """A Web API client on `SLACK_API_URL` (DESIGN §9: Bolt does not read it).

    Replies retry a 429 and a 5xx twice; the outbox client (`retry_rate_limits=False`) lets the
    delivery loop honour `Retry-After` itself. slack_sdk honours `HTTPS_PROXY` but not `NO_PROXY`:
    a host `NO_PROXY` names (the loopback server of the tests) is reached directly.
    """
    handlers: list[RetryHandler] = [ConnectionErrorRetryHandler(max_retry_count=1)]
    if retry_rate_limits:
        handlers += [RateLimitErrorRetryHandler(max_retry_count=2), ServerErrorRetryHandler(max_retry_count=2)]
    client = WebClient(token=(settings.bot_token or "").strip() or None, base_url=settings.base_url,
                       timeout=API_TIMEOUT, retry_handlers=handlers)
    host = urlsplit(settings.base_url).hostname or ""
    if client.proxy and (host in ("127.0.0.1", "localhost", "::1") or urllib.request.proxy_bypass(host)):
        client.proxy = None
    return client


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the bot is on this workspace (from `auth.test`)."""

    user_id: str
    bot_id: str | None
    team_id: str | None


def verify_token(client: WebClient, settings: SlackSettings) -> Identity:
    """`auth.test`, with a French error naming the setting when Slack refuses or is unreachable."""
    try:
        response = client.auth_test()
    except SlackApiError as error:
        raise SlackSettingsError([texts.TOKEN_REFUSED.format(error=error.response.get("error", "?"))]) from error
    except OSError as error:
        raise SlackSettingsError([texts.API_UNREACHABLE.format(url=settings.base_url, error=error)]) from error
    return Identity(user_id=str(response.get("user_id") or ""), bot_id=response.get("bot_id"),
                    team_id=response.get("team_id"))
