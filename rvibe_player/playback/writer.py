"""Writes play statistics and the saved queue on a thread of its own, in order.

The controller runs on the GUI thread, which must never wait for a disk or for the library
database's lock (a scan may hold it for a moment). So it hands each write here: statistics
go through this thread's own library connection, and queue saves are coalesced (only the
newest state is written when several are waiting).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.playback.queue import FrozenQueue
from rvibe_player.playback.queue_store import QueueStore

log = logging.getLogger(__name__)

Task = Callable[[LibraryDatabase], None]


class Writer:
    """A worker thread with its own connection to the library database."""

    def __init__(self, library_path: Path, store: QueueStore) -> None:
        self._library_path = library_path
        self._store = store
        self._tasks: queue.SimpleQueue[Task | None] = queue.SimpleQueue()
        self._latest_save: tuple[FrozenQueue, float] | None = None
        self._save_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="playback-writer", daemon=True)
        self._thread.start()

    def submit(self, task: Task) -> None:
        """Run ``task(database)`` on the writer thread (errors are logged, not raised)."""
        self._tasks.put(task)

    def save_queue(self, state: FrozenQueue, position: float) -> None:
        """Save this queue state soon; a newer one submitted before it is written replaces it."""
        with self._save_lock:
            pending = self._latest_save is not None
            self._latest_save = (state, position)
        if not pending:
            self._tasks.put(lambda _db: self._write_latest_save())

    def _write_latest_save(self) -> None:
        with self._save_lock:
            latest, self._latest_save = self._latest_save, None
        if latest is not None:
            state, position = latest
            self._store.save_snapshot(state.snapshot(), position)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything submitted so far is written; False on timeout."""
        done = threading.Event()
        self._tasks.put(lambda _db: done.set())
        return done.wait(timeout)

    def close(self) -> None:
        """Write what is pending, then end the thread."""
        self._tasks.put(None)
        self._thread.join(timeout=30.0)

    def _run(self) -> None:
        database = LibraryDatabase(self._library_path)
        try:
            while (task := self._tasks.get()) is not None:
                try:
                    task(database)
                except Exception:  # one failed write must not stop the ones after it
                    log.exception("A playback statistics or queue write failed")
        finally:
            database.close()
