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
    INBOX = "inbox"
    """The curator's inbox or figures (the desk)."""
    CONVERSATION = "conversation"
    """A listener's log at the desk: messages, notes, picks."""
    STAFF_NOTES = "staff-notes"
    PRESENCE = "presence"
    """Who else has a listener open at the desk."""


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
