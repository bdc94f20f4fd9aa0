"""`aide`, greetings and `quitter`: the commands that explain the bot rather than search.

The command list of `aide` is generated from the declarations in `handlers.registry`, so a new
command documents itself by being declared.
"""

from __future__ import annotations

from handlers import texts_fr as texts
from handlers.messages import Message, Reply
from handlers.registry import Argument, Command, Context, command
from knowledge.gazetteer import ATTRIBUTION
from knowledge.taxonomy import NEEDS


def welcome() -> Reply:
    """The greeting: what the bot does and an example question (also shown when a session starts)."""
    example = texts.WELCOME_EXAMPLE.format(example=texts.EXAMPLE_QUESTION)
    return Reply(text=texts.WELCOME, extra_lines=(example, texts.WELCOME_HINT))


def help_line(declared: Command) -> str:
    """« • aide [commande] (ou help, ?) — affiche cette aide… »."""
    shown = declared.aliases[: texts.HELP_ALIASES_SHOWN]
    aliases = texts.HELP_ALIASES.format(aliases=", ".join(shown)) if shown else ""
    return texts.HELP_LINE.format(usage=declared.usage(), aliases=aliases, help=declared.help)


@command("aide", aliases=("help", "?", "aide moi", "commandes"), help=texts.HELP_AIDE,
         arguments=(Argument(texts.HELP_AIDE_ARGUMENT, optional=True),))
def show_help(context: Context, message: Message, argument: str) -> list[Reply]:
    """The generated help, or one command's help when its name follows (« aide plus »)."""
    declared = context.registry.get(argument) if argument else None
    if declared is not None:
        return [Reply(text=texts.HELP_ONE.format(usage=declared.usage(), help=declared.help))]
    lines = [texts.HELP_COMMANDS, *(help_line(each) for each in context.registry),
             texts.HELP_NEEDS.format(needs=texts.NEEDS_SEPARATOR.join(NEEDS.values()))]
    return [Reply(text=texts.HELP_INTRO.format(example=texts.EXAMPLE_QUESTION), extra_lines=tuple(lines),
                  footer=ATTRIBUTION)]


@command("bonjour", aliases=("salut", "bonsoir", "coucou", "hello", "hi", "hey", "bonjour a tous", "bjr"),
         help=texts.HELP_GREETING)
def greet(context: Context, message: Message, argument: str) -> list[Reply]:
    """A short welcome: what the bot does, and an example question."""
    return [welcome()]


@command("quitter", aliases=("exit", "quit", "au revoir", "bye", "fin"), help=texts.HELP_QUIT,
         ends_session=True)
def leave(context: Context, message: Message, argument: str) -> list[Reply]:
    """Say goodbye and forget the conversation; a terminal transport then stops."""
    context.conversations.forget(context.thread_key(message))
    return [Reply(text=texts.GOODBYE)]
