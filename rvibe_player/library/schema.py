"""The library's SQLite schema and its migrations, applied in order by ``PRAGMA user_version``.

Paths are stored twice: ``path`` as the exact bytes the operating system gave us (so a file
name that is not valid UTF-8 still round-trips) and ``path_text`` for display and search.
"""

from __future__ import annotations

import sqlite3

_V1 = """
CREATE TABLE roots (
    id          INTEGER PRIMARY KEY,
    path        BLOB NOT NULL UNIQUE,
    path_text   TEXT NOT NULL,
    online      INTEGER NOT NULL DEFAULT 1,
    status_note TEXT NOT NULL DEFAULT '',
    last_scan   REAL
);

CREATE TABLE tracks (
    id            INTEGER PRIMARY KEY,
    root_id       INTEGER REFERENCES roots(id) ON DELETE SET NULL,
    path          BLOB NOT NULL UNIQUE,
    path_text     TEXT NOT NULL,
    filename      TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    fingerprint   BLOB NOT NULL,
    status        TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'offline', 'removed')),
    title         TEXT NOT NULL DEFAULT '',
    artist        TEXT NOT NULL DEFAULT '',
    album         TEXT NOT NULL DEFAULT '',
    albumartist   TEXT NOT NULL DEFAULT '',
    composer      TEXT NOT NULL DEFAULT '',
    genre         TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL DEFAULT '',
    year          INTEGER,
    tracknumber   INTEGER,
    tracktotal    INTEGER,
    discnumber    INTEGER,
    disctotal     INTEGER,
    duration      REAL NOT NULL DEFAULT 0,
    codec         TEXT NOT NULL DEFAULT '',
    bitrate       INTEGER,
    samplerate    INTEGER,
    channels      INTEGER,
    has_cover     INTEGER NOT NULL DEFAULT 0,
    mb_trackid        TEXT NOT NULL DEFAULT '',
    mb_releasetrackid TEXT NOT NULL DEFAULT '',
    mb_albumid        TEXT NOT NULL DEFAULT '',
    mb_artistid       TEXT NOT NULL DEFAULT '',
    mb_albumartistid  TEXT NOT NULL DEFAULT '',
    rg_track_gain REAL,
    rg_track_peak REAL,
    rg_album_gain REAL,
    rg_album_peak REAL,
    rating        INTEGER CHECK (rating BETWEEN 0 AND 5),
    play_count    INTEGER NOT NULL DEFAULT 0,
    skip_count    INTEGER NOT NULL DEFAULT 0,
    last_played   REAL,
    resume_position REAL,
    added_at      REAL NOT NULL,
    sort_artist   TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    sort_album    TEXT NOT NULL DEFAULT '' COLLATE NOCASE
);

CREATE INDEX tracks_fingerprint ON tracks(fingerprint);
CREATE INDEX tracks_root ON tracks(root_id, status);
CREATE INDEX tracks_order ON tracks(sort_artist, sort_album, discnumber, tracknumber);
CREATE INDEX tracks_album ON tracks(sort_album, discnumber, tracknumber);
CREATE INDEX tracks_year ON tracks(year);
CREATE INDEX tracks_added ON tracks(added_at);
CREATE INDEX tracks_mb_track ON tracks(mb_trackid) WHERE mb_trackid != '';

CREATE VIRTUAL TABLE tracks_fts USING fts5(
    title, artist, album, albumartist, composer, genre, filename,
    content='tracks', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);

-- The full-text index holds every track that is not removed, so text searches need no
-- join; removing or reviving a track takes it out of or back into the index.
CREATE TRIGGER tracks_fts_insert AFTER INSERT ON tracks WHEN new.status != 'removed' BEGIN
    INSERT INTO tracks_fts(rowid, title, artist, album, albumartist, composer, genre, filename)
    VALUES (new.id, new.title, new.artist, new.album, new.albumartist, new.composer, new.genre,
            new.filename);
END;
CREATE TRIGGER tracks_fts_delete AFTER DELETE ON tracks WHEN old.status != 'removed' BEGIN
    INSERT INTO tracks_fts(tracks_fts, rowid, title, artist, album, albumartist, composer,
                           genre, filename)
    VALUES ('delete', old.id, old.title, old.artist, old.album, old.albumartist, old.composer,
            old.genre, old.filename);
END;
CREATE TRIGGER tracks_fts_update
AFTER UPDATE OF title, artist, album, albumartist, composer, genre, filename ON tracks
WHEN old.status != 'removed' AND new.status != 'removed' BEGIN
    INSERT INTO tracks_fts(tracks_fts, rowid, title, artist, album, albumartist, composer,
                           genre, filename)
    VALUES ('delete', old.id, old.title, old.artist, old.album, old.albumartist, old.composer,
            old.genre, old.filename);
    INSERT INTO tracks_fts(rowid, title, artist, album, albumartist, composer, genre, filename)
    VALUES (new.id, new.title, new.artist, new.album, new.albumartist, new.composer, new.genre,
            new.filename);
END;
CREATE TRIGGER tracks_fts_removed AFTER UPDATE OF status ON tracks
WHEN old.status != 'removed' AND new.status = 'removed' BEGIN
    INSERT INTO tracks_fts(tracks_fts, rowid, title, artist, album, albumartist, composer,
                           genre, filename)
    VALUES ('delete', old.id, old.title, old.artist, old.album, old.albumartist, old.composer,
            old.genre, old.filename);
END;
CREATE TRIGGER tracks_fts_revived AFTER UPDATE OF status ON tracks
WHEN old.status = 'removed' AND new.status != 'removed' BEGIN
    INSERT INTO tracks_fts(rowid, title, artist, album, albumartist, composer, genre, filename)
    VALUES (new.id, new.title, new.artist, new.album, new.albumartist, new.composer, new.genre,
            new.filename);
END;

-- order_version changes whenever the default track order may have changed, so a cached
-- ordering knows when to rebuild (play counts and ratings do not touch it).
CREATE TABLE library_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO library_state VALUES ('order_version', 0);
CREATE TRIGGER order_after_insert AFTER INSERT ON tracks BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'order_version';
END;
CREATE TRIGGER order_after_delete AFTER DELETE ON tracks BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'order_version';
END;
CREATE TRIGGER order_after_update
AFTER UPDATE OF sort_artist, sort_album, discnumber, tracknumber, status ON tracks
WHEN old.sort_artist IS NOT new.sort_artist OR old.sort_album IS NOT new.sort_album
     OR old.discnumber IS NOT new.discnumber OR old.tracknumber IS NOT new.tracknumber
     OR (old.status = 'removed') != (new.status = 'removed') BEGIN
    UPDATE library_state SET value = value + 1 WHERE key = 'order_version';
END;

CREATE TABLE unreadable (
    path      BLOB PRIMARY KEY,
    path_text TEXT NOT NULL,
    root_id   INTEGER REFERENCES roots(id) ON DELETE CASCADE,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('error', 'skipped')),
    seen_at   REAL NOT NULL
);

CREATE TABLE playlists (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    query    TEXT,
    created  REAL NOT NULL,
    modified REAL NOT NULL
);

CREATE TABLE playlist_entries (
    playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    track_id    INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    location    TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (playlist_id, position)
) WITHOUT ROWID;
CREATE INDEX playlist_entries_track ON playlist_entries(track_id);
"""

_V2 = """
-- Each counted play, in order: the source of listening shared with the store (only after the
-- listener opts in; see store_client/listening.py). The id is the upload cursor: never reused.
CREATE TABLE plays (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    track_id  INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    played_at REAL NOT NULL
);
CREATE INDEX plays_played_at ON plays(played_at);
"""

_V3 = """
-- What a rescan compares with each file it finds, readable from the index alone: the rows of
-- tracks are wide, and visiting one table page per file made an unchanged rescan's one query
-- take twice as long (bench/scan.py).
CREATE INDEX tracks_scan ON tracks(path, size, mtime_ns, status);

-- A new track always takes an id above every other (or the delete that freed its id bumped
-- order_version), so readers of the order compare (order_version, max(id)): the per-row
-- UPDATE this trigger did cost a first scan a fifth of its write time.
DROP TRIGGER order_after_insert;
"""

_V4 = """
-- A batch of new tracks enters the full-text index in one INSERT ... SELECT (see
-- LibraryDatabase.insert_rows) while this flag is 1 inside the batch's transaction: the
-- row-by-row trigger flushes FTS5's pending terms at every statement, which made the index
-- cost 45 us per new track against 6 us in one statement (bench/scan.py's first scan).
-- Committed state always has the flag at 0, so every other insert is indexed by the trigger.
INSERT INTO library_state VALUES ('fts_by_batch', 0);
DROP TRIGGER tracks_fts_insert;
CREATE TRIGGER tracks_fts_insert AFTER INSERT ON tracks
WHEN new.status != 'removed'
     AND (SELECT value FROM library_state WHERE key = 'fts_by_batch') = 0 BEGIN
    INSERT INTO tracks_fts(rowid, title, artist, album, albumartist, composer, genre, filename)
    VALUES (new.id, new.title, new.artist, new.album, new.albumartist, new.composer, new.genre,
            new.filename);
END;
"""

_V5 = """
-- How the tracks' fingerprints are made (library/fingerprint.py): 0 BLAKE2b, 1 SHA-1. A
-- library that already has tracks keeps BLAKE2b, so its stored fingerprints still match the
-- files that move; a new (or empty) one takes SHA-1, twice as fast to compute.
INSERT INTO library_state VALUES
    ('fingerprint_kind', CASE WHEN EXISTS (SELECT 1 FROM tracks) THEN 0 ELSE 1 END);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
"""Migration N (1-based) brings a database from user_version N-1 to N."""

TRACK_INDEXES: dict[str, str] = {
    "tracks_fingerprint": "tracks(fingerprint)",
    "tracks_root": "tracks(root_id, status)",
    "tracks_order": "tracks(sort_artist, sort_album, discnumber, tracknumber)",
    "tracks_album": "tracks(sort_album, discnumber, tracknumber)",
    "tracks_year": "tracks(year)",
    "tracks_added": "tracks(added_at)",
    "tracks_mb_track": "tracks(mb_trackid) WHERE mb_trackid != ''",
    "tracks_scan": "tracks(path, size, mtime_ns, status)",
}
"""The secondary indexes of ``tracks`` as the migrations made them (name -> what they index).

A scan into an empty library drops them and builds each once at its end
(:meth:`LibraryDatabase.bulk_load`): one sort per index instead of a B-tree insert per row
per index, which was a third of a 100k first scan's writing. Only ``path``'s own UNIQUE
index stays, as the writes need it. A scan killed in between leaves them missing; every
query still answers (slower), and :func:`restore_indexes` builds them again."""


def missing_indexes(conn: sqlite3.Connection) -> list[str]:
    """The names of :data:`TRACK_INDEXES` the database does not have."""
    present = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    return [name for name in TRACK_INDEXES if name not in present]


def restore_indexes(conn: sqlite3.Connection) -> list[str]:
    """Build any of :data:`TRACK_INDEXES` that is missing; returns their names."""
    missing = missing_indexes(conn)
    for name in missing:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TRACK_INDEXES[name]}")
    return missing


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to the newest schema, one transaction per step."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"This library was written by a newer rVibe Player (schema {version}); "
            "update the player to open it."
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
