"""Importing lieux from the cartographie JSON and the v1 CSV, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.app import App
from knowledge.importers.common import FileUnreadableError
from knowledge.importers.runner import import_file
from knowledge.models import ImportRun, Lieu

DATA = Path(__file__).parent / "data"


def _count(app: App) -> int:
    with app.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(Lieu)).scalar_one())


def _lieu(app: App, lieu_id: str) -> Lieu:
    with app.sessions() as session:
        found = session.scalars(select(Lieu).where(Lieu.id == lieu_id)).one_or_none()
        assert found is not None
        return found


def test_paca_json_imports_every_lieu_and_is_idempotent(app: App, paca_json: Path) -> None:
    first = import_file(app.engine, paca_json)
    assert (first.added, first.changed, first.unchanged, first.rejected) == (646, 0, 0, [])
    assert first.ok and _count(app) == 646
    second = import_file(app.engine, paca_json)
    assert (second.added, second.changed, second.unchanged, len(second.rejected)) == (0, 0, 646, 0)
    with app.sessions() as session:
        runs = session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
        assert [(r.added, r.unchanged, r.status) for r in runs] == [(646, 0, "terminé"), (0, 646, "terminé")]
        lieux = session.scalars(select(Lieu)).all()
        assert all(lieu.code_insee and lieu.departement for lieu in lieux)
        assert all(lieu.latitude is not None for lieu in lieux)
        # The 4 without coordinates, and the 2 whose coordinates lie 97 and 392 km from the commune
        # their INSEE code, postal code and name agree on (placement.Placer).
        assert sum(lieu.point_origine == "commune" for lieu in lieux) == 6
        assert sum("coordonnees_source" in lieu.extra for lieu in lieux) == 2
    assert len([n for n in first.notices if "placement douteux" in n.reason]) == 2


def test_paca_mapping(app: App, paca_json: Path) -> None:
    import_file(app.engine, paca_json)
    draguignan = _lieu(app, "dora-e0e79c9a-bfdd-4739-932b-d7b675925918")
    assert (draguignan.code_insee, draguignan.departement) == ("83050", "83")
    assert draguignan.point_origine == "source"
    assert "demarches" in draguignan.besoins
    entreprise_only = _lieu(app, "mediation-numerique-cr93-593")  # « Créer et développer mon entreprise »
    assert entreprise_only.besoins == ["entreprise"]
    # The v0.1 vocabulary is stored in v1 words.
    belleville = _lieu(app, "mediation-numerique-france-services-2490")
    assert belleville.frais == ["Gratuit"]
    assert set(belleville.publics_codes) == {"familles", "jeunes", "seniors"}
    assert belleville.departement == "69"  # its coordinates and name are in the Rhône, whatever the postcode


def test_lieu_without_coordinates_takes_its_commune_point(app: App, tmp_path: Path) -> None:
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps([
        {"id": "a", "nom": "Sans point", "commune": "Draguignan", "code_postal": "83300", "services": ""},
        {"id": "b", "nom": "Zéro", "commune": "Draguignan", "code_postal": "83300",
         "latitude": 0, "longitude": 0},
        {"id": "c", "nom": "Marseille 3e", "commune": "Marseille 3e", "code_postal": "13003",
         "latitude": "43,31", "longitude": "5,38"},
    ]), encoding="utf-8")
    report = import_file(app.engine, path)
    assert report.added == 3, report.rejected
    for lieu_id in ("a", "b"):
        lieu = _lieu(app, lieu_id)
        assert (lieu.point_origine, lieu.code_insee) == ("commune", "83050")
        assert lieu.latitude == pytest.approx(43.54, abs=0.05)
    marseille = _lieu(app, "c")
    assert (marseille.code_insee, marseille.point_origine, marseille.latitude) == ("13203", "source", 43.31)


def test_json_wrappers_and_geojson(app: App, tmp_path: Path) -> None:
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"meta": {"x": [1]}, "lieux": [
        {"id": "w1", "nom": "Un", "commune": "Martigues", "code_postal": "13500"}]}), encoding="utf-8")
    geo = tmp_path / "lieux.geojson"
    geo.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [6.46, 43.53]},
         "properties": {"id": "g1", "nom": "Deux", "commune": "Draguignan", "code_postal": "83300",
                        "services": "Créer et développer mon entreprise", "source_extra": "gardé"}}]}),
        encoding="utf-8")
    assert import_file(app.engine, wrapped).added == 1
    assert import_file(app.engine, geo).added == 1
    lieu = _lieu(app, "g1")
    assert (lieu.latitude, lieu.longitude, lieu.point_origine) == (43.53, 6.46, "source")
    assert lieu.besoins == ["entreprise"] and lieu.extra == {"source_extra": "gardé"}


def test_bad_rows_are_reported_with_their_line(app: App, tmp_path: Path) -> None:
    path = tmp_path / "lieux.json"
    path.write_text(
        '[\n'
        '  {"id": "ok", "nom": "Bon", "commune": "Nice", "code_postal": "06000"},\n'
        '  {"id": "lat", "nom": "Latitude", "commune": "Nice", "latitude": "abc", "longitude": 7.2},\n'
        '  {"id": "far", "nom": "Loin", "commune": "Nice", "latitude": 143.0, "longitude": 7.2},\n'
        '  {"id": "ok", "nom": "Doublon", "commune": "Nice"},\n'
        '  {"nom": "Sans id", "commune": "Nice"},\n'
        '  {"id": "date", "nom": "Date", "commune": "Nice", "date_maj": "hier"},\n'
        '  {"id": "lieu", "nom": "Nulle part"},\n'
        '  "pas un objet",\n'
        '  {"id": "' + "x" * 201 + '", "nom": "Long", "commune": "Nice"}\n'
        ']\n', encoding="utf-8")
    report = import_file(app.engine, path)
    assert report.added == 1 and not report.ok
    messages = [row.message for row in report.rejected]
    assert messages == [
        "ligne 3 : latitude « abc » illisible",
        "ligne 4 : latitude 143.0 hors limites (-90.0 à 90.0)",
        "ligne 5 : identifiant « lieux:ok » déjà présent ligne 2",
        "ligne 6 : identifiant (id) manquant",
        "ligne 7 : date de mise à jour « hier » illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
        "ligne 8 : ni commune, ni code postal, ni code INSEE",
        "ligne 9 : l'enregistrement n'est pas un objet JSON",
        "ligne 10 : identifiant trop long (201 caractères, 200 au plus)",
    ]
    with app.sessions() as session:
        run = session.scalars(select(ImportRun)).one()
        assert (run.status, run.rejected, run.report[0]) == (
            "partiel", 8, {"line": 3, "id": "lat", "reason": "latitude « abc » illisible"})


def test_changed_row_is_updated(app: App, tmp_path: Path) -> None:
    path = tmp_path / "lieux.json"
    row = {"id": "x", "nom": "Avant", "commune": "Nice", "code_postal": "06000"}
    path.write_text(json.dumps([row]), encoding="utf-8")
    import_file(app.engine, path)
    path.write_text(json.dumps([{**row, "nom": "Après"}]), encoding="utf-8")
    report = import_file(app.engine, path)
    assert (report.added, report.changed, report.unchanged) == (0, 1, 0)
    assert _lieu(app, "x").nom == "Après"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("vide.json", b"", "est vide"),
    ("blancs.csv", b"  \n\n", "est vide"),
    ("tronque.json", b'[{"id": "a", "nom": "A", "commune": "Nice"}, {"id": "b", "no',
     "n'est pas un JSON valide"),
    ("objet.json", b'{"type": "autre"}', "ne contient pas de liste de lieux"),
    ("colonnes.csv", b"identifiant,nom\n1,Un\n", "colonne(s) obligatoire(s) absente(s) : id"),
    ("latin1.csv", "id,nom,commune\n1,Médiathèque,Nîmes\n".encode("latin-1"), "n'est pas encodé en UTF-8"),
])
def test_unreadable_files_change_nothing(app: App, paca_json: Path, tmp_path: Path, name: str,
                                         content: bytes, expected: str) -> None:
    import_file(app.engine, paca_json)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileUnreadableError, match=re.escape(expected)) as caught:
        import_file(app.engine, path)
    assert "Rien n'a été modifié" in str(caught.value) or "rien à importer" in str(caught.value)
    assert _count(app) == 646
    with app.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ImportRun)) == 1


def test_missing_file(app: App, tmp_path: Path) -> None:
    with pytest.raises(FileUnreadableError, match="introuvable"):
        import_file(app.engine, tmp_path / "absent.json")


def test_fixture_files_exist() -> None:
    assert (DATA / "lieux-v1-3-erreurs.csv").is_file()
