"""The panel's link to the store client: opened off the GUI thread, changes as Qt signals.

The store client calls back on its own threads (sync, outbox, workers); here those calls
only emit signals, which Qt queues to the GUI thread, where the panel reads the state from
the local cache (fast, works offline).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from rvibe_player.app.relationship_setup import RelationshipSession, open_relationship
from rvibe_player.app.services import Services
from rvibe_player.store_client.model import Connection, RelationshipState, SyncStatus
from rvibe_player.store_client.relationship import Relationship

log = logging.getLogger(__name__)
T = TypeVar("T")


class RelationshipBridge(QObject):
    """Owns the relationship session for the window."""

    opened = Signal()
    """The relationship is ready (possibly signed out, possibly offline)."""
    changed = Signal(object)
    """A frozenset of changed areas (notes, picks, messages, read, curator, sharing...)."""
    status_changed = Signal(object)
    """A :class:`SyncStatus`."""
    failed = Signal(str)
    """The relationship could not be opened at all; the text says why."""
    done = Signal(object, object, object)
    """(callback, result, error) of a background call, delivered on the GUI thread."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: RelationshipSession | None = None
        self.status = SyncStatus(Connection.CONNECTING, "Connecting to the store…")
        self.status_changed.connect(self._remember_status)
        self.done.connect(lambda callback, result, error: callback(result, error))
        self._closing = False

    @property
    def relationship(self) -> Relationship | None:
        return self.session.relationship if self.session is not None else None

    def open(self) -> None:
        """Open the relationship on a thread of its own (may start the embedded store)."""
        threading.Thread(target=self._open, name="store-open", daemon=True).start()

    def _emit(self, signal_name: str, *args: object) -> None:
        """Emit from any thread, unless the window is going (then nobody is listening)."""
        if self._closing:
            return
        try:
            getattr(self, signal_name).emit(*args)
        except RuntimeError:  # the bridge was deleted under a late callback
            log.debug("Dropped %s: the panel is gone", signal_name)

    def _open(self) -> None:
        try:
            session = open_relationship(
                self.services.settings,
                self.services.library_path,
                on_change=lambda areas: self._emit("changed", areas),
                on_status=lambda status: self._emit("status_changed", status),
            )
        except Exception as exc:
            log.exception("Could not open the relationship")
            self._emit("failed", f"The store could not be reached: {exc}")
            return
        if self._closing:
            session.close()
            return
        self.session = session
        self._emit("opened")

    def _remember_status(self, status: SyncStatus) -> None:
        self.status = status

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
            then(None, RuntimeError("The store is not open yet."))
            return
        future: Future[T] = relationship.in_background(function, *args, **kwargs)

        def finished(done: Future[T]) -> None:
            error = done.exception()
            self._emit("done", then, None if error else done.result(), error)

        future.add_done_callback(finished)

    def close(self) -> None:
        """Stop syncing and the embedded store (on quit)."""
        self._closing = True
        if self.session is not None:
            self.session.close()
            self.session = None
