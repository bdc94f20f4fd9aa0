"""App Home: how to ask, for everyone; then what the handlers show on the person's home.

The home tab is drawn from `handlers.home`: the replies of « mes demandes » (a mediator's open
requests, a coordinator's départements) and a mediator's presence with its away / back button.
Slack only lays them out.
"""

from __future__ import annotations

import logging

from bot.render.blockkit import MAX_VIEW_BLOCKS, Block, escape, mrkdwn, plain, view_blocks
from bot.transports.slack import texts_fr as texts
from bot.transports.slack.events import PLATFORM
from handlers import texts_fr as handler_texts
from handlers.home import home
from handlers.messages import Message, Reply
from handlers.registry import Dispatcher

log = logging.getLogger(__name__)


def home_replies(dispatcher: Dispatcher, user: str, channel: str) -> list[Reply]:
    """What the handlers show on a person's home (their requests; a mediator's presence)."""
    message = Message(text="", sender=user, room=channel, platform=PLATFORM, direct=True)
    try:
        return home(dispatcher.context, message)
    except Exception:  # the home tab still says how to ask
        log.exception("slack : accueil de %s incomplet", user)
        return []


def home_view(dispatcher: Dispatcher, user: str, channel: str) -> list[Block]:
    """The blocks of a person's App Home (at most 100)."""
    how_to = texts.HOME_HOW_TO_ASK.format(example=escape(handler_texts.EXAMPLE_QUESTION))
    blocks: list[Block] = [
        {"type": "header", "text": plain(texts.HOME_TITLE, 150)},
        {"type": "section", "text": mrkdwn(how_to)},
        {"type": "context", "elements": [mrkdwn(texts.HOME_COMMANDS)]},
    ]
    replies = home_replies(dispatcher, user, channel)
    if replies:
        blocks.append({"type": "divider"})
        blocks.extend(view_blocks(replies, MAX_VIEW_BLOCKS - len(blocks)))
    return blocks
