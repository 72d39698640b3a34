"""The two background loops of a signed-in relationship, started and stopped together.

The sync loop keeps the cache up to date; the outbox drainer sends what was written.
Their states fold into one :class:`SyncStatus` for the panel: the sync's connection, and
while online, the outbox's last trouble in words. A store that no longer accepts the
token stops both and reports "signed out".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.errors import StoreError, StoreUnauthorizedError
from rvibe_player.store_client.model import Connection, SyncStatus

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi
    from rvibe_player.store_client.cache import RelationshipCache
    from rvibe_player.store_client.outbox import OutboxDrainer
    from rvibe_player.store_client.sync import SyncLoop

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoopOptions:
    """How the loops wait: long-poll length and back-off (short in tests)."""

    wait_s: float
    backoff_s: tuple[float, float]


class RelationshipLoops:
    """Sync and outbox threads for one account's cache."""

    def __init__(
        self,
        options: LoopOptions,
        on_change: Callable[[set[ChangeArea]], None],
        on_status: Callable[[SyncStatus], None],
        on_unauthorized: Callable[[StoreUnauthorizedError], None],
        on_idle: Callable[[RelationshipCache], int] | None,
    ) -> None:
        self.options = options
        self._on_change = on_change
        self._on_status = on_status
        self._on_unauthorized = on_unauthorized
        self._on_idle = on_idle
        self._lock = threading.Lock()
        self._sync: SyncLoop | None = None
        self._outbox: OutboxDrainer | None = None

    def start(self, cache_path: Path, my_id: int, api: Callable[[], StoreApi]) -> None:
        """Start both loops on ``cache_path`` (stopping any running ones first)."""
        from rvibe_player.store_client.outbox import OutboxDrainer
        from rvibe_player.store_client.sync import SyncLoop

        self.stop()
        outbox = OutboxDrainer(
            cache_path,
            api(),
            my_id,
            self._on_change,
            on_unauthorized=self._unauthorized,
            on_trouble=self._outbox_trouble,
            on_idle=self._on_idle,
            backoff=Backoff(*self.options.backoff_s),
        )
        sync = SyncLoop(
            cache_path,
            api(),
            my_id,
            self._on_change,
            on_status=self._sync_status,
            on_unauthorized=self._unauthorized,
            on_online=outbox.wake,
            wait_s=self.options.wait_s,
            backoff=Backoff(*self.options.backoff_s),
        )
        with self._lock:
            self._sync, self._outbox = sync, outbox
        self._on_status(SyncStatus(Connection.CONNECTING))
        outbox.start()
        sync.start()

    def stop(self) -> None:
        """Stop both loops (their calls in flight are interrupted)."""
        with self._lock:
            loops = [loop for loop in (self._sync, self._outbox) if loop is not None]
            self._sync = self._outbox = None
        for loop in loops:
            loop.stop()

    @property
    def resyncs(self) -> int:
        """How often the running sync loop had to read the whole log again."""
        sync = self._sync
        return sync.resyncs if sync is not None else 0

    def wake(self) -> None:
        """Try the store again now (the network came back); no effect when stopped."""
        for loop in (self._sync, self._outbox):
            if loop is not None:
                loop.wake()

    def send_now(self) -> None:
        """Something was written to the outbox: send it without waiting."""
        outbox = self._outbox
        if outbox is not None:
            outbox.wake()

    def _unauthorized(self, exc: StoreUnauthorizedError) -> None:
        self.stop()
        self._on_unauthorized(exc)

    def _sync_status(self, status: SyncStatus) -> None:
        outbox = self._outbox
        if status.connection is Connection.ONLINE and outbox and outbox.last_error:
            status = SyncStatus(status.connection, str(outbox.last_error), status.since)
        self._on_status(status)

    def _outbox_trouble(self, error: StoreError | None) -> None:
        sync = self._sync
        if sync is not None and sync.status.connection is Connection.ONLINE:
            self._on_status(SyncStatus(Connection.ONLINE, str(error or ""), sync.status.since))
