"""The terminal transport: one line read is one `Message`, its replies are printed.

The whole session is one thread (« console »), so follow-ups (« plus », « et à Fréjus ? ») work.
On a TTY it prompts with `> ` and prints Rich panels; otherwise it reads stdin silently and
writes plain lines, so `printf 'aide\\nquitter\\n' | epnbot chat` can be scripted and tested.
"""

from __future__ import annotations

import getpass
import io
import logging
import os
import sys
import threading
from typing import TextIO

from bot.delivery import Deliverer
from bot.render.terminal import TerminalRenderer
from handlers import texts_fr as texts
from handlers.help import welcome
from handlers.messages import Message, Reply, reply_from_json
from handlers.registry import Dispatcher
from knowledge.delivery.outbox import Outbox, OutboxItem

log = logging.getLogger(__name__)

PLATFORM = "console"
PROMPT = "> "


def console_user() -> str:
    """The name of the person at the terminal ($USER), used as the sender id."""
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return "console"


def _tolerant(stream: TextIO) -> TextIO:
    """Read undecodable bytes as U+FFFD instead of failing: any input must get an answer."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


def _read(stream: TextIO, interactive: bool, renderer: TerminalRenderer) -> str | None:
    """One line without its newline, or None at end of input."""
    if interactive and stream is sys.stdin:
        try:
            return input(PROMPT)  # line editing and history when both ends are a terminal
        except EOFError:
            return None
    if interactive:
        renderer.stream.write(PROMPT)
        renderer.stream.flush()
    line = stream.readline()
    return None if line == "" else line.rstrip("\r\n")


class Inbox:
    """The notices the outbox holds for the person at the terminal (offers, « votre demande n° 3 a
    été acceptée »…): shown at start, after each reply, and, on a TTY, as they arrive."""

    def __init__(self, outbox: Outbox, person: str, renderer: TerminalRenderer) -> None:
        self.renderer = renderer
        self.lock = threading.Lock()
        self.deliverer = Deliverer(outbox, PLATFORM, self._show, recipient=person)

    def _show(self, item: OutboxItem) -> None:
        self.renderer.show(reply_from_json(item.payload))
        return None

    def show_pending(self) -> int:
        """Print what is waiting; how many notices."""
        with self.lock:
            return self.deliverer.deliver_once().sent

    def watch(self, stop: threading.Event, interval: float = 2.0) -> threading.Thread:
        """Show notices as they arrive, until `stop`."""
        def loop() -> None:
            while not stop.wait(interval):
                try:
                    self.show_pending()
                except Exception:
                    log.exception("avis du terminal illisibles")
        thread = threading.Thread(target=loop, name="avis-terminal", daemon=True)
        thread.start()
        return thread


def run_console(dispatcher: Dispatcher, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
                user: str | None = None, outbox: Outbox | None = None) -> int:
    """Talk with the person at the terminal until « quitter » or end of input; returns 0.

    With an `outbox`, the notices addressed to this person in the terminal are shown too.
    """
    stdin = _tolerant(stdin or sys.stdin)
    stdout = stdout or sys.stdout
    renderer = TerminalRenderer(stdout)
    interactive = stdin.isatty() and renderer.rich
    sender = user or console_user()
    renderer.show(welcome())
    inbox = Inbox(outbox, sender, renderer) if outbox is not None else None
    stop = threading.Event()
    if inbox is not None:
        inbox.show_pending()
        if interactive:
            inbox.watch(stop)
    try:
        return _loop(dispatcher, stdin, renderer, interactive, sender, inbox)
    finally:
        stop.set()


def _loop(dispatcher: Dispatcher, stdin: TextIO, renderer: TerminalRenderer, interactive: bool, sender: str,
          inbox: Inbox | None) -> int:
    while True:
        try:
            line = _read(stdin, interactive, renderer)
        except KeyboardInterrupt:
            line = None
        if line is None:
            renderer.line(texts.GOODBYE)
            return 0
        if not line.strip():
            continue
        message = Message(text=line, sender=sender, room=PLATFORM, platform=PLATFORM, thread=PLATFORM)
        outcome = dispatcher.dispatch(message)
        try:
            renderer.show_all(outcome.replies)
        except Exception:  # a rendering bug must not end the session
            log.exception("affichage impossible d'une réponse")
            renderer.show(Reply(text=texts.APOLOGY))
        if outcome.ends_session:
            return 0
        if inbox is not None:
            inbox.show_pending()
