"""The library database: connections (WAL), roots, tracks, statistics and unreadable files.

Every thread opens its own :class:`LibraryDatabase`; SQLite's WAL mode lets readers go on
while the scanner's single writer commits in short batches.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rvibe_player.library import fingerprint, schema
from rvibe_player.library.model import (
    TRACK_SELECT,
    LoggedPlay,
    Root,
    Track,
    UnreadableEntry,
    display_path,
    path_from_key,
    path_key,
)

if TYPE_CHECKING:
    from rvibe_player.library.tags import TrackTags

TAG_COLUMNS = (
    "title", "artist", "album", "albumartist", "composer", "genre", "date", "year",
    "tracknumber", "tracktotal", "discnumber", "disctotal", "duration", "codec", "bitrate",
    "samplerate", "channels", "has_cover", "mb_trackid", "mb_releasetrackid", "mb_albumid",
    "mb_artistid", "mb_albumartistid", "rg_track_gain", "rg_track_peak", "rg_album_gain",
    "rg_album_peak",
)  # fmt: skip
"""Columns filled from :class:`TrackTags`, in this order."""

_FILE_COLUMNS = ("path", "path_text", "filename", "size", "mtime_ns", "fingerprint")
TrackRow = tuple[Any, ...]
"""A file's column values in the order of :func:`track_row` (built by the tag readers)."""
ROW_COLUMNS = (*_FILE_COLUMNS, *TAG_COLUMNS, "sort_artist", "sort_album")
"""The columns of a :data:`TrackRow`, in its order."""

_INSERT_TRACK = (
    "INSERT INTO tracks (root_id, "
    + ", ".join((*_FILE_COLUMNS, *TAG_COLUMNS, "sort_artist", "sort_album", "added_at"))
    + ") VALUES ("
    + ", ".join("?" * (len(_FILE_COLUMNS) + len(TAG_COLUMNS) + 4))
    + ") ON CONFLICT(path) DO UPDATE SET status = 'ok', root_id = excluded.root_id, "
    + ", ".join(
        f"{c} = excluded.{c}"
        for c in (*_FILE_COLUMNS[1:], *TAG_COLUMNS, "sort_artist", "sort_album")
    )
)
_UPDATE_TRACK = (
    "UPDATE tracks SET status = 'ok', root_id = ?, "
    + ", ".join(f"{c} = ?" for c in (*_FILE_COLUMNS, *TAG_COLUMNS, "sort_artist", "sort_album"))
    + " WHERE id = ?"
)

_FTS_BY_BATCH = "UPDATE library_state SET value = ? WHERE key = 'fts_by_batch'"
_SET_FINGERPRINT_KIND = "UPDATE library_state SET value = ? WHERE key = 'fingerprint_kind'"
_FTS_COLUMNS = "title, artist, album, albumartist, composer, genre, filename"
_INDEX_NEW_ROWS = (
    f"INSERT INTO tracks_fts(rowid, {_FTS_COLUMNS}) "
    f"SELECT id, {_FTS_COLUMNS} FROM tracks WHERE id > ? AND status != 'removed'"
)
"""New rows take ids above every other row (INTEGER PRIMARY KEY): those above the old max."""


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


IN_CHUNK = 500
"""Values per ``IN (...)`` list: well under SQLite's limit on bound parameters."""


def rows_in(conn: sqlite3.Connection, select: str, values: Sequence[Any]) -> Iterator[Any]:
    """The rows of ``select`` (ending in ``WHERE column``) ``IN`` each of ``values``.

    Asked in chunks of :data:`IN_CHUNK`, so any number of values can be looked up.
    """
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        yield from conn.execute(f"{select} IN ({','.join('?' * len(chunk))})", chunk)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the library database in WAL mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -16000")
    schema.migrate(conn)
    return conn


def track_row(path: str, size: int, mtime_ns: int, fingerprint: bytes, tags: TrackTags) -> TrackRow:
    """The column values stored for a file (file columns, tag columns, sort keys)."""
    text = display_path(path)
    filename = text.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        path_key(path),
        text,
        filename,
        size,
        mtime_ns,
        fingerprint,
        *(getattr(tags, c) for c in TAG_COLUMNS),
        _sort_name(tags.albumartist or tags.artist),
        _sort_name(tags.album),
    )


def _under(top: bytes) -> tuple[str, tuple[bytes, ...]]:
    """A WHERE clause matching ``path`` equal to ``top`` or inside it (a range on the index)."""
    sep = os.sep.encode()
    low = top.rstrip(sep) + sep
    high = low[:-1] + bytes([low[-1] + 1])
    return "(path = ? OR (path >= ? AND path < ?))", (top, low, high)


def _sort_name(text: str) -> str:
    lowered = text.casefold().strip()
    return lowered[4:] if lowered.startswith("the ") else lowered


class LibraryDatabase:
    """One connection to the library database and the operations on it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    # -- roots -----------------------------------------------------------------------------

    def add_root(self, path: str) -> int:
        """Add a folder to scan (idempotent) and return its id."""
        key = path_key(path)
        self.conn.execute(
            "INSERT OR IGNORE INTO roots (path, path_text) VALUES (?, ?)",
            (key, display_path(path)),
        )
        row = self.conn.execute("SELECT id FROM roots WHERE path = ?", (key,)).fetchone()
        return int(row[0])

    def roots(self) -> list[Root]:
        """Every library folder."""
        rows = self.conn.execute(
            "SELECT id, path, path_text, online, status_note, last_scan FROM roots ORDER BY id"
        ).fetchall()
        return [Root(r[0], path_from_key(r[1]), r[2], bool(r[3]), r[4], r[5]) for r in rows]

    def remove_root(self, root_id: int) -> None:
        """Stop scanning a folder; its tracks leave the library but keep their statistics."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE tracks SET status = 'removed', root_id = NULL WHERE root_id = ?",
                (root_id,),
            )
            self.conn.execute("DELETE FROM roots WHERE id = ?", (root_id,))

    def set_root_online(self, root_id: int, online: bool, note: str = "") -> None:
        """Mark a root reachable or not; an offline root's tracks become 'offline'."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE roots SET online = ?, status_note = ?, last_scan = ? WHERE id = ?",
                (int(online), note, time.time(), root_id),
            )
            if online:
                self.conn.execute(
                    "UPDATE tracks SET status = 'ok' WHERE root_id = ? AND status = 'offline'",
                    (root_id,),
                )
            else:
                self.conn.execute(
                    "UPDATE tracks SET status = 'offline' WHERE root_id = ? AND status = 'ok'",
                    (root_id,),
                )

    # -- what the scanner compares against -------------------------------------------------

    def known_files(self, top: bytes) -> dict[bytes, tuple[bytes, int, int]]:
        """``path -> (path, size, mtime_ns)`` of the playable tracks at or under ``top``.

        The rows are kept as SQLite returns them and carry no id: an unchanged rescan of a
        big library builds no other objects per file (the ids of the few that changed or
        went away come from :meth:`ids_by_path`). Other tracks: :meth:`known_other_files`.
        """
        where, params = _under(top)
        rows = self.conn.execute(
            f"SELECT path, size, mtime_ns FROM tracks WHERE {where} AND status = 'ok'", params
        )
        return {r[0]: r for r in rows}

    def known_other_files(self, top: bytes) -> dict[bytes, tuple[int, int, int, str]]:
        """``path -> (id, size, mtime_ns, status)`` of the offline, missing or removed tracks
        at or under ``top`` (removed ones too, so a file that comes back is recognised)."""
        where, params = _under(top)
        rows = self.conn.execute(
            f"SELECT path, id, size, mtime_ns, status FROM tracks WHERE {where} AND status != 'ok'",
            params,
        )
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def ids_by_path(self, keys: Iterable[bytes]) -> dict[bytes, int]:
        """Track ids by stored path (paths not in the library are left out)."""
        return dict(rows_in(self.conn, "SELECT path, id FROM tracks WHERE path", list(keys)))

    def knows_anything(self, top: bytes) -> bool:
        """Whether any track (in any status) or unreadable file is recorded at or under
        ``top``."""
        where, params = _under(top)
        return any(
            self.conn.execute(f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", params).fetchone()
            for table in ("tracks", "unreadable")
        )

    def known_unreadable(self, top: bytes) -> dict[bytes, tuple[int, int]]:
        """``path -> (size, mtime_ns)`` of files at or under ``top`` not read last time."""
        where, params = _under(top)
        rows = self.conn.execute(
            f"SELECT path, size, mtime_ns FROM unreadable WHERE {where}",
            params,
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def fingerprint_kind(self) -> int:
        """How this library's fingerprints are made (:mod:`.fingerprint`: BLAKE2B, SHA1, XXH3)."""
        row = self.conn.execute(
            "SELECT value FROM library_state WHERE key = 'fingerprint_kind'"
        ).fetchone()
        return int(row[0]) if row is not None else fingerprint.BLAKE2B

    def set_fingerprint_kind(self, kind: int) -> None:
        """Say how the stored fingerprints were made (a repair that copied them in)."""
        self.conn.execute(_SET_FINGERPRINT_KIND, (kind,))

    def track_fingerprints(self, track_ids: Iterable[int]) -> dict[int, bytes]:
        """Fingerprints of the given tracks."""
        query = "SELECT id, fingerprint FROM tracks WHERE id"
        return dict(rows_in(self.conn, query, list(track_ids)))

    # -- writes from the scanner (call inside transaction()) ---------------------------------

    def insert_track(
        self,
        root_id: int,
        path: str,
        size: int,
        mtime_ns: int,
        fingerprint: bytes,
        tags: TrackTags,
    ) -> int:
        """Add a newly found file (or refresh the row already at its path); returns its id."""
        row = track_row(path, size, mtime_ns, fingerprint, tags)
        cursor = self.conn.execute(_INSERT_TRACK + " RETURNING id", (root_id, *row, time.time()))
        return int(cursor.fetchone()[0])

    @contextmanager
    def bulk_load(self) -> Iterator[bool]:
        """Around a full scan. When the library has no tracks yet, the secondary indexes of
        ``tracks`` are dropped first and built again at the end, whatever happens in between
        (yields True; the scanner builds them itself, with :meth:`restore_indexes`, while
        its last files are read); else any index an earlier, killed bulk load left out is
        built first (yields False). See :data:`schema.TRACK_INDEXES`."""
        conn = self.conn
        if conn.execute("SELECT 1 FROM tracks LIMIT 1").fetchone() is not None:
            self.restore_indexes()
            yield False
            return
        with transaction(conn):
            for name in schema.TRACK_INDEXES:
                conn.execute(f"DROP INDEX IF EXISTS {name}")
            # No stored fingerprint to stay comparable with: the library takes the newest kind.
            conn.execute(_SET_FINGERPRINT_KIND, (fingerprint.CURRENT,))
        try:
            yield True
        finally:
            self.restore_indexes()

    def restore_indexes(self) -> list[str]:
        """Build the secondary indexes a killed first scan left out (names; usually none).
        Takes the write lock only when one is missing."""
        if not schema.missing_indexes(self.conn):
            return []
        with transaction(self.conn):
            return schema.restore_indexes(self.conn)

    def insert_rows(self, root_id: int, rows: Iterable[TrackRow]) -> None:
        """Add many newly found files at once (rows from :func:`track_row`).

        The new rows enter the full-text index in one statement, not one trigger each (see
        schema migration 4). Rows, index and flag are one unit: inside the caller's
        transaction, which :func:`transaction` rolls back whole on any error, or in a
        transaction of their own. Not a SAVEPOINT: while one is open SQLite keeps every
        row's statement journal until it ends, which made a batch of 1,000 new tracks 2.5x
        slower at 100k tracks (bench/scan.py; issue 15).
        """
        conn = self.conn
        if not conn.in_transaction:
            with transaction(conn):
                self.insert_rows(root_id, rows)
            return
        now = time.time()
        (last_id,) = conn.execute("SELECT coalesce(max(id), 0) FROM tracks").fetchone()
        conn.execute(_FTS_BY_BATCH, (1,))
        try:
            conn.executemany(_INSERT_TRACK, [(root_id, *row, now) for row in rows])
            conn.execute(_INDEX_NEW_ROWS, (last_id,))
        finally:  # the trigger indexes every other insert, even if a caller commits anyway
            conn.execute(_FTS_BY_BATCH, (0,))

    def update_track(
        self,
        track_id: int,
        root_id: int,
        path: str,
        size: int,
        mtime_ns: int,
        fingerprint: bytes,
        tags: TrackTags,
    ) -> None:
        """Refresh a changed or moved file; its id, statistics and playlist places stay."""
        row = track_row(path, size, mtime_ns, fingerprint, tags)
        self.update_rows([(track_id, root_id, row)])

    def update_rows(self, updates: Iterable[tuple[int, int, TrackRow]]) -> None:
        """Refresh many ``(track id, root id, row)`` at once."""
        self.conn.executemany(
            _UPDATE_TRACK, [(root_id, *row, track_id) for track_id, root_id, row in updates]
        )

    def set_status(self, track_ids: Iterable[int], status: str) -> None:
        """Mark tracks 'ok', 'offline' or 'removed' (removed tracks keep their statistics)."""
        self.conn.executemany(
            "UPDATE tracks SET status = ? WHERE id = ?", [(status, i) for i in track_ids]
        )

    def revive(self, tracks: Iterable[tuple[int, int]]) -> None:
        """Mark ``(track id, root id)`` pairs whose file is back as present."""
        self.conn.executemany(
            "UPDATE tracks SET status = 'ok', root_id = ? WHERE id = ?",
            [(root_id, track_id) for track_id, root_id in tracks],
        )

    def record_unreadable(
        self, root_id: int, path: str, size: int, mtime_ns: int, reason: str, kind: str
    ) -> None:
        """Remember why a file was not indexed, so it is retried only when it changes."""
        self.record_unreadable_many(root_id, [(path, size, mtime_ns, reason)], kind)

    def record_unreadable_many(
        self, root_id: int, files: Iterable[tuple[str, int, int, str]], kind: str
    ) -> None:
        """:meth:`record_unreadable` for many ``(path, size, mtime_ns, reason)`` at once."""
        now = time.time()
        self.conn.executemany(
            "INSERT OR REPLACE INTO unreadable "
            "(path, path_text, root_id, size, mtime_ns, reason, kind, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (path_key(path), display_path(path), root_id, size, mtime, reason, kind, now)
                for path, size, mtime, reason in files
            ],
        )

    def forget_unreadable(self, keys: Iterable[bytes]) -> None:
        """Drop unreadable records (the file was read, or is gone)."""
        self.conn.executemany("DELETE FROM unreadable WHERE path = ?", [(k,) for k in keys])

    def unreadable(self, kind: str | None = "error") -> list[UnreadableEntry]:
        """Files not indexed, with their reasons; ``kind=None`` lists skipped ones too."""
        query = "SELECT path, path_text, reason, kind FROM unreadable"
        params: tuple[str, ...] = ()
        if kind is not None:
            query += " WHERE kind = ?"
            params = (kind,)
        rows = self.conn.execute(query + " ORDER BY path_text", params).fetchall()
        return [UnreadableEntry(path_from_key(r[0]), r[1], r[2], r[3]) for r in rows]

    # -- reads -----------------------------------------------------------------------------

    def track(self, track_id: int) -> Track | None:
        """One track by id, whatever its status."""
        row = self.conn.execute(TRACK_SELECT + " WHERE id = ?", (track_id,)).fetchone()
        return Track.from_row(row) if row else None

    def tracks(self, track_ids: Sequence[int]) -> list[Track]:
        """Tracks by id, in the order given (unknown ids are left out)."""
        rows = rows_in(self.conn, f"{TRACK_SELECT} WHERE id", track_ids)
        found = {track.id: track for track in map(Track.from_row, rows)}
        return [found[i] for i in track_ids if i in found]

    def track_by_path(self, path: str) -> Track | None:
        """The track stored at exactly this path."""
        row = self.conn.execute(TRACK_SELECT + " WHERE path = ?", (path_key(path),)).fetchone()
        return Track.from_row(row) if row else None

    def counts(self) -> dict[str, int]:
        """How many tracks per status, plus unreadable files."""
        result = {"ok": 0, "offline": 0, "removed": 0}
        result.update(self.conn.execute("SELECT status, count(*) FROM tracks GROUP BY status"))
        result["unreadable"] = self.conn.execute(
            "SELECT count(*) FROM unreadable WHERE kind = 'error'"
        ).fetchone()[0]
        return result

    # -- statistics ------------------------------------------------------------------------

    def record_play(self, track_id: int, when: float | None = None) -> None:
        """Count a play (heard long enough, the way scrobblers count) and log it."""
        at = when if when is not None else time.time()
        with transaction(self.conn):
            changed = self.conn.execute(
                "UPDATE tracks SET play_count = play_count + 1, last_played = ?, "
                "resume_position = NULL WHERE id = ?",
                (at, track_id),
            ).rowcount
            if changed:
                self.conn.execute(
                    "INSERT INTO plays (track_id, played_at) VALUES (?, ?)", (track_id, at)
                )

    def plays_after(self, after_id: int, since: float, limit: int) -> list[LoggedPlay]:
        """Logged plays with an id above ``after_id`` played at ``since`` or later, in order.

        Plays of tracks since forgotten are left out (nothing is known about them).
        """
        rows = self.conn.execute(
            "SELECT p.id, p.played_at, t.artist, t.album, t.title, t.genre FROM plays p "
            "JOIN tracks t ON t.id = p.track_id WHERE p.id > ? AND p.played_at >= ? "
            "ORDER BY p.id LIMIT ?",
            (after_id, since, limit),
        ).fetchall()
        return [LoggedPlay(*row) for row in rows]

    def album_list(self) -> list[tuple[str, str, str, str]]:
        """Every album of the library once: (album artist, album, its MusicBrainz artist id,
        its MusicBrainz album id), from the tracks that are there (no paths), in order."""
        rows = self.conn.execute(
            "SELECT CASE WHEN albumartist != '' THEN albumartist ELSE artist END AS who, album, "
            "max(CASE WHEN mb_albumartistid != '' THEN mb_albumartistid ELSE mb_artistid END), "
            "max(mb_albumid) FROM tracks WHERE status = 'ok' AND album != '' "
            "GROUP BY who, album ORDER BY who COLLATE NOCASE, album COLLATE NOCASE"
        ).fetchall()
        return [(str(a), str(b), str(c or ""), str(d or "")) for a, b, c, d in rows]

    def last_play_id(self) -> int:
        """The newest logged play's id (0 when nothing was played yet)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM plays").fetchone()[0])

    def record_skip(self, track_id: int) -> None:
        """Count a skip (left before half the track)."""
        self.conn.execute("UPDATE tracks SET skip_count = skip_count + 1 WHERE id = ?", (track_id,))

    def set_rating(self, track_id: int, rating: int | None) -> None:
        """Rate a track 0-5 stars, or clear the rating."""
        if rating is not None and not 0 <= rating <= 5:
            raise ValueError("a rating is between 0 and 5 stars")
        self.conn.execute("UPDATE tracks SET rating = ? WHERE id = ?", (rating, track_id))

    def set_resume_position(self, track_id: int, seconds: float | None) -> None:
        """Where to pick a track up again."""
        self.conn.execute("UPDATE tracks SET resume_position = ? WHERE id = ?", (seconds, track_id))
