"""Looking after the library database while the player runs: the full check and the
rotating backup off the owner thread, a repair's rescan, restores asked for by the user."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.app.events import EventHub, LibraryDamaged
from rvibe_player.library import backups as stored
from rvibe_player.library.recovery import verify

if TYPE_CHECKING:
    from collections.abc import Callable

    from rvibe_player.core.sqlite_salvage import Repair

log = logging.getLogger(__name__)

RETRY_S = 30.0
"""How long the check waits again while a scan is running."""


@dataclass(frozen=True)
class Restored:
    """The library was put back from a backup when it opened."""

    backup: Path
    """The backup's folder."""
    kept: Path
    """The library as it was before, kept aside."""


class LibraryCare:
    """The check, the backups and the restores of one library file."""

    def __init__(
        self,
        library_path: Path,
        events: EventHub,
        repair: Repair | None = None,
        restored: Restored | None = None,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        self.library_path = library_path
        self._busy = busy
        """Whether a scan is writing: the check and the backup wait for it to end."""
        self.backup_folder = library_path.parent / "backups"
        self.events = events
        self.repair = repair
        """What was done to a damaged library database when it was opened; None if sound."""
        self.restored = restored
        """The backup the library was restored from when it opened; None if not."""
        self._timer: threading.Timer | None = None
        self._closed = False

    def start(self, check_after_s: float) -> bool:
        """Check every page (and back up if due) once start-up has settled, off this thread.
        Returns True when the library was just repaired and needs a rescan instead."""
        if self.repair is not None:
            return True
        self._arm(check_after_s)
        return False

    def _arm(self, after_s: float) -> None:
        self._timer = threading.Timer(after_s, self._look_after)
        self._timer.name = "library-check"
        self._timer.daemon = True
        self._timer.start()

    def _look_after(self) -> None:
        if self._closed:
            return
        if self._busy():  # a scan writes: check and back up what it leaves, not half of it
            self._arm(RETRY_S)
            return
        if sys.platform.startswith("linux"):  # this thread only, below the player's own
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        problem = verify(self.library_path)
        if problem is not None:
            self.events.publish(LibraryDamaged(problem))
            return  # a damaged file is not worth a backup
        try:
            if stored.due(self.library_path, self.backup_folder):
                stored.make_backup(self.library_path, self.backup_folder)
        except (OSError, ValueError, sqlite3.Error) as exc:
            log.warning("Could not back up the library: %s", exc)

    def backups(self) -> list[stored.Backup]:
        """The backups there are, newest first."""
        return stored.backups(self.backup_folder)

    def request_restore(self, backup: stored.Backup) -> None:
        """Put ``backup`` back the next time the player starts (the library as it is then
        is kept aside first)."""
        stored.request_restore(self.library_path, backup)

    def close(self) -> None:
        """Stop a check that has not begun."""
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()


def restore_requested(library_path: Path) -> Restored | None:
    """Before the library opens: carry out a restore the user asked for."""
    done = stored.restore_if_requested(library_path)
    return Restored(*done) if done is not None else None
