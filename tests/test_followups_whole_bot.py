"""Follow-ups and small talk with the whole bot (real parser and search on the PACA sample), as a new
user tries them in the terminal."""

from __future__ import annotations

from testbot import TestBot

THANKS = "Avec plaisir ! Posez une autre question quand vous voulez."


def test_et_pour_keeps_aubagne(bot: TestBot) -> None:
    first = bot.send("je viens de créer ma micro-entreprise, qui peut m'aider pour mon site à Aubagne ?")
    assert first[0].text.endswith("près d'Aubagne (13)") or first[0].text.endswith("près de Aubagne (13)")
    replies = bot.send("et pour la facturation électronique ?")
    assert "Dans quelle commune ?" not in [reply.text for reply in replies]
    assert "Aubagne" in replies[0].text and replies[0].cards


def test_aussi_keeps_the_place(bot: TestBot) -> None:
    bot.send("aide pour mes démarches CAF à Draguignan")
    replies = bot.send("aussi pour imprimer des documents")
    assert replies[0].text == "J'ai compris : accès à internet et au matériel · près de Draguignan (83)"


def test_thanks_and_goodbye(bot: TestBot) -> None:
    bot.send("aide pour mes démarches CAF à Draguignan")
    for text in ("merci", "ok super", "Merci beaucoup, bonne journée !"):
        assert [reply.text for reply in bot.send(text)] == [THANKS]
    assert [reply.text for reply in bot.send("au revoir")] == ["À bientôt !"]
