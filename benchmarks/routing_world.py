"""A small routing world for the benchmark and the concurrency test: lieux, mediators, requests.

`lieux` lieux in real communes of the Var, each with `per_lieu` mediators of large capacity, and
`NewRequest`s spread over them with distinct askers (so none is a duplicate).
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.app import App
from knowledge.importers.runner import import_file
from knowledge.lieu_identity import LieuKey
from knowledge.routing.workflow import NewRequest

COMMUNES = (("Draguignan", "83300"), ("Fréjus", "83600"), ("Toulon", "83000"), ("Hyères", "83400"),
            ("Brignoles", "83170"), ("Saint-Raphaël", "83700"), ("La Seyne-sur-Mer", "83500"),
            ("Sainte-Maxime", "83120"))
SOURCE = "banc-routage"


def build_world(app: App, folder: Path, lieux: int = 16, per_lieu: int = 3, capacity: int = 100) -> list[LieuKey]:
    """Import the lieux and mediators; the lieux' keys."""
    records = []
    for number in range(lieux):
        commune, postcode = COMMUNES[number % len(COMMUNES)]
        records.append({"id": f"l{number}", "source": SOURCE, "nom": f"EPN {number} de {commune}",
                        "commune": commune, "code_postal": postcode,
                        "services": "Devenir autonome dans les démarches administratives"})
    lieux_path = folder / "lieux-banc.json"
    lieux_path.write_text(json.dumps(records), encoding="utf-8")
    lines = ["mediateurs:"]
    for number in range(lieux):
        for rank in range(per_lieu):
            lines.append(f"  - {{id: m{number}-{rank}, nom: Médiateur {number}-{rank}, "
                         f"lieux: ['{SOURCE}:l{number}'], capacite: {capacity}}}")
    lines += ["coordinateurs:", "  - {id: coord, nom: Coordination, departements: ['83']}"]
    people_path = folder / "personnes-banc.yaml"
    people_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in (lieux_path, people_path):
        report = import_file(app.engine, path)
        assert report.ok, report.rejected[:3]
    app.knowledge_changed()
    return [LieuKey(SOURCE, f"l{number}") for number in range(lieux)]


def new_request(number: int, lieux: list[LieuKey]) -> NewRequest:
    """The `number`-th request of the world: its own asker, a lieu in turn."""
    lieu = lieux[number % len(lieux)]
    return NewRequest(asker_platform="slack", asker_id=f"U{number:06d}", asker_name=None, room="C0BANC",
                      thread=f"{number}.000", text="aide pour mes démarches en ligne", need="demarches",
                      audiences=(), departement="83", lieu=lieu, lieu_name=f"EPN {lieu.id}",
                      consent_text="(banc d'essai)")
