"""Replies of routing: buttons under an answer, the consent question, offers, notices, lists.

Every message about a request names its number. Texts from people or data are plain; renderers
escape them. Forms and buttons carry the same words a person would type (DESIGN §5), so a
platform without buttons loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from handlers import texts_routing_fr as texts
from handlers.messages import Button, Choice, Form, Reply
from knowledge.query import Hit
from knowledge.routing.states import REASONS

#: The longest excerpt of the asker's message shown in an offer before it is accepted.
EXCERPT_CHARS = 500


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str:
    """The text on one line, cut at `limit` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def transmit_buttons(hits: Sequence[Hit]) -> tuple[Button, ...]:
    """One « Transmettre » button per lieu shown (« transmettre:2 » for the second)."""
    if len(hits) == 1:
        return (Button(texts.TRANSMIT_BUTTON, "transmettre:1"),)
    return tuple(Button(texts.TRANSMIT_BUTTON_N.format(rank=rank), f"transmettre:{rank}")
                 for rank in range(1, len(hits) + 1))


def consent_form() -> Form:
    """Oui / non, with an optional message and way to be reached."""
    return Form(title=texts.CONSENT_TITLE, command="",
                choices=(Choice(texts.CONSENT_YES, "oui"), Choice(texts.CONSENT_NO, "non")),
                text_label=texts.CONSENT_TEXT_LABEL, submit_label=texts.CONSENT_SUBMIT)


def decline_form(number: int) -> Form:
    """The reasons of a refusal, and a free text."""
    return Form(title=texts.DECLINE_TITLE, command=f"refuser {number}",
                choices=tuple(Choice(label.capitalize(), code) for code, label in REASONS.items()),
                intro=texts.DECLINE_INTRO.format(number=number), text_label=texts.DECLINE_TEXT_LABEL)


def offer_buttons(number: int) -> tuple[Button, ...]:
    """Accept / Decline (with the reasons' form)."""
    return (Button(texts.ACCEPT_BUTTON, f"accepter:{number}", "primary"),
            Button(texts.DECLINE_BUTTON, f"refuser:{number}", "danger", form=decline_form(number)))


def notice(text: str, number: int) -> Reply:
    """A notice about request `number` (to the asker, a mediator or a coordinator)."""
    return Reply(text=text, kind="notice", footer=f"demande n° {number}")
