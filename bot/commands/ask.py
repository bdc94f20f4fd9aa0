"""`epnbot ask`: the JSON contract of DESIGN §4, for the team's evaluation scripts and for scripting.

`--jsonl` answers one question per input line, in order, in one process: the index is built once,
then every question costs only parsing and an in-memory search.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from bot.commands.common import CliContext
from knowledge.taxonomy import AUDIENCES, NEEDS


def _dump(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))


def _human(answer: dict[str, Any]) -> str:
    query = answer["query"]
    needs = ", ".join(NEEDS[n] for n in query["needs"]) or "aucun besoin reconnu"
    audiences = ", ".join(AUDIENCES[a] for a in query["audiences"])
    place = query["place"]
    where = f"{place['name']} ({place['code']})" if place else "aucun lieu indiqué"
    lines = [f"Besoins : {needs}", *( [f"Public : {audiences}"] if audiences else []), f"Lieu : {where}"]
    for rank, hit in enumerate(answer["results"], 1):
        distance = "" if hit["distance_km"] is None else f" — {str(hit['distance_km']).replace('.', ',')} km"
        lines.append(f"{rank}. {hit['name']} ({hit['commune']}){distance}")
    if not answer["results"]:
        lines.append("Aucun lieu trouvé.")
    return "\n".join(lines)


@click.command()
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Écrire un objet JSON (contrat DESIGN §4).")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help="Lire une question par ligne sur l'entrée standard, écrire un objet JSON par ligne.")
@click.option("--limit", type=click.IntRange(1, 50), default=None, help="Nombre de lieux par réponse (5).")
@click.pass_context
def ask(ctx: click.Context, text: str | None, as_json: bool, as_jsonl: bool, limit: int | None) -> None:
    """Répondre à une question : besoins, public, lieu compris et meilleurs lieux."""
    if as_jsonl and text is not None:
        raise click.UsageError("Avec --jsonl, les questions se lisent sur l'entrée standard, pas en argument.")
    if not as_jsonl and text is None:
        raise click.UsageError("Donnez une question entre guillemets, ou --jsonl pour lire l'entrée standard.")
    app = ctx.find_object(CliContext).app()  # type: ignore[union-attr]
    understanding = app.understanding
    if limit is not None:
        understanding.results = limit
    if text is not None:
        answer = understanding.ask_json(text)
        click.echo(_dump(answer) if as_json else _human(answer))
        return
    out = sys.stdout
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        out.write(_dump(understanding.ask_json(line)) + "\n")
        out.flush()
