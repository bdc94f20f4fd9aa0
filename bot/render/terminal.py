"""Terminal rendering: Rich panels on a TTY, plain lines otherwise (so the bot can be scripted).

User and data text never becomes Rich markup: it is wrapped in `Text` objects or passed through
`rich.markup.escape`, so a lieu named « [bold]Café[/] » prints as written.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bot.render.text import button_line, render_text
from handlers.messages import Card, Reply


def card_panel(card: Card) -> Panel:
    """One lieu (or request) as a panel: fields in a two-column grid, then the link."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for field in card.fields:
        grid.add_row(Text(field.label), Text(field.value))
    if card.link:
        grid.add_row(Text(card.link_label or ""), Text(card.link, style="underline"))
    title = escape(card.title) + (f" [dim]— {escape(card.subtitle)}[/dim]" if card.subtitle else "")
    return Panel(grid, title=title, title_align="left", border_style="cyan")


class TerminalRenderer:
    """Writes replies to a stream, with Rich when `rich` is true (by default: the stream is a TTY)."""

    def __init__(self, stream: TextIO, *, rich: bool | None = None) -> None:
        self.stream = stream
        self.rich = stream.isatty() if rich is None else rich
        self.console = Console(file=stream, force_terminal=self.rich, highlight=False, soft_wrap=False)

    def show(self, reply: Reply) -> None:
        """Print one reply."""
        if not self.rich:
            self.stream.write(render_text(reply) + "\n")
            self.stream.flush()
            return
        parts: list[RenderableType] = [Text(reply.text, style="bold")]
        parts.extend(Text(line) for line in reply.extra_lines)
        parts.extend(card_panel(card) for card in reply.cards)
        if reply.buttons:
            parts.append(Text(button_line(reply.buttons), style="green"))
        if reply.footer:
            parts.append(Text(reply.footer, style="dim"))
        self.console.print(Group(*parts))

    def show_all(self, replies: list[Reply]) -> None:
        """Print several replies, in order."""
        for reply in replies:
            self.show(reply)

    def line(self, text: str) -> None:
        """One plain line of the program itself (« À bientôt ! »)."""
        if self.rich:
            self.console.print(Text(text))
        else:
            self.stream.write(text + "\n")
            self.stream.flush()
