"""A person's home page: their requests (what « mes demandes » says) and, for a mediator, presence.

Not a command: a transport with a home screen (Slack's App Home) shows these replies; their buttons
stand for the same words a person would type (« absent jusqu'au 12/01 », « présent »), so the
handlers of those words decide, and check who may.
"""

from __future__ import annotations

import datetime as dt

from handlers import texts_home_fr as texts
from handlers.messages import Button, Form, Message, Reply
from handlers.registry import Context
from handlers.routing import my_requests
from knowledge.routing.matching import is_present
from knowledge.routing.models import MediatorPresence
from knowledge.routing.people import roles_of

#: Capacity shown when neither the YAML nor the mediator set one.
DEFAULT_CAPACITY = 5


def away_form() -> Form:
    """« absent jusqu'au JJ/MM », the date typed in the form."""
    return Form(title=texts.AWAY_FORM_TITLE, command="absent jusqu'au", intro=texts.AWAY_FORM_INTRO,
                text_label=texts.AWAY_FORM_LABEL)


def presence_reply(context: Context, message: Message) -> Reply | None:
    """A mediator's presence and the button that changes it; None for anyone else."""
    today = context.now().date()
    with context.app.sessions() as session:
        mediator = roles_of(session, message.platform, message.sender).mediator
        if mediator is None:
            return None
        presence = session.get(MediatorPresence, mediator.id)
        present = is_present(mediator, presence, today)
        capacity = (presence.capacity if presence is not None and presence.capacity else None) \
            or mediator.capacite or DEFAULT_CAPACITY
        away_until = presence.away_until if presence is not None and presence.away_until else None
        if not present and (away_until is None or away_until < today):
            away_until = next((dt.date.fromisoformat(absence["au"]) for absence in mediator.absences or []
                               if absence.get("du", "") <= today.isoformat() <= absence.get("au", "")), None)
    if present:
        return Reply(text=texts.PRESENT.format(capacity=capacity), kind="presence",
                     buttons=(Button(texts.AWAY_BUTTON, "absent:", form=away_form()),))
    shown = away_until.strftime("%d/%m/%Y") if away_until is not None else "?"
    return Reply(text=texts.AWAY_UNTIL.format(date=shown), kind="presence",
                 buttons=(Button(texts.BACK_BUTTON, "présent:", "primary"),))


def home(context: Context, message: Message) -> list[Reply]:
    """What a person's home page shows: their requests, then (mediators) their presence."""
    replies = my_requests(context, message, "")
    presence = presence_reply(context, message)
    return [*replies, presence] if presence is not None else replies
