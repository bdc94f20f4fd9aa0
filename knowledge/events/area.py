"""The zone of an agenda or a subscription: a commune with a radius, or a département.

`find_zone` reads it at the start of a few words (« Fréjus 20 km ateliers », « dans le Var »,
« 83 », « 06300 », « St Raphael ») with exact gazetteer lookups, the longest name first, then a
misspelt name; the words after it are returned for the caller (radius, themes, cadence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from knowledge.gazetteer import Commune, Gazetteer
from knowledge.query import Place
from knowledge.textnorm import fold

DEFAULT_RADIUS_KM: Final = 30.0
MAX_RADIUS_KM: Final = 200.0
#: Words people put before a place (« près de Fréjus », « dans le Var », « à Nice »).
_LEADING: Final = frozenset({"a", "au", "aux", "pres", "de", "du", "des", "d", "dans", "le", "la", "les", "l",
                             "en", "sur", "autour", "vers", "cote", "secteur", "zone", "pour"})
_MAX_WORDS: Final = 6
_DEPARTEMENT_CODE: Final = re.compile(r"^(\d{2,3}|2[ab])$")
_POSTCODE: Final = re.compile(r"^\d{5}$")


@dataclass(frozen=True, slots=True)
class Zone:
    """Where events are looked for: a commune's point and radius, or a whole département."""

    kind: str
    code: str
    name: str
    dep: str
    lat: float | None
    lon: float | None
    radius_km: float | None = None

    @classmethod
    def of_commune(cls, commune: Commune, radius_km: float = DEFAULT_RADIUS_KM) -> Zone:
        """A commune's zone."""
        return cls("commune", commune.insee, commune.nom, commune.dep, commune.lat, commune.lon, radius_km)

    @classmethod
    def of_place(cls, place: Place, radius_km: float = DEFAULT_RADIUS_KM) -> Zone:
        """The zone of a place the parser found in a question."""
        if place.kind == "departement":
            return cls("departement", place.code, place.name, place.code, place.lat, place.lon)
        return cls("commune", place.code, place.name, place.dep, place.lat, place.lon, radius_km)

    def with_radius(self, radius_km: float) -> Zone:
        """The same commune with another radius (a département has none)."""
        if self.kind != "commune":
            return self
        return Zone(self.kind, self.code, self.name, self.dep, self.lat, self.lon, radius_km)


def _zone(gazetteer: Gazetteer, folded: str, single_word: bool) -> Zone | None:
    if single_word and _POSTCODE.match(folded):
        communes = gazetteer.by_postal_code(folded)
        return Zone.of_commune(communes[0]) if communes else None
    if single_word and _DEPARTEMENT_CODE.match(folded):
        found = gazetteer.departement(folded)
        return Zone("departement", found.code, found.nom, found.code, found.lat, found.lon) if found else None
    departement = gazetteer.departement_by_name(folded)
    if departement is not None:
        return Zone("departement", departement.code, departement.nom, departement.code, departement.lat,
                    departement.lon)
    match = gazetteer.names(folded)
    return Zone.of_commune(match.communes[0]) if match else None


def find_zone(gazetteer: Gazetteer, text: str) -> tuple[Zone, list[str]] | None:
    """The zone the text starts with, and the words after it; None when it names none."""
    words = text.split()
    start = 0
    while start < len(words) - 1 and fold(words[start]) in _LEADING:
        start += 1
    for fuzzy in (False, True):
        for count in range(min(_MAX_WORDS, len(words) - start), 0, -1):
            folded = fold(" ".join(words[start:start + count]))
            if not folded:
                continue
            if fuzzy:
                match = gazetteer.fuzzy(folded)
                zone = Zone.of_commune(match.communes[0]) if match else None
            else:
                zone = _zone(gazetteer, folded, count == 1)
            if zone is not None:
                return zone, words[start + count:]
    return None
