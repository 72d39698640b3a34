"""A library keeps the fingerprint kind its tracks were made with; a new one takes the fastest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rvibe_player.library import fingerprint
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.recovery import open_library, verify
from rvibe_player.library.scanner import Scanner
from scripts.make_corpus import Manifest
from tests.helpers.damage import damage_indexes


def scan(db_path: Path, root: Path) -> None:
    Scanner(db_path, workers=1).scan([str(root)])


def stored(db: LibraryDatabase, path: Path) -> bytes:
    track = db.track_by_path(str(path))
    assert track is not None
    (value,) = db.conn.execute(
        "SELECT fingerprint FROM tracks WHERE id = ?", (track.id,)
    ).fetchone()
    return bytes(value)


def as_before_schema_5(db_path: Path) -> None:
    """Turn a scanned library into one an earlier player wrote: BLAKE2b fingerprints and
    schema 4 (no kind recorded)."""
    db = LibraryDatabase(db_path)
    rows = db.conn.execute("SELECT id, path, size FROM tracks").fetchall()
    for track_id, key, size in rows:
        old = fingerprint.fingerprint(key.decode(), size, fingerprint.BLAKE2B)
        db.conn.execute("UPDATE tracks SET fingerprint = ? WHERE id = ?", (old, track_id))
    db.conn.execute("DELETE FROM library_state WHERE key = 'fingerprint_kind'")
    db.conn.execute("PRAGMA user_version = 4")
    db.close()


def test_kinds_differ_and_each_is_sixteen_bytes(small_corpus: Manifest) -> None:
    path = small_corpus.root / small_corpus.tracks[0].path
    size = path.stat().st_size
    made = {kind: fingerprint.fingerprint(str(path), size, kind) for kind in fingerprint.KINDS}
    assert {len(value) for value in made.values()} == {16}
    assert len(set(made.values())) == len(fingerprint.KINDS) == 3


def made_with(db_path: Path, kind: int) -> None:
    """Turn a scanned library into one whose fingerprints are of ``kind`` (an earlier player's)."""
    db = LibraryDatabase(db_path)
    rows = db.conn.execute("SELECT id, path, size FROM tracks").fetchall()
    for track_id, key, size in rows:
        value = fingerprint.fingerprint(key.decode(), size, kind)
        db.conn.execute("UPDATE tracks SET fingerprint = ? WHERE id = ?", (value, track_id))
    db.set_fingerprint_kind(kind)
    db.close()


@pytest.fixture
def scanned(small_corpus: Manifest, tmp_path: Path) -> Path:
    """A new library with the small corpus scanned into it."""
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, small_corpus.root)
    return db_path


def test_a_new_library_fingerprints_with_the_current_kind(
    small_corpus: Manifest, scanned: Path
) -> None:
    db = LibraryDatabase(scanned)
    assert db.fingerprint_kind() == fingerprint.CURRENT == fingerprint.XXH3
    path = small_corpus.root / small_corpus.tracks[0].path
    assert stored(db, path) == fingerprint.fingerprint(str(path), path.stat().st_size)
    db.close()


@pytest.mark.parametrize("kind", [fingerprint.BLAKE2B, fingerprint.SHA1])
def test_a_library_from_before_keeps_its_kind_and_still_recognises_a_move(
    small_corpus_copy: Manifest, tmp_path: Path, kind: int
) -> None:
    """BLAKE2b: a library from before schema 5 (no kind recorded); SHA-1: one first scanned
    by the players of December 2026."""
    db_path = tmp_path / "lib.sqlite3"
    root = small_corpus_copy.root
    scan(db_path, root)
    if kind == fingerprint.BLAKE2B:
        as_before_schema_5(db_path)
    else:
        made_with(db_path, kind)
    db = LibraryDatabase(db_path)  # migrates to the newest schema
    assert db.fingerprint_kind() == kind
    original = root / small_corpus_copy.tracks[0].path
    before = db.track_by_path(str(original))
    assert before is not None
    db.record_play(before.id)

    moved = root / "Moved Here" / original.name
    moved.parent.mkdir()
    shutil.move(original, moved)
    report = Scanner(db_path, workers=1).scan()

    assert (report.moved, report.added, report.removed) == (1, 0, 0)
    after = db.track_by_path(str(moved))
    assert after is not None and after.id == before.id and after.play_count == 1
    size = moved.stat().st_size
    assert stored(db, moved) == fingerprint.fingerprint(str(moved), size, kind)
    db.close()


@pytest.mark.parametrize("kind", fingerprint.KINDS)
def test_a_repaired_library_keeps_the_kind_of_the_fingerprints_it_salvaged(
    small_corpus: Manifest, scanned: Path, kind: int
) -> None:
    db_path = scanned
    db = LibraryDatabase(db_path)
    db.set_fingerprint_kind(kind)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage_indexes(db_path, "sqlite_autoindex_tracks_1")
    assert verify(db_path) is not None  # found while in use: the next open repairs

    repaired, repair = open_library(db_path)

    assert repair is not None and repair.salvaged["tracks"] == len(small_corpus.tracks)
    assert repaired.fingerprint_kind() == kind
    repaired.close()
