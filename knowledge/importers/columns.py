"""Column (CSV) and key (JSON) names of real files → the names of the national standard v1.

Producers write `Adresse`, `Code postal`, `Itinérance`, `modalite_acces`, `publics_accueillis`
(cartographie v0.1), `labels_autres`…: a name is compared without regard to case, accents,
spaces or hyphens, then through the aliases seen in the wild. A name that is still not one of the
standard's is kept with each lieu (in `extra`) and listed once in the import's report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from knowledge.importers.lieu_record import EPNBOT_NEEDS_COLUMN, V1_COLUMNS
from knowledge.textnorm import strip_accents

_NON_WORD: Final = re.compile(r"[^a-z0-9]+")

#: Variant names (already normalised) → the v1 name.
ALIASES: Final[dict[str, str]] = {
    # cartographie nationale v0.1 (JSON) and older v1 drafts
    "courriel": "courriels",
    "labels_nationaux": "dispositif_programmes_nationaux",
    "labels_autres": "autres_formations_labels",
    "conditions_acces": "frais_a_charge",
    "publics_accueillis": "publics_specifiquement_adresses",
    "accessibilite": "fiche_acces_libre",
    "modalite_acces": "modalites_acces",
    "modalite_accompagnement": "modalites_accompagnement",
    # spreadsheets written by hand
    "code_commune": "code_insee",
    "insee": "code_insee",
    "cp": "code_postal",
    "codepostal": "code_postal",
    "ville": "commune",
    "nom_du_lieu": "nom",
    "nom_lieu": "nom",
    "email": "courriels",
    "e_mail": "courriels",
    "mail": "courriels",
    "tel": "telephone",
    "site": "site_web",
    "site_internet": "site_web",
    "lat": "latitude",
    "lon": "longitude",
    "lng": "longitude",
    "long": "longitude",
    "date_de_mise_a_jour": "date_maj",
    # the standard's labels written as headers
    "modalites_d_accompagnement": "modalites_accompagnement",
    "modalites_d_acces": "modalites_acces",
    "complement_d_adresse": "complement_adresse",
    "prise_de_rendez_vous": "prise_rdv",
    "prise_de_rdv": "prise_rdv",
    "frais_a_la_charge": "frais_a_charge",
}
#: Every name a lieu record may carry without being reported.
KNOWN: Final = frozenset(V1_COLUMNS) | {EPNBOT_NEEDS_COLUMN}


def normalise(raw: str) -> str:
    """« Code postal » → « code_postal », « Itinérance » → « itinerance », « "modalite-acces" » →
    « modalite_acces »."""
    text = strip_accents(raw.strip().strip('"').strip("\ufeff")).lower()
    return _NON_WORD.sub("_", text).strip("_")


def v1_name(raw: str) -> str:
    """The v1 name of a column or key."""
    name = normalise(raw)
    return ALIASES.get(name, name)


def unknown_columns(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """The names (already v1-renamed) that no record of the standard carries, sorted, once each."""
    seen: set[str] = set()
    for record in records:
        seen.update(record)
    return sorted(name for name in seen - KNOWN if name)
