"""Library scans for a session: one at a time in a child process, later requests in line.

Progress and outcomes go out as session events (:mod:`.events`) on the owner thread. The
scan runs in its own process (:mod:`rvibe_player.library.scan_process`), so a 100k-file scan
costs the window nothing but a queue read now and then.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.app.events import (
    EventHub,
    ScanFailed,
    ScanFinished,
    ScanProgressed,
    ScanStarted,
)

if TYPE_CHECKING:  # a scan's process machinery loads with the first scan, after the first paint
    from rvibe_player.library.scan_process import ScanProcess
    from rvibe_player.library.scanner import ScanProgress, ScanReport

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.1
"""At most ten progress events a second (the last one of a scan always goes out)."""


class ScanService:
    """Runs scans of one library, one after the other."""

    def __init__(self, library_path: Path, events: EventHub) -> None:
        self._library_path = library_path
        self._events = events
        self._lock = threading.Lock()
        self._scan: ScanProcess | None = None
        self._queued: list[Sequence[str] | None] = []
        self._last_progress = 0.0
        self._closed = False

    def running(self) -> bool:
        """Whether a scan is under way."""
        return self._scan is not None

    def scan(self, roots: Sequence[str] | None = None) -> None:
        """Scan these folders (None: every root); waits behind a running scan."""
        with self._lock:
            if self._closed:
                return
            if self._scan is not None:
                self._queued.append(roots)
                return
            from rvibe_player.library.scan_process import ScanProcess

            self._scan = ScanProcess(
                self._library_path, roots, self._progress, self._done, self._failed
            )
            scan = self._scan
        self._events.publish(ScanStarted())
        scan.start()

    def cancel(self) -> None:
        """Stop the running scan (what was read so far is kept) and drop waiting ones."""
        with self._lock:
            self._queued.clear()
            scan = self._scan
        if scan is not None:
            scan.cancel()

    def close(self, timeout: float = 30.0) -> None:
        """Cancel, wait for the running scan to end, and start no more."""
        with self._lock:
            self._closed = True
        self.cancel()
        scan = self._scan
        if scan is not None:
            scan.join(timeout)

    # These run on the scan's listener thread.
    def _progress(self, state: ScanProgress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_EVERY_S or state.phase == "finishing":
            self._last_progress = now
            self._events.publish(ScanProgressed(state))

    def _done(self, report: ScanReport) -> None:
        self._events.publish(ScanFinished(report))
        self._events.post(self._next)

    def _failed(self, message: str) -> None:
        log.error("Scan failed: %s", message)
        self._events.publish(ScanFailed(message))
        self._events.post(self._next)

    def _next(self) -> None:
        """On the owner thread, once the scan's listener is done: the next one in line."""
        with self._lock:
            self._scan = None
            if self._closed or not self._queued:
                return
            roots = self._queued.pop(0)
        self.scan(roots)
