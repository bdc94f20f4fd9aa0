"""`epnbot ask`: the JSON contract of DESIGN §4 (being written)."""

from __future__ import annotations

import click


@click.command()
def ask() -> None:
    """Répondre à une question (JSON)."""
