"""Platform-neutral messages: a transport builds a `Message`, a handler returns `Reply`s, and the
transport's renderer turns them into Block Kit, Matrix HTML or terminal output (DESIGN §1)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Message:
    """Something a person said to the bot.

    `sender` and `room` are platform ids (« U012ABCDE », « @ana:example.org », « console »);
    `thread` identifies the conversation a follow-up belongs to (Slack `thread_ts`, Matrix root
    event, one per terminal session).
    """

    text: str
    sender: str
    room: str
    platform: str
    thread: str | None = None
    sender_name: str | None = None
    direct: bool = False


@dataclass(frozen=True, slots=True)
class Action:
    """A button press or a reaction: `name:argument` (« accepter:12 »), handled like words."""

    name: str
    argument: str
    actor: str
    room: str
    platform: str
    thread: str | None = None


@dataclass(frozen=True, slots=True)
class Field:
    """A label/value pair shown on a card (« Horaires » : « ouvert maintenant »)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered to the reader; `action_id` is what comes back as an `Action`."""

    label: str
    action_id: str
    style: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """A block about one thing (a lieu, a request): title, optional subtitle, fields, link."""

    title: str
    subtitle: str | None = None
    fields: tuple[Field, ...] = ()
    link: str | None = None
    link_label: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says back. `text` is always set (plain-text fallback for every transport);
    texts coming from users or data are plain, never markup: renderers escape them."""

    text: str
    cards: tuple[Card, ...] = ()
    buttons: tuple[Button, ...] = ()
    thread: str | None = None
    footer: str | None = None
    ephemeral: bool = False
    extra_lines: tuple[str, ...] = field(default=())
