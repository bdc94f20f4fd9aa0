"""Commands declared next to their handler, and the dispatcher that routes a `Message` to one.

A handler module declares its commands with `@command(...)`: name, aliases, French help and
arguments sit on the declaration, and `aide` is generated from them (maubot, Errbot). Words that
match no command are a question for the `@fallback` handler (the ask handler).

    @command("plus", aliases=("suite",), help=texts.HELP_PLUS)
    def more(context: Context, message: Message, argument: str) -> list[Reply]: ...

Later commands (`accepter N`, `refuser N [raison]`, DESIGN §5) declare their arguments as regular
expressions: `Argument("N", r"\\d+")`; a text whose arguments don't fit is a question instead.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final, Protocol

from sqlalchemy.orm import Session, sessionmaker

from handlers import texts_fr as texts
from handlers.conversation import Conversations, ThreadKey
from handlers.errors import UserFacingError
from handlers.messages import Action, Message, Reply
from knowledge.textnorm import fold

if TYPE_CHECKING:  # the parser and index load with the app, not with the handlers
    from knowledge.lieu_identity import LieuKey
    from knowledge.routing.models import Request
    from knowledge.routing.policy import RoutingPolicy
    from knowledge.understanding import Understanding

log = logging.getLogger(__name__)

#: Modules whose import declares the commands; the dispatcher imports them once.
HANDLER_MODULES: Final = ("handlers.help", "handlers.ask", "handlers.routing", "handlers.agenda")
#: Longest alias, in words (« au revoir », « mes demandes »).
_MAX_COMMAND_WORDS: Final = 3
#: Punctuation people add after a command (« aide ? », « plus ! »).
_TRAILING: Final = " \t!?.…,;:"


class ChatSettings(Protocol):
    """The settings handlers read (a `bot.config.Settings` fits)."""

    @property
    def shown(self) -> int: ...
    @property
    def max_input_chars(self) -> int: ...
    @property
    def near_km(self) -> float: ...


class Services(Protocol):
    """What handlers need from the application (a `bot.app.App` fits); passed in, never global."""

    @property
    def settings(self) -> ChatSettings: ...
    @property
    def sessions(self) -> sessionmaker[Session]: ...
    @property
    def understanding(self) -> Understanding: ...
    @property
    def routing_policy(self) -> RoutingPolicy: ...
    def nearby_lieux(self, request: Request) -> list[LieuKey]: ...


@dataclass
class Context:
    """Everything a handler may use: the app, per-thread state, the command list, the clock."""

    app: Services
    conversations: Conversations
    registry: Registry
    now: Callable[[], dt.datetime]

    def thread_key(self, message: Message) -> ThreadKey:
        """The conversation a message belongs to; without a thread, one per person and room."""
        return (message.platform, message.room, message.thread or f"@{message.sender}")


Handler = Callable[[Context, Message, str], list[Reply]]


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a command: its French name in the help, and the words it accepts."""

    name: str
    pattern: str = r"\S+"
    optional: bool = False

    def usage(self) -> str:
        """« N » or « [raison] »."""
        return f"[{self.name}]" if self.optional else self.name


@dataclass(frozen=True, slots=True)
class Command:
    """A declared command; `ends_session` tells a terminal transport to stop after replying."""

    name: str
    help: str
    handler: Handler
    aliases: tuple[str, ...] = ()
    arguments: tuple[Argument, ...] = ()
    ends_session: bool = False
    pattern: re.Pattern[str] = field(default=re.compile(""), compare=False)

    def usage(self) -> str:
        """« aide [commande] »."""
        return " ".join([self.name, *(argument.usage() for argument in self.arguments)])

    def accepts(self, argument: str) -> bool:
        """Whether the words after the command fit its declared arguments."""
        return self.pattern.fullmatch(argument) is not None


def _key(words: str) -> str:
    """Command words compared without case, accents or punctuation; « ? » stays itself."""
    return fold(words) or words.strip()


def _arguments_pattern(arguments: tuple[Argument, ...]) -> re.Pattern[str]:
    regex = ""
    for argument in arguments:
        part = rf"\s*(?:{argument.pattern})" if not regex else rf"\s+(?:{argument.pattern})"
        regex += f"(?:{part})?" if argument.optional else part
    return re.compile(rf"\s*{regex}\s*", re.IGNORECASE | re.DOTALL)


class Registry:
    """The declared commands, by name and alias, and the handler of everything else."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._by_words: dict[str, Command] = {}
        self._fallback: Handler | None = None
        self._questions: list[tuple[Callable[[str], bool], Handler]] = []

    def command(
        self, name: str, *, help: str, aliases: tuple[str, ...] = (),
        arguments: tuple[Argument, ...] = (), ends_session: bool = False,
    ) -> Callable[[Handler], Handler]:
        """Declare the decorated function as the handler of `name` (and its aliases)."""

        def declare(handler: Handler) -> Handler:
            declared = Command(name, help, handler, aliases, arguments, ends_session,
                               _arguments_pattern(arguments))
            for words in (name, *aliases):
                key = _key(words)
                if key in self._by_words and self._by_words[key].handler is not handler:
                    raise ValueError(f"commande déclarée deux fois : {words!r}")
                self._by_words[key] = declared
            self._commands[name] = declared
            return handler

        return declare

    def fallback(self, handler: Handler) -> Handler:
        """Declare the handler of texts that are no command (questions)."""
        self._fallback = handler
        return handler

    def question(self, recognises: Callable[[str], bool]) -> Callable[[Handler], Handler]:
        """Declare the handler of the questions `recognises` tells apart (agenda questions), tried
        before the fallback in declaration order; the matcher stays apart from the handler (opsdroid)."""

        def declare(handler: Handler) -> Handler:
            self._questions.append((recognises, handler))
            return handler

        return declare

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def get(self, words: str) -> Command | None:
        """The command named or aliased `words`, if any."""
        return self._by_words.get(_key(words))

    def match(self, text: str) -> tuple[Command, str] | None:
        """The command `text` calls and its argument text, or None for a question."""
        tokens = text.split()
        for count in range(min(_MAX_COMMAND_WORDS, len(tokens)), 0, -1):
            declared = self._by_words.get(_key(" ".join(tokens[:count])))
            if declared is None:
                continue
            argument = " ".join(tokens[count:]).strip(_TRAILING)
            if declared.accepts(argument):
                return declared, argument
        return None

    def question_handler(self, text: str | None = None) -> Handler:
        """The handler of a question (the fallback unless a declared matcher recognises `text`);
        a registry without a fallback is a programming error."""
        if text is not None:
            for recognises, handler in self._questions:
                if recognises(text):
                    return handler
        if self._fallback is None:
            raise LookupError("aucun gestionnaire de questions déclaré")
        return self._fallback


commands: Final = Registry()
command: Final = commands.command
fallback: Final = commands.fallback
question: Final = commands.question


@dataclass(frozen=True, slots=True)
class Outcome:
    """The replies to one message, and whether the conversation ends (« quitter »)."""

    replies: list[Reply]
    ends_session: bool = False


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Dispatcher:
    """Routes messages to handlers; turns `UserFacingError` into a reply and bugs into an apology."""

    def __init__(self, app: Services, *, registry: Registry | None = None,
                 conversations: Conversations | None = None,
                 now: Callable[[], dt.datetime] = _utc_now) -> None:
        for module in HANDLER_MODULES:
            importlib.import_module(module)
        self.context = Context(app=app, conversations=conversations or Conversations(),
                               registry=registry or commands, now=now)

    def dispatch(self, message: Message) -> Outcome:
        """Answer one message; never raises for a handler's failure."""
        registry = self.context.registry
        text = message.text.strip()
        ends = False
        try:
            if not text:
                replies = [Reply(text=texts.EMPTY_MESSAGE)]
            elif (found := registry.match(text)) is not None:
                declared, argument = found
                replies = declared.handler(self.context, message, argument)
                ends = declared.ends_session
            else:
                replies = registry.question_handler(text)(self.context, message, text)
        except UserFacingError as refusal:
            # « refusal »: a transport may show it to the actor alone (Slack: ephemeral, message kept).
            replies = [Reply(text=refusal.message, kind="refusal")]
        except Exception:
            # The text itself stays out of the logs: it may hold personal details.
            log.exception("erreur en traitant un message (%s, %d caractères)", message.platform, len(text))
            replies = [Reply(text=texts.APOLOGY)]
        threaded = [reply if reply.thread else replace(reply, thread=message.thread) for reply in replies]
        return Outcome(threaded, ends)

    def handle(self, message: Message) -> list[Reply]:
        """The replies to one message (what tests and most transports need)."""
        return self.dispatch(message).replies

    def act(self, action: Action) -> list[Reply]:
        """The replies to a button press, form submission or reaction: handled as its words."""
        return self.dispatch(action.as_message()).replies
