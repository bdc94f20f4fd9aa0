"""The identity of a lieu: its record's (`source`, `id`), since an `id` is unique only within a source.

Requests, events and mediators' links all refer to lieux by this pair; `str(key)` is the
`source:id` spelling coordinators may write in the YAML, and `LieuKey.parse` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from sqlalchemy import Connection, select

from knowledge.models import Lieu


class LieuKey(NamedTuple):
    """(source, id) of a lieu."""

    source: str
    id: str

    def __str__(self) -> str:
        return f"{self.source}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> LieuKey | None:
        """« dora:abc » → LieuKey("dora", "abc"); None without a source."""
        source, colon, lieu_id = text.partition(":")
        return cls(source, lieu_id) if colon and source and lieu_id else None


def lieu_sources(connection: Connection) -> dict[str, frozenset[str]]:
    """The sources of every lieu id in the base: one column query."""
    found: dict[str, set[str]] = {}
    for source, lieu_id in connection.execute(select(Lieu.source, Lieu.id)):
        found.setdefault(lieu_id, set()).add(source)
    return {lieu_id: frozenset(sources) for lieu_id, sources in found.items()}


def resolve_link(source: str, lieu_id: str, sources: Mapping[str, frozenset[str]]) -> LieuKey | None:
    """The lieu a mediator's link names: itself when it has a source, else the only lieu with that id.

    A bare id that several sources carry stays unresolved (the importer refuses to write new ones).
    """
    if source:
        return LieuKey(source, lieu_id)
    candidates = sources.get(lieu_id, frozenset())
    return LieuKey(next(iter(candidates)), lieu_id) if len(candidates) == 1 else None
