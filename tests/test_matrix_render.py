"""Matrix rendering, addressing and settings, without a server (the server tests: test_matrix_synapse.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.render.matrix_html import render_matrix
from bot.transports.matrix.events import addressed, thread_root
from bot.transports.matrix.settings import MatrixSettingsError, load_settings
from handlers.messages import Button, Card, Field, Reply
from handlers.routing_view import consent_form, offer_buttons


def test_user_and_data_text_is_escaped_and_never_pings_the_room() -> None:
    reply = Reply(text="Salut @room <script>", cards=(Card("A & B <i>", "Gap", (Field("Adresse", "1 rue <x>"),),
                                                           "javascript:alert(1)", "RDV"),),
                  footer="pied")
    rendered = render_matrix(reply)
    assert "<script>" not in rendered.formatted_body and "&lt;script&gt;" in rendered.formatted_body
    assert "A &amp; B &lt;i&gt;" in rendered.formatted_body
    assert "href" not in rendered.formatted_body  # a javascript: link is shown as text, never linked
    assert "@room" not in rendered.body and "@room" not in rendered.formatted_body
    assert rendered.content()["m.mentions"] == {}


def test_buttons_become_reactions_and_words_to_type() -> None:
    offer = render_matrix(Reply(text="Nouvelle demande n° 12", buttons=offer_buttons(12), kind="offer"))
    assert offer.reactions == {"✅": "accepter:12", "❌": "refuser:12"}
    assert "!epn accepter 12" in offer.body and "!epn refuser 12 motif" in offer.body
    consent = render_matrix(Reply(text="D'accord ?", form=consent_form(), kind="consent"))
    assert consent.reactions == {"✅": "oui:", "❌": "non:"}
    link = render_matrix(Reply(text="x", buttons=(Button("Site", "lien:1", url="https://example.org/?a=1&b=2"),)))
    assert 'href="https://example.org/?a=1&amp;b=2"' in link.formatted_body


def test_what_is_addressed_to_the_bot() -> None:
    where = {"bot_id": "@epnbot:x", "display_name": "EPN bot", "prefix": "!epn"}
    assert addressed({"body": "!epn aide"}, direct=False, **where).text == "aide"  # type: ignore[union-attr, arg-type]
    assert addressed({"body": "EPN bot: CV à Gap"}, direct=False, **where).text == "CV à Gap"  # type: ignore[union-attr, arg-type]
    assert addressed({"body": "bonjour à tous"}, direct=False, **where) is None  # type: ignore[arg-type]
    assert addressed({"body": "bonjour"}, direct=True, **where).how == "direct"  # type: ignore[union-attr, arg-type]
    assert thread_root({"m.relates_to": {"rel_type": "m.thread", "event_id": "$racine"}}) == "$racine"


def test_every_wrong_setting_is_named_in_french(tmp_path: Path) -> None:
    with pytest.raises(MatrixSettingsError) as raised:
        load_settings({"MATRIX_HOMESERVER": "ftp://x", "MATRIX_USER_ID": "bob", "MATRIX_STORE_PATH": str(tmp_path)})
    message = str(raised.value)
    assert "MATRIX_HOMESERVER" in message and "MATRIX_USER_ID" in message and "MATRIX_PASSWORD" in message
    settings = load_settings({"MATRIX_HOMESERVER": "https://m.example.org", "MATRIX_USER_ID": "@epnbot:example.org",
                              "MATRIX_PASSWORD": "x", "MATRIX_STORE_PATH": str(tmp_path)})
    assert settings.allow_list().allows("@ana:example.org") and not settings.allow_list().allows("@eve:evil.org")
