"""The session's scans as Qt signals, for the scan status bar and whoever waits on a scan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from rvibe_player.app.events import ScanFailed, ScanFinished, ScanProgressed, ScanStarted
from rvibe_player.app.session import PlayerSession
from rvibe_player.ui.shell.core_words import say


class ScanSignals(QObject):
    """Starts scans through the session and announces them (on the GUI thread)."""

    started = Signal()
    progressed = Signal(object)
    """A :class:`ScanProgress`, at most ten times a second."""
    finished = Signal(object)
    """The :class:`ScanReport` (``cancelled`` set when the user stopped it)."""
    failed = Signal(str)
    """The scan could not run at all; the text says why."""

    def __init__(self, session: PlayerSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scans = session.scans
        events = session.events
        events.subscribe(ScanStarted, lambda _event: self.started.emit())
        events.subscribe(ScanProgressed, lambda event: self.progressed.emit(event.progress))
        events.subscribe(ScanFinished, lambda event: self.finished.emit(event.report))
        events.subscribe(ScanFailed, lambda event: self.failed.emit(say(event.message)))

    def scan(self, roots: Sequence[str] | None = None) -> None:
        """Scan these folders (None: every root); waits behind a running scan."""
        self._scans.scan(roots)

    def cancel(self) -> None:
        """Stop the running scan and drop waiting ones."""
        self._scans.cancel()
