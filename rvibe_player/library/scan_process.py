"""Runs a library scan in a separate process and streams its progress back.

A scan in a thread of the player's own process competes with the window for Python's GIL;
the window then stutters while tens of thousands of files are compared and written. In its
own process the scan costs the window nothing but a queue read now and then.

Cancelling is a flag in shared memory with no lock. A ``multiprocessing.Event`` has a
lock shared by both processes: the child's thread that waited on it could be stopped by the
child's exit while it held that lock, and the player's next ``set()`` (quitting cancels every
scan) then waited forever. A CI run caught a player stuck so, for over 60 s, after a
command-line scan (tests/app/test_instance.py, its stack dump).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.library.reasons import reason
from rvibe_player.library.scanner import Scanner, ScanProgress, ScanReport

log = logging.getLogger(__name__)


CANCEL_POLL_S = 0.05


def _child(db_path: str, roots: Sequence[str] | None, events: Any, cancel: Any) -> None:
    """The scan process: progress and the outcome go to ``events``; ``cancel`` is a shared
    flag (``RawValue``) the parent raises."""
    if hasattr(os, "nice"):  # background work yields the CPU to the window (POSIX)
        with contextlib.suppress(OSError):
            os.nice(10)
    flag = threading.Event()

    def watch_cancel() -> None:
        while not cancel.value:
            time.sleep(CANCEL_POLL_S)
        flag.set()

    threading.Thread(target=watch_cancel, daemon=True).start()
    try:
        report = Scanner(Path(db_path)).scan(
            roots, progress=lambda state: events.put(("progress", state)), cancel=flag
        )
    except Exception as exc:  # the database itself failed: say so, do not vanish
        logging.getLogger(__name__).exception("Scan failed")
        events.put(
            (
                "failed",
                reason(
                    QT_TRANSLATE_NOOP("LibraryReason", "The library could not be updated: %1"),
                    str(exc),
                ),
            )
        )
    else:
        events.put(("done", report))


class ScanProcess:
    """One scan in a child process; callbacks run on a listener thread of this process."""

    def __init__(
        self,
        db_path: Path,
        roots: Sequence[str] | None,
        on_progress: Callable[[ScanProgress], None],
        on_done: Callable[[ScanReport], None],
        on_failed: Callable[[str], None],
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._events: Any = context.Queue()
        self._cancel = context.RawValue("b", 0)  # no lock: see the module's docstring
        self._process = context.Process(
            target=_child,
            args=(str(db_path), list(roots) if roots is not None else None, self._events,
                  self._cancel),
            name="rvibe-scan",
            daemon=False,  # it runs a pool of tag readers; quitting cancels and joins it
        )  # fmt: skip
        self._callbacks = (on_progress, on_done, on_failed)
        self._listener = threading.Thread(target=self._listen, name="scan-listener", daemon=True)

    def start(self) -> None:
        """Start the child from the listener thread: spawning a Python process takes tens of
        milliseconds the caller (the GUI thread) should not wait for."""
        self._listener.start()

    def cancel(self) -> None:
        """Ask the scan to stop; what it wrote so far is kept. Never waits."""
        self._cancel.value = 1

    def join(self, timeout: float | None = None) -> None:
        self._listener.join(timeout)
        if self._process.pid is not None:  # started (it may have failed to)
            self._process.join(timeout)

    def _listen(self) -> None:
        on_progress, on_done, on_failed = self._callbacks
        try:
            self._process.start()
        except OSError as exc:  # out of processes or memory: say so, the app goes on
            on_failed(
                reason(
                    QT_TRANSLATE_NOOP("LibraryReason", "The library scan could not start: %1"),
                    str(exc),
                )
            )
            return
        while True:
            try:
                kind, payload = self._events.get(timeout=0.5)
            except queue.Empty:
                if not self._process.is_alive():
                    on_failed(
                        reason(
                            QT_TRANSLATE_NOOP(
                                "LibraryReason",
                                "The library scan stopped unexpectedly; run it again.",
                            )
                        )
                    )
                    return
                continue
            if kind == "progress":
                on_progress(payload)
                continue
            self._process.join()  # here, not on the caller's (GUI) thread
            if kind == "done":
                on_done(payload)
            else:
                on_failed(payload)
            return
