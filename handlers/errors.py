"""The two kinds of failure (house style): a refusal the user must read, and everything else.

A handler raises `UserFacingError` for an expected refusal; the dispatcher turns it into a reply.
Any other exception is a bug: logged with its traceback, and the user gets a short apology.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected refusal; its message is French and shown as is to the person who asked."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
