"""Print understanding figures (need@1, audiences, place, retrieval@1) and the failures.

Wraps the team's scorer `../shared/tools/eval_ask.py` (the one acceptance runs) around
`epnbot ask --jsonl` on a fresh SQLite base holding the PACA file, so the figures here are the
figures acceptance computes:

    .venv/bin/python scripts/eval_dev.py                      # dev set of ../shared
    .venv/bin/python scripts/eval_dev.py --queries tests/data/eval-extra.jsonl
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    """Import the knowledge base into a temporary database, then run the scorer on it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, action="append",
                        help="questions étiquetées (JSONL) ; par défaut le jeu de développement")
    parser.add_argument("--kb", type=Path, default=ROOT / "knowledge" / "data" / "lieux-paca-2023.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "eval_ask.py")
    parser.add_argument("--failures", type=Path, default=Path(tempfile.gettempdir()) / "epnbot-echecs.jsonl")
    args = parser.parse_args(argv)
    queries = args.queries or [SHARED / "data" / "eval-dev.jsonl"
                               if (SHARED / "data" / "eval-dev.jsonl").exists()
                               else ROOT / "tests" / "data" / "eval-dev.jsonl"]
    if not args.scorer.exists():
        print(f"Évaluateur introuvable : {args.scorer} (le dossier shared/ doit être à côté du dépôt).",
              file=sys.stderr)
        return 2
    epnbot = Path(sys.executable).with_name("epnbot")
    gazetteer = ROOT / "knowledge" / "data" / "communes-fr.csv.gz"
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{folder}/kb.db"
        subprocess.run([str(epnbot), "--db", db, "kb", "import", "--quiet", str(args.kb)], check=True,
                       stdout=subprocess.DEVNULL)
        for path in queries:
            print(f"== {path}")
            failures = args.failures.with_name(f"{args.failures.stem}-{path.stem}.jsonl")
            command = [sys.executable, str(args.scorer), "--queries", str(path), "--kb", str(args.kb),
                       "--gazetteer", str(gazetteer), "--cmd", f"{shlex.quote(str(epnbot))} --db {db} ask --jsonl",
                       "--by-tag", "--failures", str(failures)]
            status |= subprocess.run(command).returncode
            for line in failures.read_text(encoding="utf-8").splitlines() if failures.exists() else []:
                print("  échec :", line)
    return status


if __name__ == "__main__":
    sys.exit(main())
