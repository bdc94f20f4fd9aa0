"""`epnbot kb …`: import, statistics and export of the knowledge base (being written)."""

from __future__ import annotations

import click


@click.group()
def kb() -> None:
    """Base de connaissances : importer, compter, exporter."""
