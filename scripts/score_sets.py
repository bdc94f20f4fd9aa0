"""Score the parser on every labelled set, each by a parser that never saw its lines, per field and per tag.

Leave one set out: for each set (`tests/data/eval-*.jsonl`, and `../shared/data/eval-dev.jsonl`
in place of its copy), the understanding is built from every *other* set, then scored on this one
with the team's scorer (`../shared/tools/eval_ask.py`, the one acceptance runs). The parser is made
of rules and word lists only, so nothing is fitted and every set is scored by the same parser; the
loop stays, so that a learned component added later is honestly measured. Pooled figures are then
printed per field (need@1, audiences exact, place exact, all three, retrieval@1) and per tag:

    .venv/bin/python scripts/score_sets.py                    # every set, pooled figures
    .venv/bin/python scripts/score_sets.py --sets eval-blind20 eval-blind21 --failures /tmp/echecs
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = ROOT / "tests" / "data"
KB = ROOT / "knowledge" / "data" / "lieux-paca-2023.json"
COMMUNES = ROOT / "knowledge" / "data" / "communes-fr.csv.gz"
FIELDS = ("need", "aud", "place", "all")
FIELD_NAMES = {"need": "need@1", "aud": "audiences", "place": "place", "all": "all three", "retr": "retrieval@1"}

#: Builds an `ask_json` function from the labelled sets it may learn from.
Builder = Callable[[Sequence[list[dict[str, Any]]]], Callable[[str], dict[str, Any]]]


@dataclass
class Tally:
    """Right answers and totals per field, for one set or one tag."""

    n: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    retr_ok: int = 0
    retr_n: int = 0

    def add(self, counts: dict[str, int], n: int) -> None:
        self.n += n
        for name in FIELDS:
            self.right[name] += counts[name]
        self.retr_ok += counts["retr_ok"]
        self.retr_n += counts["retr_n"]

    def rate(self, name: str) -> float:
        if name == "retr":
            return self.retr_ok / self.retr_n if self.retr_n else 1.0
        return self.right[name] / self.n if self.n else 1.0

    def row(self, label: str) -> str:
        rates = "  ".join(f"{self.rate(name):6.3f}" for name in (*FIELDS, "retr"))
        return f"{label:<22} {self.n:5d}  {rates}"


def labelled_sets(names: Sequence[str] = ()) -> dict[str, Path]:
    """Every labelled set by name; the shared dev set stands for its copy in tests/data."""
    number = re.compile(r"(\d+)")
    paths = sorted(DATA.glob("eval-*.jsonl"),
                   key=lambda p: [int(part) if part.isdigit() else part for part in number.split(p.stem)])
    sets = {path.stem: path for path in paths}
    shared_dev = SHARED / "data" / "eval-dev.jsonl"
    if shared_dev.is_file():
        sets["eval-dev"] = shared_dev
    if names:
        unknown = [name for name in names if name not in sets]
        if unknown:
            raise SystemExit(f"Jeux inconnus : {', '.join(unknown)} (connus : {', '.join(sets)})")
        sets = {name: sets[name] for name in names}
    return sets


def read_queries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_scorer(path: Path) -> ModuleType:
    """The team's scorer, loaded as a module."""
    spec = importlib.util.spec_from_file_location("eval_ask", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"Évaluateur introuvable : {path} (le dossier shared/ doit être à côté du dépôt).")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_ask"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def rule_builder(folder: Path) -> Builder:
    """The shipped understanding over the PACA file: rules only, so the training sets are unused."""
    from knowledge.db import make_engine
    from knowledge.gazetteer import default_gazetteer
    from knowledge.understanding import Understanding

    epnbot = Path(sys.executable).with_name("epnbot")
    url = f"sqlite:///{folder}/kb.db"
    subprocess.run([str(epnbot), "--db", url, "kb", "import", "--quiet", str(KB)], check=True,
                   stdout=subprocess.DEVNULL)
    understanding = Understanding.from_database(make_engine(url), default_gazetteer())

    def build(training: Sequence[list[dict[str, Any]]]) -> Callable[[str], dict[str, Any]]:
        del training  # nothing is learned
        return understanding.ask_json
    return build


def main(argv: list[str] | None = None) -> int:
    """Score each set held out, then print the pooled figures per field and per tag."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=(), help="noms des jeux (eval-blind20…) ; par défaut tous")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "eval_ask.py")
    parser.add_argument("--failures", type=Path, help="dossier où écrire les échecs de chaque jeu")
    parser.add_argument("--json", action="store_true", help="une ligne JSON par jeu au lieu du tableau")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    gazetteer = scorer.Gazetteer(str(COMMUNES))
    lieux, _ = scorer.load_kb(str(KB), gazetteer)
    retrieval = scorer.Retrieval(lieux, gazetteer)
    every = labelled_sets()
    chosen = labelled_sets(args.sets)
    queries = {name: read_queries(path) for name, path in every.items()}
    if args.failures:
        args.failures.mkdir(parents=True, exist_ok=True)
    pooled, tags = Tally(), dict[str, Tally]()
    header = f"{'jeu':<22} {'n':>5}  " + "  ".join(f"{FIELD_NAMES[f][:6]:>6}" for f in (*FIELDS, "retr"))
    with tempfile.TemporaryDirectory() as folder:
        build = rule_builder(Path(folder))
        if not args.json:
            print(header)
        for name in chosen:
            training = [lines for other, lines in queries.items() if other != name]
            ask_json = build(training)
            answers = [json.dumps(ask_json(query["text"]), ensure_ascii=False) for query in queries[name]]
            failures = str(args.failures / f"{name}.jsonl") if args.failures else None
            report = scorer.score(queries[name], answers, retrieval, failures)
            tally = Tally()
            tally.add(report["counts"], report["n"])
            pooled.add(report["counts"], report["n"])
            for query, answer in zip(queries[name], answers, strict=True):
                ok = _question_counts(query, json.loads(answer), retrieval)
                for tag in query.get("tags", []):
                    tags.setdefault(tag, Tally()).add(ok, 1)
            if args.json:
                print(json.dumps({"set": name, "n": tally.n, **{f: round(tally.rate(f), 4)
                                                                for f in (*FIELDS, "retr")}}))
            else:
                print(tally.row(name))
    if not args.json:
        print(pooled.row("== tous (regroupés)"))
        print(f"\npar étiquette\n{header}")
        for tag, tally in sorted(tags.items(), key=lambda item: -item[1].n):
            print(tally.row(tag))
    return 0


def _question_counts(query: dict[str, Any], answer: dict[str, Any], retrieval: Any) -> dict[str, int]:
    """The scorer's rules on one question (need@1, audiences exact, place exact, retrieval@1 where
    scored), for per-tag figures."""
    got = answer["query"]
    need = got["needs"] == [] if not query["needs"] else bool(got["needs"]) and got["needs"][0] in query["needs"]
    aud = set(got["audiences"]) == set(query["audiences"])
    expected, place = query["place"], got["place"]
    place_ok = (expected is None and place is None) or (
        expected is not None and place is not None and place["kind"] == expected["kind"]
        and place["code"] in expected["codes"])
    truth = retrieval.truth(query)
    retr_ok = False
    if truth is not None:
        retr_ok = retrieval.judge(truth, answer["results"][0]["lieu_id"] if answer["results"] else None)[0]
    return {"need": need, "aud": aud, "place": place_ok, "all": need and aud and place_ok,
            "retr_ok": truth is not None and retr_ok, "retr_n": truth is not None}


if __name__ == "__main__":
    sys.exit(main())
