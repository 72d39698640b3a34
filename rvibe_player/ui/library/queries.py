"""Runs library queries on a background thread with its own connection, newest request wins.

The GUI thread asks (``search``, ``albums``, ``artists``, ``tracks_of``) and gets the answer
by a queued signal, so typing into the search box never waits for SQLite. A request that a
newer one of the same kind has overtaken is dropped before it runs.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from rvibe_player.core.errors import LibraryUnreadableError, QueryError
from rvibe_player.library.model import Album
from rvibe_player.library.reader import LibraryReader

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)


class _Worker(QObject):
    searched = Signal(int, str, object, object)
    """(request number, kind, ids or None, QueryError or None)."""
    albums_ready = Signal(int, object)
    artists_ready = Signal(int, object)
    album_tracks_ready = Signal(int, object)
    artist_tracks_ready = Signal(int, object)

    def __init__(self, db_path: Path, latest: dict[str, int]) -> None:
        super().__init__()
        self._db_path = db_path
        self._latest = latest
        self._opened: LibraryReader | None = None

    def _reader(self) -> LibraryReader:
        """This thread's own reader (opened here, on first use)."""
        if self._opened is None:
            self._opened = LibraryReader.open(self._db_path)
        return self._opened

    def _stale(self, kind: str, number: int) -> bool:
        return number < self._latest.get(kind, 0)

    @Slot(int, str, str)
    def search(self, number: int, kind: str, query: str) -> None:
        if self._stale(kind, number):
            return
        try:
            ids = self._reader().search_ids(query)
        except (QueryError, LibraryUnreadableError) as exc:
            self.searched.emit(number, kind, None, exc)
            return
        self.searched.emit(number, kind, ids, None)

    @Slot(int, object)
    def albums(self, number: int, artist: object) -> None:
        if not self._stale("albums", number):
            result = self._reader().albums(artist if isinstance(artist, str) else None)
            self.albums_ready.emit(number, result)

    @Slot(int)
    def artists(self, number: int) -> None:
        if not self._stale("artists", number):
            self.artists_ready.emit(number, self._reader().artists())

    @Slot(int, object)
    def album_tracks(self, number: int, album: object) -> None:
        if not self._stale("album_tracks", number) and isinstance(album, Album):
            self.album_tracks_ready.emit(number, self._reader().album_track_ids(album))

    @Slot(int, str)
    def artist_tracks(self, number: int, artist: str) -> None:
        if not self._stale("artist_tracks", number):
            self.artist_tracks_ready.emit(number, self._reader().artist_track_ids(artist))

    @Slot()
    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
            self._opened = None


class LibraryQueries(QObject):
    """The GUI side: ask for searches and lists; answers arrive as signals."""

    searched = Signal(object, object)
    """(ids or None, QueryError or None) of the newest search."""
    smart_ready = Signal(object, object)
    """(ids or None, QueryError or None) of the newest smart playlist's query."""
    albums_ready = Signal(object)
    artists_ready = Signal(object)
    album_tracks_ready = Signal(object)
    artist_tracks_ready = Signal(object)
    _do_search = Signal(int, str, str)
    _do_albums = Signal(int, object)
    _do_artists = Signal(int)
    _do_album_tracks = Signal(int, object)
    _do_artist_tracks = Signal(int, str)
    _do_close = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: dict[str, int] = {}
        self._answered: dict[str, int] = {}
        self._lock = threading.Lock()
        self._thread = QThread()
        self._thread.setObjectName("library-queries")
        self._worker = _Worker(db_path, self._latest)
        self._worker.moveToThread(self._thread)
        self._do_search.connect(self._worker.search)
        self._do_albums.connect(self._worker.albums)
        self._do_artists.connect(self._worker.artists)
        self._do_album_tracks.connect(self._worker.album_tracks)
        self._do_artist_tracks.connect(self._worker.artist_tracks)
        self._do_close.connect(self._worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.searched.connect(self._on_searched)
        for kind, answer, signal in (
            ("albums", self._worker.albums_ready, self.albums_ready),
            ("artists", self._worker.artists_ready, self.artists_ready),
            ("album_tracks", self._worker.album_tracks_ready, self.album_tracks_ready),
            ("artist_tracks", self._worker.artist_tracks_ready, self.artist_tracks_ready),
        ):
            answer.connect(self._deliverer(kind, signal.emit))
        self._thread.start()

    def _next(self, kind: str) -> int:
        with self._lock:
            number = self._latest.get(kind, 0) + 1
            self._latest[kind] = number
        return number

    def search(self, query: str) -> None:
        """Search; the newest answer arrives by :attr:`searched`."""
        self._do_search.emit(self._next("search"), "search", query)

    def smart(self, query: str) -> None:
        """Run a smart playlist's query; the answer arrives by :attr:`smart_ready`."""
        self._do_search.emit(self._next("smart"), "smart", query)

    def albums(self, artist: str | None = None) -> None:
        """List albums (of one artist); the answer arrives by :attr:`albums_ready`."""
        self._do_albums.emit(self._next("albums"), artist)

    def artists(self) -> None:
        """List artists; the answer arrives by :attr:`artists_ready`."""
        self._do_artists.emit(self._next("artists"))

    def album_tracks(self, album: Album) -> None:
        """An album's track ids; the answer arrives by :attr:`album_tracks_ready`."""
        self._do_album_tracks.emit(self._next("album_tracks"), album)

    def artist_tracks(self, artist: str) -> None:
        """An artist's track ids; the answer arrives by :attr:`artist_tracks_ready`."""
        self._do_artist_tracks.emit(self._next("artist_tracks"), artist)

    def waiting(self, kind: str = "search") -> bool:
        """Whether the newest request of ``kind`` has no whole answer yet."""
        return self._answered.get(kind, 0) < self._latest.get(kind, 0)

    def _on_searched(self, number: int, kind: str, ids: object, error: object) -> None:
        self._answered[kind] = number
        if number == self._latest.get(kind):
            (self.searched if kind == "search" else self.smart_ready).emit(ids, error)

    def _deliverer(
        self, kind: str, emit: Callable[[object], None]
    ) -> Callable[[int, object], None]:
        """Passes on an answer of ``kind`` only if no newer request of that kind was made."""

        def deliver(number: int, result: object) -> None:
            if number == self._latest.get(kind):
                emit(result)

        return deliver

    def close(self) -> None:
        """Close the worker's connection and stop its thread (waits for a running query)."""
        if not self._thread.isRunning():
            return
        self._do_close.emit()
        self._thread.quit()
        self._thread.wait(5000)
