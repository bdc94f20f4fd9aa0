"""`epnbot chat` and `epnbot demo` driven through stdin, as a script would (plain text, no TTY)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from testbot import sqlite_url

EPNBOT = str(Path(sys.executable).with_name("epnbot"))


def run(database: Path, command: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("DATABASE_URL", None)
    return subprocess.run([EPNBOT, "--db", sqlite_url(database), command], input=stdin, text=True,
                          capture_output=True, timeout=120, env=env, check=False)


def test_chat_session_through_stdin(paca_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "chat.db"
    shutil.copyfile(paca_template, database)
    session = "aide\nqui peut m'aider à faire mes démarches CAF à Draguignan ?\nplus\nquitter\nnon lu\n"
    result = run(database, "chat", session)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Bonjour ! Je vous indique les lieux de médiation numérique")
    assert "> " not in out  # no prompt when stdin is not a terminal
    assert "Commandes :" in out
    assert "J'ai compris : démarches administratives · près de Draguignan (83)" in out
    assert re.search(r"^1\. .+ — Draguignan$", out, re.MULTILINE), out
    assert out.rstrip().endswith("À bientôt !")
    assert "non lu" not in out and "Je n'ai pas compris" not in out


def test_end_of_input_says_goodbye_and_odd_input_is_answered(paca_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "chat.db"
    shutil.copyfile(paca_template, database)
    result = run(database, "chat", "\x00\u202e🙂\n[bold]x[/bold] <b>&amp;\n" + "é" * 5000 + "\n")
    assert result.returncode == 0, result.stderr
    assert "Désolé" not in result.stdout and "Traceback" not in result.stderr
    assert "(question tronquée à 2\u202f000 caractères)" in result.stdout
    assert result.stdout.rstrip().endswith("À bientôt !")


def test_demo_loads_the_sample_into_an_empty_base(tmp_path: Path) -> None:
    result = run(tmp_path / "demo.db", "demo", "quitter\n")
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Base d'exemple chargée : 646 lieux de médiation numérique"), first
    again = run(tmp_path / "demo.db", "demo", "")
    assert again.stdout.splitlines()[0] == "Base déjà prête : 646 lieux de médiation numérique."


def test_undecodable_bytes_are_answered(paca_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "chat.db"
    shutil.copyfile(paca_template, database)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run([EPNBOT, "--db", sqlite_url(database), "chat"], input=b"\xff\xfe caf\xe9 Nice\n",
                            capture_output=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "À bientôt !" in result.stdout.decode()
