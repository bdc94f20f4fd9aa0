"""Importing the mediators and coordinators YAML (DESIGN §3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from knowledge.importers.common import FileUnreadableError
from knowledge.importers.runner import import_file
from knowledge.models import Coordinateur, Mediateur, MediateurLieu


def test_sample_file(app: App, mediators_yaml: Path, paca_json: Path) -> None:
    report = import_file(app.engine, mediators_yaml)
    assert (report.added, report.rejected, report.kinds) == (6, [], {"mediateurs": 5, "coordinateurs": 1})
    assert import_file(app.engine, mediators_yaml).unchanged == 6
    import_file(app.engine, paca_json)
    with app.sessions() as session:
        ana = session.get(Mediateur, "med-exemple-draguignan")
        assert ana is not None and "Exemple" in ana.nom
        assert ana.absences == [{"du": "2026-12-20", "au": "2027-01-03"}]
        assert ana.matrix is not None and ana.matrix.endswith(":example.org")
        links = session.scalars(select(MediateurLieu.lieu_id)).all()
        from knowledge.models import Lieu
        known = set(session.scalars(select(Lieu.id).where(Lieu.id.in_(links))).all())
        assert known == set(links)  # every sample mediator works at a real PACA lieu
        coordinator = session.get(Coordinateur, "coord-exemple-paca")
        assert coordinator is not None and coordinator.departements == ["83", "13", "06"]


def test_changed_mediator_gets_new_lieux(app: App, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("mediateurs:\n  - {id: m1, nom: Un Exemple, lieux: [a, b]}\n", encoding="utf-8")
    import_file(app.engine, path)
    path.write_text("mediateurs:\n  - {id: m1, nom: Un Exemple, lieux: [c]}\n", encoding="utf-8")
    report = import_file(app.engine, path)
    assert report.changed == 1
    with app.sessions() as session:
        assert session.scalars(select(MediateurLieu.lieu_id)).all() == ["c"]


def test_bad_entries_are_rejected_with_line_and_reason(app: App, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "mediateurs:\n"
        "  - id: ok\n"                                           # line 2
        "    nom: Bon Exemple\n"
        "    capacite: 2\n"
        "  - {id: besoin, nom: X, besoins: [cuisine]}\n"          # line 5
        "  - {id: absence, nom: X, absences: [{du: 2026-05-10, au: 2026-05-01}]}\n"
        "  - {id: date, nom: X, absences: [{du: demain, au: 2026-05-01}]}\n"
        "  - {id: cle, nom: X, capacity: 3}\n"
        "  - {id: matrix, nom: X, matrix: ana}\n"
        "  - {id: ok, nom: Doublon}\n"                            # line 10
        "  - {nom: Sans id}\n"
        "  - juste du texte\n"
        "coordinateurs:\n"
        "  - {id: c1, nom: Coord, departements: ['83', '99']}\n", encoding="utf-8")
    report = import_file(app.engine, path)
    assert report.added == 1
    reasons = [row.message for row in report.rejected]
    assert reasons[0].startswith("ligne 5 : besoin inconnu « cuisine »")
    assert reasons[1] == ("ligne 6 : absence du 2026-05-10 au 2026-05-01 : "
                          "la date de début est après la date de fin")
    assert reasons[2].startswith("ligne 7 : date de début d'absence « demain » illisible")
    assert reasons[3] == "ligne 8 : clé(s) inconnue(s) : capacity"
    assert reasons[4].startswith("ligne 9 : identifiant Matrix « ana » invalide")
    assert reasons[5] == "ligne 10 : identifiant « ok » déjà présent ligne 2"
    assert reasons[6] == "ligne 11 : identifiant (id) manquant"
    assert reasons[7].startswith("ligne 1 : l'entrée n'est pas un dictionnaire")
    assert reasons[8] == "ligne 14 : département inconnu « 99 »"
    with app.sessions() as session:
        assert session.scalars(select(Mediateur.id)).all() == ["ok"]


@pytest.mark.parametrize(("content", "expected"), [
    ("- a\n- b\n", "doit être un dictionnaire"),
    ("mediateurs: [\n  {id: a\n", "n'est pas un YAML valide"),
    ("mediateurs: {id: a}\n", "doit être une liste"),
])
def test_unreadable_yaml_changes_nothing(app: App, tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FileUnreadableError, match=expected):
        import_file(app.engine, path)
    with app.sessions() as session:
        assert session.scalars(select(Mediateur.id)).all() == []
