"""`epnbot chat` and `epnbot demo`: the terminal bot (being written)."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
