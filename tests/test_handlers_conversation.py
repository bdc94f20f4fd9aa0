"""Per-thread memory: bounded, least recently used first out, forgotten after an hour."""

from __future__ import annotations

from handlers.conversation import Conversations, ThreadState
from knowledge.query import Query

STATE = ThreadState(Query(needs=("demarches",)))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_expires_after_the_ttl() -> None:
    clock = Clock()
    conversations = Conversations(ttl_seconds=3600, clock=clock)
    conversations.put(("slack", "C1", "t1"), STATE)
    clock.now = 3599
    assert conversations.get(("slack", "C1", "t1")) == STATE
    clock.now = 3599 + 3601
    assert conversations.get(("slack", "C1", "t1")) is None
    assert len(conversations) == 0


def test_bounded_least_recently_used_first() -> None:
    conversations = Conversations(max_threads=2)
    conversations.put(("p", "r", "a"), STATE)
    conversations.put(("p", "r", "b"), STATE)
    conversations.put(("p", "r", "a"), STATE)  # touches a
    conversations.put(("p", "r", "c"), STATE)
    assert conversations.get(("p", "r", "b")) is None
    assert conversations.get(("p", "r", "a")) == STATE
    assert len(conversations) == 2


def test_forget() -> None:
    conversations = Conversations()
    conversations.put(("p", "r", "a"), STATE)
    conversations.forget(("p", "r", "a"))
    conversations.forget(("p", "r", "absent"))
    assert conversations.get(("p", "r", "a")) is None
