"""Several real regional files in one knowledge base (issue 16), on SQLite and PostgreSQL.

Protects what a coordinator hit: the cartographie nationale's files number their lieux « 0 », « 1 »…
(Nouvelle-Calédonie and the Bus France Services of Charente both have a lieu « 1 » to « 12 »), so
every lieu must survive the others' import and a second import must change nothing; the files'
flaws (Mont-Dore of Nouvelle-Calédonie filed under the INSEE code of Le Mont-Dore in Puy-de-Dôme,
a bus stop of Valence in Charente at coordinates near Marseille, Nouméa's postal code on every
Caledonian lieu) are placed by the evidence that agrees and named in the report; questions about
Nouméa, Koné and Païta find a lieu there. The excerpts and their provenance: `data/regions/README.md`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import App
from knowledge.gazetteer import default_gazetteer, haversine_km
from knowledge.importers.common import FileReport
from knowledge.importers.runner import import_file
from knowledge.models import Lieu
from knowledge.understanding import Understanding

REGIONS = Path(__file__).parent / "data" / "regions"
PACA = Path(__file__).parent.parent / "knowledge" / "data" / "lieux-paca-2023.json"
FILES = (PACA, REGIONS / "nouvelle-caledonie-2024.json", REGIONS / "charente-2023.json",
         REGIONS / "bus-france-services-charente-2023.json")


def _records(path: Path) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return records


def _import_all(app: App) -> list[FileReport]:
    return [import_file(app.engine, path) for path in FILES]


def _lieu(app: App, source: str, lieu_id: str) -> Lieu:
    with app.sessions() as session:
        found = session.get(Lieu, (source, lieu_id))
        assert found is not None, (source, lieu_id)
        session.expunge(found)
        return found


def test_every_lieu_of_every_file_is_kept_and_a_second_import_changes_nothing(app: App) -> None:
    expected = {(str(r.get("source")), str(r["id"])) for path in FILES for r in _records(path)}
    first = _import_all(app)
    assert [report.rejected for report in first] == [[], [], [], []]
    assert sum(report.added for report in first) == len(expected) == 646 + 36 + 30 + 12
    with app.sessions() as session:
        stored = {(row.source, row.id) for row in session.execute(select(Lieu.source, Lieu.id))}
    assert stored == expected
    # « 1 » … « 12 » exist in both files, as two lieux each.
    assert _lieu(app, "Nouvelle-Calédonie", "1").commune == "Nouméa"
    assert _lieu(app, "Bus France Services en Charente", "1").commune == "Saint-Fraigne"
    second = _import_all(app)
    assert [(r.added, r.changed, len(r.rejected)) for r in second] == [(0, 0, 0)] * 4
    assert [r.unchanged for r in second] == [r.added for r in first]
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Lieu)) == len(expected)


def test_mont_dore_is_placed_in_nouvelle_caledonie_and_named_as_doubtful(app: App) -> None:
    reports = _import_all(app)
    caledonie = reports[1]
    for lieu_id in ("4", "35", "38"):  # commune « Mont-Dore », code INSEE 63236 (Puy-de-Dôme)
        lieu = _lieu(app, "Nouvelle-Calédonie", lieu_id)
        assert (lieu.code_insee, lieu.departement, lieu.commune) == ("98817", "988", "Le Mont-Dore")
        assert lieu.point_origine == "source"  # its coordinates agree with Le Mont-Dore
        notes = [n.reason for n in caledonie.notices if n.id == lieu_id]
        assert len(notes) == 1 and "placement douteux" in notes[0] and "63236" in notes[0]


def test_coordinates_far_from_the_commune_every_other_field_names_are_set_aside(app: App) -> None:
    """Bus stop « 4 » is in Valence (Charente: INSEE 16392, postal code 16460, name) but its
    coordinates are near Marseille: it stands at Valence's point, its own are kept."""
    reports = _import_all(app)
    lieu = _lieu(app, "Bus France Services en Charente", "4")
    valence = default_gazetteer().commune("16392")
    assert valence is not None and valence.point is not None
    assert (lieu.code_insee, lieu.departement, lieu.point_origine) == ("16392", "16", "commune")
    assert lieu.latitude is not None and lieu.longitude is not None
    assert haversine_km(lieu.latitude, lieu.longitude, *valence.point) < 0.01
    assert lieu.extra["coordonnees_source"] == "43.451334,5.411872"
    notes = [n.reason for n in reports[3].notices if n.id == "4"]
    assert len(notes) == 1 and "coordonnées à" in notes[0] and "Valence (16)" in notes[0]
    assert [n.id for n in reports[3].notices] == ["4"]  # the other stops are where they say


def test_a_wrong_postal_code_beside_agreeing_fields_is_an_inconsistency_not_a_doubt(app: App) -> None:
    """Every Caledonian lieu carries Nouméa's 98800: Poya's is placed in Poya (its INSEE code, name
    and coordinates agree), and the report says the postal code is wrong."""
    reports = _import_all(app)
    poya = _lieu(app, "Nouvelle-Calédonie", "2")
    assert (poya.code_insee, poya.departement, poya.point_origine) == ("98827", "988", "source")
    notes = [n.reason for n in reports[1].notices if n.id == "2"]
    assert notes == ["adresse incohérente (lieu placé d'après le reste) : le code postal 98800 est celui de "
                     "Nouméa (988), pas de Poya (988)"]
    assert not [n for n in reports[1].notices if n.id == "0"]  # Nouméa's own lieu: nothing to say


@pytest.mark.parametrize(("text", "insee"), [
    ("je cherche de l'aide pour mes démarches à Nouméa", "98818"),
    ("aide pour mes démarches en ligne à Koné", "98811"),
    ("besoin d'aide pour faire mes démarches à Païta", "98821"),
    ("accès à internet à Dumbéa", "98805"),
])
def test_questions_about_nouvelle_caledonie_find_a_lieu_there(app: App, text: str, insee: str) -> None:
    _import_all(app)
    understanding = Understanding.from_database(app.engine, default_gazetteer())
    answer = understanding.ask_json(text)
    assert answer["query"]["place"]["code"] == insee
    assert answer["results"], text
    first = answer["results"][0]
    assert (first["insee"], first["source"]) == (insee, "Nouvelle-Calédonie")
    assert first["distance_km"] < 15
    assert all(result["insee"].startswith("988") for result in answer["results"])
