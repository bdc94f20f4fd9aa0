"""Build `knowledge/data/communes-mots-courants.txt`: one-word commune names that are also common
French words (« Tours », « Sens », « Orange », « Ligné »), which the parser accepts as places only
after a place preposition.

Run by hand when the gazetteer changes (`pip install simplemma`); the bot itself never imports
simplemma, whose French dictionary would cost ~27 MB of memory per process.
"""

from __future__ import annotations

import sys
from pathlib import Path

import simplemma

from knowledge.gazetteer import default_gazetteer
from knowledge.textnorm import ALL_STOP_WORDS, fold_word

OUT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "communes-mots-courants.txt"


def main() -> int:
    """Write the list, one folded word per line, sorted."""
    gazetteer = default_gazetteer()
    words: set[str] = set()
    for commune in gazetteer.by_insee.values():
        for candidate in {commune.nom, commune.nom.split(" ", 1)[-1]}:
            if " " in candidate or "-" in candidate or "'" in candidate:
                continue
            lower = candidate.lower()
            folded = fold_word(candidate)
            if folded in ALL_STOP_WORDS or simplemma.is_known(lower, lang="fr") or \
                    simplemma.is_known(folded, lang="fr"):
                words.add(folded)
    OUT.write_text("# Noms de communes d'un seul mot qui sont aussi des mots courants (simplemma).\n"
                   + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} mots écrits dans {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
