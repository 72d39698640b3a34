"""The store's wire vocabulary shared by server and client: roles, log entry kinds and limits.

Plain constants and enums only (no I/O), so the desktop client and the store service agree on
one definition. ``rvibe_player/store_server/PROTOCOL.md`` explains how they are used.
"""

from __future__ import annotations

import re
from enum import StrEnum

API_PREFIX = "/v1"


class Role(StrEnum):
    """What an account may do."""

    LISTENER = "listener"
    CURATOR = "curator"
    ADMIN = "admin"


class EntryKind(StrEnum):
    """Kinds of entries in a listener's relationship log.

    Clients apply entries as upserts keyed by the entry's ``object``: an ``*.edited`` or
    ``*.updated`` entry carries the whole object, so it may arrive without its ``*.created``
    (compaction drops superseded entries). ``note.deleted`` and ``pick.withdrawn`` are tombstones.
    """

    NOTE_CREATED = "note.created"
    NOTE_EDITED = "note.edited"
    NOTE_DELETED = "note.deleted"
    PICK_SENT = "pick.sent"
    PICK_UPDATED = "pick.updated"
    PICK_WITHDRAWN = "pick.withdrawn"
    MESSAGE_SENT = "message.sent"
    READ_UPDATED = "read.updated"
    CURATOR_ASSIGNED = "curator.assigned"
    SHARING_CHANGED = "sharing.changed"
    SHARING_DATA_DELETED = "sharing.data_deleted"
    LIBRARY_SHARING_CHANGED = "library.sharing_changed"


TOMBSTONE_KINDS = frozenset({EntryKind.NOTE_DELETED, EntryKind.PICK_WITHDRAWN})


class PickFeedback(StrEnum):
    """What a listener did with a pick; ``seen`` never replaces a stronger answer."""

    SEEN = "seen"
    PLAYED = "played"
    LOVED = "loved"
    DISMISSED = "dismissed"


class SharingLevel(StrEnum):
    """How much listening the listener shares with their curator (``off`` by default).

    ``summary``: plays counted per day, artist and genre. ``full``: each play as well.
    """

    OFF = "off"
    SUMMARY = "summary"
    FULL = "full"


SHARING_ORDER = (SharingLevel.OFF, SharingLevel.SUMMARY, SharingLevel.FULL)

DEMO_LISTENER = ("demo", "listen-demo")
"""The demo listener ``rvibe-store seed-demo`` creates (user name, password; PROTOCOL.md)."""

# Sync paging and long-poll.
SYNC_PAGE_DEFAULT = 500
SYNC_PAGE_MAX = 1000
SYNC_WAIT_MAX_S = 25
"""A long-poll returns (empty, ``timed_out``) after at most this long: the heartbeat."""

# Text limits (characters).
USERNAME_MIN, USERNAME_MAX = 3, 64
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._@-]*$"
PASSWORD_MIN, PASSWORD_MAX = 8, 256
DISPLAY_NAME_MAX = 100
BIO_MAX = 500
URL_MAX = 500
MESSAGE_MAX = 4000
NOTE_MAX = 4000
PICK_REASON_MAX = 1000
SEARCH_QUERY_MAX = 200
CATALOG_TEXT_MAX = 200

# Idempotency keys chosen by the client (a UUID fits).
CLIENT_ID_MIN, CLIENT_ID_MAX = 8, 64
CLIENT_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"

ALBUMS_BATCH_MAX = 500
"""Albums in one upload of a listener's shared library."""
CRATE_LISTENERS_MAX = 200
"""Listeners in one part of a crate (a bigger crate goes in several parts)."""
CRATE_RELEASES_MAX = 10
TOUCH_DAYS_MIN, TOUCH_DAYS_MAX = 1, 365
STAFF_NOTE_MAX = 4000
SAVED_REPLY_TITLE_MAX = 100

# Counts.
LISTENING_PLAYS_MAX = 500
"""Plays in one listening upload."""
PAGE_MAX = 200
"""Items in one page of inbox, search, access record or account listings."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text_problem(text: str, *, multiline: bool) -> str | None:
    """Why ``text`` is not acceptable plain text, or None when it is.

    Refuses control characters (NUL included) and unpaired surrogates, which no database
    stores faithfully; allows tab and, when ``multiline``, line breaks.
    """
    if _CONTROL.search(text) or (not multiline and ("\n" in text or "\r" in text)):
        return "must not contain control characters"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text"
    return None
