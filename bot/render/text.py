"""Plain-text rendering of a `Reply`: the terminal when not a TTY, logs, and any plain fallback.

Nothing is escaped here: plain text has no markup. Markup renderers (Rich, Block Kit, Matrix HTML)
escape user and data text themselves.
"""

from __future__ import annotations

from handlers.messages import Button, Card, Reply

INDENT = "   "


def card_lines(number: int, card: Card) -> list[str]:
    """« 1. Title — subtitle », then one indented « Label : value » line per field, then the link."""
    title = f"{number}. {card.title}" + (f" — {card.subtitle}" if card.subtitle else "")
    lines = [title, *(f"{INDENT}{field.label} : {field.value}" for field in card.fields)]
    if card.link:
        label = f"{card.link_label} : " if card.link_label else ""
        lines.append(f"{INDENT}{label}{card.link}")
    return lines


def button_line(buttons: tuple[Button, ...]) -> str:
    """« → Accepter · Refuser » — the words the buttons stand for are typed in a terminal."""
    return "→ " + " · ".join(button.label for button in buttons)


def render_text(reply: Reply) -> str:
    """The whole reply as lines of plain text (no trailing newline)."""
    lines = [reply.text, *reply.extra_lines]
    for number, card in enumerate(reply.cards, start=1):
        lines.extend(card_lines(number, card))
    if reply.buttons:
        lines.append(button_line(reply.buttons))
    if reply.footer:
        lines.append(reply.footer)
    return "\n".join(lines)
