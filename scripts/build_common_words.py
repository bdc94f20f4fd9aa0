"""Build `knowledge/data/communes-mots-courants.txt`: words of commune names (and the short forms
people use) that are also ordinary French words once folded (« tours », « sens », « orange »,
« mere » for Méré, « dame » for Dame-Marie-les-Bois), which the parser accepts as places only with
a place preposition or other evidence.

Run by hand when the gazetteer changes (`pip install simplemma`); the bot itself never imports
simplemma, whose French dictionary would cost ~27 MB of memory per process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from knowledge.gazetteer import default_gazetteer
from knowledge.textnorm import fold_word

OUT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "communes-mots-courants.txt"


def main() -> int:
    """Write the list, one folded word per line, sorted."""
    gazetteer = default_gazetteer()
    name_words: set[str] = set()
    for table in (gazetteer.by_name, gazetteer.by_article_free, gazetteer.by_short):
        for name in table:
            name_words.update(name.split())
    dictionary = DefaultDictionaryFactory().get_dictionary("fr")
    french: set[str] = set()
    for word in dictionary:
        if word[:1].isupper():  # proper nouns of the dictionary are exactly what we look for
            continue
        folded = fold_word(word)
        if folded in name_words:
            french.add(folded)
    OUT.write_text("# Mots de noms de communes qui sont aussi des mots courants (dictionnaire simplemma).\n"
                   + "\n".join(sorted(french)) + "\n", encoding="utf-8")
    print(f"{len(french)} mots écrits dans {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
