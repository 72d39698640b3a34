"""Python's full garbage collections, moved out of the moments the user is busy.

A full collection walks every object the cyclic GC tracks while holding the GIL, so it stops
every thread, the GUI's included: with the player's modules and a 100k-track library loaded
that is 30-40 ms, and when one fell while someone typed a search, bench/ui.py saw the window
stall past its 50 ms budget. Young collections (generations 0 and 1) stay automatic: they only
walk recent objects and take well under a millisecond.

:class:`GcPacer` turns off the automatic full collections and runs them itself from the event
loop when the user has not touched a key or the mouse for a moment, no more often than the
interpreter would have, and at least every so often even in a long busy stretch, so cycles are
still freed. The first one, once the app has settled, also freezes what survives (modules,
the window's widgets): they live as long as the app, and later full passes need not walk them.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)
_NEVER = 1 << 30
"""A generation-2 threshold the interpreter never reaches: no automatic full collections."""


class GcPacer(QObject):
    """Runs full collections on the GUI thread when the user is idle (see the module doc)."""

    def __init__(
        self,
        app: QCoreApplication,
        *,
        idle_s: float = 2.0,
        settle_s: float = 5.0,
        min_gap_s: float = 10.0,
        overdue_s: float = 120.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self.idle_s, self.min_gap_s, self.overdue_s = idle_s, min_gap_s, overdue_s
        saved = gc.get_threshold()
        # Another pacer (a second window) may hold them already: give back the interpreter's.
        self._saved = saved if saved[2] != _NEVER else (saved[0], saved[1], 10)
        now = time.monotonic()
        self._last_input = now
        self._last_full = now
        self._settle_until = now + settle_s
        self._settled = False
        self.full_collections = 0
        gc.set_threshold(self._saved[0], self._saved[1], _NEVER)
        app.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def due(self, now: float | None = None) -> bool:
        """True when a full collection should run now."""
        now = time.monotonic() if now is None else now
        if not self._settled:
            return now >= self._settle_until and now - self._last_input >= self.idle_s
        since = now - self._last_full
        if gc.get_count()[2] < self._saved[2] or since < self.min_gap_s:
            return False  # the interpreter would not have collected yet either
        return now - self._last_input >= self.idle_s or since >= self.overdue_s

    def tick(self) -> None:
        """Collect if :meth:`due` (the timer calls this every 250 ms)."""
        if not self.due():
            return
        gc.collect()
        if not self._settled:
            self._settled = True
            gc.freeze()
        self._last_full = time.monotonic()
        self.full_collections += 1

    def stop(self) -> None:
        """Give the full collections back to the interpreter."""
        self._timer.stop()
        self._app.removeEventFilter(self)
        gc.set_threshold(*self._saved)
