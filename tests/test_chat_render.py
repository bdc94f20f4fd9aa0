"""Plain-text and terminal rendering of replies; user and data text never becomes markup."""

from __future__ import annotations

import io

from bot.render.terminal import TerminalRenderer
from bot.render.text import render_text
from handlers.messages import Button, Card, Field, Reply

REPLY = Reply(
    text="J'ai compris : démarches administratives · près de Draguignan (83)",
    extra_lines=("(question tronquée à 2 000 caractères)",),
    cards=(Card(title="France Services [bold]Draguignan[/bold] & Cie", subtitle="Draguignan",
                fields=(Field("Distance", "à 0,8 km"), Field("Horaires", "ouvert maintenant (jusqu'à 12 h)")),
                link="https://rdv.example/fs?a=1&b=[2]", link_label="Prendre rendez-vous"),),
    buttons=(Button("Transmettre", "transmettre:1"),),
    footer="Tapez « plus » pour voir d'autres lieux.",
)


def test_plain_text_lines() -> None:
    assert render_text(REPLY).splitlines() == [
        "J'ai compris : démarches administratives · près de Draguignan (83)",
        "(question tronquée à 2 000 caractères)",
        "1. France Services [bold]Draguignan[/bold] & Cie — Draguignan",
        "   Distance : à 0,8 km",
        "   Horaires : ouvert maintenant (jusqu'à 12 h)",
        "   Prendre rendez-vous : https://rdv.example/fs?a=1&b=[2]",
        "→ Transmettre : « transmettre 1 »",
        "Tapez « plus » pour voir d'autres lieux.",
    ]


def test_plain_text_of_a_bare_reply() -> None:
    assert render_text(Reply(text="À bientôt !")) == "À bientôt !"


def test_terminal_without_tty_writes_plain_text() -> None:
    stream = io.StringIO()
    TerminalRenderer(stream).show(REPLY)
    assert stream.getvalue() == render_text(REPLY) + "\n"


def test_terminal_with_rich_keeps_markup_like_text_literal() -> None:
    stream = io.StringIO()
    renderer = TerminalRenderer(stream, rich=True)
    renderer.console.width = 200
    renderer.show(REPLY)
    renderer.show(Reply(text="[red]pas de couleur[/red]", extra_lines=("[link=x]y[/link]",)))
    output = stream.getvalue()
    assert "France Services [bold]Draguignan[/bold] & Cie" in output
    assert "https://rdv.example/fs?a=1&b=[2]" in output
    assert "[red]pas de couleur[/red]" in output and "[link=x]y[/link]" in output
    assert "\x1b[" in output  # it did use the terminal's styles


def test_phone_numbers_in_french_form() -> None:
    from handlers.lieu_view import phone_text

    assert phone_text("+33498094092") == "04 98 09 40 92"
    assert phone_text("04.98.09.40.92") == "04 98 09 40 92"
    assert phone_text("+32 2 555 12 12") == "+32 2 555 12 12"
    assert phone_text(" ") is None
