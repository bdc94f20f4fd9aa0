"""Block Kit rendering: every kind of reply the handlers produce, escaping, and Slack's limits kept by cutting."""

from __future__ import annotations

import json
from typing import Any

from testbot import TestBot

from bot.render.blockkit import (
    MAX_BLOCKS,
    MAX_BUTTON_LABEL,
    MAX_TEXT,
    form_answer,
    form_from_value,
    render_message,
    render_modal,
    reply_blocks,
    view_blocks,
    without_buttons,
)
from handlers.messages import Button, Card, Choice, Field, Form, Reply
from handlers.routing_view import consent_form, decline_form, notice, offer_buttons


def texts_of(value: Any) -> list[str]:
    """Every `text` string inside blocks."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "text" and isinstance(inner, str):
                found.append(inner)
            else:
                found.extend(texts_of(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(texts_of(inner))
    return found


def assert_within_limits(blocks: list[dict[str, Any]], max_blocks: int = MAX_BLOCKS) -> None:
    """What Slack checks before it accepts a message (the subset the renderer can break)."""
    assert len(blocks) <= max_blocks
    for block in blocks:
        assert block["type"] in {"section", "actions", "context", "divider", "header", "input"}
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= MAX_TEXT
        if block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
            ids = [element["action_id"] for element in block["elements"]]
            assert len(ids) == len(set(ids))
            for element in block["elements"]:
                assert len(element["text"]["text"]) <= MAX_BUTTON_LABEL
                assert len(element["action_id"]) <= 255 and len(element.get("value", "")) <= 2000
                assert element.get("style") in (None, "primary", "danger")
        if block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
    json.dumps(blocks)


def test_an_answer_shows_cards_links_and_transmit_buttons(bot: TestBot) -> None:
    [reply] = bot.send("qui peut m'aider à créer le site de ma boutique près de Draguignan ?")
    assert reply.kind == "answer" and reply.cards
    blocks = reply_blocks(reply)
    assert_within_limits(blocks)
    sections = [block for block in blocks if block["type"] == "section"]
    assert sections[0]["text"]["text"].startswith("J'ai compris")
    card_sections = [block for block in sections if block["text"]["text"].startswith("*1.")]
    assert card_sections and "*Adresse* :" in card_sections[0]["text"]["text"]
    actions = [block for block in blocks if block["type"] == "actions"]
    assert actions[-1]["elements"][0]["value"] == "transmettre:1"
    links = [block["accessory"] for block in sections if "accessory" in block]
    assert all(link["url"].startswith("http") for link in links)


def test_help_and_greeting_render(bot: TestBot) -> None:
    for words in ("aide", "bonjour", "plus", "transmettre", "mes demandes", "accepter 99"):
        for reply in bot.send(words):
            message = render_message(reply)
            assert_within_limits(message.blocks)
            assert message.text and len(message.text) <= 3000


def test_routing_replies_render_with_their_forms() -> None:
    offer = Reply(text="Nouvelle demande n° 12 — besoin : CV — lieu : Café & Co (Nice).\nMessage : « <b>aide</b> »",
                  buttons=offer_buttons(12), kind="offer")
    blocks = reply_blocks(offer)
    assert_within_limits(blocks)
    accept, decline = blocks[-1]["elements"]
    assert accept["style"] == "primary" and accept["value"] == "accepter:12"
    assert decline["style"] == "danger"
    form = form_from_value(decline["value"])
    assert form == decline_form(12)
    assert "Café &amp; Co" in blocks[0]["text"]["text"] and "&lt;b&gt;" in blocks[0]["text"]["text"]
    consent = Reply(text="Je peux transmettre votre demande… Répondez « oui » ou « non ».", kind="consent",
                    form=consent_form())
    assert_within_limits(reply_blocks(consent))
    for reply in (notice("Votre demande n° 12 a été acceptée par Ana.", 12),
                  Reply(text="Ateliers de la semaine", kind="digest", cards=(Card("Atelier CV", "Gap"),)),
                  Reply(text="Vous n'êtes pas le médiateur.", kind="refusal"),
                  Reply(text="Seulement pour vous", ephemeral=True)):
        assert_within_limits(render_message(reply).blocks)


def test_modal_of_a_form_and_its_answer() -> None:
    view = render_modal(decline_form(12), {"c": "D1", "t": None, "m": "1.2", "f": "refuser 12"})
    assert view["type"] == "modal" and len(view["title"]["text"]) <= 24
    choice = next(block for block in view["blocks"] if block.get("block_id") == "choix")
    assert choice["element"]["type"] == "radio_buttons"
    values = [option["value"] for option in choice["element"]["options"]]
    assert "hors-competence" in values and "doublon" in values
    text_input = next(block for block in view["blocks"] if block.get("block_id") == "texte")
    assert text_input["optional"] is True
    assert json.loads(view["private_metadata"])["f"] == "refuser 12"
    state = {"choix": {"choix": {"selected_option": {"value": "doublon"}}}, "texte": {"texte": {"value": "déjà vu"}}}
    assert form_answer(state) == ("doublon", "déjà vu")
    assert decline_form(12).words(*form_answer(state)) == "refuser 12 doublon déjà vu"
    many = Form(title="Un titre bien plus long que vingt-quatre caractères", command="choisir",
                choices=tuple(Choice(f"Choix {n}", f"c{n}") for n in range(15)))
    long_view = render_modal(many, {})
    assert len(long_view["title"]["text"]) <= 24
    assert long_view["blocks"][0]["element"]["type"] == "static_select"


def test_text_from_people_or_data_is_escaped_and_pings_nobody() -> None:
    reply = Reply(text="<!channel> @here @everyone <@U123> voir https://evil.example & www.evil.example",
                  cards=(Card("L'Atelier <script> & Co", "Nice", (Field("Adresse", "1 rue <b>"),),
                              link="https://rdv.example/lieu?a=1&b=2"),))
    message = render_message(reply)
    everything = " ".join(texts_of(message.blocks)) + message.text
    for forbidden in ("<!channel>", "<@U123>", "@here", "@everyone", "https://evil", "www.evil", "<script>"):
        assert forbidden not in everything
    assert "&lt;!channel&gt;" in everything and "&amp;" in everything
    card = next(block for block in message.blocks if "accessory" in block)
    assert card["accessory"]["url"] == "https://rdv.example/lieu?a=1&b=2"  # the knowledge base's link, kept


def test_slack_limits_are_kept_by_cutting() -> None:
    cards = tuple(Card(f"Lieu {n} " + "x" * 200, fields=(Field("Adresse", "y" * 4000),)) for n in range(80))
    buttons = tuple(Button("Un bouton au libellé démesurément long " * 4, f"transmettre:{n}") for n in range(30))
    reply = Reply(text="z" * 10_000, extra_lines=("ligne & " * 600,), cards=cards, buttons=buttons,
                  footer="pied " * 1000)
    blocks = reply_blocks(reply)
    assert_within_limits(blocks)
    actions = [block for block in blocks if block["type"] == "actions"]
    assert sum(len(block["elements"]) for block in actions) == 30  # the buttons survive the cut
    assert any("réponse raccourcie" in text for text in texts_of(blocks))
    assert len(render_message(reply).text) <= 3000
    home = view_blocks([reply, reply, reply])
    assert_within_limits(home, max_blocks=100)


def test_same_action_twice_stays_unique() -> None:
    blocks = reply_blocks(Reply(text="x", buttons=(Button("A", "accepter:1"), Button("B", "accepter:1"))))
    ids = [element["action_id"] for element in blocks[-1]["elements"]]
    assert ids[0] == "accepter:1" and ids[1] != ids[0] and ids[1].split("#")[0] == "accepter:1"


def test_an_acted_message_loses_its_buttons() -> None:
    blocks = reply_blocks(Reply(text="Demande n° 12", buttons=offer_buttons(12)))
    updated = without_buttons(blocks, "Vous avez accepté la demande n° 12 <ok>")
    assert all(block["type"] != "actions" for block in updated)
    assert updated[-1]["type"] == "context" and "&lt;ok&gt;" in updated[-1]["elements"][0]["text"]
