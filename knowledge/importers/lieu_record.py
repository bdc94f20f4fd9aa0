"""Turn one source record, keyed by the national standard v1 column names, into a `lieux` row.

Both lieu importers (cartographie JSON and v1 CSV) first rename their fields to the v1 names, then
call `LieuBuilder.build`, so validation, the taxonomy mapping and the gazetteer lookup are written
once. The row is a plain dict for SQLAlchemy Core bulk statements: no ORM object per lieu.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, Final

from knowledge.gazetteer import Commune, Gazetteer
from knowledge.importers import texts_fr
from knowledge.importers.common import RowRejectedError, bounded, clean, content_hash, parse_date, parse_float
from knowledge.importers.placement import Placement, Placer
from knowledge.taxonomy import audiences_of_publics, needs_of_services, split_values

#: Columns of the national standard v1, in the standard's order (the export writes them so).
V1_COLUMNS: Final[tuple[str, ...]] = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj",
    "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
    "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
)
#: epnbot's extension column: need codes the v1 vocabulary cannot say (`entreprise`).
EPNBOT_NEEDS_COLUMN: Final = "besoins_epnbot"
#: v1 columns with no column of their own in `lieux`: kept in `Lieu.extra` under the same name.
V1_EXTRA_COLUMNS: Final[tuple[str, ...]] = (
    "presentation_detail", "prise_en_charge_specifique", "formations_labels", "autres_formations_labels",
    "fiche_acces_libre",
)

#: Text fields: (column of `lieux`, source field, maximum length, French name in messages).
_TEXT_FIELDS: Final[tuple[tuple[str, str, int, str], ...]] = (
    ("source", "source", 100, "source"),
    ("pivot", "pivot", 40, "pivot"),
    ("adresse", "adresse", 300, "adresse"),
    ("complement_adresse", "complement_adresse", 300, "complément d'adresse"),
    ("horaires", "horaires", 5000, "horaires"),
    ("prise_rdv", "prise_rdv", 500, "prise de rendez-vous"),
    ("telephone", "telephone", 50, "téléphone"),
    ("itinerance", "itinerance", 100, "itinérance"),
    ("structure_parente", "structure_parente", 300, "structure parente"),
)
#: List fields: column of `lieux` ← source field.
_LIST_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("services", "services"),
    ("publics", "publics_specifiquement_adresses"),
    ("frais", "frais_a_charge"),
    ("modalites_acces", "modalites_acces"),
    ("modalites_accompagnement", "modalites_accompagnement"),
    ("typologie", "typologie"),
    ("labels", "dispositif_programmes_nationaux"),
    ("courriels", "courriels"),
    ("site_web", "site_web"),
)
_CONSUMED: Final = frozenset(
    {"id", "nom", "commune", "code_postal", "code_insee", "latitude", "longitude", "date_maj",
     "presentation_resume", "presentation_detail", EPNBOT_NEEDS_COLUMN}
    | {source for _, source, _, _ in _TEXT_FIELDS}
    | {source for _, source in _LIST_FIELDS}
)
_PRESENTATION_LIMIT: Final = 20_000
_SLUG: Final = re.compile(r"[^a-z0-9]+")
_EXTRA_LIMIT: Final = 20_000


def _padded_code(value: Any, field_name: str) -> str | None:
    """A postal or INSEE code; spreadsheets drop the leading zero of « 06000 », so put it back."""
    code = bounded(value, field_name, 10)
    if code and len(code) == 4 and code.isdigit():
        code = "0" + code
    return code


class LieuBuilder:
    """Validates and maps source records; caches commune lookups, which repeat across a file."""

    def __init__(self, gazetteer: Gazetteer, default_source: str = "inconnue") -> None:
        self.gazetteer = gazetteer
        #: The source of records that name none: the file's stem (`source_of_file`).
        self.default_source = default_source
        self._communes: dict[tuple[str, str, str], Commune | None] = {}
        self._placer = Placer(gazetteer)
        self._needs: dict[tuple[tuple[str, ...], str], list[str]] = {}
        self._audiences: dict[tuple[tuple[str, ...], str], list[str]] = {}

    def commune(self, insee: str, postcode: str, name: str) -> Commune | None:
        """The gazetteer's commune for these address fields (memoised)."""
        key = (insee, postcode, name)
        if key not in self._communes:
            self._communes[key] = self.gazetteer.resolve(insee, postcode, name)
        return self._communes[key]

    def needs(self, services: list[str], extension: Any) -> list[str]:
        """Need codes of a lieu (memoised: a few hundred service combinations cover a file)."""
        key = (tuple(services), clean(extension))
        if key not in self._needs:
            self._needs[key] = needs_of_services(services, key[1])
        return list(self._needs[key])

    def audiences(self, publics: list[str], specific: Any) -> list[str]:
        """Audience codes of a lieu (memoised like `needs`)."""
        key = (tuple(publics), clean(specific))
        if key not in self._audiences:
            self._audiences[key] = audiences_of_publics(publics, key[1])
        return list(self._audiences[key])

    def build(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The `lieux` row of one record, `content_hash` included; raises `RowRejectedError`."""
        return self.build_noted(fields)[0]

    def build_noted(self, fields: Mapping[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
        """The row and what the report should say about it: why its placement is doubtful or its
        address inconsistent (`placement.Placer`), nothing when its address fields agree."""
        lieu_id = bounded(fields.get("id"), "identifiant", 200)
        if not lieu_id:
            raise RowRejectedError(texts_fr.MISSING_ID)
        nom = bounded(fields.get("nom"), "nom", 300)
        if not nom:
            raise RowRejectedError(texts_fr.MISSING_NAME)
        row: dict[str, Any] = {"id": lieu_id, "nom": nom}
        place = self._place(fields)
        source_spelling = place.pop("commune_source", None)
        doubts: tuple[str, ...] = place.pop("doubts", ())
        dropped_point = place.pop("dropped_point", None)
        if doubts:
            template = texts_fr.DOUBTFUL if place.pop("doubtful", False) else texts_fr.INCONSISTENT
            doubts = (template.format(doubts=" ; ".join(doubts)),)
        place.pop("doubtful", None)
        row.update(place)
        for column, source, limit, label in _TEXT_FIELDS:
            row[column] = bounded(fields.get(source), label, limit)
        row["source"] = row["source"] or self.default_source
        for column, source in _LIST_FIELDS:
            row[column] = split_values(fields.get(source))
        row["besoins"] = self.needs(row["services"], fields.get(EPNBOT_NEEDS_COLUMN))
        row["publics_codes"] = self.audiences(row["publics"], fields.get("prise_en_charge_specifique"))
        row["date_maj"] = parse_date(fields.get("date_maj"), "date de mise à jour")
        summary = bounded(fields.get("presentation_resume"), "présentation", _PRESENTATION_LIMIT)
        detail = bounded(fields.get("presentation_detail"), "présentation détaillée", _PRESENTATION_LIMIT)
        row["presentation"] = summary or detail
        extra = {key: clean(value) for key, value in fields.items()
                 if key not in _CONSUMED and clean(value)}
        if detail and detail != row["presentation"]:
            extra["presentation_detail"] = detail
        if source_spelling:
            extra.setdefault("commune_source", source_spelling)
        if dropped_point is not None:
            extra["coordonnees_source"] = f"{dropped_point[0]},{dropped_point[1]}"
        for key, value in extra.items():
            if len(value) > _EXTRA_LIMIT:
                raise RowRejectedError(
                    texts_fr.TOO_LONG.format(field=key, length=len(value), limit=_EXTRA_LIMIT)
                )
        row["extra"] = extra
        row["content_hash"] = content_hash(row)
        return row, doubts

    def _place(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Commune, codes, département and point; the commune's point when the source has none."""
        name = bounded(fields.get("commune"), "commune", 200) or ""
        postcode = _padded_code(fields.get("code_postal"), "code postal") or ""
        insee = _padded_code(fields.get("code_insee"), "code INSEE") or ""
        if not (name or postcode or insee):
            raise RowRejectedError(texts_fr.MISSING_PLACE)
        latitude = parse_float(fields.get("latitude"), "latitude", -90.0, 90.0)
        longitude = parse_float(fields.get("longitude"), "longitude", -180.0, 180.0)
        if (latitude, longitude) == (0.0, 0.0):
            latitude = longitude = None
        placement = self.placement(insee, postcode, name, latitude, longitude)
        found = placement.commune
        if found is None and not name:
            raise RowRejectedError(texts_fr.UNKNOWN_COMMUNE.format(commune=name, postcode=postcode or insee))
        place: dict[str, Any] = {
            "commune": found.nom if found else name,
            "code_postal": postcode or None,
            "code_insee": found.insee if found else (insee or None),
            "departement": found.dep if found else _departement_of_postcode(postcode),
            "latitude": placement.latitude, "longitude": placement.longitude,
            "point_origine": placement.origin,
            "doubts": placement.doubts, "dropped_point": placement.dropped_point, "doubtful": placement.doubtful,
        }
        if found is not None and name and name != found.nom:
            place["commune_source"] = name
        return place

    def placement(self, insee: str, postcode: str, name: str, latitude: float | None,
                  longitude: float | None) -> Placement:
        """Where the record stands by the evidence that agrees (`placement.Placer`)."""
        return self._placer.place(insee, postcode, name, latitude, longitude)


def source_of_file(path: str) -> str:
    """The source given to a file's records that carry none: its name as a slug (« lieux-charente »).

    Re-importing the same file keys its lieux the same way, and two files without a source never
    collide. Migration 0002 applies the same rule to lieux imported before sources were required.
    """
    stem = PurePath(path).stem.lower()
    return (_SLUG.sub("-", stem).strip("-") or "inconnue")[:100]


def _departement_of_postcode(postcode: str) -> str | None:
    """Best guess of a département from a postal code the gazetteer does not know."""
    if len(postcode) != 5 or not postcode.isdigit() or postcode.startswith("20"):
        return None
    return postcode[:3] if postcode.startswith(("97", "98")) else postcode[:2]
