"""The ask handler's logic on a scripted parser and search: what it says, and what it remembers.

The real parser and search have their own tests; here they are replaced by tables so each
follow-up rule (missing place, « et à Fréjus ? », « plus », truncation) is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker
from testbot import FROZEN_NOW

from bot.app import App
from bot.config import Settings
from bot.render.text import render_text
from handlers.messages import Message, Reply
from handlers.registry import Dispatcher
from knowledge.query import Hit, Mediator, Place, Query, SearchResult

CAF = ("demarches",)
DRAGUIGNAN = Place("commune", "83050", "Draguignan", 43.536, 6.464, "83")
FREJUS = Place("commune", "83061", "Fréjus", 43.433, 6.737, "83")
VAR = Place("departement", "83", "Var", 43.4, 6.2, "83")
SAINT_DENIS = Place("commune", "93066", "Saint-Denis", 48.93, 2.35, "93", alternatives=3)
MALIJAI = Place("commune", "04111", "Malijai", 44.04, 6.03, "04", how="fuzzy")

ENTREPRISE = "J'ai compris : créer et développer son entreprise · pour créateurs d'entreprise"

PARSES: dict[str, Query] = {
    "caf à draguignan": Query(needs=CAF, place=DRAGUIGNAN),
    "caf": Query(needs=CAF),
    "draguignan": Query(place=DRAGUIGNAN),
    "et à fréjus ?": Query(place=FREJUS),
    "caf dans le var": Query(needs=CAF, place=VAR),
    "caf à saint-denis": Query(needs=CAF, place=SAINT_DENIS),
    "caf à malijay": Query(needs=CAF, place=MALIJAI),
    "créer mon entreprise à draguignan": Query(needs=("entreprise",), audiences=("createurs-entreprise",),
                                               place=DRAGUIGNAN),
    "rien": Query(),
    "site web": Query(needs=("entreprise",)),
    "et pour la facturation électronique ?": Query(needs=("entreprise",)),
    "aussi pour la caf": Query(needs=CAF),
    "la caf aussi ?": Query(needs=CAF),
    "pour la caf": Query(needs=CAF),
}


def hits_near(place: Place | None, count: int) -> list[Hit]:
    """`count` made-up lieux in the place's commune."""
    name = place.name if place else "Marseille"
    return [Hit(lieu_id=f"{name}-{i}", name=f"Lieu {i} de {name}", commune=name, insee="00000",
                needs=CAF, distance_km=0.8 * i, score=1 - i / 10,
                mediators=(Mediator("med-ana", "Ana Martin"),) if i == 0 else ())
            for i in range(count)]


@dataclass
class ScriptedUnderstanding:
    """Parses from `PARSES`; finds 7 lieux per place; records every search."""

    searches: list[tuple[Query, int | None, int]] = field(default_factory=list)
    result_flags: dict[str, Any] = field(default_factory=dict)
    total: int = 7

    def parse(self, text: str) -> Query:
        return PARSES.get(text.strip().lower(), Query())

    def search(self, query: Query, limit: int | None = None, offset: int = 0) -> SearchResult:
        self.searches.append((query, limit, offset))
        hits = hits_near(query.place, self.total)
        end = offset + (limit or 5)
        return SearchResult(hits=tuple(hits[offset:end]), more=end < len(hits), **self.result_flags)


@dataclass
class FakeApp:
    """What handlers read from the app, with the scripted understanding."""

    settings: Settings
    sessions: sessionmaker[Session]
    understanding: ScriptedUnderstanding


class ChatBot:
    """Talks to the dispatcher as one person in one thread."""

    def __init__(self, app: FakeApp) -> None:
        self.app = app
        self.dispatcher = Dispatcher(app, now=lambda: FROZEN_NOW)  # type: ignore[arg-type]

    def send(self, text: str, thread: str = "fil") -> list[Reply]:
        message = Message(text=text, sender="U1", room="C1", platform="test", thread=thread)
        return self.dispatcher.handle(message)

    def say(self, text: str, thread: str = "fil") -> str:
        return "\n".join(render_text(reply) for reply in self.send(text, thread))


@pytest.fixture
def chat(empty_app: App) -> Iterator[ChatBot]:
    yield ChatBot(FakeApp(Settings(database_url="sqlite://"), empty_app.sessions, ScriptedUnderstanding()))


def test_answer_says_what_was_understood_and_shows_three_lieux(chat: ChatBot) -> None:
    replies = chat.send("créer mon entreprise à Draguignan")
    assert replies[0].text == f"{ENTREPRISE} · près de Draguignan (83)"
    assert [card.title for card in replies[0].cards] == ["Lieu 0 de Draguignan", "Lieu 1 de Draguignan",
                                                         "Lieu 2 de Draguignan"]
    assert replies[0].footer == "Tapez « plus » pour voir d'autres lieux."
    fields = {f.label: f.value for f in replies[0].cards[1].fields}
    assert fields["Distance"] == "à 0,8 km"
    assert {f.label: f.value for f in replies[0].cards[0].fields}["Médiateurs"] == "Ana Martin"


def test_departement_and_chosen_commune_are_said(chat: ChatBot) -> None:
    assert chat.send("caf dans le Var")[0].text.endswith("dans le Var (83)")
    text = chat.send("caf à saint-denis")[0].text
    assert "j'ai choisi Saint-Denis (93), la plus peuplée" in text
    assert "(j'ai lu « Malijai »)" in chat.send("caf à malijay")[0].text


def test_missing_place_is_asked_then_completed(chat: ChatBot) -> None:
    replies = chat.send("caf")
    assert replies[-1].text == "Dans quelle commune ?"
    replies = chat.send("Draguignan")
    assert replies[0].text == "J'ai compris : démarches administratives · près de Draguignan (83)"
    assert replies[0].cards and len(replies) == 1
    assert chat.app.understanding.searches[-1][0] == Query(needs=CAF, place=DRAGUIGNAN)


def test_et_a_frejus_reuses_the_need(chat: ChatBot) -> None:
    chat.send("créer mon entreprise à Draguignan")
    replies = chat.send("et à Fréjus ?")
    assert replies[0].text == f"{ENTREPRISE} · près de Fréjus (83)"
    assert replies[0].cards[0].title == "Lieu 0 de Fréjus"


def test_follow_ups_stay_in_their_thread(chat: ChatBot) -> None:
    chat.send("caf", thread="a")
    replies = chat.send("Draguignan", thread="b")
    assert "Je n'ai pas compris" in replies[0].text


def test_a_need_after_a_place_alone_uses_it(chat: ChatBot) -> None:
    chat.send("Draguignan")
    replies = chat.send("site web")
    assert replies[0].text.endswith("près de Draguignan (83)")


def test_a_new_question_without_place_asks_for_it(chat: ChatBot) -> None:
    chat.send("caf à Draguignan")
    replies = chat.send("site web")
    assert replies[0].text == "J'ai compris : créer et développer son entreprise"
    assert replies[-1].text == "Dans quelle commune ?"
    frejus = chat.send("et à Fréjus ?")[0].text
    assert frejus == "J'ai compris : créer et développer son entreprise · près de Fréjus (83)"


def test_plus_pages_then_says_it_is_all(chat: ChatBot) -> None:
    assert "Posez d'abord une question" in chat.say("plus")
    chat.send("caf à Draguignan")
    second = chat.send("plus")
    assert [card.title for card in second[0].cards] == [f"Lieu {i} de Draguignan" for i in (3, 4, 5)]
    third = chat.send("suite !")
    assert [card.title for card in third[0].cards] == ["Lieu 6 de Draguignan"]
    assert third[0].footer == "C'est tout pour cette recherche."
    assert chat.send("plus")[0].text == "C'est tout pour cette recherche."


def test_not_understood_lists_what_the_bot_helps_with(chat: ChatBot) -> None:
    text = chat.say("rien")
    assert "Je n'ai pas compris de quelle aide vous avez besoin" in text
    assert "créer et développer son entreprise" in text and "Pouvez-vous reformuler" in text
    assert chat.app.understanding.searches == []


def test_none_near_still_shows_the_nearest(chat: ChatBot) -> None:
    chat.app.understanding.result_flags = {"none_near": True}
    replies = chat.send("caf à Draguignan")
    assert "Rien à moins de 30 km ne propose cette aide ; voici les plus proches :" in replies[0].extra_lines
    assert len(replies[0].cards) == 3


def test_none_at_all_is_said(chat: ChatBot) -> None:
    chat.app.understanding.result_flags = {"none_at_all": True}
    chat.app.understanding.total = 0
    text = chat.say("caf à Draguignan")
    assert "Aucun lieu de la base ne propose encore cette aide" in text


def test_long_input_is_truncated_and_said(chat: ChatBot) -> None:
    replies = chat.send("caf à Draguignan " + "é" * 5000)
    assert "(question tronquée à 2\u202f000 caractères)" in replies[0].extra_lines


@pytest.mark.parametrize("text", ["\x00", "🙂" * 2000, "\u202e\u200b", "<b>&</b>", "[bold]x[/]", "a" * 2001,
                                  "\ud800"])
def test_any_input_gets_a_french_answer(chat: ChatBot, text: str) -> None:
    replies = chat.send(text)
    assert replies and all(reply.text for reply in replies)
    assert "Désolé" not in replies[0].text


def test_unexpected_error_becomes_an_apology(chat: ChatBot, caplog: pytest.LogCaptureFixture) -> None:
    def broken(text: str) -> Query:
        raise RuntimeError("boum")

    chat.app.understanding.parse = broken  # type: ignore[method-assign]
    replies = chat.send("caf à Draguignan")
    apology = "Désolé, quelque chose s'est mal passé de mon côté. Réessayez dans un instant."
    assert replies == [Reply(text=apology, thread="fil")]
    assert "boum" in caplog.text


def test_out_of_reach_is_said_and_nothing_listed(chat: ChatBot) -> None:
    """« à Nouméa » with lieux only in metropolitan France: no card from 16,000 km away."""
    chat.app.understanding.result_flags = {"out_of_reach": True}
    chat.app.understanding.total = 0
    text = chat.say("caf à Draguignan")
    assert "Je ne connais aucun lieu à moins de 150 km qui propose cette aide" in text


@pytest.mark.parametrize("follow", ["et pour la facturation électronique ?", "aussi pour la caf", "la caf aussi ?",
                                    "pour la caf"])
def test_a_follow_up_keeps_the_thread_place(chat: ChatBot, follow: str) -> None:
    """« et … », « aussi … », « pour … », « … aussi ? » carry on the last question: its place stays."""
    chat.send("créer mon entreprise à Draguignan")
    replies = chat.send(follow)
    assert replies[0].text.endswith("près de Draguignan (83)")
    assert replies[0].cards[0].title == "Lieu 0 de Draguignan"
    assert chat.app.understanding.searches[-1][0].place == DRAGUIGNAN


def test_a_follow_up_in_another_thread_has_no_place(chat: ChatBot) -> None:
    chat.send("créer mon entreprise à Draguignan", thread="a")
    assert chat.send("et pour la facturation électronique ?", thread="b")[-1].text == "Dans quelle commune ?"


@pytest.mark.parametrize("text", ["merci", "Merci beaucoup pour votre aide !", "ok super", "OK super merci",
                                  "parfait, bonne journée", "top merci", "super, merci bien"])
def test_thanks_get_a_short_polite_answer(chat: ChatBot, text: str) -> None:
    chat.send("caf à Draguignan")
    replies = chat.send(text)
    assert [reply.text for reply in replies] == ["Avec plaisir ! Posez une autre question quand vous voulez."]
    assert len(chat.app.understanding.searches) == 1
    assert "Lieu 3 de Draguignan" in chat.say("plus")  # the thread is kept


def test_goodbye_is_answered(chat: ChatBot) -> None:
    assert chat.say("au revoir") == "À bientôt !"


@pytest.mark.parametrize("text", ["rien", "ok mais rien", "merci de m'expliquer la caf"])
def test_not_every_message_with_merci_or_ok_is_thanks(chat: ChatBot, text: str) -> None:
    assert "Avec plaisir" not in chat.say(text)
