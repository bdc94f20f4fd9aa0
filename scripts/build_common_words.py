"""Build the parser's two word lists from the French dictionary of simplemma:

- `knowledge/data/communes-mots-courants.txt`: words of commune names (and the short forms people
  use) that are also ordinary French words once folded (« tours », « sens », « orange », « mere »
  for Méré, « dame » for Dame-Marie-les-Bois): places only with a preposition or other evidence;
- `knowledge/data/mots-proches-communes.txt`: ordinary French words that the fuzzy matcher would
  read as a misspelt commune (« prise » → Prissé, « lieux » → Limeux): never fuzzy-matched;
- `knowledge/data/mots-proches-lexique.txt`: ordinary French words that the parser's typo
  correction would read as a misspelt lexicon word (« commence » → commerce, « marché » →
  marche): never corrected. Rebuild it when the lexicon changes.

Run by hand when the gazetteer changes (`pip install simplemma`); the bot itself never imports
simplemma, whose French dictionary would cost ~27 MB of memory per process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from knowledge.gazetteer import default_gazetteer
from knowledge.parser import Parser
from knowledge.textnorm import ALL_STOP_WORDS, fold_word

DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data"
OUT = DATA / "communes-mots-courants.txt"
LOOKALIKES = DATA / "mots-proches-communes.txt"
LEXICON_LOOKALIKES = DATA / "mots-proches-lexique.txt"


def main() -> int:
    """Write the list, one folded word per line, sorted."""
    gazetteer = default_gazetteer()
    name_words: set[str] = set()
    for table in (gazetteer.by_name, gazetteer.by_article_free, gazetteer.by_short):
        for name in table:
            name_words.update(name.split())
    dictionary = DefaultDictionaryFactory().get_dictionary("fr")
    # Proper nouns of the dictionary are exactly the names we look for: leave them out.
    vocabulary = {fold_word(word) for word in dictionary if not word[:1].isupper()}
    french = sorted(vocabulary & name_words)
    OUT.write_text("# Mots de noms de communes qui sont aussi des mots courants (dictionnaire simplemma).\n"
                   + "\n".join(french) + "\n", encoding="utf-8")
    print(f"{len(french)} mots écrits dans {OUT}", file=sys.stderr)
    lookalikes = sorted(word for word in vocabulary if len(word) >= 4 and word.isalpha()
                        and gazetteer.fuzzy(word, 88.0 if len(word) < 7 else 85.0) is not None)
    LOOKALIKES.write_text("# Mots courants que l'approximation prendrait pour une commune mal écrite.\n"
                          + "\n".join(lookalikes) + "\n", encoding="utf-8")
    print(f"{len(lookalikes)} mots écrits dans {LOOKALIKES}", file=sys.stderr)
    if not LEXICON_LOOKALIKES.exists():
        LEXICON_LOOKALIKES.write_text("", encoding="utf-8")
    parser = Parser(gazetteer)
    near_lexicon = sorted(word for word in vocabulary if len(word) >= 5 and word.isalpha()
                          and word not in ALL_STOP_WORDS and parser.closest_lexicon_word(word) not in (None, word))
    LEXICON_LOOKALIKES.write_text("# Mots courants que la correction des fautes prendrait pour un mot du lexique.\n"
                                  + "\n".join(near_lexicon) + "\n", encoding="utf-8")
    print(f"{len(near_lexicon)} mots écrits dans {LEXICON_LOOKALIKES}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
