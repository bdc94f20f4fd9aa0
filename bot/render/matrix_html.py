"""Matrix rendering of a `Reply`: an HTML `formatted_body`, a plain `body`, and the reactions it offers.

Matrix has no buttons: a button becomes the words to type (« !epn accepter 12 ») and, where a
reaction fits (✅ accept or yes, ❌ refuse or no, 1️⃣… for « transmettre 1 »), the emoji to react
with; `reactions` maps each emoji to the action id the transport hands to `Dispatcher.act`.
Every text from people or data is escaped, links keep only http(s), mailto and tel addresses, and
« @room » is broken by a word joiner so that no reply ever notifies a whole room.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlparse

from bot.render.text import card_lines
from bot.transports.matrix import texts
from handlers.messages import Button, Card, Reply

HTML_FORMAT: Final = "org.matrix.custom.html"
#: Synapse refuses events over 64 KiB; both bodies together stay well under it.
MAX_CHARS: Final = 24_000
_ROOM_PING: Final = re.compile(r"@(room)\b", re.IGNORECASE)
_SAFE_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
YES: Final = "✅"
NO: Final = "❌"
#: The reaction of an action name, when it has one.
ACTION_REACTIONS: Final = {"accepter": YES, "refuser": NO}
CHOICE_REACTIONS: Final = {"oui": YES, "non": NO}


def keycap(number: int) -> str:
    """« 1️⃣ » for 1 (digits 0 to 9 only)."""
    return f"{number}\ufe0f\u20e3"


@dataclass(frozen=True, slots=True)
class MatrixMessage:
    """The content of one `m.room.message`, and the reactions that stand for its buttons."""

    body: str
    formatted_body: str
    #: emoji → action id (« accepter:12 ») for `Action.from_id`.
    reactions: dict[str, str] = field(default_factory=dict)

    def content(self, msgtype: str = "m.notice") -> dict[str, object]:
        """The event content; `m.mentions` empty, so no one is notified by what the text says."""
        return {"msgtype": msgtype, "body": self.body, "format": HTML_FORMAT,
                "formatted_body": self.formatted_body, "m.mentions": {}}


def no_room_ping(text: str) -> str:
    """« @room » → « @⁠room » (word joiner): shown the same, never a room-wide notification."""
    return _ROOM_PING.sub("@\u2060\\1", text)


def escape(text: str) -> str:
    """Text as HTML: escaped, newlines as <br/>, « @room » neutralised."""
    return html.escape(no_room_ping(text), quote=True).replace("\n", "<br/>")


def safe_link(url: str) -> str | None:
    """`url` if its scheme is harmless (http, https, mailto, tel), else None."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    if parsed.scheme.lower() not in _SAFE_SCHEMES:
        return None
    if parsed.scheme.lower() in ("http", "https") and not parsed.netloc:
        return None
    return url.strip()


def _link_html(url: str, label: str | None) -> str:
    safe = safe_link(url)
    shown = escape(label or url)
    if safe is None:
        return f"{shown} : {escape(url)}" if label else escape(url)
    return f'<a href="{html.escape(safe, quote=True)}">{shown}</a>'


def card_html(number: int, card: Card) -> str:
    """One lieu (or request): bold numbered title, subtitle, a list of « Label : value », the link."""
    title = f"<strong>{number}. {escape(card.title)}</strong>"
    if card.subtitle:
        title += f" — {escape(card.subtitle)}"
    items = [f"<li><strong>{escape(item.label)}</strong> : {escape(item.value)}</li>" for item in card.fields]
    if card.link:
        items.append(f"<li>{_link_html(card.link, card.link_label)}</li>")
    listing = f"<ul>{''.join(items)}</ul>" if items else ""
    return f"<p>{title}</p>{listing}"


def _words(action_id: str) -> str:
    """« accepter:12 » → « accepter 12 » (what a person types for that button)."""
    name, _, argument = action_id.partition(":")
    return f"{name} {argument}".strip()


def _action_id(words: str) -> str:
    """« refuser 12 doublon » → « refuser:12 doublon » (the form `Action.from_id` reads)."""
    name, _, argument = words.strip().partition(" ")
    return f"{name}:{argument}"


def reactions_of(reply: Reply) -> dict[str, str]:
    """The emoji a reader may react with, each mapped to the action id it stands for."""
    found: dict[str, str] = {}
    for button in reply.buttons:
        if button.url:
            continue
        name, _, argument = button.action_id.partition(":")
        emoji = ACTION_REACTIONS.get(name)
        if emoji is None and name == "transmettre" and argument.isdigit() and 0 < int(argument) < 10:
            emoji = keycap(int(argument))
        if emoji is not None and emoji not in found:
            found[emoji] = button.action_id
    if reply.form is not None:
        for choice in reply.form.choices:
            emoji = CHOICE_REACTIONS.get(choice.value)
            if emoji is not None and emoji not in found:
                found[emoji] = _action_id(reply.form.words(choice.value))
    return found


def _labels(reply: Reply) -> dict[str, str]:
    labels = {button.action_id: button.label for button in reply.buttons}
    if reply.form is not None:
        labels.update({_action_id(reply.form.words(choice.value)): choice.label for choice in reply.form.choices})
    return labels


def hint_lines(reply: Reply, reactions: dict[str, str], prefix: str) -> list[str]:
    """How to answer without buttons: the reactions, the words to type, the choices of a form."""
    labels = _labels(reply)
    commands: list[str] = []
    choices: list[str] = []
    for button in reply.buttons:
        if button.url:
            continue
        words = _words(button.action_id)
        if button.form is not None and button.form.choices:
            commands.append(f"« {prefix} {words} motif »")
            choices.extend(choice.value for choice in button.form.choices)
        else:
            commands.append(f"« {prefix} {words} »")
    lines: list[str] = []
    react = ", ".join(texts.REACT_FOR.format(emoji=emoji, label=labels.get(action_id, _words(action_id)))
                      for emoji, action_id in reactions.items())
    listed = ", ".join(dict.fromkeys(commands))
    if react and listed:
        lines.append(f"{texts.REACTIONS_LINE.format(choices=react)}, {texts.TYPE_LINE.format(commands=listed)}.")
    elif react:
        lines.append(texts.REACTIONS_LINE.format(choices=react) + ".")
    elif listed:
        lines.append(texts.TYPE_ONLY_LINE.format(commands=listed) + ".")
    if choices:
        lines.append(texts.CHOICES_LINE.format(choices=", ".join(dict.fromkeys(choices))) + ".")
    return lines


def _link_buttons(buttons: tuple[Button, ...]) -> list[Button]:
    return [button for button in buttons if button.url]


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def render_matrix(reply: Reply, *, prefix: str = "!epn") -> MatrixMessage:
    """The Matrix message of one reply (every `Reply` shape: text, lines, cards, buttons, form, footer)."""
    reactions = reactions_of(reply)
    hints = hint_lines(reply, reactions, prefix)
    links = _link_buttons(reply.buttons)
    plain = [reply.text, *reply.extra_lines]
    parts = [f"<p>{escape(reply.text)}</p>"]
    if reply.extra_lines:
        parts.append("<p>" + "<br/>".join(escape(line) for line in reply.extra_lines) + "</p>")
    for number, card in enumerate(reply.cards, start=1):
        plain.extend(card_lines(number, card))
        parts.append(card_html(number, card))
    for button in links:
        assert button.url is not None
        plain.append(f"{button.label} : {button.url}")
        parts.append(f"<p>{_link_html(button.url, button.label)}</p>")
    if hints:
        plain.extend(hints)
        parts.append("<p><em>" + "<br/>".join(escape(line) for line in hints) + "</em></p>")
    if reply.footer:
        plain.append(reply.footer)
        parts.append(f"<p><em>{escape(reply.footer)}</em></p>")
    body = _cut(no_room_ping("\n".join(plain)))
    formatted = "".join(parts)
    if len(formatted) > MAX_CHARS:  # never cut inside a tag: fall back to the escaped plain text
        formatted = escape(body)
    return MatrixMessage(body=body, formatted_body=formatted, reactions=reactions)
