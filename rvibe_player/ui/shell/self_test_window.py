"""The window half of ``--self-test``, and ``--print-first-paint`` for the start-up benchmark.

Both build the real main window the way a normal start does (``ui.shell.application``); the
self-test's other checks (libVLC, decoded sound) are headless and live in ``app.self_test``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from rvibe_player import paths
from rvibe_player.app.self_test import Check, run
from rvibe_player.ui.shell.application import build_window, create_application, open_session

WINDOW_TIMEOUT = 30.0


class _FirstPaint(QObject):
    """Notes when the watched widget is first painted."""

    def __init__(self, on_paint: Callable[[], None]) -> None:
        super().__init__()
        self.painted = False
        self._on_paint = on_paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self._on_paint()
        return False


def _pump(app: QApplication, until: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True


def window_check(argv0: str = "rvibe-player") -> Check:
    """Build the main window offscreen, wait for its first frame and its player."""
    app = create_application([argv0])
    services = open_session(app)
    try:
        window = build_window(app, services)
        spy = _FirstPaint(lambda: None)
        window.installEventFilter(spy)
        window.resize(1280, 800)
        window.show()
        if not _pump(app, lambda: spy.painted, WINDOW_TIMEOUT):
            return Check("window", False, f"not painted within {WINDOW_TIMEOUT:.0f} s")
        player = window.playback.player  # made at the first paint, like at every start
        size = window.size()
        window.quit()
        sound = f"no sound: {player.unavailable}" if player.unavailable else "player ready"
        return Check("window", True, f"{size.width()}x{size.height()} painted offscreen; {sound}")
    except Exception as exc:  # the check reports any failure; the others still run
        return Check("window", False, f"{type(exc).__name__}: {exc}")
    finally:
        services.close()


def self_test(argv0: str = "rvibe-player") -> int:
    """``--self-test``: every check, one line each; the exit status.

    A windowed app started from Explorer or Finder has no standard output: the lines then go
    to ``self-test.txt`` in the log folder, where a user (or the installers' CI) finds them.
    """
    if sys.stdout is not None:
        return run(lambda: window_check(argv0))
    with (paths.log_dir() / "self-test.txt").open("w", encoding="utf-8") as report:
        return run(lambda: window_check(argv0), report)


def print_first_paint(argv: list[str]) -> int:
    """``--print-first-paint``: start like a normal run, print the wall-clock time of the
    window's first frame (``time.time()``) and quit; ``bench/package.py`` reads it."""
    app = create_application(argv)
    services = open_session(app)
    window = build_window(app, services)

    def painted() -> None:
        print(f"{time.time():.6f}", flush=True)
        QApplication.exit(0)

    spy = _FirstPaint(painted)
    window.installEventFilter(spy)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        services.close()
