"""Benchmark of `epnbot ask --jsonl` at the national scale, against the naive design, in one run.

Why: the bot must answer in a few milliseconds over ~20,000 lieux while the obvious design (rapidfuzz
`WRatio` over one string per lieu and over every commune name) costs most of a second per question.
This script measures both on the same seeded data so the ratio means something, and measures what a
user of `ask --jsonl` pays (reading, writing and start-up included), not only the bot's own clock.

Steps: generate 20,000 lieux (v1 CSV over the real gazetteer) and 1,000 varied questions
(`gen_national.py`); `epnbot kb import` them (wall time); time the start-up of `ask --jsonl` on an
empty stdin (median of 3); pipe every question through one `ask --jsonl` process (wall time, peak RSS
of that child through `os.wait4`, contract check of each line, `elapsed_ms` p50/p99/mean); answer a
sample with the naive design in-process; print a summary table and write it as JSON to
`benchmarks/out/bench_ask.json`. Figures are printed, never asserted: the exit status is 0 unless the
bot's commands fail to run.

    .venv/bin/python benchmarks/bench_ask.py [--lieux 20000] [--questions 1000] [--seed 7]
        [--naive-sample 20] [--db-url URL] [--epnbot PATH] [--out DIR] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

import gen_national as gen  # the script's own directory is on sys.path when run as a script
from rapidfuzz import fuzz, process, utils

ROOT: Final = Path(__file__).resolve().parent.parent
RESULTS_JSON: Final = ROOT / "benchmarks" / "out" / "bench_ask.json"

TARGET_P99_MS: Final = 5.0
#: No question, of any kind, may take longer (issue 16).
TARGET_MAX_MS: Final = 20.0
TARGET_SPEEDUP: Final = 200.0
TARGET_RSS_MB: Final = 150.0
TARGET_IMPORT_S: Final = 10.0

QUERY_KEYS: Final = ("needs", "audiences", "place")
RESULT_KEYS: Final = ("lieu_id", "name", "commune", "insee", "needs", "distance_km", "score", "mediators")

#: The naive design's vocabulary: DESIGN §2's labels and typical words (as in eval_ask.py's Baseline).
NAIVE_NEED_WORDS: Final = {
    "demarches": ["Aide aux démarches administratives", "Devenir autonome dans les démarches administratives",
                  "Réaliser des démarches administratives avec un accompagnement",
                  "Accompagner les démarches de santé", "CAF", "impôts", "ANTS", "carte grise", "Ameli",
                  "dossier retraite", "France Travail inscription", "URSSAF déclaration"],
    "outils-quotidien": ["Maîtrise des outils numériques du quotidien",
                         "Prendre en main un smartphone ou une tablette", "Prendre en main un ordinateur",
                         "Utiliser le numérique au quotidien", "ordinateur", "smartphone", "mails",
                         "traitement de texte", "bureautique", "visio"],
    "insertion-pro": ["Insertion professionnelle via le numérique", "Favoriser mon insertion professionnelle",
                      "CV", "lettre de motivation", "recherche d'emploi", "candidature en ligne", "LinkedIn",
                      "formation à distance"],
    "securite": ["Utilisation sécurisée du numérique", "arnaque", "phishing", "mots de passe", "virus",
                 "cybersécurité", "RGPD"],
    "parentalite": ["Parentalité et éducation avec le numérique",
                    "Soutenir la parentalité et l'éducation avec le numérique", "écrans et enfants",
                    "contrôle parental", "Pronote", "ENT"],
    "loisirs-creation": ["Loisirs et créations numériques", "Créer avec le numérique", "photo", "vidéo",
                         "musique", "impression 3D", "fablab", "jeux"],
    "culture-numerique": ["Compréhension du monde numérique", "Approfondir ma culture numérique",
                          "Promouvoir la citoyenneté numérique", "IA", "comprendre les réseaux sociaux",
                          "fake news", "citoyenneté"],
    "acces-equipement": ["Accès internet et matériel informatique", "Accéder à une connexion internet",
                         "Accéder à du matériel", "wifi", "imprimer", "scanner", "poste en libre accès"],
    "materiel-solidaire": ["Acquisition de matériel informatique à prix solidaire",
                           "S'équiper en matériel informatique", "ordinateur reconditionné", "pas cher",
                           "acheter un PC"],
    "entreprise": ["Créer et développer mon entreprise", "créer mon entreprise", "auto-entrepreneur",
                   "site vitrine", "e-commerce", "réseaux sociaux pour ma boutique", "facturation", "TPE/PME",
                   "Kit numérique du créateur"],
}


# ------------------------------------------------------------------ small helpers


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (the definition eval_ask.py uses for p99)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, for the naive design's sort by distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def default_epnbot() -> str | None:
    """The project's venv entry point, else `epnbot` on PATH."""
    local = ROOT / ".venv" / "bin" / "epnbot"
    return str(local) if local.exists() else shutil.which("epnbot")


def tail(text: str, lines: int = 6) -> str:
    """Last lines of a command's output, to say why it failed."""
    return "\n".join("    " + line for line in text.strip().splitlines()[-lines:])


# ------------------------------------------------------------------ the naive design


class NaiveDesign:
    """The design the issue calls naive: rapidfuzz `WRatio` scans, re-run for every question.

    One `extractOne` over the need vocabulary, one over one string per lieu (name + commune + services),
    one over every commune name; then the lieux offering the need sorted by distance. It reproduces
    the cost of eval_ask.py's `Baseline` plus the per-lieu scan the issue describes.
    """

    def __init__(self, rows: Sequence[dict[str, str]], communes: Sequence[gen.GazCommune]) -> None:
        self.need_words = [(word, code) for code, words in NAIVE_NEED_WORDS.items() for word in words]
        self.need_choices = [word for word, _ in self.need_words]
        self.lieu_strings = [f"{r['nom']} {r['commune']} {r['services'].replace('|', ' ')}" for r in rows]
        self.lieu_needs = [
            {gen.V1_LABEL_CODES[s] for s in r["services"].split("|") if s in gen.V1_LABEL_CODES}
            | ({"entreprise"} if r["besoins_epnbot"] == "entreprise" else set())
            for r in rows
        ]
        self.lieu_points = [(float(r["latitude"]), float(r["longitude"])) if r["latitude"] else None
                            for r in rows]
        self.communes = sorted((c for c in communes if c.lat is not None), key=lambda c: -c.population)
        self.commune_names = [c.nom for c in self.communes]

    def answer(self, text: str) -> float:
        """Answer one question; return the milliseconds it took."""
        t0 = time.perf_counter()
        need = process.extractOne(text, self.need_choices, scorer=fuzz.WRatio,
                                  processor=utils.default_process, score_cutoff=60)
        process.extractOne(text, self.lieu_strings, scorer=fuzz.WRatio, processor=utils.default_process)
        place = process.extractOne(text, self.commune_names, scorer=fuzz.WRatio,
                                   processor=utils.default_process, score_cutoff=80)
        if need:
            code = self.need_words[need[2]][1]
            offering = [i for i, needs in enumerate(self.lieu_needs) if code in needs]
            if place:
                commune = self.communes[place[2]]
                lat, lon = commune.lat or 0.0, commune.lon or 0.0
                points = self.lieu_points

                def distance(i: int) -> float:
                    point = points[i]
                    return haversine_km(lat, lon, *point) if point else math.inf

                offering.sort(key=distance)
            _ = offering[:5]
        return (time.perf_counter() - t0) * 1000


# ------------------------------------------------------------------ running the bot


@dataclass
class ChildRun:
    """One run of a child process: exit status, wall time, peak RSS and its captured output."""

    returncode: int
    wall_s: float
    maxrss_mb: float
    stdout: str
    stderr: str


def run_child(command: Sequence[str], stdin_path: Path | None, workdir: Path, timeout_s: float) -> ChildRun:
    """Run `command` with stdin from a file, outputs to files, and take its own rusage via `os.wait4`.

    Files rather than pipes so that no thread of ours competes with the child, and `wait4` on that
    pid so the peak RSS is this child's, not the maximum over every child we ever started.
    """
    out_path, err_path = workdir / "child.out", workdir / "child.err"
    with (open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb")) as fin, \
            out_path.open("wb") as fout, err_path.open("wb") as ferr:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(command), stdin=fin, stdout=fout, stderr=ferr)
        killer = threading.Timer(timeout_s, proc.kill)
        killer.start()
        try:
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(proc.returncode, wall, usage.ru_maxrss / 1024,  # ru_maxrss is in KiB on Linux
                    out_path.read_text(encoding="utf-8", errors="replace"),
                    err_path.read_text(encoding="utf-8", errors="replace"))


def _same_text(got: Any, sent: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFC", s).split())
    return isinstance(got, str) and norm(got) == norm(sent)


def check_line(line: str | None, sent: str) -> str | None:
    """None when `line` is a complete DESIGN §4 object answering `sent`, else what is wrong."""
    if line is None:
        return "missing line"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return "not JSON"
    if not isinstance(obj, dict):
        return "not an object"
    missing = [k for k in ("text", "query", "results", "elapsed_ms") if k not in obj]
    if missing:
        return f"missing {missing}"
    if not _same_text(obj["text"], sent):
        return "text differs (out of order?)"
    query = obj["query"]
    if not isinstance(query, dict) or any(k not in query for k in QUERY_KEYS):
        return "query lacks needs/audiences/place"
    if not isinstance(obj["results"], list):
        return "results not a list"
    for result in obj["results"]:
        if not isinstance(result, dict) or any(k not in result for k in RESULT_KEYS):
            return "a result lacks a key of DESIGN §4"
    elapsed = obj["elapsed_ms"]
    if isinstance(elapsed, bool) or not isinstance(elapsed, int | float) or not math.isfinite(elapsed):
        return "elapsed_ms not a number"
    return None


@dataclass
class BotFigures:
    """What the bot run measured; `error` says why a figure is missing."""

    import_s: float | None = None
    import_output: str = ""
    startup_s: float | None = None
    startup_runs_s: list[float] = field(default_factory=list)
    run_wall_s: float | None = None
    peak_rss_mb: float | None = None
    lines_out: int | None = None
    malformed: int | None = None
    malformed_reasons: dict[str, int] = field(default_factory=dict)
    elapsed_p50_ms: float | None = None
    elapsed_p99_ms: float | None = None
    elapsed_mean_ms: float | None = None
    elapsed_max_ms: float | None = None
    wall_per_question_ms: float | None = None
    per_question_ms: float | None = None
    with_results: int | None = None
    per_tag: dict[str, dict[str, float]] = field(default_factory=dict)
    slowest: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def slowest_by_tag(elapsed: Sequence[tuple[float, int]], questions: Sequence[str],
                   tags: Sequence[Sequence[str]]) -> tuple[dict[str, dict[str, float]], list[dict[str, Any]]]:
    """Per-tag mean/p99/max of `elapsed_ms` and the ten slowest questions: where the time goes."""
    by_tag: dict[str, list[float]] = {}
    for ms, i in elapsed:
        for tag in tags[i]:
            by_tag.setdefault(tag, []).append(ms)
    per_tag = {tag: {"n": len(v), "mean_ms": round(statistics.fmean(v), 3),
                     "p99_ms": round(percentile(v, 0.99), 3), "max_ms": round(max(v), 3)}
               for tag, v in sorted(by_tag.items(), key=lambda kv: -statistics.fmean(kv[1]))}
    slowest = [{"elapsed_ms": ms, "tags": list(tags[i]), "text": questions[i][:200]}
               for ms, i in sorted(elapsed, reverse=True)[:10]]
    return per_tag, slowest


def bench_bot(epnbot: str, db_url: str, csv_path: Path, n_lieux: int, questions: Sequence[str],
              tags: Sequence[Sequence[str]], workdir: Path, timeout_s: float) -> BotFigures:
    """Import, start-up and the main `ask --jsonl` run; stops at the first command that fails."""
    figures = BotFigures()
    base = [epnbot, "--db", db_url]
    print(f"\n== import: {' '.join([*base, 'kb', 'import', str(csv_path)])}")
    run = run_child([*base, "kb", "import", str(csv_path)], None, workdir, timeout_s)
    figures.import_output = (run.stdout + run.stderr).strip()[-2000:]
    if run.returncode != 0:
        figures.error = f"`kb import` exited with status {run.returncode}"
        print(f"   FAILED ({figures.error}):\n{tail(run.stdout + run.stderr)}")
        return figures
    figures.import_s = run.wall_s
    print(f"   import {n_lieux} lieux: {run.wall_s:.2f} s (target ≤ {TARGET_IMPORT_S:g} s)")
    if run.stdout.strip():
        print(tail(run.stdout, 4))

    print("\n== start-up: `ask --jsonl` on an empty stdin, 3 runs")
    for _ in range(3):
        run = run_child([*base, "ask", "--jsonl"], None, workdir, timeout_s)
        if run.returncode != 0:
            figures.error = f"`ask --jsonl` on an empty stdin exited with status {run.returncode}"
            print(f"   FAILED ({figures.error}):\n{tail(run.stdout + run.stderr)}")
            return figures
        figures.startup_runs_s.append(run.wall_s)
    figures.startup_s = statistics.median(figures.startup_runs_s)
    print(f"   start-up (median): {figures.startup_s * 1000:.0f} ms "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in figures.startup_runs_s)} ms)")

    print(f"\n== main run: {len(questions)} questions through one `ask --jsonl` process")
    input_path = workdir / "questions.txt"
    input_path.write_text("".join(q + "\n" for q in questions), encoding="utf-8")
    run = run_child([*base, "ask", "--jsonl"], input_path, workdir, timeout_s)
    figures.run_wall_s, figures.peak_rss_mb = run.wall_s, run.maxrss_mb
    if run.returncode != 0:
        figures.error = f"`ask --jsonl` exited with status {run.returncode}"
        print(f"   FAILED ({figures.error}):\n{tail(run.stderr)}")
    lines = run.stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    figures.lines_out = len(lines)
    reasons: Counter[str] = Counter()
    elapsed: list[float] = []
    indexed: list[tuple[float, int]] = []
    with_results = 0
    for i, sent in enumerate(questions):
        line = lines[i] if i < len(lines) else None
        why = check_line(line, sent)
        if why:
            reasons[why] += 1
            continue
        obj = json.loads(line or "")
        elapsed.append(float(obj["elapsed_ms"]))
        indexed.append((float(obj["elapsed_ms"]), i))
        with_results += bool(obj["results"])
    if len(lines) > len(questions):
        reasons["extra lines"] += len(lines) - len(questions)
    figures.malformed = sum(reasons.values())
    figures.malformed_reasons = dict(reasons)
    figures.with_results = with_results
    if elapsed:
        figures.elapsed_p50_ms = percentile(elapsed, 0.50)
        figures.elapsed_p99_ms = percentile(elapsed, 0.99)
        figures.elapsed_mean_ms = statistics.fmean(elapsed)
        figures.elapsed_max_ms = max(elapsed)
        figures.wall_per_question_ms = max(0.0, run.wall_s - figures.startup_s) * 1000 / len(questions)
        figures.per_question_ms = max(figures.elapsed_mean_ms, figures.wall_per_question_ms)
    elif figures.error is None:
        figures.error = "`ask --jsonl` gave no valid line"
    print(f"   wall {run.wall_s:.2f} s, peak RSS {run.maxrss_mb:.1f} MiB, {figures.lines_out} lines for "
          f"{len(questions)} questions, {figures.malformed} malformed or missing, "
          f"{with_results} with at least one result")
    for why, count in reasons.most_common(5):
        print(f"   - {count} × {why}")
    if elapsed:
        print(f"   elapsed_ms p50 {figures.elapsed_p50_ms:.3f}, p99 {figures.elapsed_p99_ms:.3f}, "
              f"mean {figures.elapsed_mean_ms:.3f}, max {figures.elapsed_max_ms:.3f}")
        print(f"   (wall − start-up) / n = {figures.wall_per_question_ms:.3f} ms; "
              f"per question = max of both = {figures.per_question_ms:.3f} ms")
        figures.per_tag, figures.slowest = slowest_by_tag(indexed, questions, tags)
        print(f"   elapsed_ms by kind of question (targets: p99 ≤ {TARGET_P99_MS:g} ms, "
              f"max ≤ {TARGET_MAX_MS:g} ms for every kind):")
        print(f"   {'kind':<16} {'n':>4} {'mean':>7} {'p99':>7} {'max':>7}  met")
        for tag, v in sorted(figures.per_tag.items(), key=lambda kv: -kv[1]["max_ms"]):
            met = verdict(v["p99_ms"], TARGET_P99_MS) == verdict(v["max_ms"], TARGET_MAX_MS) == "yes"
            print(f"   {tag:<16} {v['n']:>4.0f} {v['mean_ms']:>7.2f} {v['p99_ms']:>7.2f} {v['max_ms']:>7.2f}  "
                  f"{'yes' if met else 'no'}")
        print("   slowest: " + " | ".join(f"{q['elapsed_ms']:.0f} ms {q['text'][:50]!r}"
                                          for q in figures.slowest[:3]))
    return figures


# ------------------------------------------------------------------ main


@dataclass
class NaiveFigures:
    """The naive design on a sample of the same questions."""

    sample: int
    sample_long: int
    long_share: float
    build_s: float
    mean_ms: float
    mean_short_ms: float
    mean_long_ms: float | None
    max_ms: float


def bench_naive(rows: Sequence[dict[str, str]], communes: Sequence[gen.GazCommune],
                questions_meta: Sequence[gen.Question], sample: int) -> NaiveFigures:
    """Estimate the naive design's mean time per question over all the questions, from a sample.

    WRatio's cost grows with the text, so a long question (4 % of them) costs ~7× a short one and a
    plain sample of 20 would swing by ±50 % with the number of long ones it happens to hold. The sample
    is therefore stratified (long / the rest, evenly spread inside each stratum) and the two means are
    weighted by the strata's shares in the whole set.
    """
    t0 = time.perf_counter()
    naive = NaiveDesign(rows, communes)
    build_s = time.perf_counter() - t0
    texts = [q["text"] for q in questions_meta]
    long_idx = [i for i, q in enumerate(questions_meta) if {"long", "long-no-place"} & set(q["tags"])]
    long_set = set(long_idx)
    short_idx = [i for i in range(len(texts)) if i not in long_set]
    share = len(long_idx) / len(texts) if texts else 0.0
    k_long = min(len(long_idx), max(1 if long_idx else 0, round(sample * share)))
    k_short = min(len(short_idx), max(1, sample - k_long))

    def spread(indices: list[int], k: int) -> list[int]:
        return [indices[j * len(indices) // k] for j in range(k)] if k else []

    short_ms = [naive.answer(texts[i]) for i in spread(short_idx, k_short)]
    long_ms = [naive.answer(texts[i]) for i in spread(long_idx, k_long)]
    mean_short = statistics.fmean(short_ms)
    mean_long = statistics.fmean(long_ms) if long_ms else None
    mean = mean_short if mean_long is None else (1 - share) * mean_short + share * mean_long
    return NaiveFigures(len(short_ms) + len(long_ms), len(long_ms), share, build_s, mean, mean_short,
                        mean_long, max(short_ms + long_ms))


def verdict(value: float | None, target: float, *, at_least: bool = False) -> str:
    """« yes » / « no » / « n/a » for a target."""
    if value is None:
        return "n/a"
    return "yes" if (value >= target if at_least else value <= target) else "no"


def summary_rows(bot: BotFigures, naive: NaiveFigures,
                 speedup: float | None) -> list[tuple[str, str, str, str]]:
    """(measure, value, target, met) lines of the final table."""
    def fmt(value: float | None, pattern: str) -> str:
        return "n/a" if value is None else pattern.format(value)

    def worst(key: str) -> tuple[str, float | None]:
        if not bot.per_tag:
            return "—", None
        tag, figures = max(bot.per_tag.items(), key=lambda kv: kv[1][key])
        return tag, figures[key]

    worst_p99, worst_max = worst("p99_ms"), worst("max_ms")
    return [
        ("import (wall)", fmt(bot.import_s, "{:.2f} s"), f"≤ {TARGET_IMPORT_S:g} s",
         verdict(bot.import_s, TARGET_IMPORT_S)),
        ("start-up (median of 3)", fmt(None if bot.startup_s is None else bot.startup_s * 1000, "{:.0f} ms"),
         "—", "—"),
        ("elapsed_ms p50", fmt(bot.elapsed_p50_ms, "{:.3f} ms"), "—", "—"),
        ("elapsed_ms p99", fmt(bot.elapsed_p99_ms, "{:.3f} ms"), f"≤ {TARGET_P99_MS:g} ms",
         verdict(bot.elapsed_p99_ms, TARGET_P99_MS)),
        ("elapsed_ms max", fmt(bot.elapsed_max_ms, "{:.3f} ms"), f"≤ {TARGET_MAX_MS:g} ms",
         verdict(bot.elapsed_max_ms, TARGET_MAX_MS)),
        (f"worst kind p99 ({worst_p99[0]})", fmt(worst_p99[1], "{:.3f} ms"), f"≤ {TARGET_P99_MS:g} ms",
         verdict(worst_p99[1], TARGET_P99_MS)),
        (f"worst kind max ({worst_max[0]})", fmt(worst_max[1], "{:.3f} ms"), f"≤ {TARGET_MAX_MS:g} ms",
         verdict(worst_max[1], TARGET_MAX_MS)),
        ("elapsed_ms mean", fmt(bot.elapsed_mean_ms, "{:.3f} ms"), "—", "—"),
        ("(wall − start-up) / n", fmt(bot.wall_per_question_ms, "{:.3f} ms"), "—", "—"),
        ("bot per question", fmt(bot.per_question_ms, "{:.3f} ms"), "—", "—"),
        (f"naive per question ({naive.sample} sampled)", f"{naive.mean_ms:.1f} ms", "—", "—"),
        ("speed-up naive / bot", fmt(speedup, "{:.0f}×"), f"≥ {TARGET_SPEEDUP:g}×",
         verdict(speedup, TARGET_SPEEDUP, at_least=True)),
        ("peak RSS of ask --jsonl", fmt(bot.peak_rss_mb, "{:.1f} MiB"), f"≤ {TARGET_RSS_MB:g} MB",
         verdict(bot.peak_rss_mb, TARGET_RSS_MB)),
        ("malformed lines", fmt(bot.malformed, "{:.0f}"), "0", verdict(bot.malformed, 0)),
    ]


def git_commit() -> str | None:
    """The commit measured, for the notes."""
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run every step and print the figures; 0 unless the bot's commands failed to run."""
    parser = argparse.ArgumentParser(description="Benchmark `epnbot ask --jsonl` against the naive design.")
    parser.add_argument("--lieux", type=int, default=20_000, help="lieux to generate (default 20000)")
    parser.add_argument("--questions", type=int, default=1_000, help="questions to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generator (default 7)")
    parser.add_argument("--naive-sample", type=int, default=20, help="questions the naive design answers")
    parser.add_argument("--db-url", help="database to import into (default: SQLite file in the temp dir)")
    parser.add_argument("--epnbot", default=default_epnbot(), help="the epnbot executable")
    parser.add_argument("--out", type=Path, help="write generated files here (kept) instead of a temp dir")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (data, database, outputs)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds any one bot command may run")
    parser.add_argument("--json", type=Path, default=RESULTS_JSON, help="where to write the figures")
    args = parser.parse_args(argv)

    workdir = args.out or Path(tempfile.mkdtemp(prefix="epnbot-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db_url = args.db_url or f"sqlite:///{workdir / 'bench.db'}"
    if not args.db_url:
        (workdir / "bench.db").unlink(missing_ok=True)
    load_before = os.getloadavg()
    print(f"epnbot bench — {args.lieux} lieux, {args.questions} questions, seed {args.seed}, dir {workdir}")
    print(f"   {os.cpu_count()} CPUs, load average {load_before[0]:.2f} (other work skews every figure)")

    t0 = time.perf_counter()
    communes = gen.load_gazetteer()
    rows = gen.generate_lieux(args.lieux, args.seed, communes)
    csv_path = workdir / "lieux-national-v1.csv"
    gen.write_lieux_csv(rows, csv_path)
    questions_meta = gen.generate_questions(args.questions, args.seed, communes, gen.load_departements())
    gen.write_questions(questions_meta, workdir / "questions.jsonl")
    questions = [q["text"] for q in questions_meta]
    gen_s = time.perf_counter() - t0
    tags: Counter[str] = Counter(t for q in questions_meta for t in q["tags"])
    no_coords = sum(not r["latitude"] for r in rows)
    no_insee = sum(not r["code_insee"] for r in rows)
    entreprise = sum(r["besoins_epnbot"] == "entreprise" for r in rows)
    print(f"\n== generated in {gen_s:.1f} s: {csv_path} ({csv_path.stat().st_size / 1e6:.1f} MB)")
    print(f"   {len(rows)} lieux in {len({r['code_postal'] + r['commune'] for r in rows})} communes; "
          f"{no_coords} without coordinates, {no_insee} without code_insee, {entreprise} with `entreprise`")
    print(f"   {len(questions)} questions: " + ", ".join(f"{t} {c}" for t, c in tags.most_common()))

    print(f"\n== naive design on {args.naive_sample} of the questions (in-process, rapidfuzz WRatio)")
    naive = bench_naive(rows, communes, questions_meta, args.naive_sample)
    long_part = "n/a" if naive.mean_long_ms is None else f"{naive.mean_long_ms:.1f} ms"
    print(f"   built in {naive.build_s:.2f} s; short questions {naive.mean_short_ms:.1f} ms, long ones "
          f"{long_part} ({naive.sample_long} of {naive.sample} sampled, {naive.long_share:.1%} of all)")
    print(f"   per question, weighted over all questions: {naive.mean_ms:.1f} ms "
          f"(max seen {naive.max_ms:.1f} ms)")

    failed = False
    if not args.epnbot:
        bot = BotFigures(error="no epnbot executable (give --epnbot PATH)")
        failed = True
    else:
        bot = bench_bot(args.epnbot, db_url, csv_path, len(rows), questions,
                        [q["tags"] for q in questions_meta],
                        workdir, args.timeout)
        failed = bot.error is not None
    speedup = naive.mean_ms / bot.per_question_ms if bot.per_question_ms else None

    print("\n== summary")
    table = summary_rows(bot, naive, speedup)
    widths = [max(len(row[i]) for row in [("measure", "value", "target", "met"), *table]) for i in range(4)]
    for row in [("measure", "value", "target", "met"), tuple("-" * w for w in widths), *table]:
        print("   " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    if bot.error:
        print(f"\n   BOT RUN FAILED: {bot.error}; generator and naive figures above are still valid.")

    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform(), "loadavg_before": load_before,
                    "loadavg_after": os.getloadavg()},
        "params": {"lieux": args.lieux, "questions": args.questions, "seed": args.seed,
                   "naive_sample": args.naive_sample, "db_url": db_url.split("@")[-1]},
        "generator": {"seconds": gen_s, "without_coordinates": no_coords, "without_insee": no_insee,
                      "entreprise": entreprise, "question_tags": dict(tags)},
        "bot": asdict(bot),
        "naive": asdict(naive),
        "speedup": speedup,
        "targets": {row[0]: {"value": row[1], "target": row[2], "met": row[3]} for row in table},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n   figures written to {args.json}")
    if args.out is None and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"   data kept in {workdir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
