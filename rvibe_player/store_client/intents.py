"""What a send means, as the outbox keeps it: a kind and its payload, never a route.

The outbox stores intents; only :mod:`api` turns one into a request (``StoreApi.send``),
so a route can change without touching stored rows, and a row says what it is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rvibe_player.store_client.areas import ChangeArea


class IntentKind(StrEnum):
    """What an outbox row asks the store to do."""

    MESSAGE = "message"
    """``{"body"}``: a message to my curator."""
    FEEDBACK = "feedback"
    """``{"pick_id", "feedback"}``: what I made of a pick."""
    READ = "read"
    """``{"seq"}``: my read marker."""
    SHARING = "sharing"
    """``{"level"}``: how much listening I share."""
    LISTENING = "listening"
    """``{"plays"}``: a batch of shared plays."""
    LIBRARY_SHARING = "library-sharing"
    """``{"on"}``: share the albums in my library (or stop)."""
    ALBUMS = "albums"
    """``{"albums", "replace"}``: a batch of my library's albums."""
    STAFF_MESSAGE = "staff-message"
    """``{"listener_id", "body"}``: the curator writes to a listener."""
    STAFF_NOTE = "staff-note-to-listener"
    """``{"listener_id", "body"}``: a note the listener reads."""
    NOTE_EDIT = "note-edit"
    """``{"listener_id", "note_id", "body"}``: a better wording of a note they read."""
    STAFF_PICK = "staff-pick"
    """``{"listener_id", "release_id", "reason"}``."""
    PICK_REASON = "pick-reason"
    """``{"listener_id", "pick_id", "reason"}``."""
    STAFF_ONLY_NOTE = "staff-only-note"
    """``{"listener_id", "body"}``: about the listener, for staff only."""
    SNOOZE = "snooze"
    """``{"listener_id", "until", "until_reply"}``."""
    CADENCE = "cadence"
    """``{"listener_id", "days"}``."""
    STAFF_READ = "staff-read"
    """``{"listener_id", "seq"}``: the curator has read the listener's log up to ``seq``."""
    CRATE = "crate"
    """``{"releases", "lines"}``: one part of a crate."""


AREA_OF_KIND = {
    IntentKind.MESSAGE: ChangeArea.MESSAGES,
    IntentKind.FEEDBACK: ChangeArea.PICKS,
    IntentKind.READ: ChangeArea.READ,
    IntentKind.SHARING: ChangeArea.SHARING,
    IntentKind.LISTENING: ChangeArea.SHARING,
    IntentKind.LIBRARY_SHARING: ChangeArea.SHARING,
    IntentKind.ALBUMS: ChangeArea.SHARING,
    IntentKind.STAFF_MESSAGE: ChangeArea.CONVERSATION,
    IntentKind.STAFF_NOTE: ChangeArea.CONVERSATION,
    IntentKind.STAFF_PICK: ChangeArea.CONVERSATION,
    IntentKind.NOTE_EDIT: ChangeArea.CONVERSATION,
    IntentKind.PICK_REASON: ChangeArea.CONVERSATION,
    IntentKind.STAFF_ONLY_NOTE: ChangeArea.STAFF_NOTES,
    IntentKind.SNOOZE: ChangeArea.INBOX,
    IntentKind.CADENCE: ChangeArea.INBOX,
    IntentKind.STAFF_READ: ChangeArea.INBOX,
    IntentKind.CRATE: ChangeArea.CONVERSATION,
}
"""The part of the panel each kind of send shows in."""

KEEP_WHEN_REFUSED = frozenset(
    {
        IntentKind.MESSAGE,
        IntentKind.SHARING,
        IntentKind.LIBRARY_SHARING,
        IntentKind.STAFF_MESSAGE,
        IntentKind.STAFF_NOTE,
        IntentKind.STAFF_PICK,
        IntentKind.PICK_REASON,
        IntentKind.NOTE_EDIT,
        IntentKind.STAFF_ONLY_NOTE,
        IntentKind.CRATE,
    }
)
"""Kinds a refused send stays visible for (failed, with the store's words)."""


@dataclass(frozen=True, slots=True)
class Intent:
    """One thing to send: its kind and what it carries."""

    kind: IntentKind
    payload: dict[str, Any]


def message(body: str) -> Intent:
    """A message to my curator."""
    return Intent(IntentKind.MESSAGE, {"body": body})


def feedback(pick_id: int, answer: str) -> Intent:
    """What I made of a pick."""
    return Intent(IntentKind.FEEDBACK, {"pick_id": int(pick_id), "feedback": answer})


def read_marker(seq: int) -> Intent:
    """I have read up to ``seq``."""
    return Intent(IntentKind.READ, {"seq": int(seq)})


def sharing(level: str) -> Intent:
    """Share my listening at ``level``."""
    return Intent(IntentKind.SHARING, {"level": level})


def listening(plays: list[dict[str, Any]]) -> Intent:
    """A batch of plays, as the chosen level lets them leave."""
    return Intent(IntentKind.LISTENING, {"plays": plays})


def staff(kind: IntentKind, listener_id: int, **fields: Any) -> Intent:
    """A curator's send about one listener."""
    return Intent(kind, {"listener_id": int(listener_id), **fields})


def crate(releases: list[int], lines: list[dict[str, Any]]) -> Intent:
    """One part of a crate: the releases, and each listener's own line."""
    return Intent(IntentKind.CRATE, {"releases": list(releases), "lines": lines})
