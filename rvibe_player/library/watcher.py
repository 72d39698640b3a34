"""Follows library folders with watchdog and feeds debounced changes to the scanner.

File-system events arrive in bursts (a copy writes a file many times; a move of an album is
dozens of events), so changed paths are collected until the folder has been quiet for
``quiet_seconds`` (or ``max_wait_seconds`` have passed since the first event), then
re-checked together with :meth:`Scanner.scan_paths`, which also pairs moves by fingerprint.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterable

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_OPENED,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from rvibe_player.library import reasons
from rvibe_player.library.reasons import reason
from rvibe_player.library.scanner import Scanner, ScanReport

log = logging.getLogger(__name__)

_IGNORED = frozenset({EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE})
_WANTED: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent,
    DirCreatedEvent, DirMovedEvent, DirDeletedEvent,
]  # fmt: skip
"""Asked of the OS (the inotify mask on Linux): not the open and read-only close events that
every file read produces, which during a scan of the watched folder were 40,000 events for
Python to drop, on a thread that shares the GIL with the window."""


class _Collector(FileSystemEventHandler):
    def __init__(self, sink: Callable[[Iterable[str]], None]) -> None:
        self._sink = sink

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's mtime changes with every file event inside it
        paths = [event.src_path]
        if event.event_type == "moved":
            paths.append(event.dest_path)
        self._sink(os.fsdecode(p) for p in paths)


class LibraryWatcher:
    """Watches roots; calls ``on_change`` (on its own thread) after each re-check."""

    def __init__(
        self,
        scanner: Scanner,
        on_change: Callable[[ScanReport], None],
        quiet_seconds: float = 1.0,
        max_wait_seconds: float = 5.0,
    ) -> None:
        self._scanner = scanner
        self._on_change = on_change
        self._quiet = quiet_seconds
        self._max_wait = max_wait_seconds
        self._observer = Observer()
        self._observer.daemon = True
        self._watches: dict[str, object] = {}
        self._pending: set[str] = set()
        self._first_event = 0.0
        self._last_event = 0.0
        self._lock = threading.Condition()
        self._stopping = False
        self._worker = threading.Thread(target=self._run, name="library-watcher", daemon=True)
        self.problems: list[tuple[str, str]] = []
        """(root, reason) of folders that could not be watched."""
        self.ready = threading.Event()
        """Set once the first watches are in place."""
        self._setup_lock = threading.Lock()

    def start(self, roots: Iterable[str]) -> None:
        """Start watching the given roots (offline ones are reported and skipped).

        Returns at once: setting up a recursive watch walks every folder of the library
        (watchdog does that on the thread that asks), so it happens on a thread of its own.
        """
        # watchdog's inotify backend warns when a new subfolder re-registers its callback;
        # the watch keeps working, so the warning is only noise for the user.
        warnings.filterwarnings("ignore", "Callback with id", RuntimeWarning, "watchdog")
        self._worker.start()
        wanted = list(roots)

        def begin() -> None:
            try:
                self._observer.start()
                self._apply_roots(wanted)
            except Exception:  # no inotify instance left, a folder gone meanwhile...
                log.exception("Could not watch the library folders")
            finally:
                self.ready.set()  # stop() must never wait for a set-up that failed

        threading.Thread(target=begin, name="library-watch-setup", daemon=True).start()

    def set_roots(self, roots: Iterable[str]) -> None:
        """Watch exactly these roots from now on (the set-up runs in the background)."""
        wanted = list(roots)
        threading.Thread(
            target=self._apply_roots, args=(wanted,), name="library-watch-setup", daemon=True
        ).start()

    def _apply_roots(self, roots: Iterable[str]) -> None:
        with self._setup_lock:
            self._schedule(roots)

    def _schedule(self, roots: Iterable[str]) -> None:
        wanted = set(roots)
        for root in list(self._watches):
            if root not in wanted:
                self._observer.unschedule(self._watches.pop(root))  # type: ignore[arg-type]
        handler = _Collector(self._add)
        for root in wanted - set(self._watches):
            try:
                self._watches[root] = self._observer.schedule(
                    handler, root, recursive=True, event_filter=_WANTED
                )
            except OSError as exc:
                reason = _why_unwatchable(exc)
                log.warning("Not watching %s: %s", root, reason)
                self.problems.append((root, reason))

    def stop(self) -> None:
        """Stop watching and wait for a running re-check to end."""
        self.ready.wait(timeout=30)
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(timeout=5)
        if self._worker.is_alive():
            self._worker.join(timeout=30)

    def _add(self, paths: Iterable[str]) -> None:
        with self._lock:
            now = time.monotonic()
            if not self._pending:
                self._first_event = now
            self._pending.update(paths)
            self._last_event = now
            self._lock.notify_all()

    def _due(self) -> float | None:
        """Seconds until the pending batch is due (<= 0: now), or None with nothing pending."""
        if not self._pending:
            return None
        now = time.monotonic()
        return min(self._last_event + self._quiet, self._first_event + self._max_wait) - now

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._stopping and ((due := self._due()) is None or due > 0):
                    self._lock.wait(timeout=due)
                if self._stopping:
                    return
                batch, self._pending = self._pending, set()
            try:
                report = self._scanner.scan_paths(sorted(batch))
            except Exception:  # the watcher must outlive any single failure
                log.exception("Re-checking %d changed paths failed", len(batch))
                continue
            if report.changed or report.unreadable:
                try:
                    self._on_change(report)
                except Exception:
                    log.exception("The library change callback failed")


def _why_unwatchable(exc: OSError) -> str:
    if exc.errno == 28:  # ENOSPC from inotify: the per-user watch limit is reached
        return reason(reasons.TOO_MANY_WATCHES)
    if isinstance(exc, FileNotFoundError):
        return reason(reasons.ROOT_GONE)
    return exc.strerror or str(exc)
