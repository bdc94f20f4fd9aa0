"""Platform-neutral messages: a transport builds a `Message`, a handler returns `Reply`s, and the
transport's renderer turns them into Block Kit, Matrix HTML or terminal output (DESIGN §1)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


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
    """A button press, a form submission or a reaction: `name:argument` (« accepter:12 »).

    An action is handled exactly as the words it stands for (`as_text`: « accepter 12 »), by the
    same handlers and with the same checks of who may act, whichever platform sent it.
    """

    name: str
    argument: str
    actor: str
    room: str
    platform: str
    thread: str | None = None
    actor_name: str | None = None
    direct: bool = False

    @classmethod
    def from_id(cls, action_id: str, **where: Any) -> Action:
        """The action of a button whose `action_id` is « accepter:12 »."""
        name, _, argument = action_id.partition(":")
        return cls(name=name, argument=argument, **where)

    def as_text(self) -> str:
        """The words this action stands for."""
        return f"{self.name} {self.argument}".strip()

    def as_message(self) -> Message:
        """The `Message` the dispatcher handles for this action."""
        return Message(text=self.as_text(), sender=self.actor, room=self.room, platform=self.platform,
                       thread=self.thread, sender_name=self.actor_name, direct=self.direct)


@dataclass(frozen=True, slots=True)
class Field:
    """A label/value pair shown on a card (« Horaires » : « ouvert maintenant »)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer of a `Form`: what the reader sees, and the word it sends."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Form:
    """A question with choices and an optional free text: a modal on Slack, words to type elsewhere.

    Submitting it sends the words `command`, the chosen value, then the free text
    (« refuser 12 hors-competence plus de place ») as an `Action` would.
    """

    title: str
    command: str
    choices: tuple[Choice, ...] = ()
    intro: str | None = None
    text_label: str | None = None
    submit_label: str = "Envoyer"

    def words(self, value: str | None, free_text: str | None = None) -> str:
        """The words a submission stands for."""
        return " ".join(part.strip() for part in (self.command, value or "", free_text or "") if part and part.strip())


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered to the reader; `action_id` (« accepter:12 ») is what comes back as an `Action`.

    With a `form`, pressing the button first asks the form's question (Slack opens a modal).
    """

    label: str
    action_id: str
    style: str | None = None
    url: str | None = None
    form: Form | None = None


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
    #: What the reply is about, for renderers that show kinds differently (« answer », « offer »,
    #: « notice », « digest »…); never needed to render it correctly.
    kind: str | None = None
    #: Asked right away (e.g. a consent question after « transmettre »): Slack opens it as a modal
    #: when the reply answers a button press, other transports show the text and its words.
    form: Form | None = None


def reply_to_json(reply: Reply) -> dict[str, Any]:
    """A reply as JSON-ready data, for the outbox (DESIGN §5)."""
    return asdict(reply)


def _form(data: dict[str, Any] | None) -> Form | None:
    if not data:
        return None
    return Form(title=data["title"], command=data["command"],
                choices=tuple(Choice(**choice) for choice in data.get("choices", ())),
                intro=data.get("intro"), text_label=data.get("text_label"),
                submit_label=data.get("submit_label", "Envoyer"))


def reply_from_json(data: dict[str, Any]) -> Reply:
    """The reply stored by `reply_to_json`."""
    cards = tuple(
        Card(title=card["title"], subtitle=card.get("subtitle"),
             fields=tuple(Field(**item) for item in card.get("fields", ())),
             link=card.get("link"), link_label=card.get("link_label"))
        for card in data.get("cards", ())
    )
    buttons = tuple(
        Button(label=button["label"], action_id=button["action_id"], style=button.get("style"),
               url=button.get("url"), form=_form(button.get("form")))
        for button in data.get("buttons", ())
    )
    return Reply(text=data["text"], cards=cards, buttons=buttons, thread=data.get("thread"),
                 footer=data.get("footer"), ephemeral=bool(data.get("ephemeral", False)),
                 extra_lines=tuple(data.get("extra_lines", ())), kind=data.get("kind"),
                 form=_form(data.get("form")))
