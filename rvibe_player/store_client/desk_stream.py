"""The desk's stream loop: the staff stream (``GET /v1/staff/sync``) into the desk's cache,
and the inbox and figures read again whenever something moved.

Follows the same rules as the listener's sync loop (``sync.py``): catch up page by page,
then long-poll; a 410 reads the stream again from the start; while the store cannot be
reached the loop backs off and says so in its status. The inbox is read when the desk
comes online and again when a page changed it, but only once the stream is caught up
(not after every page of a long catch-up).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rvibe_player.core.errors import error_words
from rvibe_player.core.store_protocol import SYNC_PAGE_DEFAULT, SYNC_WAIT_MAX_S
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.desk_store import DeskStore
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    ResyncRequiredError,
    StoreError,
    StoreUnauthorizedError,
)
from rvibe_player.store_client.model import Connection, SyncStatus
from rvibe_player.store_client.worker import LoopThread

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi

log = logging.getLogger(__name__)

INBOX_CACHED = 200
"""Inbox rows kept for reading offline (the first pages: whoever needs the curator most)."""


class DeskStream(LoopThread):
    """Keeps a desk's cache up to date with the store."""

    def __init__(
        self,
        cache_path: Path,
        api: StoreApi,
        my_id: int,
        on_change: Callable[[set[ChangeArea]], None],
        *,
        on_status: Callable[[SyncStatus], None],
        on_unauthorized: Callable[[StoreUnauthorizedError], None] | None = None,
        on_event: Callable[[dict[str, Any]], None] | None = None,
        on_online: Callable[[], None] | None = None,
        wait_s: float = SYNC_WAIT_MAX_S,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__("desk-stream", cache_path, api, my_id, on_change, on_unauthorized,
                         backoff)  # fmt: skip
        self.on_status = on_status
        self.on_event = on_event
        self.on_online = on_online
        self.wait_s = wait_s
        self._status = SyncStatus(Connection.CONNECTING, "", time.monotonic())
        self._status_lock = threading.Lock()
        self._inbox_stale = False
        """Stream items changed the inbox since it was last read (read again once caught up:
        catching up from 0 at 10,000 listeners is ~80 pages, each read cost 60-90 ms)."""

    @property
    def status(self) -> SyncStatus:
        """Online, offline (with the reason in words) or connecting."""
        return self._status

    def _set_status(self, connection: Connection, error: str = "") -> None:
        with self._status_lock:
            if self._status.connection == connection and self._status.error == error:
                return
            self._status = SyncStatus(connection, error, time.monotonic())
            status = self._status
        self.on_status(status)

    def _crashed(self) -> None:
        self._set_status(Connection.OFFLINE, "The desk stopped following the store on an error.")

    def _run(self) -> None:
        cache = RelationshipCache(self.cache_path)
        store = DeskStore(cache.db)
        try:
            caught_up = False
            while not self.stopping:
                try:
                    caught_up = self._step(store, caught_up)
                except CallInterruptedError:
                    return
                except ResyncRequiredError as exc:
                    log.warning("desk stream: resync (%s)", exc.reason)
                    store.reset()
                    caught_up = False
                except StoreUnauthorizedError as exc:
                    self._set_status(Connection.SIGNED_OUT, error_words(exc))
                    if self.on_unauthorized is not None:
                        self.on_unauthorized(exc)
                    return
                except StoreError as exc:
                    self._set_status(Connection.OFFLINE, error_words(exc))
                    caught_up = False
                    if not self._sleep(self.backoff.next()):
                        return
        finally:
            cache.close()

    def _step(self, store: DeskStore, caught_up: bool) -> bool:
        """One page (long-polling once caught up); True when nothing more is waiting."""
        first = self.status.connection is not Connection.ONLINE
        if first:
            self.refresh_inbox(store)
        page = self.api.staff_sync(
            store.cursor(), wait=self.wait_s if caught_up else 0, limit=SYNC_PAGE_DEFAULT
        )
        if first:
            self.backoff.reset()
            self._set_status(Connection.ONLINE)
            if self.on_online is not None:
                self.on_online()
        items: list[dict[str, Any]] = page.get("entries") or []
        changed = store.apply_stream(items, int(page["next_after"]))
        if self.on_event is not None:
            for item in items:
                if item.get("event") is not None:
                    self.on_event(item)
        more = bool(page.get("has_more"))
        self._inbox_stale |= ChangeArea.INBOX in changed
        if changed - {ChangeArea.INBOX}:  # the conversation first: it is what is being read
            self.on_change(changed - {ChangeArea.INBOX})
        if self._inbox_stale and not more:  # once caught up, not after every page of it
            self.refresh_inbox(store)
        return not more

    def refresh_inbox(self, store: DeskStore) -> None:
        """Read the inbox's first rows and the figures again (kept for reading offline)."""
        read_inbox(self.api, store)
        self._inbox_stale = False
        self.on_change({ChangeArea.INBOX})


def read_inbox(api: StoreApi, store: DeskStore) -> None:
    """The inbox's first rows and the figures, from the store into the desk's cache."""
    inbox = api.staff_inbox(limit=INBOX_CACHED)
    figures = api.staff_stats()
    extra = {k: v for k, v in inbox.items() if k != "items"} | {"figures": figures}
    store.put_inbox(inbox.get("items") or [], extra)
