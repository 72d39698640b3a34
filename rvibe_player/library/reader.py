"""The library as the views read it: track rows by id, searches, albums and artists.

The one read port the UI goes through; no SQL above ``library/``. A :class:`LibraryReader`
wraps one connection: the GUI thread's (rows for the visible part of a table, about a
millisecond a page) or a worker thread's own (:meth:`LibraryReader.open`: searches and
lists, which may take longer).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.core.errors import LibraryUnreadableError
from rvibe_player.library import browse
from rvibe_player.library.database import LibraryDatabase, rows_in
from rvibe_player.library.model import Album, Artist

if TYPE_CHECKING:
    from rvibe_player.library.search import TrackSearch

TRACK_FIELDS = (
    "tracknumber",
    "title",
    "artist",
    "album",
    "year",
    "duration",
    "codec",
    "play_count",
    "rating",
    "added_at",
)
"""The fields of a track row after its id, in this order (the track table's columns)."""
ROW_EXTRA = ("status", "path_text", "albumartist")
"""What follows the fields in a row: ``ok``/``offline``/``removed``, the path, album artist."""

TrackRow = tuple[object, ...]
"""``(id, *TRACK_FIELDS, *ROW_EXTRA)``."""

_SELECT = f"SELECT id, {', '.join(TRACK_FIELDS + ROW_EXTRA)} FROM tracks WHERE id"
_TITLE = 1 + TRACK_FIELDS.index("title")
_PATH = 1 + len(TRACK_FIELDS) + ROW_EXTRA.index("path_text")
MISSING_ROW: TrackRow = (0, *([None] * len(TRACK_FIELDS)), "removed", "", "")
"""What a row of a track the library no longer has looks like."""


def _file_title(path_text: str) -> str:
    """A file's name without folder and extension, for a track with no title tag."""
    name = path_text.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, _extension = name.rpartition(".")
    return stem if dot and stem else name


class LibraryReader:
    """Reads rows, searches and browse lists through one connection."""

    def __init__(self, db: LibraryDatabase, *, owned: bool = False) -> None:
        self._db = db
        self._owned = owned
        self._search: TrackSearch | None = None

    @classmethod
    def open(cls, path: Path) -> LibraryReader:
        """A reader with a connection of its own (open it on the thread that uses it)."""
        return cls(LibraryDatabase(path), owned=True)

    def close(self) -> None:
        """Close the connection if this reader opened it."""
        if self._owned:
            self._db.close()

    # -- rows --------------------------------------------------------------------------------

    def track_rows(self, ids: Sequence[int]) -> dict[int, TrackRow]:
        """The rows of these tracks by id (ids the library does not know are left out).

        A track without a title tag shows its file name (without the extension), as every
        other view does (``Track.display_title``).
        """
        rows: dict[int, TrackRow] = {}
        for found in rows_in(self._db.conn, _SELECT, ids):
            row: TrackRow = found
            if not row[_TITLE]:
                row = (*row[:_TITLE], _file_title(str(row[_PATH])), *row[_TITLE + 1 :])
            rows[int(found[0])] = row
        return rows

    # -- searches and lists --------------------------------------------------------------------

    def search_ids(self, query: str) -> list[int]:
        """Track ids a query in the search language finds, in its order (QueryError if bad;
        LibraryUnreadableError when the database is damaged)."""
        with self._readable():
            return self._searcher().ids(query)

    def first_screen(self, query: str, count: int) -> list[int] | None:
        """The first ``count`` ids of ``query`` ahead of the whole, when that is quicker (the
        library's own order before it is in memory); else None.

        The window asks this for its first frame, mostly with no search: that needs no
        query compiler, whose import (7-11 ms) then waits until after the frame."""
        with self._readable():
            if self._search is None and not query.strip():
                return browse.first_ids(self._db.conn, count)
            return self._searcher().first_screen(query, count)

    @contextmanager
    def _readable(self) -> Iterator[None]:
        """Damage met while reading becomes a :class:`LibraryUnreadableError` in words, and
        the library is marked for a full check and repair at the next start."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # busy, locked: not damage
                raise
            from rvibe_player.library.recovery import verify

            verify(self._db.path)
            raise LibraryUnreadableError(
                f"The library database is damaged ({exc}). Quit and start the player again "
                "to repair it; what can still be read is kept."
            ) from exc

    def _searcher(self) -> TrackSearch:
        if self._search is None:
            from rvibe_player.library.search import TrackSearch

            self._search = TrackSearch(self._db.conn)
        return self._search

    @staticmethod
    def check_query(query: str) -> None:
        """Raise QueryError (saying where and why) unless ``query`` is a valid search."""
        from rvibe_player.library.search import compile_text

        compile_text(query)

    def albums(self, artist: str | None = None) -> list[Album]:
        """Every album (or one artist's), ordered by artist, year and title."""
        return browse.albums(self._db.conn, artist)

    def artists(self) -> list[Artist]:
        """Every artist, as the library sorts them."""
        return browse.artists(self._db.conn)

    def album_track_ids(self, album: Album) -> list[int]:
        """An album's tracks in disc and track order."""
        return browse.album_track_ids(self._db.conn, album)

    def artist_track_ids(self, artist: str) -> list[int]:
        """An artist's tracks, album by album."""
        return browse.artist_track_ids(self._db.conn, artist)
