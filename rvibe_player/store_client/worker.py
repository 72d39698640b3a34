"""A background thread running one loop against the store: woken early, stopped at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.errors import StoreUnauthorizedError

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi  # requests loads only when used

log = logging.getLogger(__name__)


class LoopThread:
    """Base of the sync loop and the outbox drainer: ``start``, ``wake``, ``stop``.

    Subclasses implement :meth:`_run` (return when :attr:`stopping`) and sleep with
    :meth:`_sleep`; :meth:`stop` interrupts the loop's API calls, so a blocked call ends too.
    The loop opens its own cache connection on its thread from ``cache_path``.
    """

    def __init__(
        self,
        name: str,
        cache_path: Path,
        api: StoreApi,
        my_id: int,
        on_change: Callable[[set[ChangeArea]], None],
        on_unauthorized: Callable[[StoreUnauthorizedError], None] | None,
        backoff: Backoff | None,
    ) -> None:
        self.name = name
        self.cache_path = cache_path
        self.api = api
        self.my_id = my_id
        self.on_change = on_change
        self.on_unauthorized = on_unauthorized
        self.backoff = backoff or Backoff(0.5, 10.0)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"{self.name} was started already")
        self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """End the current wait now (new work, or the store is back)."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the loop and wait up to ``timeout`` s; True when the thread has ended.

        Safe from any thread, the loop's own included (then it does not wait).
        """
        self._stop.set()
        self._wake.set()
        self._interrupt()
        thread = self._thread
        if thread is None or thread is threading.current_thread() or thread.ident is None:
            return True  # not running (yet): a loop that starts now sees the stop at once
        thread.join(timeout)
        return not thread.is_alive()

    def _sleep(self, seconds: float) -> bool:
        """Wait up to ``seconds`` or until woken; False when the loop should end."""
        if self._stop.is_set():
            return False
        self._wake.wait(seconds)
        self._wake.clear()
        return not self._stop.is_set()

    def _main(self) -> None:
        try:
            self._run()
        except Exception:  # a bug must not pass silently, nor kill the player
            log.exception("%s stopped on an unexpected error", self.name)
            self._crashed()

    def _run(self) -> None:
        raise NotImplementedError

    def _interrupt(self) -> None:
        """Cut a blocking call in progress (e.g. a long-poll)."""
        self.api.interrupt()

    def _crashed(self) -> None:
        """Called after :meth:`_run` raised."""
