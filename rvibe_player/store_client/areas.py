"""The parts of the relationship a change notification names, so views redraw only those."""

from __future__ import annotations

from enum import StrEnum


class ChangeArea(StrEnum):
    """A part of the relationship that changed in the local cache."""

    NOTES = "notes"
    PICKS = "picks"
    MESSAGES = "messages"
    READ = "read"
    """A read marker moved (mine or the curator's)."""
    CURATOR = "curator"
    SHARING = "sharing"
    ACCOUNT = "account"
    OUTBOX = "outbox"
    """Sends waiting or failed."""
    MATCHES = "matches"
    """Picks were compared with the library again."""
    RESYNC = "resync"
    """The whole log was read again."""


EVERYTHING = frozenset(
    {
        ChangeArea.ACCOUNT,
        ChangeArea.CURATOR,
        ChangeArea.NOTES,
        ChangeArea.PICKS,
        ChangeArea.MESSAGES,
        ChangeArea.SHARING,
        ChangeArea.OUTBOX,
    }
)
"""What a sign-in or sign-out changes."""
