"""Importing the national standard v1 CSV: variants seen in the wild, and rows with errors."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.app import App
from knowledge.importers.runner import import_file
from knowledge.models import Lieu

DATA = Path(__file__).parent / "data"


def _count(app: App) -> int:
    with app.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(Lieu)).scalar_one())


def test_example_imports_all_30(app: App, v1_csv: Path) -> None:
    report = import_file(app.engine, v1_csv)
    assert (report.added, report.rejected) == (30, [])
    with app.sessions() as session:
        lieu = session.scalars(select(Lieu).where(Lieu.id == "dora-e0e79c9a-bfdd-4739-932b-d7b675925918")).one()
        assert lieu is not None
        assert (lieu.nom, lieu.code_insee, lieu.departement) == ("France Services Draguignan", "83050", "83")
        assert lieu.modalites_accompagnement == ["Dans un atelier collectif", "Accompagnement individuel"]
        entreprise = session.scalar(select(func.count()).select_from(Lieu).where(
            Lieu.id == "dora-6046caa6-f22a-43c4-aa4d-72d8250ba0f1"))
        assert entreprise == 1
        martigues = session.scalars(select(Lieu).where(Lieu.id == "dora-6046caa6-f22a-43c4-aa4d-72d8250ba0f1")).one()
        assert martigues is not None and "entreprise" in martigues.besoins  # from `besoins_epnbot`
    assert import_file(app.engine, v1_csv).unchanged == 30


def test_three_broken_rows_of_thirty(app: App) -> None:
    report = import_file(app.engine, DATA / "lieux-v1-3-erreurs.csv")
    # Lines 4 and 21 share an id but not a source: two different lieux (an id is unique per source).
    assert report.added == 28 and _count(app) == 28
    assert [row.message for row in report.rejected] == [
        "ligne 6 : latitude « abc » illisible",
        "ligne 13 : nom manquant",
    ]
    with app.sessions() as session:
        shared = session.scalars(select(Lieu.source).where(Lieu.id == "dora-c1f11df3-c787-46ec-a5fa-be2d0ecf4757"))
        assert sorted(shared) == ["conseiller-numerique", "dora"]


def test_semicolon_delimiter_bom_and_old_column_names(app: App, tmp_path: Path) -> None:
    path = tmp_path / "ancien.csv"
    path.write_text(
        "\ufeffid;nom;commune;code_postal;services;modalite_acces;Itinerance;publics_specifiquement_adresses\n"
        "a1;EPN;Nice;6000;Aide aux démarches administratives|Loisirs et créations numériques;"
        "Se présenter, Téléphoner;Fixe;Jeunes|Seniors\n"
        "a2;EPN 2;Martigues;13500;Maîtrise des outils numériques du quotidien;;Itinérant;\n",
        encoding="utf-8")
    report = import_file(app.engine, path)
    assert (report.added, report.rejected) == (2, [])
    with app.sessions() as session:
        lieu = session.scalars(select(Lieu).where(Lieu.id == "a1")).one()
        assert lieu is not None
        assert lieu.code_postal == "06000" and lieu.code_insee == "06088"  # leading zero put back
        assert lieu.besoins == ["demarches", "loisirs-creation"]
        assert lieu.modalites_acces == ["Se présenter, Téléphoner"]
        assert lieu.itinerance == "Fixe"
        assert lieu.publics_codes == ["jeunes", "seniors"]


def test_values_separated_by_semicolons_in_a_comma_file(app: App, tmp_path: Path) -> None:
    path = tmp_path / "valeurs.csv"
    path.write_text('id,nom,commune,services\n'
                    'b1,Lieu,Draguignan,"Aide aux démarches administratives;'
                    'Accès internet et matériel informatique"\n',
                    encoding="utf-8")
    import_file(app.engine, path)
    with app.sessions() as session:
        lieu = session.scalars(select(Lieu).where(Lieu.id == "b1")).one()
        assert lieu is not None and lieu.besoins == ["demarches", "acces-equipement"]


def test_row_with_too_many_cells_is_rejected(app: App, tmp_path: Path) -> None:
    path = tmp_path / "cellules.csv"
    path.write_text("id,nom,commune\nc1,Un,Nice\nc2,Deux,Nice,en trop\n", encoding="utf-8")
    report = import_file(app.engine, path)
    assert report.added == 1
    assert report.rejected[0].line == 3 and "4 cellules au lieu de 3" in report.rejected[0].reason
