"""The outbox: sends written to the cache first, then drained in order to the store.

Each send (message, pick feedback, read marker, sharing level, a batch of shared plays) gets
its client id when it is written, before the first attempt, and keeps it through every retry
and restart: the store answers a replay with the first result, so a send whose answer was
lost is safe to repeat and nothing is made twice. The drainer sends strictly one at a time
in the order written, so the curator reads messages in the order they were typed. When
nothing is waiting, ``on_idle`` may queue more (new plays to share, ``listening.py``).

A network error or a 5xx is retried with back-off for as long as it takes; a 4xx the store
explains (409 ``client_id_reused``, 422, 404 ...) will never succeed, so the row is marked
failed with the store's words (messages and sharing changes: the panel shows them) or dropped
(read markers, feedback and plays: the panel shows the first two from the log anyway, and
plays the store refuses, e.g. 403 ``sharing_off``, are not to be kept).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rvibe_player.store_client import intents
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    StoreError,
    StoreRejectedError,
    StoreUnauthorizedError,
    TooManyAttemptsError,
)
from rvibe_player.store_client.intents import AREA_OF_KIND, KEEP_WHEN_REFUSED, IntentKind
from rvibe_player.store_client.outbox_store import OutboxItem
from rvibe_player.store_client.worker import LoopThread

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi  # requests loads only when used

log = logging.getLogger(__name__)

SPLIT_ON = frozenset({413, 422})
"""Refusals of a batch of plays that halving can get past: too large, or one play wrong."""


class OutboxDrainer(LoopThread):
    """Sends the outbox's pending rows, oldest first, whenever the store takes them."""

    def __init__(
        self,
        cache_path: Path,
        api: StoreApi,
        my_id: int,
        on_change: Callable[[set[ChangeArea]], None],
        *,
        on_unauthorized: Callable[[StoreUnauthorizedError], None] | None = None,
        on_trouble: Callable[[StoreError | None], None] | None = None,
        on_idle: Callable[[RelationshipCache], int] | None = None,
        backoff: Backoff | None = None,
        idle_check_s: float = 30.0,
    ) -> None:
        super().__init__(
            "store-outbox", cache_path, api, my_id, on_change, on_unauthorized, backoff
        )
        self.on_trouble = on_trouble
        self.on_idle = on_idle
        self.idle_check_s = idle_check_s
        self.last_error: StoreError | None = None

    def _run(self) -> None:
        cache = RelationshipCache(self.cache_path)
        try:
            while not self.stopping:
                item = cache.outbox.next_pending()
                if item is None:
                    if not self._idle_work(cache):
                        self._sleep(self.idle_check_s)
                    continue
                if not self._send(cache, item):
                    return
        finally:
            cache.close()

    def _idle_work(self, cache: RelationshipCache) -> bool:
        """Let ``on_idle`` queue more (shared plays); True when it did."""
        if self.on_idle is None:
            return False
        try:
            return self.on_idle(cache) > 0
        except Exception:  # e.g. the library file is gone: sends must go on regardless
            log.exception("collecting sends while idle failed")
            return False

    def _send(self, cache: RelationshipCache, item: OutboxItem) -> bool:
        """One attempt (with the API's own quick retries); False when the loop must end."""
        cache.outbox.record_attempt(item.client_id)
        try:
            if item.kind is IntentKind.LISTENING:
                self._send_plays(item.payload["plays"], item.client_id)
                result = None
            else:
                result = self.api.send(item.intent, item.client_id)
        except CallInterruptedError:
            return False
        except StoreUnauthorizedError as exc:
            self._trouble(exc)
            if self.on_unauthorized is not None:
                self.on_unauthorized(exc)
            return False
        except TooManyAttemptsError as exc:
            self._trouble(exc)
            return self._sleep(exc.retry_after)
        except StoreRejectedError as exc:
            self._refused(cache, item, exc)
            return True
        except StoreError as exc:
            self._trouble(exc)
            return self._sleep(self.backoff.next())
        self.backoff.reset()
        entry = result.entry if result is not None else None
        changed = cache.outbox.complete(item.client_id, entry, self.my_id)
        if self.last_error is not None:
            self._trouble(None)
        self.on_change(changed)
        return True

    def _send_plays(self, plays: list[dict[str, Any]], client_id: str) -> None:
        """Send a batch of plays; one the store refuses as a whole (too large, one bad play)
        is halved and each half sent, so only a single play it refuses is dropped (logged).

        The halves' client ids follow from the batch's (``ID.0``, ``ID.1``, ``ID.0.1``...):
        after a crash the same halves go out again under the same ids, and the store
        answers what it already has with the first result.
        """
        try:
            self.api.send(intents.listening(plays), client_id)
        except TooManyAttemptsError:
            raise
        except StoreRejectedError as exc:
            if exc.status not in SPLIT_ON or (len(plays) > 1 and len(client_id) > 60):
                raise
            if len(plays) == 1:
                log.warning("the store refused a shared play (%s), left out: %s", exc, plays[0])
                return
            middle = len(plays) // 2
            self._send_plays(plays[:middle], f"{client_id}.0")
            self._send_plays(plays[middle:], f"{client_id}.1")

    def _refused(self, cache: RelationshipCache, item: OutboxItem, exc: StoreRejectedError) -> None:
        log.warning("the store refused %s %s (%s): %s", item.kind, item.client_id, exc.code, exc)
        if item.kind in KEEP_WHEN_REFUSED:
            cache.outbox.fail(item.client_id, str(exc), exc.code)
        else:
            cache.outbox.complete(item.client_id, None, self.my_id)
        self.on_change({ChangeArea.OUTBOX, AREA_OF_KIND[item.kind]})

    def _trouble(self, error: StoreError | None) -> None:
        self.last_error = error
        if error is not None:
            log.info("outbox: %s", error)
        if self.on_trouble is not None:
            self.on_trouble(error)
