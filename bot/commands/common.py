"""What every CLI command shares: the database option and how to build the app from it."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from bot.app import App, build_app
from bot.config import Settings
from knowledge.db import DatabaseError


@dataclass
class CliContext:
    """Root options, and the app once a command asked for it."""

    database_url: str | None
    _app: App | None = field(default=None, repr=False)

    def app(self) -> App:
        """Build the app once; a database problem becomes a clear French error, exit status 2."""
        if self._app is None:
            settings = Settings()
            if self.database_url:
                settings = settings.model_copy(update={"database_url": self.database_url})
            try:
                self._app = build_app(settings)
            except DatabaseError as error:
                raise click.ClickException(str(error)) from error
        return self._app
