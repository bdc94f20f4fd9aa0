"""Understanding a question end to end: parse it, search the index, shape the `ask` answer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from knowledge.gazetteer import Gazetteer
from knowledge.query import Query, SearchResult


class Understanding:
    """Parser plus in-memory search index over one knowledge base (placeholder, being written)."""

    def __init__(self, gazetteer: Gazetteer, results: int = 5, near_km: float = 30.0,
                 max_input_chars: int = 2000) -> None:
        self.gazetteer = gazetteer
        self.results = results
        self.near_km = near_km
        self.max_input_chars = max_input_chars

    @classmethod
    def from_database(cls, engine: Engine, gazetteer: Gazetteer, *, results: int = 5, near_km: float = 30.0,
                      max_input_chars: int = 2000) -> Understanding:
        """Load the search index from the database (one query, columns only, no ORM objects)."""
        return cls(gazetteer, results, near_km, max_input_chars)

    def parse(self, text: str) -> Query:
        """What the text asks: needs, audiences, place."""
        raise NotImplementedError

    def search(self, query: Query, limit: int | None = None, offset: int = 0) -> SearchResult:
        """Lieux for a query, best first."""
        raise NotImplementedError

    def ask_json(self, text: str) -> dict[str, Any]:
        """The `ask` contract object for one text (DESIGN §4)."""
        raise NotImplementedError
