"""Deliver the outbox rows of one platform: the loop every transport shares (DESIGN §5).

A transport supplies only `send(item) -> platform_ref`: how to post one neutral `Reply` on its
platform. Retries, backoff, leases and marking rows sent are written here once, so Slack and Matrix
behave the same. `send` raises `RetryLaterError` when the platform asks to wait (Slack 429
`Retry-After`, Matrix `M_LIMIT_EXCEEDED` `retry_after_ms`), `PermanentDeliveryError` when it refuses
the message for good; any other exception is a transient failure retried with backoff.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.delivery.outbox import Outbox, OutboxItem

log = logging.getLogger(__name__)


class RetryLaterError(RuntimeError):
    """The platform asked to wait `retry_after` seconds (None: use the backoff)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentDeliveryError(RuntimeError):
    """The platform will never accept this message (unknown user, archived channel)."""


Send = Callable[[OutboxItem], str | None]


@dataclass
class DeliveryStats:
    """What one pass did, for logs and tests."""

    sent: int = 0
    failed: int = 0
    abandoned: int = 0


class Deliverer:
    """Claims the rows of `platform`, sends each with `send`, and records the outcome."""

    def __init__(self, outbox: Outbox, platform: str, send: Send, *, batch: int = 20,
                 recipient: str | None = None) -> None:
        self.outbox = outbox
        self.platform = platform
        self.send = send
        self.batch = batch
        #: Only this recipient's rows (the terminal delivers to the person at it, no one else).
        self.recipient = recipient

    def deliver_once(self) -> DeliveryStats:
        """One pass over the due rows (at most `batch`)."""
        stats = DeliveryStats()
        for item in self.outbox.claim(self.platform, self.batch, recipient=self.recipient):
            try:
                reference = self.send(item)
            except RetryLaterError as error:
                delay = self.outbox.mark_failed(item.id, str(error), error.retry_after)
                log.warning("%s : envoi %s différé de %.1f s (%s)", self.platform, item.key, delay, error)
                stats.failed += 1
            except PermanentDeliveryError as error:
                self.outbox.abandon(item.id, str(error))
                log.error("%s : envoi %s abandonné : %s", self.platform, item.key, error)
                stats.abandoned += 1
            except Exception as error:
                delay = self.outbox.mark_failed(item.id, f"{type(error).__name__}: {error}")
                log.warning("%s : envoi %s en échec, nouvel essai dans %.1f s", self.platform, item.key, delay,
                            exc_info=True)
                stats.failed += 1
            else:
                self.outbox.mark_sent(item.id, reference)
                stats.sent += 1
        return stats

    def run(self, stop: threading.Event, interval: float = 1.0) -> None:
        """Deliver until `stop` is set; a failing pass is logged, never fatal."""
        while not stop.is_set():
            try:
                stats = self.deliver_once()
            except Exception:
                log.exception("%s : passe de livraison en échec", self.platform)
                stats = DeliveryStats()
            if stats.sent + stats.failed + stats.abandoned < self.batch:
                stop.wait(interval)

    def start(self, stop: threading.Event, interval: float = 1.0) -> threading.Thread:
        """`run` in a daemon thread."""
        thread = threading.Thread(target=self.run, args=(stop, interval), name=f"livraison-{self.platform}",
                                  daemon=True)
        thread.start()
        return thread
