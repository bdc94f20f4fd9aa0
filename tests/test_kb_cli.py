"""`epnbot kb import|stats|export` through click: exit statuses, French output, export round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select

from bot.cli import cli
from knowledge.db import make_engine
from knowledge.models import Lieu

DATA = Path(__file__).parent / "data"
#: Columns that depend on when and how a lieu was imported, not on what it says.
_BOOKKEEPING = {"content_hash", "import_run_id", "updated_at", "services"}


def run(db_url: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", db_url, "kb", *args], catch_exceptions=False)


def lieux(db_url: str) -> dict[str, dict[str, Any]]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(Lieu.__table__)).mappings().all()
    finally:
        engine.dispose()
    return {row["id"]: {k: v for k, v in row.items() if k not in _BOOKKEEPING} for row in rows}


def test_import_ok_then_unchanged(db_url: str, paca_json: Path, mediators_yaml: Path) -> None:
    result = run(db_url, "import", str(paca_json), str(mediators_yaml))
    assert result.exit_code == 0, result.output
    assert "646 ajoutée(s)" in result.output and "5 médiateur(s) et 1 coordinateur(s)" in result.output
    again = run(db_url, "import", "--quiet", str(paca_json))
    assert again.exit_code == 0
    assert "0 ajoutée(s), 0 modifiée(s), 646 inchangée(s), 0 rejetée(s)" in again.output


def test_rejected_rows_give_status_1_and_their_lines(db_url: str) -> None:
    result = run(db_url, "import", str(DATA / "lieux-v1-3-erreurs.csv"))
    assert result.exit_code == 1
    assert "28 ajoutée(s)" in result.output and "2 rejetée(s)" in result.output
    for line in ("ligne 6 : latitude « abc » illisible", "ligne 13 : nom manquant"):
        assert line in result.output


def test_many_rejected_rows_are_cut_at_50_with_a_full_report(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "beaucoup.csv"
    path.write_text("id,nom,commune\n" + "".join(f"x{i},,Nice\n" for i in range(60)), encoding="utf-8")
    full = tmp_path / "rapport.csv"
    result = run(db_url, "import", str(path), "--rapport", str(full))
    assert result.exit_code == 1
    assert "… et 10 autres" in result.output and str(full) in result.output
    assert len(full.read_text(encoding="utf-8").splitlines()) == 61


def test_unreadable_file_gives_status_1_and_changes_nothing(
    db_url: str, v1_csv: Path, tmp_path: Path
) -> None:
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(v1_csv.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    result = run(db_url, "import", str(latin))
    assert result.exit_code == 1
    assert "n'est pas encodé en UTF-8" in result.output and "Enregistrez-le en UTF-8" in result.output
    assert lieux(db_url) == {}
    truncated = tmp_path / "tronque.json"
    truncated.write_text('[{"id": "a", "nom": "A", "commune": "Nice"}, {"id"', encoding="utf-8")
    assert run(db_url, "import", str(truncated)).exit_code == 1
    assert lieux(db_url) == {}


def test_format_option_forces_the_reader(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "lieux.txt"
    path.write_text('[{"id": "a", "nom": "A", "commune": "Nice"}]', encoding="utf-8")
    assert run(db_url, "import", "--format", "json", str(path)).exit_code == 0
    assert run(db_url, "import", "--format", "v1-csv", str(path)).exit_code == 1


def test_stats(db_url: str, paca_json: Path, mediators_yaml: Path) -> None:
    empty = run(db_url, "stats")
    assert empty.exit_code == 0 and "Lieux : 0" in empty.output
    run(db_url, "import", str(paca_json), str(mediators_yaml))
    result = run(db_url, "stats")
    assert result.exit_code == 0
    assert "Lieux : 646" in result.output
    assert "  13\t226" in result.output and "  entreprise\t47" in result.output
    assert "Médiateurs : 5" in result.output and "coordinateurs : 1" in result.output


def test_export_round_trip(db_url: str, paca_json: Path, v1_csv: Path, tmp_path: Path) -> None:
    assert run(db_url, "import", str(paca_json)).exit_code == 0
    exported = tmp_path / "export.csv"
    assert run(db_url, "export", "--format", "v1-csv", "-o", str(exported)).exit_code == 0
    header = exported.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,pivot,nom,commune,code_postal,code_insee") and ",besoins_epnbot" in header
    again_url = f"sqlite:///{tmp_path / 'retour.db'}"
    assert run(again_url, "import", str(exported)).exit_code == 0
    before, after = lieux(db_url), lieux(again_url)
    assert len(after) == 646
    assert before == after


def test_export_to_stdout_round_trips_a_v1_file(db_url: str, v1_csv: Path, tmp_path: Path) -> None:
    run(db_url, "import", str(v1_csv))
    result = run(db_url, "export")
    assert result.exit_code == 0
    exported = tmp_path / "export.csv"
    exported.write_text(result.stdout, encoding="utf-8")
    again_url = f"sqlite:///{tmp_path / 'retour.db'}"
    assert run(again_url, "import", str(exported)).exit_code == 0
    assert lieux(db_url) == lieux(again_url)
