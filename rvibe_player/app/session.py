"""The listening session: the library, the player, scans, the watcher and the relationship,
built once, subscribed to each other, and closed in order. No widgets.

This is the one composition root. The window receives a :class:`PlayerSession` and only
builds views over it; a command or a test runs the same session with no ``QApplication``
(``post`` from a :class:`~rvibe_player.playback.dispatch.QueueDispatcher`). The wiring
between services lives here and nowhere else:

- a counted play is shared with the curator at once (if the listener opted in);
- a changed library (scan, watcher, folder removed) has picks matched against it again;
- a finished scan re-aims the watcher and announces the changed library.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player import paths
from rvibe_player.app.drops import DroppedPaths
from rvibe_player.app.events import (
    CacheRepaired,
    DeskChanged,
    DeskOpened,
    DeskStatusChanged,
    EventHub,
    LibraryChanged,
    RelationshipChanged,
    RelationshipFailed,
    RelationshipOpened,
    RelationshipStatusChanged,
    ScanFinished,
)
from rvibe_player.app.library_care import LibraryCare, Restored, restore_requested
from rvibe_player.app.scans import ScanService
from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words, error_words
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.recovery import closed, open_library
from rvibe_player.settings import WATCH_LIBRARY, Settings
from rvibe_player.store_client.areas import ChangeArea

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from rvibe_player.app.relationship_setup import RelationshipSession
    from rvibe_player.core.sqlite_salvage import Repair
    from rvibe_player.library.playlist_store import PlaylistStore
    from rvibe_player.library.reader import LibraryReader
    from rvibe_player.library.scanner import Scanner, ScanReport
    from rvibe_player.library.watcher import LibraryWatcher
    from rvibe_player.playback.backend import Backend, Post
    from rvibe_player.playback.controller import ControllerEvent, PlaybackController
    from rvibe_player.store_client.desk import CuratorDesk
    from rvibe_player.store_client.model import SyncStatus
    from rvibe_player.store_client.relationship import Relationship

log = logging.getLogger(__name__)

_WATCHER_MODULE = "rvibe_player.library.watcher"
"""Imported when the library is first watched (it brings watchdog)."""


class PlayerSession:
    """Everything a listener's player works with; parts are made when first needed."""

    def __init__(
        self,
        settings: Settings,
        library_path: Path,
        library: LibraryDatabase,
        cache_dir: Path,
        post: Post,
        repair: Repair | None = None,
        restored: Restored | None = None,
    ) -> None:
        self.settings = settings
        self.library_path = library_path
        self.library = library
        """The owner thread's own connection (reads, statistics, playlists)."""
        self.cache_dir = cache_dir
        self.events = EventHub(post)
        self.scans = ScanService(library_path, self.events)
        self.care = LibraryCare(
            library_path, self.events, repair, restored, busy=self.scans.running
        )
        """The check, the backups and the restores of the library file."""
        self.drops = DroppedPaths(library, self.scans, self.add_folder, self.events)
        self.watcher: LibraryWatcher | None = None
        self.player: PlaybackController | None = None
        self.player_problem: str | None = None
        """Why there is no sound (libVLC missing), in words for the user; None when fine."""
        self.store: RelationshipSession | None = None
        self.desk: CuratorDesk | None = None
        """The curator's desk at the same store (signed in or not), once the store is open."""
        self._store_lock = threading.Lock()
        self._closed = False
        self.events.subscribe(ScanFinished, self._scan_finished)
        self.events.subscribe(LibraryChanged, lambda _event: self._match_picks())

    # -- the library -------------------------------------------------------------------------

    @functools.cached_property
    def reader(self) -> LibraryReader:
        """The views' read port over the owner thread's connection."""
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

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` ran (nothing may use the library any more)."""
        return self._closed

    def started(self, check_after_s: float = 20.0) -> None:
        """The window is up: rescan after a repair (the tags come back from the files), or
        check every page of the library and back it up when due, off the owner thread once
        start-up has settled (damage found then is announced and repaired next start)."""
        if self.care.start(check_after_s) and self.library.roots():
            self.scans.scan(None)

    def root_paths(self) -> list[str]:
        """The library folders, online or not."""
        return [root.path for root in self.library.roots()]

    def add_folder(self, folder: str) -> None:
        """Make ``folder`` a library folder and scan it."""
        self.library.add_root(os.path.abspath(folder))
        self.scans.scan([folder])

    def remove_folder(self, root_id: int) -> None:
        """Stop keeping a library folder (its tracks leave the library)."""
        self.library.remove_root(root_id)
        self.refresh_watch()
        self.events.deliver(LibraryChanged())

    def _scan_finished(self, event: ScanFinished) -> None:
        self.refresh_watch()
        self.start_watching()
        self.events.deliver(LibraryChanged())

    def start_watching(self) -> None:
        """Follow changes in the library folders, if the setting allows."""
        if self.watcher is not None or self._closed or not self.settings.get(WATCH_LIBRARY):
            return
        if _WATCHER_MODULE not in sys.modules:
            # watchdog's modules take 50 ms to import: on a thread of their own, then back
            # here (the owner thread). Imported here, they were the GUI's longest stall at a
            # first scan's end (bench/ui.py).
            threading.Thread(target=self._load_watcher, name="watcher-import", daemon=True).start()
            return
        from rvibe_player.library.watcher import LibraryWatcher

        self.watcher = LibraryWatcher(self.scanner, self._watched_change)
        self.watcher.start(self._online_roots())

    def _load_watcher(self) -> None:
        try:
            importlib.import_module(_WATCHER_MODULE)
        except Exception:  # a broken install: the library still works, only not followed
            log.exception("Cannot follow the library folders")
            return
        self.events.post(self.start_watching)

    def _watched_change(self, _report: ScanReport) -> None:  # on the watcher's thread
        self.events.publish(LibraryChanged())

    def refresh_watch(self) -> None:
        """Watch exactly the current online roots (after roots were added or removed)."""
        if self.watcher is not None:
            self.watcher.set_roots(self._online_roots())

    def _online_roots(self) -> Iterable[str]:
        return (r.path for r in self.library.roots() if r.online)

    # -- playback ----------------------------------------------------------------------------

    def start_player(self, backend: Backend | None = None) -> PlaybackController:
        """Open the audio output and the play queue (restored from last time).

        ``backend`` replaces libVLC (a silent one, in a test or a tool).
        """
        if self.player is None:
            from rvibe_player.app.playback_setup import open_player

            self.player, self.player_problem = open_player(
                self.settings, self.library, self.events.post, backend=backend
            )
            self.player.add_listener(self._player_event)
            self.player.restore()
        return self.player

    def _player_event(self, event: ControllerEvent) -> None:
        from rvibe_player.playback.play_stats import PlayCounted

        if isinstance(event, PlayCounted) and self.relationship is not None:
            self.relationship.share_new_plays()  # now (if opted in), not at the next check

    # -- the store ---------------------------------------------------------------------------

    @property
    def relationship(self) -> Relationship | None:
        """The listener's relationship once opened (None before, or when it failed)."""
        store = self.store
        return store.relationship if store is not None else None

    def open_relationship(self, opener: Callable[..., RelationshipSession] | None = None) -> None:
        """Open the relationship on a thread of its own (it may start the built-in store);
        :class:`RelationshipOpened` or :class:`RelationshipFailed` follows."""
        if opener is None:
            from rvibe_player.app.relationship_setup import open_relationship

            opener = open_relationship
        threading.Thread(
            target=self._open_relationship, args=(opener,), name="store-open", daemon=True
        ).start()

    def _open_relationship(self, opener: Callable[..., RelationshipSession]) -> None:
        try:
            store = opener(
                self.settings,
                self.library_path,
                on_change=self._relationship_changed,
                on_status=self._relationship_status,
            )
        except Exception as exc:
            log.exception("Could not open the relationship")
            reached = QT_TRANSLATE_NOOP("StoreMessage", "The store could not be reached: %1")
            failure = Words("StoreMessage", reached, error_words(exc))
            self.events.publish(RelationshipFailed(failure))
            return
        with self._store_lock:
            if self._closed:
                store.close()
                return
            self.store = store
        self.events.publish(RelationshipOpened(store.problem))
        if store.relationship.cache_repair is not None:
            self.events.publish(CacheRepaired(store.relationship.cache_repair))
        self._open_desk(store.relationship)

    def _open_desk(self, relationship: Relationship) -> None:
        """The curator's desk at the relationship's store, resuming a kept session."""
        from rvibe_player.store_client.desk import CuratorDesk

        desk = CuratorDesk(
            relationship.store_url,
            store_key=relationship.store_key,
            on_change=lambda areas: self.events.publish(DeskChanged(areas)),
            on_status=lambda status: self.events.publish(DeskStatusChanged(status)),
        )
        with self._store_lock:
            if self._closed:
                desk.close()
                return
            self.desk = desk
        desk.start()
        self.events.publish(DeskOpened())

    def _relationship_changed(self, areas: frozenset[ChangeArea]) -> None:  # client threads
        self.events.publish(RelationshipChanged(areas))

    def _relationship_status(self, status: SyncStatus) -> None:  # store client threads
        self.events.publish(RelationshipStatusChanged(status))

    def _match_picks(self) -> None:
        if self.relationship is not None:
            self.relationship.library_changed()  # "in your library" is worked out again

    # -- the end -----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop scans, the watcher, the store and playback; write what is pending; close.

        In this order: nothing new starts (scans, watcher), the store stops syncing (and the
        built-in store stops), the player keeps its position and writes its statistics, and
        the library closes last, since everything before may still write to it.
        """
        if self._closed:
            return
        self._closed = True
        self.care.close()
        self.events.close()
        self.scans.close()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        with self._store_lock:
            store, self.store = self.store, None
            desk, self.desk = self.desk, None
        if desk is not None:
            desk.close()
        if store is not None:
            store.close()
        if self.player is not None:
            self.player.close()
            self.player.backend.close()
            self.player = None
        self.library.close()
        closed(self.library_path)


def build_session(
    post: Post,
    settings: Settings | None = None,
    library_path: Path | None = None,
    cache_dir: Path | None = None,
) -> PlayerSession:
    """A session from the user's settings and folders (or the given overrides)."""
    settings = settings or Settings(paths.settings_file())
    library_path = library_path or paths.library_database()
    restored = restore_requested(library_path)
    library, repair = open_library(library_path)
    return PlayerSession(
        settings, library_path, library, cache_dir or paths.cache_dir(), post, repair, restored
    )
