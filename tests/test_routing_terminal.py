"""The whole routing flow in the terminal bot, each person in their own `epnbot chat --as ID`
(separate processes on one SQLite file, as people would run it): ask → transmettre → oui → offer
to the first mediator → refuser → offer to the next → accepter → clore; every message each
person sees, every state (read back with `epnbot requests show --json`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from testbot import PACA, sqlite_url

EPNBOT = str(Path(sys.executable).with_name("epnbot"))
FS_DRAGUIGNAN = "dora-e0e79c9a-bfdd-4739-932b-d7b675925918"
PEOPLE = f"""
mediateurs:
  - {{id: med-ana, nom: Ana Exemple, lieux: [{FS_DRAGUIGNAN}], besoins: [demarches], capacite: 3}}
  - {{id: med-bruno, nom: Bruno Exemple, lieux: [{FS_DRAGUIGNAN}], capacite: 3}}
coordinateurs:
  - {{id: coord-var, nom: Coordination Var, departements: ["83"]}}
"""


def epnbot(database: Path, *args: str, stdin: str = "", user: str = "u-pro") -> str:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "USER": user}
    for name in ("DATABASE_URL", "SLACK_BOT_TOKEN", "MATRIX_HOMESERVER", "EPNBOT_TRANSPORTS"):
        env.pop(name, None)
    result = subprocess.run([EPNBOT, "--db", sqlite_url(database), *args], input=stdin, text=True,
                            capture_output=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_whole_flow_in_the_terminal(tmp_path: Path) -> None:
    database = tmp_path / "epnbot.db"
    people = tmp_path / "personnes.yaml"
    people.write_text(PEOPLE, encoding="utf-8")
    epnbot(database, "kb", "import", "-q", str(PACA), str(people))

    asker = epnbot(database, "chat", stdin="qui peut m'aider à faire mes démarches CAF à Draguignan ?\n"
                                            "transmettre\noui joignable le matin au 06 00 00 00 00\nquitter\n")
    assert "« transmettre 1 »" in asker and "Êtes-vous d'accord ?" in asker
    assert "C'est transmis : demande n° 1 pour « France Services Draguignan »" in asker

    ana = epnbot(database, "chat", "--as", "med-ana", stdin="refuser 1 pas disponible cette semaine\nquitter\n")
    assert "Nouvelle demande n° 1" in ana and "« accepter 1 »" in ana and "u-pro" not in ana
    assert "demande n° 1 refusée (pas disponible)" in ana

    bruno = epnbot(database, "chat", "--as", "med-bruno", stdin="accepter 1\nclore 1 dossier CAF fait\nquitter\n")
    assert "Nouvelle demande n° 1" in bruno
    assert "Personne à recontacter : u-pro" in bruno and "06 00 00 00 00" in bruno
    assert "Demande n° 1 close (dossier CAF fait)" in bruno

    later = epnbot(database, "chat", stdin="mes demandes\nquitter\n")
    assert "je la propose à un autre" in later
    assert "acceptée par Bruno Exemple" in later
    assert "est close (dossier CAF fait)" in later
    assert "n° 1 — close" in later
    again = epnbot(database, "chat", stdin="quitter\n")
    assert "acceptée par" not in again  # each notice is shown once

    shown = json.loads(epnbot(database, "requests", "show", "1", "--json"))
    assert shown["state"] == "clôturée" and shown["lieu"]["id"] == FS_DRAGUIGNAN
    assert [entry["event"] for entry in shown["log"]] == [
        "créée", "proposée", "refusée", "proposée", "acceptée", "clôturée"]
    listed = json.loads(epnbot(database, "requests", "list", "--state", "clôturée", "--json"))
    assert [request["number"] for request in listed["requests"]] == [1]
