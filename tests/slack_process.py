"""`epnbot serve slack --http --port 0` in a process of its own, pointed at a `FakeSlack`.

Used by the CLI test and by `benchmarks/load_slack.py`, so both start the bot exactly as an
operator would (the console script, the environment, SIGTERM to stop).

    with ServedSlack(database_url, fake) as served:
        post(served.port, mention("aide"))
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

from slack_fake import BOT_TOKEN, SIGNING_SECRET, FakeSlack

_LISTENING = re.compile(r"http://127\.0\.0\.1:(\d+)/slack/events")


def epnbot_command() -> list[str]:
    """The installed console script beside this Python, else the module."""
    script = Path(sys.executable).with_name("epnbot")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from bot.cli import main; main()"]


class ServedSlack:
    """The served bot: its process, its port once it listens, what it wrote on stderr."""

    def __init__(self, database_url: str, fake: FakeSlack, *, threads: int = 16, start_timeout: float = 120.0) -> None:
        self.database_url = database_url
        self.fake = fake
        self.threads = threads
        self.start_timeout = start_timeout
        self.lines: list[str] = []
        self.port = 0
        self._listening = threading.Event()
        self.process: subprocess.Popen[str] | None = None

    def _read(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            match = _LISTENING.search(line)
            if match and not self.port:
                self.port = int(match.group(1))
                self._listening.set()
        self._listening.set()  # the process ended: stop waiting

    def __enter__(self) -> ServedSlack:
        env = {**os.environ, "DATABASE_URL": self.database_url, "SLACK_BOT_TOKEN": BOT_TOKEN,
               "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": self.fake.url}
        env.pop("SLACK_APP_TOKEN", None)
        self.process = subprocess.Popen(
            [*epnbot_command(), "serve", "slack", "--http", "--host", "127.0.0.1", "--port", "0",
             "--threads", str(self.threads)],
            env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._listening.wait(self.start_timeout) or not self.port:
            self.__exit__()
            raise RuntimeError("epnbot serve slack n'a pas démarré :\n" + "".join(self.lines))
        return self

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM, then the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)
