"""Re-wrap over-long lines of `knowledge/lexicon_fr.py` (the lexicon grows by hand, ruff wants 120)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "knowledge" / "lexicon_fr.py"
LIMIT = 118


def wrap(line: str) -> list[str]:
    """Split one line of table entries at entry boundaries."""
    if len(line) <= LIMIT + 2:
        return [line]
    indent = re.match(r"\s*", line).group()  # type: ignore[union-attr]
    parts = re.split(r'(?<=\)), (?=\()|(?<="), (?=")', line.strip())
    out, current = [], indent
    for index, part in enumerate(parts):
        piece = part if index == len(parts) - 1 else part + ","
        if len(current) + len(piece) + 1 > LIMIT and current.strip():
            out.append(current.rstrip())
            current = indent
        current += piece + " "
    out.append(current.rstrip())
    return out


def main() -> int:
    """Rewrite the file in place."""
    lines = PATH.read_text(encoding="utf-8").split("\n")
    PATH.write_text("\n".join(w for line in lines for w in wrap(line)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
