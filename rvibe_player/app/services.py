"""The composition root: builds the player's services from settings and paths and wires them.

Nothing here draws on screen; the UI receives a :class:`Services` and talks to it. Every
collaborator is created here once and passed in -- there is no global application object.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player import paths
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.settings import WATCH_LIBRARY, Settings

if TYPE_CHECKING:
    from rvibe_player.library.playlist_store import PlaylistStore
    from rvibe_player.library.reader import LibraryReader
    from rvibe_player.library.scanner import Scanner, ScanReport
    from rvibe_player.library.watcher import LibraryWatcher
    from rvibe_player.playback.backend import Post
    from rvibe_player.playback.controller import PlaybackController

log = logging.getLogger(__name__)


class Services:
    """Everything the UI works with; parts not needed to show the window are made on use."""

    def __init__(
        self, settings: Settings, library_path: Path, library: LibraryDatabase, cache_dir: Path
    ) -> None:
        self.settings = settings
        self.library_path = library_path
        self.library = library
        """The UI thread's own connection (reads, statistics, playlists)."""
        self.cache_dir = cache_dir
        self.watcher: LibraryWatcher | None = None
        self.player: PlaybackController | None = None
        self.player_problem: str | None = None
        """Why there is no sound (libVLC missing), in words for the user; None when fine."""

    def start_player(self, post: Post) -> PlaybackController:
        """Open the audio output and the play queue (restored from last time)."""
        if self.player is None:
            from rvibe_player.app.playback_setup import open_player

            self.player, self.player_problem = open_player(self.settings, self.library, post)
            self.player.restore()
        return self.player

    @functools.cached_property
    def reader(self) -> LibraryReader:
        """The views' read port over the UI thread's connection (rows, lists, searches)."""
        from rvibe_player.library.reader import LibraryReader

        return LibraryReader(self.library)

    @functools.cached_property
    def playlists(self) -> PlaylistStore:
        """Playlists stored in the library database."""
        from rvibe_player.library.playlist_store import PlaylistStore

        return PlaylistStore(self.library)

    @functools.cached_property
    def scanner(self) -> Scanner:
        """The scanner the watcher re-checks changed files with."""
        from rvibe_player.library.scanner import Scanner

        return Scanner(self.library_path)

    def root_paths(self) -> list[str]:
        """The library folders, online or not."""
        return [root.path for root in self.library.roots()]

    def start_watching(self, on_change: Callable[[ScanReport], None]) -> None:
        """Follow changes in the library folders, if the setting allows (``on_change`` is
        called on the watcher's thread)."""
        if self.watcher is not None or not self.settings.get(WATCH_LIBRARY):
            return
        from rvibe_player.library.watcher import LibraryWatcher  # watchdog, when needed

        self.watcher = LibraryWatcher(self.scanner, on_change)
        self.watcher.start(r.path for r in self.library.roots() if r.online)

    def refresh_watch(self) -> None:
        """Watch exactly the current online roots (after roots were added or removed)."""
        if self.watcher is not None:
            self.watcher.set_roots(r.path for r in self.library.roots() if r.online)

    def close(self) -> None:
        """Stop playback and background work, write what is pending, close the database."""
        if self.player is not None:
            self.player.close()
            self.player.backend.close()
            self.player = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self.library.close()


def build_services(
    settings: Settings | None = None,
    library_path: Path | None = None,
    cache_dir: Path | None = None,
) -> Services:
    """Create the services from the user's settings and folders (or the given overrides)."""
    settings = settings or Settings(paths.settings_file())
    library_path = library_path or paths.library_database()
    return Services(
        settings, library_path, LibraryDatabase(library_path), cache_dir or paths.cache_dir()
    )
