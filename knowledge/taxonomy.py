"""The fixed vocabulary of DESIGN §2: need and audience codes, their French labels, and the
mapping from the labels of the open-data files to those codes.

Everything that turns a source label into a code lives here so the importers, the search and the
evaluation agree on one table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from knowledge.textnorm import fold

NEEDS: Final[dict[str, str]] = {
    "demarches": "démarches administratives",
    "outils-quotidien": "outils numériques du quotidien",
    "insertion-pro": "insertion professionnelle",
    "securite": "sécurité numérique",
    "parentalite": "parentalité et éducation",
    "loisirs-creation": "loisirs et création numérique",
    "culture-numerique": "culture numérique",
    "acces-equipement": "accès à internet et au matériel",
    "materiel-solidaire": "matériel informatique à prix solidaire",
    "entreprise": "créer et développer son entreprise",
}
NEED_CODES: Final[tuple[str, ...]] = tuple(NEEDS)

#: National standard v1 label of each need (the export writes these).
NEED_V1_LABELS: Final[dict[str, str]] = {
    "demarches": "Aide aux démarches administratives",
    "outils-quotidien": "Maîtrise des outils numériques du quotidien",
    "insertion-pro": "Insertion professionnelle via le numérique",
    "securite": "Utilisation sécurisée du numérique",
    "parentalite": "Parentalité et éducation avec le numérique",
    "loisirs-creation": "Loisirs et créations numériques",
    "culture-numerique": "Compréhension du monde numérique",
    "acces-equipement": "Accès internet et matériel informatique",
    "materiel-solidaire": "Acquisition de matériel informatique à prix solidaire",
}

_SERVICE_LABELS: Final[dict[str, str]] = {
    **{label: code for code, label in NEED_V1_LABELS.items()},
    "Devenir autonome dans les démarches administratives": "demarches",
    "Réaliser des démarches administratives avec un accompagnement": "demarches",
    "Accompagner les démarches de santé": "demarches",
    "Prendre en main un smartphone ou une tablette": "outils-quotidien",
    "Prendre en main un ordinateur": "outils-quotidien",
    "Utiliser le numérique au quotidien": "outils-quotidien",
    "Favoriser mon insertion professionnelle": "insertion-pro",
    "Soutenir la parentalité et l'éducation avec le numérique": "parentalite",
    "Créer avec le numérique": "loisirs-creation",
    "Approfondir ma culture numérique": "culture-numerique",
    "Promouvoir la citoyenneté numérique": "culture-numerique",
    "Accéder à une connexion internet": "acces-equipement",
    "Accéder à du matériel": "acces-equipement",
    "S'équiper en matériel informatique": "materiel-solidaire",
    "Créer et développer mon entreprise": "entreprise",
}
_FOLDED_SERVICE_LABELS: Final[dict[str, str]] = {fold(k): v for k, v in _SERVICE_LABELS.items()}

AUDIENCES: Final[dict[str, str]] = {
    "createurs-entreprise": "créateurs d'entreprise",
    "tpe-pme": "TPE et PME",
    "demandeurs-emploi": "demandeurs d'emploi",
    "beneficiaires-rsa": "bénéficiaires du RSA",
    "jeunes": "jeunes",
    "etudiants": "étudiants",
    "familles": "familles",
    "seniors": "seniors",
    "femmes": "femmes",
    "handicap": "personnes en situation de handicap",
    "allophones": "personnes allophones",
    "illettrisme": "personnes en situation d'illettrisme",
}
AUDIENCE_CODES: Final[tuple[str, ...]] = tuple(AUDIENCES)

#: Folded word stems found in `publics_*` / `prise_en_charge_specifique` values, per audience.
_PUBLIC_STEMS: Final[tuple[tuple[str, str], ...]] = (
    ("createur", "createurs-entreprise"),
    ("porteur", "createurs-entreprise"),
    ("entrepr", "tpe-pme"),
    ("tpe", "tpe-pme"),
    ("pme", "tpe-pme"),
    ("artisan", "tpe-pme"),
    ("commercant", "tpe-pme"),
    ("demandeur", "demandeurs-emploi"),
    ("emploi", "demandeurs-emploi"),
    ("rsa", "beneficiaires-rsa"),
    ("minima", "beneficiaires-rsa"),
    ("jeune", "jeunes"),
    ("etudiant", "etudiants"),
    ("famille", "familles"),
    ("parent", "familles"),
    ("enfant", "familles"),
    ("senior", "seniors"),
    ("age", "seniors"),
    ("retraite", "seniors"),
    ("femme", "femmes"),
    ("handicap", "handicap"),
    ("surdite", "handicap"),
    ("deficien", "handicap"),
    ("malvoyant", "handicap"),
    ("allophone", "allophones"),
    ("langue", "allophones"),
    ("refugie", "allophones"),
    ("exile", "allophones"),
    ("illettr", "illettrisme"),
    ("analphab", "illettrisme"),
)


def split_values(raw: object) -> list[str]:
    """Split a multi-valued open-data cell: `|` in v1, `;` in v0.1 and some v1 files."""
    if raw is None:
        return []
    if isinstance(raw, list):
        return [str(v).strip() for v in raw if str(v).strip()]
    text = str(raw).replace("|", ";")
    return [part.strip() for part in text.split(";") if part.strip()]


def need_of_label(label: str) -> str | None:
    """The need code of one service label (v0.1, v1 or a bare code), or None when unknown."""
    label = label.strip()
    if label in NEEDS:
        return label
    folded = fold(label)
    code = _FOLDED_SERVICE_LABELS.get(folded)
    if code is None and "equip" in folded:
        code = "materiel-solidaire"
    return code


def needs_of_services(*cells: object) -> list[str]:
    """Need codes of one or more service cells, in taxonomy order, without duplicates."""
    found = {code for cell in cells for label in split_values(cell) if (code := need_of_label(label))}
    return [code for code in NEED_CODES if code in found]


def audiences_of_publics(*cells: object) -> list[str]:
    """Audience codes named by the `publics_*` / `prise_en_charge_specifique` cells of a lieu."""
    found: set[str] = set()
    for cell in cells:
        for value in split_values(cell):
            if value in AUDIENCES:
                found.add(value)
                continue
            words = fold(value).split()
            for stem, code in _PUBLIC_STEMS:
                if any(word.startswith(stem) for word in words):
                    found.add(code)
    return [code for code in AUDIENCE_CODES if code in found]


#: Words of `modalites_accompagnement` values (v1 and v0.1 wordings) → accompaniment codes.
_ACCOMPANIMENT_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("atelier", "collectif"),
    ("collecti", "collectif"),
    ("individuel", "individuel"),
    ("avec de l aide", "individuel"),
    ("autonomie", "autonomie"),
    ("^seul", "autonomie"),
    ("distance", "distance"),
)


def accompaniment_of(values: object) -> list[str]:
    """Accompaniment codes (collectif, individuel, autonomie, distance) of a lieu's modalities."""
    found: set[str] = set()
    for value in split_values(values):
        found.update(_accompaniment_of_value(value))
    return sorted(found)


@lru_cache(maxsize=1024)
def _accompaniment_of_value(value: str) -> frozenset[str]:
    """Codes of one modality wording; the same few wordings recur across thousands of lieux."""
    folded = fold(value)
    # « Seul : j'ai accès à du matériel » (v0.1) is autonomy; « accompagné seul » is not.
    return frozenset(code for words, code in _ACCOMPANIMENT_WORDS
                     if (folded.startswith(words[1:]) if words.startswith("^") else words in folded))
