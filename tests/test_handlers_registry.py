"""Commands declared next to their handler: matching, generated help, greetings, errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.app import App
from handlers.errors import UserFacingError
from handlers.messages import Message, Reply
from handlers.registry import Argument, Context, Dispatcher, Registry, commands


def message(text: str, thread: str = "fil") -> Message:
    return Message(text=text, sender="U1", room="C1", platform="test", thread=thread)


@pytest.fixture
def dispatcher(empty_app: App) -> Iterator[Dispatcher]:
    yield Dispatcher(empty_app)


def test_help_lists_every_declared_command_with_its_help(dispatcher: Dispatcher) -> None:
    [reply] = dispatcher.handle(message("aide"))
    assert reply.text.startswith("Écrivez simplement votre question")
    listed = "\n".join(reply.extra_lines)
    for declared in commands:
        assert f"• {declared.usage()}" in listed and declared.help in listed
    assert "• aide [commande] (ou help, ?, aide moi) — " in listed
    assert "créer et développer son entreprise" in listed
    assert reply.footer == "Données communales : INSEE, IGN, La Poste — Licence Ouverte 2.0 ; GeoNames — CC BY 4.0"


@pytest.mark.parametrize("text", ["aide", "AIDE", "Aide ?", "help", "?", "aide-moi", "  aide  "])
def test_help_aliases(dispatcher: Dispatcher, text: str) -> None:
    assert dispatcher.handle(message(text))[0].text.startswith("Écrivez simplement votre question")


def test_help_on_one_command(dispatcher: Dispatcher) -> None:
    [reply] = dispatcher.handle(message("aide plus"))
    assert reply.text == "plus — montre les lieux suivants de la dernière recherche."


@pytest.mark.parametrize("text", ["bonjour", "Bonjour !", "salut", "Coucou", "bonsoir."])
def test_greetings_say_what_the_bot_does(dispatcher: Dispatcher, text: str) -> None:
    [reply] = dispatcher.handle(message(text))
    assert reply.text.startswith("Bonjour ! Je vous indique les lieux de médiation numérique")
    example = "par exemple : « qui peut m'aider à faire mes démarches CAF à Draguignan ? »"
    assert example in reply.extra_lines[0]


@pytest.mark.parametrize("text", ["quitter", "Au revoir !", "exit", "quit"])
def test_quit_ends_the_session(dispatcher: Dispatcher, text: str) -> None:
    outcome = dispatcher.dispatch(message(text))
    assert outcome.ends_session and outcome.replies == [Reply(text="À bientôt !", thread="fil")]


def test_question_starting_like_a_command_is_a_question() -> None:
    assert commands.match("aide pour la CAF à Draguignan") is None
    assert commands.match("bonjour, qui peut m'aider pour mon CV à Nice ?") is None
    assert commands.match("plus de wifi à Gap") is None


def test_replies_keep_the_thread(dispatcher: Dispatcher) -> None:
    assert dispatcher.handle(message("aide", thread="1712.5"))[0].thread == "1712.5"


def test_empty_message(dispatcher: Dispatcher) -> None:
    assert dispatcher.handle(message("   "))[0].text == "Je n'ai rien reçu : posez votre question."


def build_registry() -> Registry:
    """A registry with the kind of commands routing will add (DESIGN §5)."""
    registry = Registry()

    @registry.command("accepter", help="accepte la demande N.", arguments=(Argument("N", r"\d+"),))
    def accept(context: Context, message: Message, argument: str) -> list[Reply]:
        if argument == "13":
            raise UserFacingError("Vous n'êtes pas le médiateur de cette demande.")
        return [Reply(text=f"acceptée : {argument}")]

    @registry.command("refuser", aliases=("décliner",), help="refuse la demande N.",
                      arguments=(Argument("N", r"\d+"), Argument("raison", r".+", optional=True)))
    def decline(context: Context, message: Message, argument: str) -> list[Reply]:
        return [Reply(text=f"refusée : {argument}")]

    @registry.command("mes demandes", help="liste vos demandes.")
    def mine(context: Context, message: Message, argument: str) -> list[Reply]:
        return [Reply(text="vos demandes")]

    @registry.fallback
    def question(context: Context, message: Message, text: str) -> list[Reply]:
        return [Reply(text=f"question : {text}")]

    return registry


def test_declared_arguments(empty_app: App) -> None:
    dispatcher = Dispatcher(empty_app, registry=build_registry())

    def say(text: str) -> str:
        return dispatcher.handle(message(text))[0].text

    assert say("accepter 12") == "acceptée : 12"
    assert say("Accepter 12 !") == "acceptée : 12"
    assert say("accepter la demande") == "question : accepter la demande"
    assert say("accepter 13") == "Vous n'êtes pas le médiateur de cette demande."
    assert say("refuser 4") == "refusée : 4"
    assert say("Décliner 4 pas disponible cette semaine") == "refusée : 4 pas disponible cette semaine"
    assert say("mes demandes") == "vos demandes"
    assert say("mes demandes de CAF à Nice") == "question : mes demandes de CAF à Nice"
    usages = [declared.usage() for declared in dispatcher.context.registry]
    assert usages == ["accepter N", "refuser N [raison]", "mes demandes"]


def test_a_command_cannot_be_declared_twice() -> None:
    registry = build_registry()
    with pytest.raises(ValueError, match="déclarée deux fois"):
        registry.command("accepter", help="encore")(lambda context, message, argument: [])
