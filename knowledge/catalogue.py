"""Read helpers over the knowledge base: statistics, the v1 export, lieux by id.

The export writes the national standard v1 columns (`|` between values), epnbot's `besoins_epnbot`
column, then one column per extra field kept at import, so exporting then importing gives the same
lieux: needs, audiences, coordinates and ids survive the trip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Engine, Table, func, select, tuple_

from knowledge.importers.lieu_record import EPNBOT_NEEDS_COLUMN, V1_COLUMNS, V1_EXTRA_COLUMNS
from knowledge.models import Coordinateur, ImportRun, Lieu, Mediateur, MediateurLieu
from knowledge.taxonomy import NEED_CODES, NEED_V1_LABELS, need_of_label

LIEUX: Final[Table] = Lieu.__table__  # type: ignore[assignment]
_VALUE_SEPARATOR: Final = "|"
#: v1 column ← list column of `lieux` (joined with `|`).
_LIST_COLUMNS: Final[dict[str, str]] = {
    "typologie": "typologie", "courriels": "courriels", "site_web": "site_web",
    "publics_specifiquement_adresses": "publics", "frais_a_charge": "frais",
    "dispositif_programmes_nationaux": "labels", "modalites_acces": "modalites_acces",
    "modalites_accompagnement": "modalites_accompagnement",
}
#: v1 column ← text column of `lieux`.
_TEXT_COLUMNS: Final[dict[str, str]] = {
    "id": "id", "pivot": "pivot", "nom": "nom", "commune": "commune", "code_postal": "code_postal",
    "code_insee": "code_insee", "adresse": "adresse", "complement_adresse": "complement_adresse",
    "telephone": "telephone", "horaires": "horaires", "presentation_resume": "presentation",
    "source": "source", "itinerance": "itinerance", "structure_parente": "structure_parente",
    "prise_rdv": "prise_rdv",
}


@dataclass(frozen=True, slots=True)
class Stats:
    """What the knowledge base holds, for `kb stats` and the admin commands."""

    lieux: int
    by_departement: list[tuple[str, int]]
    by_need: list[tuple[str, int]]
    mediateurs: int
    coordinateurs: int
    mediateur_lieux: int
    without_point: int
    commune_points: int
    last_import: dict[str, Any] | None


def stats(engine: Engine) -> Stats:
    """Counts of lieux by département and by need, and of the people."""
    with engine.connect() as connection:
        rows = connection.execute(select(LIEUX.c.departement, LIEUX.c.besoins, LIEUX.c.point_origine)).all()
        mediateurs = connection.execute(select(func.count()).select_from(Mediateur)).scalar_one()
        coordinateurs = connection.execute(select(func.count()).select_from(Coordinateur)).scalar_one()
        links = connection.execute(select(func.count()).select_from(MediateurLieu)).scalar_one()
        last = connection.execute(
            select(ImportRun.path, ImportRun.format, ImportRun.finished_at, ImportRun.status,
                   ImportRun.added, ImportRun.changed, ImportRun.unchanged, ImportRun.rejected)
            .order_by(ImportRun.id.desc()).limit(1)
        ).mappings().first()
    departements = Counter(departement or "?" for departement, _, _ in rows)
    needs = Counter(need for _, besoins, _ in rows for need in besoins or ())
    origins = Counter(origin for _, _, origin in rows)
    return Stats(
        lieux=len(rows),
        by_departement=sorted(departements.items()),
        by_need=[(code, needs.get(code, 0)) for code in NEED_CODES],
        mediateurs=mediateurs, coordinateurs=coordinateurs, mediateur_lieux=links,
        without_point=origins.get(None, 0), commune_points=origins.get("commune", 0),
        last_import=dict(last) if last else None,
    )


def _services(besoins: Sequence[str], services: Sequence[str]) -> tuple[str, str]:
    """(v1 `services`, `besoins_epnbot`) of a lieu: v1 labels of its needs, plus the source labels
    no need maps to, and the needs v1 cannot say."""
    labels = [NEED_V1_LABELS[code] for code in besoins if code in NEED_V1_LABELS]
    labels += [label for label in services if need_of_label(label) is None]
    extension = [code for code in besoins if code not in NEED_V1_LABELS]
    return _VALUE_SEPARATOR.join(labels), _VALUE_SEPARATOR.join(extension)


def _coordinate(value: float | None, origin: str | None) -> str:
    """A coordinate as written by the source; empty when the gazetteer supplied it."""
    return "" if value is None or origin != "source" else repr(value)


def export_row(lieu: Mapping[str, Any]) -> dict[str, str]:
    """One lieu as v1 cells (plus `besoins_epnbot` and its extra fields)."""
    cells = {column: str(lieu[name] or "") for column, name in _TEXT_COLUMNS.items()}
    cells.update({column: _VALUE_SEPARATOR.join(lieu[name] or ()) for column, name in _LIST_COLUMNS.items()})
    cells["latitude"] = _coordinate(lieu["latitude"], lieu["point_origine"])
    cells["longitude"] = _coordinate(lieu["longitude"], lieu["point_origine"])
    cells["date_maj"] = lieu["date_maj"].isoformat() if lieu["date_maj"] else ""
    cells["services"], cells[EPNBOT_NEEDS_COLUMN] = _services(lieu["besoins"] or (), lieu["services"] or ())
    for key, value in (lieu["extra"] or {}).items():
        cells[key] = str(value)
    for column in V1_EXTRA_COLUMNS:
        cells.setdefault(column, "")
    return cells


def export_columns(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """The v1 columns, `besoins_epnbot`, then every extra field some lieu carries, sorted."""
    fixed = [*V1_COLUMNS, EPNBOT_NEEDS_COLUMN]
    extra = sorted({key for row in rows for key in row} - set(fixed))
    return fixed + extra


def export_rows(engine: Engine) -> tuple[list[str], list[dict[str, str]]]:
    """(columns, rows) of every lieu, ordered by (source, id), ready for `csv.DictWriter`."""
    with engine.connect() as connection:
        lieux = connection.execute(select(LIEUX).order_by(LIEUX.c.source, LIEUX.c.id)).mappings().all()
    rows = [export_row(dict(lieu)) for lieu in lieux]
    return export_columns(rows), rows


def lieux_by_keys(engine: Engine, keys: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every column of the given lieux ((source, id) pairs), in the order given; unknown ones are left out."""
    if not keys:
        return []
    with engine.connect() as connection:
        found = connection.execute(
            select(LIEUX).where(tuple_(LIEUX.c.source, LIEUX.c.id).in_(list(keys)))).mappings().all()
    by_key = {(row["source"], row["id"]): dict(row) for row in found}
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]
