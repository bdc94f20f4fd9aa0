"""Load on the Slack HTTP front: 1,000 signed events at concurrency 20, on loopback.

Why: Slack wants every event acknowledged within 3 s and retries those that are not; the bot must
keep acking fast while it searches and posts answers. This script starts the bot exactly as an
operator would (`epnbot serve slack --http --port 0`, its own process, the PACA sample imported)
against a loopback stand-in for Slack's Web API (`tests/slack_fake.py`), then:

1. the acceptance probe: one signed `app_mention` « qui peut m'aider à créer le site de ma boutique
   près de Draguignan ? » — its ack time, and the time until the `chat.postMessage` in its thread;
2. the load: N signed events (mentions in channels and DMs, each a question from a varied list,
   each a distinct event id) sent by C client threads over keep-alive connections — acks per
   second, ack time p50 / p99 / max, and the number answered (a `chat.postMessage` in the event's
   thread or DM) with the time until the last answer.

Figures are printed (and written to `benchmarks/out/load_slack.json`), never asserted.

    .venv/bin/python benchmarks/load_slack.py [--events 1000] [--concurrency 20] [--threads 16]
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from slack_fake import FakeSlack, direct, mention, post, sign  # noqa: E402
from slack_process import ServedSlack  # noqa: E402

PROBE = "qui peut m'aider à créer le site de ma boutique près de Draguignan ?"
QUESTIONS = (
    "je dois faire mes démarches CAF à Draguignan",
    "atelier cv a marseille 13015",
    "aide pour créer mon site vitrine près de Fréjus",
    "ou imprimer un document a Nice ?",
    "ma mère de 82 ans veut apprendre la tablette à Toulon",
    "arnaque par sms que faire à Aix-en-Provence",
    "contrôle parental pour mon fils à Gap",
    "déclarer mes impôts en ligne vers 04200",
    "créer mon auto-entreprise à Avignon",
    "wifi gratuit à Cannes",
    "aide",
    "bonjour",
)


def percentile(values: list[float], share: float) -> float:
    """The `share` percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def build_database(folder: Path) -> str:
    """A SQLite file with the PACA sample and its example mediators, as `epnbot kb import` makes it."""
    from bot.app import build_app
    from bot.config import Settings
    from knowledge.importers.runner import import_file

    url = f"sqlite:///{folder / 'paca.db'}"
    app = build_app(Settings(database_url=url))
    data = ROOT / "knowledge" / "data"
    import_file(app.engine, data / "lieux-paca-2023.json")
    import_file(app.engine, data / "mediateurs-exemple.yaml")
    app.engine.dispose()
    return url


def event_for(index: int) -> tuple[str, str, str]:
    """(body, channel, thread the answer must carry) of the index-th event: 3 mentions for 1 DM."""
    question = QUESTIONS[index % len(QUESTIONS)]
    ts = f"1733140000.{index:06d}"
    if index % 4 == 3:
        channel = f"DLOAD{index:05d}"
        return direct(question, user=f"ULOAD{index % 50:04d}", channel=channel, ts=ts,
                      event_id=f"EvLOAD{index:06d}"), channel, ""
    channel = f"CLOAD{index % 10:02d}"
    return mention(question, user=f"ULOAD{index % 50:04d}", channel=channel, ts=ts,
                   event_id=f"EvLOAD{index:06d}"), channel, ts


def load(port: int, events: int, concurrency: int) -> tuple[list[float], list[int], float]:
    """Send the events from `concurrency` threads; ack times, statuses, wall time."""
    bodies = [event_for(index)[0] for index in range(events)]
    times: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    cursor = iter(range(events))

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while True:
                with lock:
                    index = next(cursor, None)
                if index is None:
                    return
                body = bodies[index]
                headers = {"Content-Type": "application/json", **sign(body)}
                started = time.perf_counter()
                try:
                    connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    status = 0
                elapsed = time.perf_counter() - started
                with lock:
                    times.append(elapsed)
                    statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, statuses, time.perf_counter() - started


def answered(fake: FakeSlack, events: int) -> int:
    """How many load events got their `chat.postMessage` (in the mention's thread, or in the DM)."""
    wanted: set[tuple[str, str]] = set()
    for index in range(events):
        _, channel, thread = event_for(index)
        wanted.add((channel, thread))
    got = {(str(call.args.get("channel")), str(call.args.get("thread_ts") or ""))
           for call in fake.of("chat.postMessage")}
    return len(wanted & got)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--threads", type=int, default=16, help="fils du serveur HTTP du bot")
    parser.add_argument("--answer-timeout", type=float, default=300.0)
    arguments = parser.parse_args(argv)
    results: dict[str, Any] = {"events": arguments.events, "concurrency": arguments.concurrency}
    with tempfile.TemporaryDirectory() as folder, FakeSlack() as fake:
        print("Base PACA…", flush=True)
        database = build_database(Path(folder))
        started = time.perf_counter()
        with ServedSlack(database, fake, threads=arguments.threads) as served:
            results["start_s"] = round(time.perf_counter() - started, 2)
            print(f"epnbot serve slack prêt en {results['start_s']} s (port {served.port})")
            probe = post(served.port, mention(PROBE, ts="1733139999.000001", event_id="EvPROBE"))
            probe_sent = time.perf_counter() - probe.seconds
            call = fake.wait_for("chat.postMessage", lambda c: c.args.get("thread_ts") == "1733139999.000001", 30)
            answer_s = time.perf_counter() - probe_sent
            first = call.args["text"].split("\n")[1] if "\n" in call.args["text"] else call.args["text"]
            results["probe"] = {"status": probe.status, "ack_ms": round(probe.seconds * 1000, 1),
                                "answer_ms": round(answer_s * 1000, 1), "first_lieu": first}
            print(f"Sonde : ack {probe.status} en {probe.seconds * 1000:.1f} ms ; réponse dans le fil en "
                  f"{answer_s * 1000:.0f} ms — « {first} »")

            times, statuses, wall = load(served.port, arguments.events, arguments.concurrency)
            sent_at = time.perf_counter()
            deadline = sent_at + arguments.answer_timeout
            count = answered(fake, arguments.events)
            while count < arguments.events and time.perf_counter() < deadline:
                time.sleep(0.2)
                count = answered(fake, arguments.events)
            last_answer = time.perf_counter() - sent_at
            results.update({
                "acks_per_s": round(len(times) / wall, 1), "ack_p50_ms": round(statistics.median(times) * 1000, 1),
                "ack_p99_ms": round(percentile(times, 0.99) * 1000, 1), "ack_max_ms": round(max(times) * 1000, 1),
                "ack_over_3s": sum(t > 3 for t in times), "status_200": statuses.count(200),
                "answered": count, "answers_done_s_after_last_ack": round(last_answer, 2),
                "exit_status": served.stop(),
            })
    print(f"{arguments.events} événements signés, concurrence {arguments.concurrency} :")
    print(f"  acks/s {results['acks_per_s']} ; ack p50 {results['ack_p50_ms']} ms, p99 {results['ack_p99_ms']} ms, "
          f"max {results['ack_max_ms']} ms ; > 3 s : {results['ack_over_3s']} ; HTTP 200 : {results['status_200']}")
    print(f"  répondus : {results['answered']} / {arguments.events} "
          f"(dernière réponse {results['answers_done_s_after_last_ack']} s après le dernier ack)")
    print(f"  arrêt sur SIGTERM : code {results['exit_status']}")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load_slack.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
