"""Errors the core raises for the user to read (messages are in Simplified Chinese)."""

from __future__ import annotations


class ImportRefused(Exception):
    """A file that cannot be imported; ``message`` says why and what to do, in Chinese.

    ``code`` is a stable machine-readable reason (``encrypted``, ``scanned``, ``too_large`` …)
    used by tests and the command line.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
