"""The sync loop: catch up on the relationship log, then long-poll it, on a background thread.

Follows PROTOCOL.md: ``GET /v1/sync?after=&epoch=`` while ``has_more``, then ``wait=25``; each
page and its cursor are applied to the cache in one transaction. A 410 ("resync") refetches
the whole log from ``after=0`` and swaps it in atomically (the outbox stays). While the store
cannot be reached the loop backs off (with jitter) and says so in :attr:`SyncLoop.status`;
:meth:`wake` tries again at once. After coming online it refreshes ``/v1/me`` (curator card,
reply time) and fetches what matching and the card need: release track lists, the avatar.

Callbacks run on the loop's thread: ``on_change(areas)`` after every change to the cache,
``on_status(status)`` on every change of state.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rvibe_player.core.errors import error_words
from rvibe_player.core.store_protocol import SYNC_PAGE_DEFAULT, SYNC_WAIT_MAX_S, EntryKind
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    ResyncRequiredError,
    StoreError,
    StoreRejectedError,
    StoreServerError,
    StoreUnauthorizedError,
)
from rvibe_player.store_client.model import Connection, SyncStatus
from rvibe_player.store_client.worker import LoopThread

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi  # requests loads only when used

log = logging.getLogger(__name__)

_PICK_KINDS = (EntryKind.PICK_SENT, EntryKind.PICK_UPDATED)


class SyncLoop(LoopThread):
    """Keeps one relationship cache up to date with the store."""

    def __init__(
        self,
        cache_path: Path,
        api: StoreApi,
        my_id: int,
        on_change: Callable[[set[ChangeArea]], None],
        *,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_unauthorized: Callable[[StoreUnauthorizedError], None] | None = None,
        on_online: Callable[[], None] | None = None,
        wait_s: float = SYNC_WAIT_MAX_S,
        page_size: int = SYNC_PAGE_DEFAULT,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__("store-sync", cache_path, api, my_id, on_change, on_unauthorized, backoff)
        self.on_status = on_status
        self.on_online = on_online
        self.wait_s = wait_s
        self.page_size = page_size
        self._status = SyncStatus(Connection.CONNECTING, "", time.monotonic())
        self._status_lock = threading.Lock()
        self.resyncs = 0
        self._unfetchable: set[str] = set()

    @property
    def status(self) -> SyncStatus:
        """Online, offline (with the reason in words), connecting or signed out."""
        return self._status

    def _set_status(self, connection: Connection, error: str = "") -> None:
        with self._status_lock:
            if self._status.connection == connection and self._status.error == error:
                return
            self._status = SyncStatus(connection, error, time.monotonic())
            status = self._status
        log.info("store sync: %s %s", connection.value, error)
        if self.on_status is not None:
            self.on_status(status)

    def _crashed(self) -> None:
        self._set_status(Connection.OFFLINE, "The sync with the store stopped on an error.")

    # -- the loop --------------------------------------------------------------------------

    def _run(self) -> None:
        cache = RelationshipCache(self.cache_path)
        try:
            caught_up = False
            while not self.stopping:
                try:
                    caught_up = self._attempt(cache, caught_up)
                except CallInterruptedError:
                    return
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

    def _attempt(self, cache: RelationshipCache, caught_up: bool) -> bool:
        """One step, or a resync when the store asks for one; True once caught up."""
        try:
            try:
                return self._step(cache, caught_up)
            except ResyncRequiredError as exc:
                self._resync(cache, exc)
                return False
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.exception("unreadable sync page")
            raise StoreServerError(
                "The store sent something the player cannot read; it will try again. If this "
                "lasts, the player may need an update."
            ) from exc

    def _step(self, cache: RelationshipCache, caught_up: bool) -> bool:
        """Read one page (long-polling once caught up); True when nothing more is waiting."""
        if self.status.connection is not Connection.ONLINE:
            self._refresh_profile(cache)
        after, epoch = cache.log.cursor()
        page = self.api.sync(
            after, epoch, wait=self.wait_s if caught_up else 0, limit=self.page_size
        )
        self._online()
        entries: list[dict[str, Any]] = page.get("entries") or []
        changed = cache.log.apply_page(
            entries, int(page["next_after"]), page.get("epoch"), self.my_id
        )
        changed |= self._fetch_details(cache, entries)
        if changed:
            self.on_change(changed)
        return not page.get("has_more")

    def _resync(self, cache: RelationshipCache, exc: ResyncRequiredError) -> None:
        """Read the whole log again and swap it in at once (PROTOCOL.md "Resync")."""
        log.warning("store sync: resync (%s); reading the relationship again", exc.reason)
        self.resyncs += 1
        entries: list[dict[str, Any]] = []
        after, epoch = 0, None
        while True:
            page = self.api.sync(after, epoch, wait=0, limit=self.page_size)
            entries.extend(page.get("entries") or [])
            after, epoch = int(page["next_after"]), page.get("epoch")
            if not page.get("has_more"):
                break
        changed = cache.log.apply_page(
            entries,
            after,
            epoch,
            self.my_id,
            replace=True,
            resend_lost=exc.reason == "cursor_ahead",  # restored from a backup
        )
        changed |= self._fetch_details(cache, entries)
        self.on_change(changed | {ChangeArea.RESYNC})

    def _online(self) -> None:
        if self.status.connection is Connection.ONLINE:
            return
        self.backoff.reset()
        self._set_status(Connection.ONLINE)
        if self.on_online is not None:
            self.on_online()

    # -- what the panel needs beyond the log -----------------------------------------------

    def _refresh_profile(self, cache: RelationshipCache) -> None:
        """``/v1/me`` (curator card with reply time, sharing level) and the curator's picture."""
        me = self.api.me()
        before = cache.meta("me")
        if me != before:
            cache.set_meta("me", me)
            self.on_change({ChangeArea.CURATOR, ChangeArea.SHARING, ChangeArea.ACCOUNT})
        curator = (me.get("relationship") or {}).get("curator") or {}
        avatar = curator.get("avatar_url")
        if avatar:
            self._fetch_file(cache, self.api.url(str(avatar)))

    def _fetch_file(self, cache: RelationshipCache, url: str) -> None:
        """A picture for the panel; one that cannot be had never holds up the relationship."""
        if cache.blobs.file(url) is not None or url in self._unfetchable:
            return
        try:
            data, content_type = self.api.get_bytes(url)
        except CallInterruptedError:
            raise
        except StoreError as exc:  # a closed port, a refused address, a 404: no picture
            self._unfetchable.add(url)  # not again until the player starts anew
            log.info("cannot fetch %s: %s", url, exc)
            return
        cache.blobs.put_file(url, data, content_type)
        self.on_change({ChangeArea.CURATOR})

    def _fetch_details(
        self, cache: RelationshipCache, entries: Iterable[dict[str, Any]]
    ) -> set[ChangeArea]:
        """Track lists of picked releases (for "partly owned"), and a new curator's card."""
        changed: set[ChangeArea] = set()
        for entry in entries:
            kind = entry.get("kind")
            if kind == EntryKind.CURATOR_ASSIGNED:
                self._refresh_profile(cache)
                continue
            if kind not in _PICK_KINDS:
                continue
            pick = (entry.get("data") or {}).get("pick") or {}
            release = ((pick.get("item") or {}).get("release") or {}).get("id")
            if not isinstance(release, int) or cache.blobs.release(release) is not None:
                continue
            try:
                cache.blobs.put_release(release, self.api.release(release))
            except StoreRejectedError as exc:
                log.info("cannot fetch release %s: %s", release, exc)
                continue
            changed.add(ChangeArea.PICKS)
        return changed
