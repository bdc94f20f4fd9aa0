"""The whole bot on the PACA sample: real parser, real search, real cards (TestBot)."""

from __future__ import annotations

import re

from testbot import TestBot

from handlers.messages import Reply


def fields(reply: Reply, index: int = 0) -> dict[str, str]:
    return {field.label: field.value for field in reply.cards[index].fields}


def test_caf_in_draguignan_names_a_lieu_of_draguignan(bot: TestBot) -> None:
    replies = bot.send("qui peut m'aider à faire mes démarches CAF à Draguignan ?")
    first = replies[0]
    assert first.text == "J'ai compris : démarches administratives · près de Draguignan (83)"
    assert len(first.cards) == 3
    assert first.cards[0].subtitle == "Draguignan"
    card = fields(first)
    assert "démarches administratives" in card["Services"]
    assert re.fullmatch(r"à \d+,\d km", card["Distance"])
    assert first.footer == "Tapez « plus » pour voir d'autres lieux."
    # Ana Exemple works at France Services Draguignan (mediateurs-exemple.yaml).
    assert any(fields(first, index).get("Médiateurs") == "Ana Exemple" for index in range(3))


def test_cards_show_hours_at_the_frozen_time(bot: TestBot) -> None:
    text = bot.say("aide aux démarches administratives à Callas")
    assert "ouvert maintenant (jusqu'à 12 h)" in text  # mardi 10 h 30, France services Callas


def test_missing_place_then_place(bot: TestBot) -> None:
    replies = bot.send("je voudrais créer mon entreprise")
    assert replies[-1].text == "Dans quelle commune ?"
    replies = bot.send("Manosque")
    assert replies[0].text.endswith("près de Manosque (04)")
    assert "créer et développer son entreprise" in replies[0].text
    assert replies[0].cards and len(replies) == 1


def test_et_a_frejus(bot: TestBot) -> None:
    bot.send("qui peut m'aider à faire mes démarches CAF à Draguignan ?")
    replies = bot.send("et à Fréjus ?")
    assert replies[0].text == "J'ai compris : démarches administratives · près de Fréjus (83)"
    assert replies[0].cards


def test_plus_shows_the_next_three(bot: TestBot) -> None:
    first = bot.send("démarches CAF à Draguignan")[0]
    second = bot.send("plus")[0]
    assert len(second.cards) == 3
    assert not {card.title for card in first.cards} & {card.title for card in second.cards}


def test_truncated_question_is_answered(bot: TestBot) -> None:
    replies = bot.send("démarches CAF à Draguignan " + "x" * 3000)
    assert "(question tronquée à 2\u202f000 caractères)" in replies[0].extra_lines
    assert "Désolé" not in replies[0].text


def test_not_understood(bot: TestBot) -> None:
    text = bot.say("blablabla")
    assert "Je n'ai pas compris de quelle aide vous avez besoin" in text


def test_a_kind_of_lieu_without_a_place_asks_where_then_names_one(bot: TestBot) -> None:
    """« une médiathèque » names no lieu until a place says which (issue 16: the médiathèques of
    all France were listed, and cost 30 ms a question at 20,000 lieux)."""
    replies = bot.send("je cherche une médiathèque")
    assert replies[-1].text == "Dans quelle commune ?"
    assert not any(reply.cards for reply in replies)
    replies = bot.send("Draguignan")
    assert "près de Draguignan (83)" in replies[0].text
    assert replies[0].cards and all("diath" in card.title.lower() for card in replies[0].cards)
