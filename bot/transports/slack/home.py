"""App Home: how to ask, for everyone; then what the handlers say of the person's requests.

The home tab is drawn from the same replies a person gets by typing: « mes demandes » (a
mediator's open requests, a coordinator's départements) and the presence buttons the handlers
offer. Slack only lays them out.
"""

from __future__ import annotations

from typing import Final

from bot.render.blockkit import MAX_VIEW_BLOCKS, Block, escape, mrkdwn, plain, view_blocks
from bot.transports.slack import texts_fr as texts
from bot.transports.slack.events import PLATFORM
from handlers import texts_fr as handler_texts
from handlers.messages import Message, Reply
from handlers.registry import Dispatcher

#: The words whose replies the home tab shows, when those commands exist.
HOME_COMMANDS: Final = ("mes demandes",)


def home_replies(dispatcher: Dispatcher, user: str, channel: str) -> list[Reply]:
    """What the person would read after typing the home commands in their DM with the bot."""
    replies: list[Reply] = []
    registry = dispatcher.context.registry
    for words in HOME_COMMANDS:
        if registry.get(words) is None:
            continue
        message = Message(text=words, sender=user, room=channel, platform=PLATFORM, direct=True)
        replies.extend(reply for reply in dispatcher.handle(message) if reply.kind != "refusal")
    return replies


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
