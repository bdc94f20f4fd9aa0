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


def button_words(button: Button) -> str:
    """What to type instead of pressing a button: « accepter 12 » for « accepter:12 »."""
    name, _, argument = button.action_id.partition(":")
    return f"{name} {argument}".strip()


def button_line(buttons: tuple[Button, ...]) -> str:
    """« → Accepter : « accepter 12 » · Refuser : « refuser 12 » » — a terminal types the words."""
    return "→ " + " · ".join(f"{button.label} : {button.url}" if button.url
                             else f"{button.label} : « {button_words(button)} »" for button in buttons)


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
