"""Reading Matrix events: is a message for the bot, what are its words, which thread does it belong to.

Pure functions over event contents (dicts as the homeserver sends them), so the rules are tested
without a server. The bot answers `!epn <question>`, a mention of the bot, and every message of a
two-person room; in a thread it already answered, a command without the prefix (« plus »,
« oui », « transmettre 2 ») is for it too — the caller checks it is a command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

THREAD: Final = "m.thread"
#: Older clients quote the message they answer: « > <@ana:x> question » lines, then a blank line.
_REPLY_FALLBACK: Final = re.compile(r"\A(?:>[^\n]*\n)+\n?")
#: What people put between a mention and their words (« epnbot: », « @epnbot, »).
_AFTER_MENTION: Final = " \t:,;–-"


@dataclass(frozen=True, slots=True)
class Addressed:
    """The words meant for the bot, and why they are (« prefix », « mention », « direct », « thread »)."""

    text: str
    how: str


def relation(content: dict[str, Any]) -> dict[str, Any]:
    """The event's `m.relates_to`, or {}."""
    related = content.get("m.relates_to")
    return related if isinstance(related, dict) else {}


def thread_root(content: dict[str, Any]) -> str | None:
    """The root event id of the thread this message is in, if it is in one."""
    related = relation(content)
    if related.get("rel_type") == THREAD and isinstance(related.get("event_id"), str):
        return str(related["event_id"])
    return None


def is_edit(content: dict[str, Any]) -> bool:
    """An edit (`m.replace`) repeats a message already answered: never answered again."""
    return relation(content).get("rel_type") == "m.replace"


def strip_reply_fallback(body: str) -> str:
    """The body without the quoted message older clients put in front of a reply."""
    return _REPLY_FALLBACK.sub("", body, count=1)


def _mentions_bot(content: dict[str, Any], bot_id: str) -> bool:
    mentions = content.get("m.mentions")
    if isinstance(mentions, dict) and bot_id in (mentions.get("user_ids") or ()):
        return True
    formatted = content.get("formatted_body")
    return isinstance(formatted, str) and f"matrix.to/#/{bot_id}" in formatted


def _strip_leading(text: str, names: tuple[str, ...]) -> str | None:
    """`text` without a leading name (case-insensitive) followed by a separator, or None."""
    folded = text.casefold()
    for name in names:
        if name and folded.startswith(name.casefold()):
            rest = text[len(name):]
            if not rest or rest[0] in _AFTER_MENTION:
                return rest.lstrip(_AFTER_MENTION).strip()
    return None


def addressed(content: dict[str, Any], *, bot_id: str, display_name: str | None, prefix: str,
              direct: bool, in_bot_thread: bool = False) -> Addressed | None:
    """The words meant for the bot in this message content, or None when it is not for the bot.

    >>> addressed({"body": "!epn aide"}, bot_id="@epnbot:x", display_name=None, prefix="!epn", direct=False)
    Addressed(text='aide', how='prefix')
    """
    body = content.get("body")
    if not isinstance(body, str):
        return None
    text = strip_reply_fallback(body).strip()
    localpart = bot_id[1:].partition(":")[0]
    after_prefix = _strip_leading(text, (prefix,))
    if after_prefix is not None:
        return Addressed(after_prefix or "aide", "prefix")
    names = tuple(dict.fromkeys(name for name in (bot_id, display_name, f"@{localpart}", localpart) if name))
    after_name = _strip_leading(text, names)
    if after_name is not None:
        return Addressed(after_name or "aide", "mention")
    if _mentions_bot(content, bot_id) or bot_id in text:
        for name in names:
            text = re.sub(re.escape(name) + r"\b:?", " ", text, flags=re.IGNORECASE)
        return Addressed(" ".join(text.split()) or "aide", "mention")
    if direct:
        return Addressed(text, "direct")
    if in_bot_thread:
        return Addressed(text, "thread")
    return None
