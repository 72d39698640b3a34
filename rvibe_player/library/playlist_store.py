"""Playlists kept in the library database by track identity, and their import and export.

An entry stores the track's id, so it follows the file through moves and renames (the
scanner updates a track's path in place). An entry that matched no track when imported keeps
its location and title, and is exported by that location. Smart playlists store a search
query; their entries are its results.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.model import Track
from rvibe_player.library.playlist_locations import resolve_location, stored_location
from rvibe_player.library.search import compile_text, search_ids

if TYPE_CHECKING:  # the file formats load on first import or export, not at start-up
    from rvibe_player.library.playlist_matcher import UnresolvedEntry
    from rvibe_player.library.playlists import PlaylistEntry, PlaylistFormat

log = logging.getLogger(__name__)

_Row = tuple[int | None, str, str]  # track_id, location, title
_SELECT_INFO = (
    "SELECT id, name, query, created, modified, "
    "(SELECT count(*) FROM playlist_entries e WHERE e.playlist_id = p.id) FROM playlists p"
)


@dataclass(frozen=True, slots=True)
class PlaylistInfo:
    """A playlist's name and dates; ``size`` is None for a smart playlist."""

    id: int
    name: str
    query: str | None
    created: float
    modified: float
    size: int | None

    @property
    def smart(self) -> bool:
        """Whether the playlist is a saved search."""
        return self.query is not None


@dataclass(frozen=True, slots=True)
class PlaylistItem:
    """One entry of a stored playlist.

    ``track`` is None for an entry that matched no track of the library; ``location`` and
    ``title`` are what the entry was added or imported with.
    """

    position: int
    track: Track | None
    location: str
    title: str

    @property
    def state(self) -> str:
        """``ok``, ``offline`` (its disk is unplugged), ``missing`` (the file is gone from
        the library) or ``unresolved`` (never matched a track)."""
        if self.track is None:
            return "unresolved"
        return "missing" if self.track.status == "removed" else self.track.status


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What importing a playlist file did."""

    playlist_id: int
    name: str
    total: int
    resolved: int
    by_suffix: int
    unresolved: list[UnresolvedEntry]

    def summary(self) -> str:
        """One sentence for a person."""
        text = f"Imported {self.name!r}: {self.resolved} of {self.total} entries found"
        if self.by_suffix:
            text += f" ({self.by_suffix} by folder and file name)"
        if self.unresolved:
            text += f"; {len(self.unresolved)} not found, kept in the playlist"
        return text + "."


class PlaylistStore:
    """The library's playlists: regular ones by track identity, and smart ones."""

    def __init__(self, db: LibraryDatabase) -> None:
        self.db = db
        self.conn = db.conn

    # -- playlists -----------------------------------------------------------------------------

    def create(self, name: str, query: str | None = None) -> int:
        """Create a playlist (a smart one when ``query`` is given) and return its id.

        Raises:
            ValueError: the name is empty.
            QueryError: the smart playlist's query is malformed.
        """
        name = _clean_name(name)
        if query is not None:
            compile_text(query)
        now = time.time()
        cursor = self.conn.execute(
            "INSERT INTO playlists (name, query, created, modified) VALUES (?, ?, ?, ?)",
            (name, query, now, now),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def rename(self, playlist_id: int, name: str) -> None:
        """Give a playlist a new name.

        Raises:
            KeyError: no such playlist.
            ValueError: the name is empty.
        """
        self._update(playlist_id, "name = ?", _clean_name(name))

    def set_query(self, playlist_id: int, query: str) -> None:
        """Change a smart playlist's search.

        Raises:
            KeyError: no such playlist.
            ValueError: it is a regular playlist.
            QueryError: the query is malformed.
        """
        if self.playlist(playlist_id).query is None:
            raise ValueError("This is a regular playlist; only a smart playlist has a search.")
        compile_text(query)
        self._update(playlist_id, "query = ?", query)

    def delete(self, playlist_id: int) -> None:
        """Delete a playlist and its entries (the tracks stay in the library)."""
        self.conn.execute("DELETE FROM playlists WHERE id = ?", (playlist_id,))

    def playlists(self) -> list[PlaylistInfo]:
        """Every playlist, by name."""
        rows = self.conn.execute(_SELECT_INFO + " ORDER BY name COLLATE NOCASE, id").fetchall()
        return [_info(row) for row in rows]

    def playlist(self, playlist_id: int) -> PlaylistInfo:
        """One playlist.

        Raises:
            KeyError: no such playlist.
        """
        row = self.conn.execute(_SELECT_INFO + " WHERE id = ?", (playlist_id,)).fetchone()
        if row is None:
            raise KeyError(f"there is no playlist with id {playlist_id}")
        return _info(row)

    # -- entries -------------------------------------------------------------------------------

    def entries(self, playlist_id: int) -> list[PlaylistItem]:
        """A playlist's entries in order; a smart playlist's are its search's results.

        Raises:
            KeyError: no such playlist.
        """
        query = self.playlist(playlist_id).query
        if query is not None:
            tracks = self.db.tracks(search_ids(self.conn, query))
            return [PlaylistItem(i, t, stored_location(t.path), "") for i, t in enumerate(tracks)]
        rows = self._rows(playlist_id)
        known = {t.id: t for t in self.db.tracks([r[0] for r in rows if r[0] is not None])}
        return [
            PlaylistItem(
                position, None if track_id is None else known.get(track_id), location, title
            )
            for position, (track_id, location, title) in enumerate(rows)
        ]

    def add_tracks(self, playlist_id: int, track_ids: Sequence[int], at: int | None = None) -> None:
        """Insert tracks before position ``at`` (by default at the end).

        Raises:
            KeyError: no such playlist, or no such track.
            ValueError: it is a smart playlist.
        """
        self._require_regular(playlist_id)
        tracks = {t.id: t for t in self.db.tracks(track_ids)}
        unknown = [i for i in track_ids if i not in tracks]
        if unknown:
            raise KeyError(f"no track with id {unknown[0]} in the library")
        rows: list[_Row] = [
            (i, stored_location(tracks[i].path), tracks[i].display_title) for i in track_ids
        ]
        with transaction(self.conn):
            size = self._size(playlist_id)
            start = size if at is None else max(0, min(at, size))
            if start < size:  # shift the tail through negative positions: no key collision
                self.conn.execute(
                    "UPDATE playlist_entries SET position = -position - ? - 1 "
                    "WHERE playlist_id = ? AND position >= ?",
                    (len(rows), playlist_id, start),
                )
                self.conn.execute(
                    "UPDATE playlist_entries SET position = -position - 1 "
                    "WHERE playlist_id = ? AND position < 0",
                    (playlist_id,),
                )
            self._insert(playlist_id, start, rows)
            self._touch(playlist_id)

    def remove_entries(self, playlist_id: int, positions: Iterable[int]) -> None:
        """Remove the entries at these positions; the ones after move up."""
        drop = set(positions)
        self._edit(playlist_id, lambda rows: [r for i, r in enumerate(rows) if i not in drop])

    def move_entries(self, playlist_id: int, positions: Sequence[int], before: int) -> list[int]:
        """Move entries (kept in their order) to just before the entry now at ``before``.

        ``before`` equal to the playlist's length moves them to the end, as a drop below
        the last row does. Returns the moved entries' new positions.
        """
        moved: list[int] = []

        def move(rows: list[_Row]) -> list[_Row]:
            chosen = {p for p in positions if 0 <= p < len(rows)}
            target = max(0, min(before, len(rows)))
            insert_at = sum(1 for i in range(target) if i not in chosen)
            rest = [r for i, r in enumerate(rows) if i not in chosen]
            block = [rows[i] for i in sorted(chosen)]
            moved.extend(range(insert_at, insert_at + len(block)))
            return rest[:insert_at] + block + rest[insert_at:]

        self._edit(playlist_id, move)
        return moved

    def reorder(self, playlist_id: int, order: Sequence[int]) -> None:
        """Put the entries in a new order: ``order`` lists every current position once.

        Raises:
            ValueError: ``order`` is not a permutation of the current positions.
        """

        def permute(rows: list[_Row]) -> list[_Row]:
            if sorted(order) != list(range(len(rows))):
                raise ValueError("a new order must list every entry of the playlist exactly once")
            return [rows[i] for i in order]

        self._edit(playlist_id, permute)

    # -- files ---------------------------------------------------------------------------------

    def import_file(self, path: str | os.PathLike[str], name: str | None = None) -> ImportReport:
        """Create a playlist from a playlist file, matching its entries to library tracks.

        Each entry is matched by its exact path, else by a unique match of its last folders
        and file name; entries that match nothing are kept with their location and title.

        Raises:
            PlaylistFormatError: the file cannot be read as a playlist.
        """
        from rvibe_player.library.playlist_matcher import PlaylistMatcher
        from rvibe_player.library.playlists import read_playlist, readable

        playlist = read_playlist(path)
        title = name or playlist.title or Path(os.fspath(path)).stem
        matcher = PlaylistMatcher(self.db)
        rows: list[_Row] = []
        for position, entry in enumerate(playlist.entries):
            track_id = matcher.match(position, entry)
            location = stored_location(entry.path) if entry.path else readable(entry.location)
            rows.append((track_id, location, readable(entry.title)))
        with transaction(self.conn):
            playlist_id = self.create(title)
            self._insert(playlist_id, 0, rows)
        report = ImportReport(
            playlist_id,
            _clean_name(title),
            len(rows),
            len(rows) - len(matcher.unresolved),
            matcher.by_suffix,
            matcher.unresolved,
        )
        log.info("%s", report.summary())
        return report

    def export_file(
        self,
        playlist_id: int,
        path: str | os.PathLike[str],
        fmt: PlaylistFormat | None = None,
    ) -> int:
        """Write a playlist to a file (format from the extension by default).

        Tracks are written by their current path; unresolved entries by their kept
        location. Returns the number of entries written.

        Raises:
            KeyError: no such playlist.
            PlaylistFormatError: no format given and the extension names none.
            OSError: the file could not be written.
        """
        info = self.playlist(playlist_id)
        entries = [_file_entry(item) for item in self.entries(playlist_id)]
        from rvibe_player.library.playlists import write_playlist

        write_playlist(path, entries, fmt, title=info.name)
        return len(entries)

    # -- helpers -------------------------------------------------------------------------------

    def _rows(self, playlist_id: int) -> list[_Row]:
        self._require_regular(playlist_id)
        return self.conn.execute(
            "SELECT track_id, location, title FROM playlist_entries "
            "WHERE playlist_id = ? ORDER BY position",
            (playlist_id,),
        ).fetchall()

    def _size(self, playlist_id: int) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM playlist_entries WHERE playlist_id = ?", (playlist_id,)
        ).fetchone()
        return int(row[0])

    def _insert(self, playlist_id: int, start: int, rows: Sequence[_Row]) -> None:
        self.conn.executemany(
            "INSERT INTO playlist_entries (playlist_id, position, track_id, location, title) "
            "VALUES (?, ?, ?, ?, ?)",
            [(playlist_id, start + i, *row) for i, row in enumerate(rows)],
        )

    def _edit(self, playlist_id: int, change: Callable[[list[_Row]], list[_Row]]) -> None:
        """Rewrite a regular playlist's entries as ``change`` makes them, in one transaction."""
        with transaction(self.conn):
            rows = change(self._rows(playlist_id))
            self.conn.execute("DELETE FROM playlist_entries WHERE playlist_id = ?", (playlist_id,))
            self._insert(playlist_id, 0, rows)
            self._touch(playlist_id)

    def _touch(self, playlist_id: int) -> None:
        self.conn.execute(
            "UPDATE playlists SET modified = ? WHERE id = ?", (time.time(), playlist_id)
        )

    def _update(self, playlist_id: int, assignment: str, value: str) -> None:
        cursor = self.conn.execute(
            f"UPDATE playlists SET {assignment}, modified = ? WHERE id = ?",
            (value, time.time(), playlist_id),
        )
        if cursor.rowcount == 0:
            raise KeyError(f"there is no playlist with id {playlist_id}")

    def _require_regular(self, playlist_id: int) -> None:
        if self.playlist(playlist_id).query is not None:
            raise ValueError(
                "This is a smart playlist: its tracks come from its search. "
                "Change the search, or copy the tracks to a regular playlist."
            )


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("A playlist needs a name.")
    return name


def _info(row: tuple[int, str, str | None, float, float, int]) -> PlaylistInfo:
    playlist_id, name, query, created, modified, size = row
    return PlaylistInfo(
        playlist_id, name, query, created, modified, None if query is not None else size
    )


def _file_entry(item: PlaylistItem) -> PlaylistEntry:
    from rvibe_player.library.playlists import PlaylistEntry

    """How a stored entry goes into a playlist file."""
    track = item.track
    if track is not None:
        duration = track.duration if track.duration > 0 else None
        return PlaylistEntry.for_file(
            track.path, track.title or track.display_title, duration, track.artist, track.album
        )
    return PlaylistEntry(item.location, resolve_location(item.location, None), item.title)
