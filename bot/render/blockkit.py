"""Block Kit rendering of a neutral `Reply`: messages, the modal of a `Form`, App Home sections.

Every text from people or data is escaped (`&`, `<`, `>`): a lieu named « Café & Co » shows as
written and « <!channel> » or « <@U123> » in a message stays text. Broadcast words (« @here »)
and web addresses in reply texts are defused, so the bot pings nobody and shows no link but the
knowledge base's (card links and link buttons). Slack's limits are kept by cutting, never left to
an API error: 50 blocks a message, 3,000 characters a text, 75 a button label, 25 elements an
actions block, 24 a modal title.

    message = render_message(reply)
    client.chat_postMessage(channel=..., text=message.text, blocks=message.blocks)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from bot.render import texts_fr as texts
from bot.render.text import render_text
from handlers.messages import Button, Card, Form, Reply

Block = dict[str, Any]

MAX_BLOCKS: Final = 50
MAX_VIEW_BLOCKS: Final = 100
MAX_TEXT: Final = 3000
MAX_BUTTON_LABEL: Final = 75
MAX_ACTION_ID: Final = 255
MAX_VALUE: Final = 2000
MAX_URL: Final = 3000
MAX_ACTIONS: Final = 25
MAX_CONTEXT_ELEMENTS: Final = 10
MAX_MODAL_TITLE: Final = 24
MAX_LABEL: Final = 2000
MAX_OPTION_TEXT: Final = 75
MAX_OPTION_VALUE: Final = 150
MAX_RADIO: Final = 10
MAX_SELECT: Final = 100
MAX_METADATA: Final = 3000
MAX_INPUT: Final = 1000
#: The notification text sent beside the blocks (Slack takes 40,000; a notification needs less).
MAX_FALLBACK: Final = 3000
#: A text input's and a form's ids, read back by `form_answer`.
CHOICE_BLOCK: Final = "choix"
TEXT_BLOCK: Final = "texte"
FORM_CALLBACK: Final = "epnbot_formulaire"
#: Button styles Slack knows; anything else is drawn as a plain button.
STYLES: Final = frozenset({"primary", "danger"})

_BROADCAST: Final = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_SCHEME: Final = re.compile(r"\b(https?|ftp|mailto|slack)(:)", re.IGNORECASE)
_WWW: Final = re.compile(r"\b(www)(\.)", re.IGNORECASE)
#: U+2060 WORD JOINER: invisible, and breaks Slack's detection of mentions and addresses.
_JOINER: Final = "\u2060"


def escape(text: str) -> str:
    """Text as Slack shows it: `&`, `<`, `>` escaped, so nothing in it is markup or a mention."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def defuse(text: str) -> str:
    """Escaped text whose broadcast words and web addresses are no longer active."""
    text = _BROADCAST.sub(lambda match: "@" + _JOINER + match.group(1), escape(text))
    text = _SCHEME.sub(lambda match: match.group(1) + _JOINER + match.group(2), text)
    return _WWW.sub(lambda match: match.group(1) + _JOINER + match.group(2), text)


def cut(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its start and « … »."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(texts.MORE_CHARACTERS))].rstrip() + texts.MORE_CHARACTERS


def _cut_escaped(text: str, limit: int) -> str:
    """Cut already escaped text without splitting an entity (`&amp;`)."""
    if len(text) <= limit:
        return text
    head = text[: max(0, limit - len(texts.MORE_CHARACTERS))]
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:]:
        head = head[:amp]
    return head.rstrip() + texts.MORE_CHARACTERS


def plain(text: str, limit: int = MAX_TEXT) -> dict[str, Any]:
    """A plain_text object (Slack escapes nothing there: no markup is read)."""
    return {"type": "plain_text", "text": cut(text, limit) or " ", "emoji": True}


def mrkdwn(escaped: str) -> dict[str, Any]:
    """A mrkdwn object from already escaped text."""
    return {"type": "mrkdwn", "text": _cut_escaped(escaped, MAX_TEXT) or " "}


def _chunks(lines: Iterable[str], limit: int = MAX_TEXT) -> list[str]:
    """Lines packed into texts of at most `limit` characters (a longer line is cut)."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = _cut_escaped(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def is_web_url(url: str | None) -> bool:
    """Whether `url` can be a link button (http or https, within Slack's length)."""
    return bool(url) and len(url or "") <= MAX_URL and re.match(r"^https?://\S+$", url or "") is not None


def card_block(number: int, card: Card) -> Block:
    """One card: « *1. Title* — subtitle », one « *Label* : value » line per field, link as a button."""
    title = f"*{number}. {escape(card.title)}*" + (f" — {escape(card.subtitle)}" if card.subtitle else "")
    lines = [title, *(f"*{escape(field.label)}* : {escape(field.value)}" for field in card.fields)]
    block: Block = {"type": "section", "text": mrkdwn(_cut_escaped("\n".join(lines), MAX_TEXT))}
    if is_web_url(card.link):
        block["accessory"] = {"type": "button", "text": plain(card.link_label or texts.LINK_BUTTON, MAX_BUTTON_LABEL),
                              "url": card.link, "action_id": f"lien:{number}"}
    elif card.link:
        block["text"] = mrkdwn(_cut_escaped("\n".join([*lines, escape(card.link)]), MAX_TEXT))
    return block


def form_to_value(form: Form) -> str:
    """A button's form, carried in its value so the press can open the modal without a lookup."""
    data = {"title": form.title, "command": form.command, "intro": form.intro, "text_label": form.text_label,
            "submit_label": form.submit_label, "choices": [[choice.label, choice.value] for choice in form.choices]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def button_element(button: Button, action_id: str) -> Block:
    """One button; its value is the action id, or its form when it has one."""
    element: Block = {"type": "button", "text": plain(button.label, MAX_BUTTON_LABEL), "action_id": action_id}
    if button.style in STYLES:
        element["style"] = button.style
    if is_web_url(button.url):
        element["url"] = button.url
    value = button.action_id
    if button.form is not None:
        encoded = form_to_value(button.form)
        value = encoded if len(encoded) <= MAX_VALUE else button.action_id
    element["value"] = value[:MAX_VALUE]
    return element


def action_blocks(buttons: Sequence[Button]) -> list[Block]:
    """Buttons in actions blocks of at most 25; action ids made unique within the message."""
    blocks: list[Block] = []
    used: set[str] = set()
    elements: list[Block] = []
    for button in buttons:
        action_id = button.action_id[:MAX_ACTION_ID] or "bouton"
        if action_id in used:  # Slack refuses two elements with one id; the suffix is dropped on return
            action_id = f"{action_id[: MAX_ACTION_ID - 6]}#{len(used)}"
        used.add(action_id)
        elements.append(button_element(button, action_id))
    for start in range(0, len(elements), MAX_ACTIONS):
        blocks.append({"type": "actions", "block_id": f"actions-{start // MAX_ACTIONS}",
                       "elements": elements[start:start + MAX_ACTIONS]})
    return blocks


def pressed_action(action_id: str) -> str:
    """The button's `action_id` as declared (without the suffix that made it unique)."""
    return action_id.split("#", 1)[0]


def context_block(escaped: str) -> Block:
    """A small grey line."""
    return {"type": "context", "elements": [mrkdwn(escaped)]}


def reply_blocks(reply: Reply, limit: int = MAX_BLOCKS) -> list[Block]:
    """The blocks of one reply, at most `limit`: cards are dropped first, then text, never the buttons."""
    text_blocks = [{"type": "section", "text": mrkdwn(chunk)}
                   for chunk in _chunks(defuse(line) for line in (reply.text, *reply.extra_lines))]
    cards = [card_block(number, card) for number, card in enumerate(reply.cards, start=1)]
    tail = action_blocks(reply.buttons)
    if reply.footer:
        tail.append(context_block(_cut_escaped(defuse(reply.footer), MAX_TEXT)))
    tail = tail[:limit]
    room = limit - len(tail)
    body = [*text_blocks, *cards]
    if len(body) > room:
        body = [*body[: max(0, room - 1)], context_block(escape(texts.CUT_NOTICE))][:room]
    return [*body, *tail]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """What `chat.postMessage` gets: the notification text and the blocks."""

    text: str
    blocks: list[Block]


def render_message(reply: Reply) -> SlackMessage:
    """A reply as a Slack message."""
    return SlackMessage(text=_cut_escaped(defuse(render_text(reply)), MAX_FALLBACK), blocks=reply_blocks(reply))


def form_from_value(value: str) -> Form | None:
    """The form a button carried in its value (`form_to_value`), or None for a plain button."""
    from handlers.messages import Choice

    if not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
        return Form(title=str(data["title"]), command=str(data["command"]), intro=data.get("intro"),
                    text_label=data.get("text_label"), submit_label=str(data.get("submit_label") or "Envoyer"),
                    choices=tuple(Choice(str(label), str(word)) for label, word in data.get("choices", ())))
    except (ValueError, KeyError, TypeError):
        return None


def render_modal(form: Form, metadata: dict[str, Any], intro: str | None = None) -> Block:
    """The modal of a form: its intro, its choices (radio buttons, or a list beyond 10), its free text.

    `metadata` (where the answer goes, which command) comes back with the submission; it must fit
    in 3,000 characters.
    """
    blocks: list[Block] = []
    shown_intro = form.intro or intro
    if shown_intro:
        blocks.extend({"type": "section", "text": mrkdwn(chunk)} for chunk in _chunks([defuse(shown_intro)]))
    if form.choices:
        options = [{"text": plain(choice.label, MAX_OPTION_TEXT), "value": choice.value[:MAX_OPTION_VALUE]}
                   for choice in form.choices[:MAX_SELECT]]
        kind = "radio_buttons" if len(options) <= MAX_RADIO else "static_select"
        blocks.append({"type": "input", "block_id": CHOICE_BLOCK, "label": plain(texts.FORM_CHOICE_LABEL, MAX_LABEL),
                       "element": {"type": kind, "action_id": CHOICE_BLOCK, "options": options}})
    if form.text_label or not form.choices:
        blocks.append({"type": "input", "block_id": TEXT_BLOCK, "optional": bool(form.choices),
                       "label": plain(form.text_label or form.title, MAX_LABEL),
                       "element": {"type": "plain_text_input", "action_id": TEXT_BLOCK, "multiline": True,
                                   "max_length": MAX_INPUT}})
    encoded = json.dumps(metadata, ensure_ascii=False, separators=(",", ":"))
    if len(encoded) > MAX_METADATA:
        raise ValueError("private_metadata trop long pour Slack")
    return {"type": "modal", "callback_id": FORM_CALLBACK, "title": plain(form.title, MAX_MODAL_TITLE),
            "submit": plain(form.submit_label, MAX_MODAL_TITLE), "close": plain(texts.FORM_CLOSE, MAX_MODAL_TITLE),
            "private_metadata": encoded, "blocks": blocks[:MAX_VIEW_BLOCKS]}


def form_answer(state_values: dict[str, Any]) -> tuple[str | None, str | None]:
    """The choice and the free text of a submitted modal (`view.state.values`)."""
    choice_input = state_values.get(CHOICE_BLOCK, {}).get(CHOICE_BLOCK, {})
    selected = choice_input.get("selected_option") or {}
    text_input = state_values.get(TEXT_BLOCK, {}).get(TEXT_BLOCK, {})
    value = selected.get("value")
    free = text_input.get("value")
    return (str(value) if value else None, str(free)[:MAX_INPUT] if free else None)


def without_buttons(blocks: Sequence[Block], outcome: str) -> list[Block]:
    """A message's blocks once acted upon: its buttons gone, what happened said in a grey line."""
    kept = [block for block in blocks if block.get("type") != "actions"]
    return [*kept, context_block(_cut_escaped(escape(texts.ACTION_DONE.format(outcome=outcome)), MAX_TEXT))][
        -MAX_BLOCKS:]


def view_blocks(replies: Sequence[Reply], limit: int = MAX_VIEW_BLOCKS) -> list[Block]:
    """Several replies one after the other, dividers between them (App Home), at most `limit` blocks."""
    blocks: list[Block] = []
    for reply in replies:
        room = limit - len(blocks) - (1 if blocks else 0)
        if room <= 0:
            break
        if blocks:
            blocks.append({"type": "divider"})
        blocks.extend(reply_blocks(reply, min(room, MAX_BLOCKS)))
    return blocks
