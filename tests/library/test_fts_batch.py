"""New tracks enter the full-text index a batch at a time, and the index stays exact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rvibe_player.library.database import LibraryDatabase, track_row, transaction
from rvibe_player.library.search import search_ids
from rvibe_player.library.tags import TrackTags
from scripts.make_corpus import Manifest
from tests.library.test_scanner import scan


def fts_matches_content(conn: sqlite3.Connection) -> bool:
    """FTS5's own check of the index against the tracks table (rank 1: content too)."""
    try:
        conn.execute("INSERT INTO tracks_fts(tracks_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def flag(conn: sqlite3.Connection) -> int:
    query = "SELECT value FROM library_state WHERE key = 'fts_by_batch'"
    return int(conn.execute(query).fetchone()[0])


def row(name: str, title: str) -> tuple[object, ...]:
    return track_row(f"/music/{name}.flac", 10, 1, name.encode(), TrackTags(title=title))


@pytest.fixture
def db(tmp_path: Path):
    database = LibraryDatabase(tmp_path / "lib.sqlite3")
    database.add_root("/music")
    yield database
    database.close()


def test_a_scanned_library_is_fully_and_exactly_indexed(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [small_corpus.root])
    db = LibraryDatabase(db_path)
    assert fts_matches_content(db.conn)
    assert flag(db.conn) == 0
    indexed = db.conn.execute("SELECT count(*) FROM tracks_fts").fetchone()[0]
    assert indexed == len(small_corpus.tracks)
    spec = small_corpus.tracks[-1]
    found = search_ids(db.conn, f'"{spec.title}"')
    assert db.conn.execute("SELECT title FROM tracks WHERE id = ?", (found[0],)).fetchone() == (
        spec.title,
    )


def test_a_batch_indexes_new_rows_once_and_refreshed_rows_by_their_trigger(db) -> None:
    with transaction(db.conn):
        db.insert_rows(1, [row("a", "Quiet Harbour"), row("b", "Loud Harbour")])
    with transaction(db.conn):  # "a" again (a refreshed row) beside a new one
        db.insert_rows(1, [row("a", "Quiet Lighthouse"), row("c", "Night Harbour")])
    assert fts_matches_content(db.conn)
    assert flag(db.conn) == 0
    assert len(search_ids(db.conn, "harbour")) == 2
    assert len(search_ids(db.conn, "lighthouse")) == 1
    assert search_ids(db.conn, "quiet harbour") == []


def test_a_single_insert_is_still_indexed_by_the_trigger(db) -> None:
    with transaction(db.conn):
        db.insert_rows(1, [row("a", "First Light")])
    path = "/music/solo.flac"
    with transaction(db.conn):
        db.insert_track(1, path, 10, 1, b"solo", TrackTags(title="Lone Comet"))
    assert fts_matches_content(db.conn)
    assert len(search_ids(db.conn, "comet")) == 1


def test_a_failed_batch_leaves_neither_rows_nor_index_entries(db) -> None:
    with transaction(db.conn):
        db.insert_rows(1, [row("a", "Kept Song")])
    broken = (None, *row("x", "Broken Song")[1:])  # a NULL path breaks NOT NULL
    with pytest.raises(sqlite3.IntegrityError), transaction(db.conn):
        db.insert_rows(1, [row("b", "Lost Song"), broken])
    assert db.conn.execute("SELECT count(*) FROM tracks").fetchone()[0] == 1
    assert flag(db.conn) == 0
    assert fts_matches_content(db.conn)
    assert len(search_ids(db.conn, "song")) == 1
    with transaction(db.conn):  # and the trigger works again after the failure
        db.insert_track(1, "/music/after.flac", 10, 1, b"after", TrackTags(title="After Song"))
    assert len(search_ids(db.conn, "song")) == 2
    assert fts_matches_content(db.conn)


def test_a_batch_outside_a_transaction_is_a_unit_of_its_own(db) -> None:
    broken = (None, *row("x", "Broken Song")[1:])
    with pytest.raises(sqlite3.IntegrityError):
        db.insert_rows(1, [row("b", "Lost Song"), broken])
    assert not db.conn.in_transaction
    assert db.conn.execute("SELECT count(*) FROM tracks").fetchone()[0] == 0
    db.insert_rows(1, [row("a", "Kept Song")])
    assert not db.conn.in_transaction, "committed, not left open"
    assert flag(db.conn) == 0
    assert fts_matches_content(db.conn)
    assert len(search_ids(db.conn, "kept")) == 1
