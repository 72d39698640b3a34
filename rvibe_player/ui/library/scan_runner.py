"""Runs library scans in a separate process and reports progress to the GUI thread."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from rvibe_player.library.scan_process import ScanProcess
from rvibe_player.library.scanner import ScanProgress, ScanReport

log = logging.getLogger(__name__)


class ScanRunner(QObject):
    """One scan at a time (later requests wait their turn); results arrive as signals."""

    started = Signal()
    progressed = Signal(object)
    """A :class:`ScanProgress`, at most ten times a second."""
    finished = Signal(object)
    """The :class:`ScanReport` (``cancelled`` set when the user stopped it)."""
    failed = Signal(str)
    """The scan could not run at all; the text says why."""
    _ended = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._scan: ScanProcess | None = None
        self._queued: list[Sequence[str] | None] = []
        self._last_progress = 0.0
        self._ended.connect(self._start_queued, Qt.ConnectionType.QueuedConnection)

    def running(self) -> bool:
        """Whether a scan is under way."""
        return self._scan is not None

    def scan(self, roots: Sequence[str] | None = None) -> None:
        """Scan these folders (None: all roots); waits behind a running scan."""
        if self.running():
            self._queued.append(roots)
            return
        self._scan = ScanProcess(self._db_path, roots, self._progress, self._done, self._failed)
        self.started.emit()
        self._scan.start()

    def cancel(self) -> None:
        """Stop the running scan (what was read so far is kept) and drop waiting ones."""
        self._queued.clear()
        if self._scan is not None:
            self._scan.cancel()

    def wait(self, timeout: float = 30.0) -> None:
        """Wait for the running scan to end (used when quitting)."""
        if self._scan is not None:
            self._scan.join(timeout)

    # These run on the scan's listener thread; signals carry them to the GUI thread.
    def _progress(self, state: ScanProgress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= 0.1 or state.phase == "finishing":
            self._last_progress = now
            self.progressed.emit(state)

    def _done(self, report: ScanReport) -> None:
        self.finished.emit(report)
        self._ended.emit()

    def _failed(self, message: str) -> None:
        log.error("Scan failed: %s", message)
        self.failed.emit(message)
        self._ended.emit()

    def _start_queued(self) -> None:
        self._scan = None  # its listener has already joined the finished process
        if self._queued:
            self.scan(self._queued.pop(0))
