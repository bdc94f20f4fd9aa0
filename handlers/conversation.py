"""What the bot remembers of a conversation, so « et à Fréjus ? » or « plus » make sense.

State is keyed by (platform, room, thread), kept only in memory, bounded (least recently used
threads are forgotten first) and forgotten after an hour of silence: follow-ups are short-lived,
and nothing personal needs to outlive them. It holds parsed queries, and the text of the last
question only so that « transmettre » can pass it on with consent; it dies with the thread.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from knowledge.query import Hit, Query

ThreadKey = tuple[str, str, str]

MAX_THREADS: Final = 5000
TTL_SECONDS: Final = 3600.0


@dataclass(frozen=True, slots=True)
class ThreadState:
    """The last query of a thread and what the bot is waiting for.

    `awaiting` is "place" after « Dans quelle commune ? », "need" after a question without a need
    (its place is kept), or None. `offset` is where « plus » starts. `shown` are the lieux of the
    last answer, in order, so « transmettre 2 » names the second one.
    """

    query: Query
    awaiting: str | None = None
    offset: int = 0
    shown: tuple[Hit, ...] = ()
    #: The question as written, kept only while the thread lives, for « transmettre ».
    text: str = ""
    #: The rank of the lieu waiting for the asker's « oui » / « non », 0 when none.
    transmit: int = 0


class Conversations:
    """A bounded, expiring map from thread to `ThreadState`; safe to share between threads."""

    def __init__(self, max_threads: int = MAX_THREADS, ttl_seconds: float = TTL_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_threads = max_threads
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._states: OrderedDict[ThreadKey, tuple[float, ThreadState]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: ThreadKey) -> ThreadState | None:
        """The thread's state, unless it expired."""
        with self._lock:
            entry = self._states.get(key)
            if entry is None:
                return None
            seen, state = entry
            if self._clock() - seen > self.ttl_seconds:
                del self._states[key]
                return None
            return state

    def put(self, key: ThreadKey, state: ThreadState) -> None:
        """Remember the thread's state, forgetting the oldest threads beyond the bound."""
        with self._lock:
            self._states[key] = (self._clock(), state)
            self._states.move_to_end(key)
            while len(self._states) > self.max_threads:
                self._states.popitem(last=False)

    def forget(self, key: ThreadKey) -> None:
        """Drop the thread's state (the person left)."""
        with self._lock:
            self._states.pop(key, None)

    def __len__(self) -> int:
        return len(self._states)
