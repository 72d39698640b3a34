"""Runs functions on the GUI thread, posted from any thread (libVLC's, the writer's...)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class QtDispatcher(QObject):
    """``post(fn)`` is safe from any thread; ``fn`` runs soon on the thread owning this."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, function: Callable[[], None]) -> None:
        """Queue ``function``; never blocks, never runs it inline."""
        self._call.emit(function)

    @staticmethod
    def _run(function: Callable[[], None]) -> None:
        function()
