"""The store page's view of the session's relationship: its events as Qt signals, and
blocking store calls run off the GUI thread.

The session opens the relationship and reports on the GUI thread (its events are posted
there); the bridge only turns them into signals the relationship views connect to, and runs
the blocking calls (sign in, access log...) on the relationship's worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from rvibe_player.app.events import (
    RelationshipChanged,
    RelationshipFailed,
    RelationshipOpened,
    RelationshipStatusChanged,
)
from rvibe_player.app.session import PlayerSession
from rvibe_player.store_client.model import Connection, RelationshipState, SyncStatus
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.ui.shell.background import BackgroundCalls
from rvibe_player.ui.shell.core_words import say

log = logging.getLogger(__name__)
T = TypeVar("T")


class RelationshipBridge(QObject):
    """The relationship of a session, as signals."""

    opened = Signal()
    """The relationship is ready (possibly signed out, possibly offline)."""
    changed = Signal(object)
    """A frozenset of changed :class:`ChangeArea` (notes, picks, messages, read...)."""
    status_changed = Signal(object)
    """A :class:`SyncStatus`."""
    failed = Signal(str)
    """The relationship could not be opened at all; the text says why."""

    def __init__(self, session: PlayerSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem: str | None = None
        """What is wrong with the opened relationship, in words (None when fine)."""
        self.status = SyncStatus(Connection.CONNECTING, self.tr("Connecting to the store…"))
        self._calls = BackgroundCalls(self)
        self._closing = False
        events = session.events
        events.subscribe(RelationshipOpened, self._opened)
        events.subscribe(RelationshipFailed, lambda e: self._emit(self.failed, say(e.message)))
        events.subscribe(RelationshipChanged, lambda e: self._emit(self.changed, e.areas))
        events.subscribe(RelationshipStatusChanged, self._status)

    @property
    def relationship(self) -> Relationship | None:
        return self.session.relationship

    def open(self) -> None:
        """Have the session open the relationship (signals follow)."""
        self.session.open_relationship()

    def _emit(self, signal: Any, *args: object) -> None:
        """Emit unless the window is going (then nobody is listening)."""
        if self._closing:
            return
        try:
            signal.emit(*args)
        except RuntimeError:  # the bridge was deleted under a late event
            log.debug("Dropped a relationship event: the panel is gone")

    def _opened(self, event: RelationshipOpened) -> None:
        self.problem = event.problem
        self._emit(self.opened)

    def _status(self, event: RelationshipStatusChanged) -> None:
        self.status = event.status
        self._emit(self.status_changed, event.status)

    def state(self) -> RelationshipState | None:
        """What the panel shows, read from the local cache (fast; GUI thread)."""
        relationship = self.relationship
        return relationship.state() if relationship is not None else None

    def run(
        self,
        function: Callable[..., T],
        *args: Any,
        then: Callable[[T | None, BaseException | None], None],
        **kwargs: Any,
    ) -> None:
        """Run a blocking store call off the GUI thread; ``then(result, error)`` on the GUI."""
        relationship = self.relationship
        if relationship is None:
            then(None, RuntimeError(self.tr("The store is not open yet.")))
            return
        self._calls.run(relationship.in_background, function, *args, then=then, **kwargs)

    def close(self) -> None:
        """Emit nothing more (the window is closing; the session closes the store)."""
        self._closing = True
        self._calls.closing = True
