"""Routing benchmark: requests routed per second (request created → offer in the outbox) and the
p99 latency of one routing step, on SQLite with one router and on PostgreSQL with one and two.

    .venv/bin/python benchmarks/bench_routing.py [--requests 1000] [--postgres URL]

Each router is its own process with its own app and engine, as two bot instances would be (threads
would share one GIL, and routing spends as much time in Python as waiting on the database). The world: 16 lieux of the
Var, 3 mediators each of capacity 100 (so up to 4,800 requests all get an offer). Prints figures,
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from routing_world import build_world, new_request

from bot.app import build_app
from bot.config import Settings
from handlers.routing import submit
from knowledge.lieu_identity import LieuKey

NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def router(url: str, lieux: list[LieuKey], numbers: list[int], ready: Any, go: Any, out: Any) -> None:
    """One router process: build its app and index, wait for the start, route its share."""
    app = build_app(Settings(database_url=url, transports="slack"))
    app.understanding  # noqa: B018 - built before timing, as a running bot has it
    ready.set()
    go.wait()
    latencies = []
    for number in numbers:
        started = time.perf_counter()
        submit(app, new_request(number, lieux), NOW)
        latencies.append((time.perf_counter() - started) * 1000.0)
    app.engine.dispose()
    out.put(latencies)


def run(url: str, routers: int, count: int, folder: Path) -> tuple[float, float, float]:
    """(routed per second, p50 ms, p99 ms) for `count` requests over `routers` processes."""
    first = build_app(Settings(database_url=url, transports="slack"))
    lieux = build_world(first, folder, lieux=16, per_lieu=3, capacity=100)
    first.engine.dispose()
    context = multiprocessing.get_context("spawn")
    go, out = context.Event(), context.Queue()
    readies = [context.Event() for _ in range(routers)]
    processes = [context.Process(target=router, args=(url, lieux, list(range(index, count, routers)),
                                                      readies[index], go, out)) for index in range(routers)]
    for process in processes:
        process.start()
    for ready in readies:
        ready.wait()
    started = time.perf_counter()
    go.set()
    latencies: list[float] = []
    for _ in processes:
        latencies.extend(out.get())
    elapsed = time.perf_counter() - started
    for process in processes:
        process.join()
    latencies.sort()
    return count / elapsed, statistics.median(latencies), latencies[int(0.99 * (len(latencies) - 1))]


def postgres_schema(base: str) -> tuple[str, str]:
    """A fresh schema on the server (dropped at the end) and its URL."""
    schema = f"banc_{secrets.token_hex(4)}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def drop_schema(base: str, schema: str) -> None:
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    arguments = parser.parse_args()
    print(f"Routage : {arguments.requests} demandes, création → offre dans la boîte d'envoi")
    print(f"{'base':<12} {'routeurs':>8} {'demandes/s':>11} {'p50 ms':>8} {'p99 ms':>8}")
    with tempfile.TemporaryDirectory() as folder:
        rate, p50, p99 = run(f"sqlite:///{folder}/banc.db", 1, arguments.requests, Path(folder))
        print(f"{'SQLite':<12} {1:>8} {rate:>11.0f} {p50:>8.1f} {p99:>8.1f}")
    if arguments.no_postgres:
        return
    for routers in (1, 2):
        url, schema = postgres_schema(arguments.postgres)
        try:
            with tempfile.TemporaryDirectory() as folder:
                rate, p50, p99 = run(url, routers, arguments.requests, Path(folder))
            print(f"{'PostgreSQL':<12} {routers:>8} {rate:>11.0f} {p50:>8.1f} {p99:>8.1f}")
        finally:
            drop_schema(arguments.postgres, schema)


if __name__ == "__main__":
    main()
