"""The desk's view of the session's curator desk: its events as Qt signals, and blocking
calls (sign-in, a context, a search) run off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from rvibe_player.app.events import DeskChanged, DeskOpened, DeskStatusChanged
from rvibe_player.app.session import PlayerSession
from rvibe_player.store_client.desk import CuratorDesk
from rvibe_player.store_client.model import Connection, SyncStatus
from rvibe_player.ui.shell.background import BackgroundCalls

log = logging.getLogger(__name__)
T = TypeVar("T")


class DeskBridge(QObject):
    """The session's curator desk, as signals."""

    opened = Signal()
    changed = Signal(object)
    """A frozenset of changed areas (inbox, conversation, presence, staff notes...)."""
    status_changed = Signal(object)

    def __init__(self, session: PlayerSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = SyncStatus(Connection.SIGNED_OUT, "")
        self._calls = BackgroundCalls(self)
        events = session.events
        events.subscribe(DeskOpened, lambda _e: self._emit(self.opened))
        events.subscribe(DeskChanged, lambda e: self._emit(self.changed, e.areas))
        events.subscribe(DeskStatusChanged, self._status)

    @property
    def desk(self) -> CuratorDesk | None:
        return self.session.desk

    def _emit(self, signal: Any, *args: object) -> None:
        if self._calls.closing:
            return
        try:
            signal.emit(*args)
        except RuntimeError:
            log.debug("Dropped a desk event: the desk is gone")

    def _status(self, event: DeskStatusChanged) -> None:
        self.status = event.status
        self._emit(self.status_changed, event.status)

    def run(
        self,
        function: Callable[..., T],
        *args: Any,
        then: Callable[[T | None, BaseException | None], None],
        **kwargs: Any,
    ) -> None:
        """A blocking desk call off the GUI thread; ``then(result, error)`` on the GUI."""
        desk = self.desk
        if desk is None:
            then(None, RuntimeError(self.tr("The store is not open yet.")))
            return
        self._calls.run(desk.in_background, function, *args, then=then, **kwargs)

    def close(self) -> None:
        """Emit nothing more (the window is closing; the session closes the desk)."""
        self._calls.closing = True
