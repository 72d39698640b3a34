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


AREA_OF_KIND = {
    IntentKind.MESSAGE: ChangeArea.MESSAGES,
    IntentKind.FEEDBACK: ChangeArea.PICKS,
    IntentKind.READ: ChangeArea.READ,
    IntentKind.SHARING: ChangeArea.SHARING,
    IntentKind.LISTENING: ChangeArea.SHARING,
}
"""The part of the panel each kind of send shows in."""

KEEP_WHEN_REFUSED = frozenset({IntentKind.MESSAGE, IntentKind.SHARING})
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
