"""Understanding a question end to end: parse it, search the index, shape the `ask` answer.

Built once per process from the database (`from_database`); answering a question then touches no
database at all, which keeps `ask --jsonl` at a few hundred microseconds per question.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from sqlalchemy import Engine, select

from knowledge.gazetteer import Gazetteer
from knowledge.lexicon_fr import LIEU_WORDS
from knowledge.lieu_identity import LieuKey, lieu_sources, resolve_link
from knowledge.models import Lieu, Mediateur, MediateurLieu
from knowledge.parser import Parser
from knowledge.query import Mediator, Place, Query, SearchResult
from knowledge.search import LieuRecord, SearchIndex, build_records


class Understanding:
    """Parser plus in-memory search index over one knowledge base."""

    def __init__(self, parser: Parser, index: SearchIndex, results: int = 5) -> None:
        self.parser = parser
        self.index = index
        self.results = results
        #: Records by (source, id), built on routing's first need (`ask` never pays for it).
        self._by_key: dict[tuple[str, str], LieuRecord] | None = None

    @classmethod
    def from_database(cls, engine: Engine, gazetteer: Gazetteer, *, results: int = 5, near_km: float = 30.0,
                      max_input_chars: int = 2000) -> Understanding:
        """Load the search index from the database: two column queries, no ORM objects."""
        with engine.connect() as connection:
            sources = lieu_sources(connection)
            mediators: dict[tuple[str, str], list[Mediator]] = {}
            rows = connection.execute(
                select(MediateurLieu.lieu_source, MediateurLieu.lieu_id, Mediateur.id, Mediateur.nom)
                .join(Mediateur, Mediateur.id == MediateurLieu.mediateur_id)
                .order_by(Mediateur.id)
            )
            for source, lieu_id, mediator_id, nom in rows:
                key = resolve_link(source, lieu_id, sources)
                if key is not None:
                    mediators.setdefault(key, []).append(Mediator(mediator_id, nom))
            lieux = connection.execute(
                select(Lieu.source, Lieu.id, Lieu.nom, Lieu.commune, Lieu.code_insee, Lieu.departement, Lieu.latitude,
                       Lieu.longitude, Lieu.besoins, Lieu.publics_codes, Lieu.modalites_accompagnement)
                .order_by(Lieu.source, Lieu.id)
            )
            records = build_records(lieux, gazetteer, mediators)
        parser = Parser(gazetteer, max_input_chars)
        parser.warm_up()
        understanding = cls(parser, SearchIndex(records, near_km, LIEU_WORDS), results)
        # The gazetteer, the parser and the index are millions of objects that live as long as the
        # process: left to the cyclic garbage collector, its first full pass scans them all during
        # some question (130 ms at 20,000 lieux, the « 178 ms the first time » of issue 16), and
        # again whenever the caches grow. Frozen, they are never scanned again.
        gc.freeze()
        return understanding

    def parse(self, text: str) -> Query:
        """What the text asks: needs, audiences, place."""
        return self.parser.parse(text)

    def search(self, query: Query, limit: int | None = None, offset: int = 0) -> SearchResult:
        """Lieux for a query, best first."""
        return self.index.search(query, limit or self.results, offset)

    def nearby(self, lieu: tuple[str, str], need: str | None, km: float, limit: int = 10) -> list[LieuKey]:
        """Lieux within `km` of `lieu` that offer `need`, nearest first (routing's fallback)."""
        if self._by_key is None:
            self._by_key = {(record.source, record.id): record for record in self.index.records}
        record = self._by_key.get((lieu[0], lieu[1]))
        if record is None or not record.points:
            return []
        lat, lon = record.points[0]
        place = Place("commune", record.insee, record.commune, lat, lon, record.dep)
        result = self.index.search(Query(needs=(need,) if need else (), place=place), limit, 0)
        return [LieuKey(hit.source, hit.lieu_id) for hit in result.hits
                if hit.distance_km is not None and hit.distance_km <= km]

    def ask(self, text: str) -> tuple[Query, SearchResult, float]:
        """Parse and search one text; the time it took in milliseconds."""
        started = time.perf_counter()
        query = self.parse(text)
        result = self.search(query)
        return query, result, (time.perf_counter() - started) * 1000.0

    def ask_json(self, text: str) -> dict[str, Any]:
        """The `ask` contract object for one text (DESIGN §4)."""
        query, result, elapsed = self.ask(text)
        return {"text": text, "query": query.as_json(), "results": [h.as_json() for h in result.hits],
                "elapsed_ms": round(elapsed, 3)}
