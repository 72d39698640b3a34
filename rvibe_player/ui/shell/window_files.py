"""Files and folders given to the window: by launching the player with them (or launching it
again while it runs), or by dropping them on it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rvibe_player.ui.shell.main_window import MainWindow


class WindowFiles:
    """Takes files and folders in for the window: files play or queue, folders join the
    library (unknown files are added first and played or queued once scanned)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.drops = window.session.drops

    def open(self, opened: Sequence[str]) -> None:
        """Launched with files and folders (or launched again): come to the front; files
        play (unknown ones once scanned), folders join the library."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        files = [p for p in opened if not os.path.isdir(p)]
        folders = [p for p in opened if os.path.isdir(p)]
        if files:
            self.drops.queue(files, lambda ids: window.play_tracks(ids, 0))
        if folders:
            self.drops.add(folders)

    def drop(self, dropped: Sequence[str]) -> None:
        """Dropped on the window: folders become library folders, files add their folder.

        Dropped on the queue page, files play at the end of the queue (files the library
        does not know yet are added first and queued when their scan is done).
        """
        window = self.window
        if window.stack.currentWidget() is window.pages.get("queue"):
            self.drops.queue(dropped, window.enqueue)
        else:
            self.drops.add(dropped)
