"""Files and folders handed to the player (dropped on the window, or on the command line).

Folders become library folders (or rescan the library folder they lie in); files add their
folder. Files meant for the queue play at once when the library knows them; the others are
scanned first and queued when their scan has finished.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from rvibe_player.app.events import EventHub, ScanFinished
from rvibe_player.app.scans import ScanService
from rvibe_player.library.database import LibraryDatabase

Enqueue = Callable[[list[int]], None]


def is_within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies inside it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class DroppedPaths:
    """Takes dropped paths into the library, and into the queue when asked."""

    def __init__(
        self,
        library: LibraryDatabase,
        scans: ScanService,
        add_folder: Callable[[str], None],
        events: EventHub,
    ) -> None:
        self._library = library
        self._scans = scans
        self._add_folder = add_folder
        self._pending: list[str] = []
        self._enqueue: Enqueue | None = None
        events.subscribe(ScanFinished, self._scan_finished)

    def add(self, dropped: Sequence[str]) -> None:
        """Folders become library folders; files add theirs (a known folder is rescanned)."""
        roots = [r.path for r in self._library.roots()]
        folders = {p if os.path.isdir(p) else os.path.dirname(p) for p in dropped}
        for folder in sorted(folders):
            root = next((r for r in roots if is_within(folder, r)), None)
            if root is not None:
                self._scans.scan([root])  # already a library folder: what is new
            else:
                self._add_folder(folder)

    def queue(self, dropped: Sequence[str], enqueue: Enqueue) -> None:
        """Queue the files (a folder's, in name order); unknown ones once they are scanned."""
        files: list[str] = []
        for path in dropped:
            if os.path.isdir(path):
                files += sorted(os.path.join(d, f) for d, _, names in os.walk(path) for f in names)
            else:
                files.append(path)
        known: list[int] = []
        unknown: list[str] = []
        for path in files:
            track = self._library.track_by_path(path)
            if track is not None:
                known.append(track.id)
            else:
                unknown.append(path)
        if known:
            enqueue(known)
        if unknown:
            self._pending.extend(unknown)
            self._enqueue = enqueue
            self.add(unknown)

    def _scan_finished(self, _event: ScanFinished) -> None:
        if not self._pending or self._enqueue is None:
            return
        found = [t.id for p in self._pending
                 if (t := self._library.track_by_path(p)) is not None]  # fmt: skip
        self._pending.clear()
        if found:
            self._enqueue(found)
