"""A lieu is its record's (source, id): files that number their lieux « 0 », « 1 »… never overwrite
each other, mediators name lieux unambiguously, and databases made before keep every lieu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from bot.app import App
from knowledge.db import alembic_config, make_engine, upgrade
from knowledge.importers.runner import import_file
from knowledge.lieu_identity import LieuKey
from knowledge.models import Lieu, MediateurLieu


def _region(tmp_path: Path, name: str, source: str | None, communes: list[tuple[str, str]]) -> Path:
    records = []
    for number, (commune, postcode) in enumerate(communes):
        record = {"id": str(number), "nom": f"Lieu {number} de {commune}", "commune": commune,
                  "code_postal": postcode, "services": "Prendre en main un ordinateur"}
        if source:
            record["source"] = source
        records.append(record)
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _keys(app: App) -> set[tuple[str, str]]:
    with app.engine.connect() as connection:
        return {(row[0], row[1]) for row in connection.execute(select(Lieu.source, Lieu.id))}


def test_files_numbering_from_zero_keep_every_lieu(app: App, tmp_path: Path) -> None:
    charente = _region(tmp_path, "charente.json", "hinaura-charente", [("Cognac", "16100"), ("Angoulême", "16000")])
    bus = _region(tmp_path, "bus.json", "bus-france-services", [("Ruffec", "16700"), ("Confolens", "16500")])
    anonymous = _region(tmp_path, "Lieux Privas.json", None, [("Privas", "07000")])
    reports = [import_file(app.engine, path) for path in (charente, bus, anonymous)]
    assert [report.added for report in reports] == [2, 2, 1]
    assert _keys(app) == {("hinaura-charente", "0"), ("hinaura-charente", "1"), ("bus-france-services", "0"),
                          ("bus-france-services", "1"), ("lieux-privas", "0")}
    again = [import_file(app.engine, path) for path in (charente, bus, anonymous)]
    assert [(report.added, report.changed, report.unchanged) for report in again] == [(0, 0, 2), (0, 0, 2),
                                                                                       (0, 0, 1)]


def test_reimporting_one_source_leaves_the_others_alone(app: App, tmp_path: Path) -> None:
    import_file(app.engine, _region(tmp_path, "a.json", "a", [("Cognac", "16100")]))
    import_file(app.engine, _region(tmp_path, "b.json", "b", [("Ruffec", "16700")]))
    changed = import_file(app.engine, _region(tmp_path, "a.json", "a", [("Angoulême", "16000")]))
    assert changed.changed == 1 and not changed.notices
    with app.sessions() as session:
        b = session.get(Lieu, ("b", "0"))
        a = session.get(Lieu, ("a", "0"))
        assert b is not None and b.commune == "Ruffec"
        assert a is not None and a.commune == "Angoulême"


def test_a_row_replacing_a_lieu_of_another_file_is_named(app: App, tmp_path: Path) -> None:
    import_file(app.engine, _region(tmp_path, "premier.json", "reseau", [("Cognac", "16100")]))
    second = import_file(app.engine, _region(tmp_path, "second.json", "reseau", [("Ruffec", "16700")]))
    assert second.ok and second.changed == 1
    assert len(second.notices) == 1
    message = second.notices[0].message
    assert "reseau:0" in message and "premier.json" in message and message.startswith("ligne 1")


def _mediators(tmp_path: Path, lieux: list[str]) -> Path:
    path = tmp_path / "mediateurs.yaml"
    path.write_text("mediateurs:\n  - id: med-1\n    nom: Ana Exemple\n    lieux: " + json.dumps(lieux) + "\n",
                    encoding="utf-8")
    return path


def test_an_ambiguous_bare_id_is_refused_in_french(app: App, tmp_path: Path) -> None:
    import_file(app.engine, _region(tmp_path, "a.json", "a", [("Cognac", "16100")]))
    import_file(app.engine, _region(tmp_path, "b.json", "b", [("Ruffec", "16700")]))
    report = import_file(app.engine, _mediators(tmp_path, ["0"]))
    assert not report.ok
    assert "ambigu" in report.rejected[0].reason and "a:0" in report.rejected[0].reason
    assert "b:0" in report.rejected[0].reason


def test_source_colon_id_names_one_lieu(app: App, tmp_path: Path) -> None:
    import_file(app.engine, _region(tmp_path, "a.json", "a", [("Cognac", "16100")]))
    import_file(app.engine, _region(tmp_path, "b.json", "b", [("Ruffec", "16700")]))
    assert import_file(app.engine, _mediators(tmp_path, ["b:0"])).ok
    with app.sessions() as session:
        links = session.scalars(select(MediateurLieu)).all()
        assert [(link.lieu_source, link.lieu_id) for link in links] == [("b", "0")]
    app.knowledge_changed()
    hits = app.understanding.search(app.understanding.parse("ordinateur à Ruffec")).hits
    assert hits[0].key == ("b", "0") and [m.id for m in hits[0].mediators] == ["med-1"]


def test_a_link_written_before_its_lieu_resolves_once_the_lieu_arrives(app: App, tmp_path: Path) -> None:
    assert import_file(app.engine, _mediators(tmp_path, ["0"])).ok
    import_file(app.engine, _region(tmp_path, "a.json", "a", [("Cognac", "16100")]))
    app.knowledge_changed()
    hits = app.understanding.search(app.understanding.parse("ordinateur à Cognac")).hits
    assert hits[0].key == ("a", "0") and [m.id for m in hits[0].mediators] == ["med-1"]


def test_lieu_key_spelling() -> None:
    assert str(LieuKey("dora", "abc")) == "dora:abc"
    assert LieuKey.parse("dora:abc") == LieuKey("dora", "abc")
    assert LieuKey.parse("abc") is None


def test_migration_keeps_every_lieu_and_mediator_link(db_url: str, tmp_path: Path) -> None:
    """A database made before (source, id) upgrades without losing a lieu or a mediator link."""
    engine = make_engine(db_url)
    try:
        command.upgrade(alembic_config(engine), "0001")  # type: ignore[arg-type]
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO import_runs (id, path, format, started_at, status, added, changed, unchanged, "
                "rejected, report) VALUES (1, '/data/Lieux PACA.json', 'json', CURRENT_TIMESTAMP, 'terminé', "
                "2, 0, 0, 0, '[]')"))
            for lieu_id, source in (("dora-1", "dora"), ("7", None)):
                connection.execute(text(
                    "INSERT INTO lieux (id, source, nom, commune, services, besoins, publics, publics_codes, "
                    "frais, modalites_acces, modalites_accompagnement, typologie, labels, courriels, site_web, "
                    "extra, content_hash, import_run_id) VALUES (:id, :source, 'Lieu', 'Nice', '[]', '[]', "
                    "'[]', '[]', '[]', '[]', '[]', '[]', '[]', '[]', '[]', '{}', 'h', 1)"),
                    {"id": lieu_id, "source": source})
            connection.execute(text(
                "INSERT INTO mediateurs (id, nom, besoins, capacite, absences, content_hash) "
                "VALUES ('med-1', 'Ana', '[]', 5, '[]', 'h')"))
            for lieu_id in ("dora-1", "7", "pas-encore"):
                connection.execute(text("INSERT INTO mediateur_lieux (mediateur_id, lieu_id) VALUES ('med-1', :id)"),
                                   {"id": lieu_id})
        upgrade(engine)
        with engine.connect() as connection:
            lieux = set(connection.execute(text("SELECT source, id FROM lieux")).all())
            links = set(connection.execute(text("SELECT lieu_source, lieu_id FROM mediateur_lieux")).all())
            count = connection.execute(select(func.count()).select_from(Lieu)).scalar_one()
        assert lieux == {("dora", "dora-1"), ("lieux-paca", "7")} and count == 2
        assert links == {("dora", "dora-1"), ("lieux-paca", "7"), ("", "pas-encore")}
    finally:
        engine.dispose()


@pytest.mark.parametrize("path, expected", [("/x/Lieux PACA 2023.json", "lieux-paca-2023"), ("", "inconnue")])
def test_source_of_a_file_without_one(path: str, expected: str) -> None:
    from knowledge.importers.lieu_record import source_of_file

    assert source_of_file(path) == expected
