"""`epnbot ask` (DESIGN §4), the contract the evaluation scripts call, over the real PACA file.

Protects the JSON shape (exactly the keys of §4), a known-good answer (« démarches CAF à
Draguignan » → a lieu of Draguignan offering `demarches`), `--jsonl` (one line out per line in,
same order, blank lines and invalid UTF-8 included, `--limit`), French usage errors with exit
status 2, and that the index built from PostgreSQL answers exactly as the one built from SQLite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import cli
from knowledge.db import make_engine
from knowledge.gazetteer import default_gazetteer
from knowledge.understanding import Understanding

ROOT = Path(__file__).resolve().parents[1]
PACA = ROOT / "knowledge" / "data" / "lieux-paca-2023.json"
EPNBOT = Path(sys.executable).parent / "epnbot"

ANSWER_KEYS = {"text", "query", "results", "elapsed_ms"}
QUERY_KEYS = {"needs", "audiences", "place"}
PLACE_KEYS = {"kind", "code", "name", "lat", "lon"}
RESULT_KEYS = {"lieu_id", "source", "name", "commune", "insee", "needs", "distance_km", "score", "mediators"}
CAF_DRAGUIGNAN = "qui peut m'aider à faire mes démarches CAF à Draguignan ?"


def import_paca(url: str) -> None:
    result = CliRunner().invoke(cli, ["--db", url, "kb", "import", "--quiet", str(PACA)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def paca_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the PACA file, imported once for the module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ask') / 'paca.db'}"
    import_paca(url)
    return url


def ask(url: str, *args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(cli, ["--db", url, "ask", *args], input=stdin, catch_exceptions=False)


def check_contract(answer: dict[str, Any], text: str) -> None:
    assert set(answer) == ANSWER_KEYS
    assert answer["text"] == text
    assert set(answer["query"]) == QUERY_KEYS
    assert all(isinstance(n, str) for n in answer["query"]["needs"])
    assert all(isinstance(a, str) for a in answer["query"]["audiences"])
    place = answer["query"]["place"]
    assert place is None or set(place) == PLACE_KEYS
    for hit in answer["results"]:
        assert set(hit) == RESULT_KEYS
        assert isinstance(hit["lieu_id"], str) and hit["lieu_id"]
        assert isinstance(hit["mediators"], list)
        assert hit["distance_km"] is None or hit["distance_km"] >= 0
    assert isinstance(answer["elapsed_ms"], (int, float)) and answer["elapsed_ms"] >= 0


def test_json_answer_has_exactly_the_contract_keys(paca_url: str) -> None:
    result = ask(paca_url, "--json", CAF_DRAGUIGNAN)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    check_contract(answer, CAF_DRAGUIGNAN)
    assert answer["query"]["needs"][0] == "demarches"
    assert answer["query"]["audiences"] == []
    assert answer["query"]["place"]["kind"] == "commune"
    assert answer["query"]["place"]["code"] == "83050"
    first = answer["results"][0]
    assert first["insee"] == "83050"
    assert first["commune"] == "Draguignan"
    assert "demarches" in first["needs"]
    assert first["distance_km"] < 5
    assert 1 <= len(answer["results"]) <= 5
    distances = [hit["distance_km"] for hit in answer["results"]]
    assert distances[0] == min(distances)


def test_json_keeps_french_characters_unescaped(paca_url: str) -> None:
    result = ask(paca_url, "--json", "aide démarches à Hyères")
    assert "démarches" in result.stdout and "\\u00e9" not in result.stdout


def test_human_output_is_french(paca_url: str) -> None:
    result = ask(paca_url, CAF_DRAGUIGNAN)
    assert result.exit_code == 0
    assert "Besoins : démarches administratives" in result.output
    assert "Lieu : Draguignan (83050)" in result.output
    assert "1. " in result.output


def test_jsonl_keeps_order_and_one_line_per_input_line(paca_url: str) -> None:
    texts = [CAF_DRAGUIGNAN, "", "Bonjour !", "atelier cv ds le 84", "initiation smartphone a laragne"]
    result = ask(paca_url, "--jsonl", stdin="\n".join(texts) + "\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(texts)
    answers = [json.loads(line) for line in lines]
    for answer, text in zip(answers, texts, strict=True):
        check_contract(answer, text)
    assert answers[0]["results"][0]["insee"] == "83050"
    assert answers[1]["query"] == {"needs": [], "audiences": [], "place": None}
    assert answers[1]["results"] == []
    assert answers[2]["query"]["needs"] == []
    assert answers[3]["query"]["place"]["code"] == "84"
    assert answers[4]["query"]["place"]["code"] == "05070"


def test_jsonl_limit(paca_url: str) -> None:
    result = ask(paca_url, "--jsonl", "--limit", "2", stdin="aide caf a marseille\natelier smartphone a nice\n")
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(a["results"]) for a in answers] == [2, 2]


def test_json_limit(paca_url: str) -> None:
    answer = json.loads(ask(paca_url, "--json", "--limit", "1", "aide caf a marseille").stdout)
    assert len(answer["results"]) == 1


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        ([], None, "Donnez une question"),
        (["--json"], None, "Donnez une question"),
        (["--jsonl", "aide caf"], "", "Avec --jsonl"),
        (["--limit", "0", "aide caf"], None, "--limit"),
    ],
)
def test_usage_errors_exit_2_in_french(paca_url: str, args: list[str], stdin: str | None, message: str) -> None:
    result = ask(paca_url, *args, stdin=stdin)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""  # nothing a script could mistake for an answer


def test_jsonl_subprocess_survives_invalid_utf8_and_blank_lines(paca_url: str) -> None:
    """The real console script, fed raw bytes: a bad line gets an answer, never a crash or a shift."""
    data = (CAF_DRAGUIGNAN.encode() + b"\n" + b"\xff\xfe caf \xc3( \xe0 Toulon\n" + b"\n"
            + b"atelier cv a nice\r\n" + b"derniere ligne sans fin de ligne a gap")
    process = subprocess.run([str(EPNBOT), "--db", paca_url, "ask", "--jsonl"], input=data,
                             capture_output=True, timeout=120, check=False)
    assert process.returncode == 0, process.stderr.decode(errors="replace")
    lines = process.stdout.decode("utf-8").splitlines()
    assert len(lines) == 5
    answers = [json.loads(line) for line in lines]
    assert answers[0]["results"][0]["insee"] == "83050"
    assert "\ufffd" in answers[1]["text"]
    assert answers[2]["text"] == ""
    assert answers[3]["text"] == "atelier cv a nice"
    assert answers[4]["query"]["place"]["code"] == "05061"
    for answer in answers:
        assert set(answer) == ANSWER_KEYS


QUESTIONS = [
    CAF_DRAGUIGNAN,
    "je suis au chomage, qqn pr m'aider a faire mon cv ds le 13",
    "atelier smartphone pour les seniors à Nice",
    "ordi pas cher a Malijay",
    "aide pour ma déclaration d'impôts à Marseille 13015",
    "Atelier sur l'IA dans le Vaucluse",
    "imprimer un document vers fos",
    "Bonjour",
]


def _without_time(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if k != "elapsed_ms"}


def test_postgresql_index_answers_like_sqlite(db_url: str, paca_url: str) -> None:
    import_paca(db_url)
    gazetteer = default_gazetteer()
    engines = [make_engine(db_url), make_engine(paca_url)]
    try:
        other, sqlite = (Understanding.from_database(engine, gazetteer) for engine in engines)
    finally:
        for engine in engines:
            engine.dispose()
    assert len(other.index) == len(sqlite.index) == 646
    for question in QUESTIONS:
        assert _without_time(other.ask_json(question)) == _without_time(sqlite.ask_json(question)), question
