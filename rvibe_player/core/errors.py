"""Errors shared across layers; their messages are written for the person using the player."""

from __future__ import annotations


class RvibeError(Exception):
    """Base class of errors the player reports to its user in words."""


class QueryError(RvibeError):
    """A search query that cannot be understood, with where and why."""

    def __init__(self, message: str, position: int, query: str) -> None:
        self.reason = message
        self.position = position
        self.query = query
        super().__init__(f"{message} (at character {position + 1})")

    def pointer(self) -> str:
        """The query with a caret under the offending character, for terminals."""
        return f"{self.query}\n{' ' * self.position}^"


class LibraryUnreadableError(RvibeError):
    """The library database could not be read: damaged (repaired at the next start)."""


class PlaylistFormatError(RvibeError):
    """A playlist file that cannot be read at all."""


class PlaybackUnavailableError(RvibeError):
    """The audio engine (libVLC) cannot start; the message says what to install."""
