"""The store's wire vocabulary shared by server and client: roles, log entry kinds and limits.

Plain constants and enums only (no I/O), so the desktop client and the store service agree on
one definition. ``rvibe_player/store_server/PROTOCOL.md`` explains how they are used.
"""

from __future__ import annotations

import re
import unicodedata
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
DEMO_CURATOR = ("curator", "curate-demo")
"""The demo listener's curator (the desk fills it in on the built-in store)."""
DEMO_COVER = ("cover", "cover-demo")
"""A second demo curator, covering for the first (two desks on the same listeners)."""

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

BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
"""Embeddings and overrides (LRE RLE PDF LRO RLO): they reorder the text after them, so they
can make one thing read as another; refused in what people write, stripped from tags."""
BIDI_ISOLATES = frozenset("\u2066\u2067\u2068\u2069")
"""Isolates (LRI RLI FSI PDI): harmless inside a message, refused in a name."""
_INVISIBLE_GRAPHEMES = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Hangul fillers and the blank braille pattern: letters or symbols that draw nothing."""


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


def username_problem(username: str) -> str | None:
    """Why ``username`` is not a user name the store takes, or None when it is."""
    if USERNAME_MIN <= len(username) <= USERNAME_MAX and re.fullmatch(USERNAME_PATTERN, username):
        return None
    return (
        f"must be {USERNAME_MIN} to {USERNAME_MAX} of a-z, 0-9 and . _ @ -, "
        "starting with a letter or digit"
    )


def password_problem(password: str, username: str) -> str | None:
    """Why ``password`` will not do for ``username``, or None when it will."""
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        return f"must have {PASSWORD_MIN} to {PASSWORD_MAX} characters"
    if not password.strip():
        return "must not be only spaces"
    if password.strip().casefold() == username.strip().casefold():
        return "must not be the user name"
    return None


def display_name_problem(name: str) -> str | None:
    """Why ``name`` is not a display name the store takes, or None when it is."""
    if len(name) > DISPLAY_NAME_MAX:
        return f"must have at most {DISPLAY_NAME_MAX} characters"
    return plain_text_problem(name, multiline=False) or written_text_problem(name, name=True)


def has_visible(text: str) -> bool:
    """Whether ``text`` draws something: a letter, digit, punctuation or symbol.

    Spaces, zero-width and format characters (U+200B, U+FEFF, U+2060...), combining marks
    with nothing to combine with and blank fillers do not count.
    """
    return any(
        unicodedata.category(ch)[0] in "LNPS" or unicodedata.category(ch) == "Co"
        for ch in text
        if ch not in _INVISIBLE_GRAPHEMES
    )


def written_text_problem(text: str, *, name: bool) -> str | None:
    """Why text a person wrote (a message, note, reason, or with ``name`` a name) will not do.

    On top of :func:`plain_text_problem`: bidirectional overrides are refused everywhere,
    isolates in names, and text must show something (not only invisible characters).
    """
    if any(ch in BIDI_OVERRIDES for ch in text):
        return "must not contain bidirectional overrides (U+202A to U+202E)"
    if name and any(ch in BIDI_ISOLATES for ch in text):
        return "must not contain bidirectional controls"
    if not has_visible(text):
        return "must contain something visible"
    return None


def without_bidi_controls(text: str) -> str:
    """``text`` with every bidirectional override and isolate removed (for tags)."""
    if not any(ch in BIDI_OVERRIDES or ch in BIDI_ISOLATES for ch in text):
        return text
    return "".join(ch for ch in text if ch not in BIDI_OVERRIDES and ch not in BIDI_ISOLATES)
