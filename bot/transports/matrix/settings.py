"""What the Matrix transport needs from the environment, checked once at start (STYLE: next to its owner).

    MATRIX_HOMESERVER=https://matrix.example.org MATRIX_USER_ID=@epnbot:example.org \\
    MATRIX_PASSWORD=… epnbot serve matrix

Every missing or wrong setting is named in one French message (`MatrixSettingsError`), so a
deployment is fixed in one go rather than one crash at a time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import urlparse

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.transports.matrix import texts

#: « @localpart:server » (the server may carry a port).
USER_ID: Final = re.compile(r"@[a-z0-9._=/+\-]+:[A-Za-z0-9.\-]+(:\d+)?(\[[0-9a-fA-F:.]+\])?", re.IGNORECASE)
SERVER: Final = re.compile(r"[A-Za-z0-9.\-]+(:\d+)?")
EVERYONE: Final = "*"
_HINTS: Final = {"max_age_minutes": "minutes, par exemple 60", "sync_timeout_seconds": "secondes, par exemple 30",
                 "retry_max_seconds": "secondes, par exemple 60"}


class MatrixSettingsError(ValueError):
    """The environment does not describe a usable Matrix account; the message says what to fix."""


def default_store_path() -> Path:
    """`matrix/` in the user's data folder, next to the default SQLite file."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("epnbot", appauthor=False)) / "matrix"


class MatrixSettings(BaseSettings):
    """The `MATRIX_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="MATRIX_", extra="ignore")

    homeserver: str = Field(default="", description="Adresse du serveur Matrix (https://…).")
    user_id: str = Field(default="", description="Identifiant du compte du bot (@epnbot:example.org).")
    password: SecretStr | None = Field(default=None, description="Mot de passe du compte du bot.")
    access_token: SecretStr | None = Field(default=None, description="Jeton d'accès (à la place du mot de passe).")
    store_path: Path | None = Field(default=None, description="Dossier de l'appareil et des clés de chiffrement.")
    allowed: str = Field(default="", description=(
        "Serveurs et utilisateurs dont le bot accepte les invitations, séparés par des virgules "
        "(par défaut le serveur du bot ; « * » : tout le monde)."))
    command_prefix: str = Field(default="!epn", description="Mot qui adresse un message au bot dans un salon.")
    max_age_minutes: float = Field(default=60.0, ge=0, le=7 * 24 * 60, description=(
        "Au redémarrage, les messages plus vieux que cela sont ignorés."))
    sync_timeout_seconds: float = Field(default=30.0, gt=0, le=300, description="Attente d'une synchronisation.")
    retry_max_seconds: float = Field(default=60.0, gt=0, le=3600, description=(
        "Attente maximale entre deux essais quand le serveur ne répond pas."))
    device_name: str = Field(default="epnbot", description="Nom de l'appareil du bot.")
    encryption: bool = Field(default=True, description="Lire et écrire dans les salons chiffrés si possible.")

    @property
    def server_name(self) -> str:
        """« example.org » for « @epnbot:example.org »."""
        return self.user_id.partition(":")[2]

    @property
    def store(self) -> Path:
        """The store folder, defaulted."""
        return self.store_path or default_store_path()

    def allow_list(self) -> AllowList:
        """Who may invite the bot; by default, people of its own server."""
        entries = [entry.strip() for entry in self.allowed.split(",") if entry.strip()]
        return AllowList.of(entries or [self.server_name])

    def problems(self) -> list[str]:
        """Everything wrong with these settings, one French sentence each."""
        found: list[str] = []
        if not self.homeserver:
            found.append(texts.MISSING_HOMESERVER)
        elif urlparse(self.homeserver).scheme not in ("http", "https") or not urlparse(self.homeserver).netloc:
            found.append(texts.BAD_HOMESERVER.format(value=self.homeserver))
        if not self.user_id:
            found.append(texts.MISSING_USER_ID)
        elif not USER_ID.fullmatch(self.user_id):
            found.append(texts.BAD_USER_ID.format(value=self.user_id))
        if not _secret(self.password) and not _secret(self.access_token):
            found.append(texts.MISSING_SECRET)
        for entry in self.allowed.split(","):
            entry = entry.strip()
            if entry and entry != EVERYONE and not (USER_ID.fullmatch(entry) or SERVER.fullmatch(entry)):
                found.append(texts.BAD_ALLOWED.format(value=entry))
        if not self.command_prefix or any(space in self.command_prefix for space in " \t\n"):
            found.append(texts.BAD_PREFIX.format(value=self.command_prefix))
        try:
            self.store.mkdir(parents=True, exist_ok=True)
            if not os.access(self.store, os.W_OK):
                raise PermissionError("écriture refusée")
        except OSError as error:
            found.append(texts.BAD_STORE.format(value=self.store, error=error.strerror or error))
        return found


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value().strip() if value is not None else ""


@dataclass(frozen=True, slots=True)
class AllowList:
    """Servers and users whose invitations the bot accepts."""

    servers: frozenset[str]
    users: frozenset[str]
    everyone: bool = False

    @classmethod
    def of(cls, entries: list[str]) -> AllowList:
        """« example.org, @ana:other.org » → one server, one user; « * » → everyone."""
        users = frozenset(entry for entry in entries if entry.startswith("@"))
        servers = frozenset(entry.lower() for entry in entries if not entry.startswith("@") and entry != EVERYONE)
        return cls(servers, users, EVERYONE in entries)

    def allows(self, user_id: str) -> bool:
        """Whether `user_id` may invite the bot."""
        return self.everyone or user_id in self.users or user_id.partition(":")[2].lower() in self.servers


def load_settings(environ: Mapping[str, str] | None = None) -> MatrixSettings:
    """The settings of `environ` (default: the process environment), or one error naming every problem."""
    source = os.environ if environ is None else environ
    values = {key[len("MATRIX_"):].lower(): value for key, value in source.items() if key.startswith("MATRIX_")}
    found: list[str] = []
    try:
        settings = MatrixSettings.model_validate(values) if environ is not None else MatrixSettings()
    except ValidationError as error:
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "?"
            found.append(texts.BAD_NUMBER.format(name=f"MATRIX_{name.upper()}", value=values.get(name, ""),
                                                 hint=_HINTS.get(name, problem["msg"])))
        raise MatrixSettingsError("\n".join([texts.SETTINGS_HEADER, *(f"- {line}" for line in found)])) from None
    found = settings.problems()
    if found:
        raise MatrixSettingsError("\n".join([texts.SETTINGS_HEADER, *(f"- {line}" for line in found)]))
    return settings
