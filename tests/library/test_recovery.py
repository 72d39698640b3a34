"""A damaged library database: found on open, kept aside, and what is readable salvaged.

Real damage: pages overwritten in place (header intact, header destroyed, index pages
only), a truncated file, an empty file and a file that is not SQLite. For each, opening
raises nothing, the damaged bytes are kept beside the new database, and the salvage brings
back at least every row the test can read from the damaged file itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rvibe_player.core.sqlite_salvage import inspect
from rvibe_player.library.playlist_store import PlaylistStore
from rvibe_player.library.recovery import (
    SALVAGED_TABLES,
    closed,
    open_library,
    summary,
    verify,
)
from tests.helpers.damage import damage_indexes, overwrite, pages
from tests.helpers.library import library_with_tracks

TRACKS = 3000
PLAYS = 2000


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with tracks, ratings, a play log and playlists, closed cleanly."""
    path = tmp_path_factory.mktemp("pristine") / "library.sqlite3"
    db, ids = library_with_tracks(path, TRACKS)
    for n, track in enumerate(ids[:500]):
        db.set_rating(track, 1 + n % 5)
    for n in range(PLAYS):
        db.record_play(ids[(n * 7) % TRACKS], when=1_000_000.0 + n)
    playlists = PlaylistStore(db)
    for name in ("Morning", "Night"):
        playlists.add_tracks(playlists.create(name), ids[:40])
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _library(pristine: Path, folder: Path) -> Path:
    """A copy of the pristine library, left open by a player that then crashed (the next
    open checks every page, as after a power cut)."""
    path = folder / "library.sqlite3"
    shutil.copy(pristine, path)
    db, _ = open_library(path)
    db.close()
    return path


def _readable(path: Path, table: str) -> int:
    """Rows of ``table`` the test itself reads from the damaged file, one rowid at a time."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    count = 0
    try:
        for rowid in range(1, TRACKS + PLAYS + 1):
            with contextlib.suppress(sqlite3.DatabaseError):
                row = conn.execute(f"SELECT 1 FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
                count += row is not None
    finally:
        conn.close()
    return count


def _damage_leaves(path: Path) -> None:
    leaves = pages(path, "leaf", "tracks")
    plays = pages(path, "leaf", "plays")
    overwrite(path, [leaves[3], leaves[len(leaves) // 2], leaves[-2], plays[1]])


def _damage_header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(b"\x00" * 100)


def _damage_indexes(path: Path) -> None:
    damage_indexes(path, "tracks_order", "tracks_fingerprint")


def _truncate(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_sqlite(path: Path) -> None:
    path.write_text("#EXTM3U\nnot a database at all\n" * 400, encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "leaf pages": _damage_leaves,
    "header": _damage_header,
    "index pages only": _damage_indexes,
    "truncated": _truncate,
    "empty": _empty,
    "not sqlite": _not_sqlite,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_library_is_kept_aside_and_what_is_readable_comes_back(
    pristine: Path, tmp_path: Path, damage: str
) -> None:
    path = _library(pristine, tmp_path)
    DAMAGE[damage](path)
    damaged_bytes = hashlib.sha256(path.read_bytes()).hexdigest()
    readable = {t: _readable(path, t) for t in ("tracks", "plays")}
    assert inspect(path) is not None

    db, repair = open_library(path)

    assert repair is not None
    assert repair.damaged.exists() and repair.damaged.parent == tmp_path
    assert repair.damaged.name.startswith("library.sqlite3.damaged-")
    assert hashlib.sha256(repair.damaged.read_bytes()).hexdigest() == damaged_bytes
    assert repair.problem
    assert set(repair.salvaged) == set(SALVAGED_TABLES)
    tracks = db.conn.execute("SELECT count(*) FROM tracks").fetchone()[0]
    plays = db.conn.execute("SELECT count(*) FROM plays").fetchone()[0]
    assert repair.salvaged["tracks"] == tracks >= readable["tracks"]
    assert repair.salvaged["plays"] == plays >= readable["plays"]
    if damage in ("header", "index pages only"):
        # every row was intact: all of it comes back, playlists and ratings included
        assert (tracks, plays, repair.salvaged["playlists"]) == (TRACKS, PLAYS, 2)
        assert repair.salvaged["playlist_entries"] == 80
        rated = db.conn.execute("SELECT count(*) FROM tracks WHERE rating IS NOT NULL")
        assert rated.fetchone()[0] == 500
    elif damage == "leaf pages":
        assert 0 < readable["tracks"] < TRACKS and 0 < readable["plays"] < PLAYS
    elif damage in ("empty", "not sqlite"):
        assert tracks == plays == 0
    # the new database is whole, searchable and takes writes
    assert db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db.add_root("/more")
    fts = db.conn.execute("SELECT count(*) FROM tracks_fts WHERE tracks_fts MATCH 'song'")
    assert fts.fetchone()[0] == tracks
    db.close()
    assert inspect(path) is None
    assert "was damaged" in summary(repair) and str(repair.damaged) in summary(repair)


def test_salvaged_rows_are_the_rows_that_were_there(pristine: Path, tmp_path: Path) -> None:
    path = _library(pristine, tmp_path)
    _damage_leaves(path)
    db, repair = open_library(path)
    assert repair is not None
    original = sqlite3.connect(pristine)
    fields = "id, path, fingerprint, title, rating, play_count"
    want = {r[0]: r for r in original.execute(f"SELECT {fields} FROM tracks")}
    got = db.conn.execute(f"SELECT {fields} FROM tracks").fetchall()
    assert got and all(want[row[0]] == row for row in got)
    plays = db.conn.execute("SELECT id, track_id, played_at FROM plays").fetchall()
    kept = {r[0]: r for r in original.execute("SELECT id, track_id, played_at FROM plays")}
    # a play of a track that was lost keeps its moment with no track, as after a delete
    assert all(kept[p[0]][2] == p[2] and p[1] in (kept[p[0]][1], None) for p in plays)
    original.close()
    db.close()


def test_a_sound_library_opens_as_it_was(pristine: Path, tmp_path: Path) -> None:
    path = _library(pristine, tmp_path)
    db, repair = open_library(path)
    assert repair is None
    assert db.conn.execute("SELECT count(*) FROM tracks").fetchone()[0] == TRACKS
    db.close()
    closed(path)
    assert [p.name for p in tmp_path.glob("library.sqlite3*")] == ["library.sqlite3"]


def test_damage_after_a_clean_close_is_found_in_the_background_and_repaired_next_open(
    pristine: Path, tmp_path: Path
) -> None:
    path = _library(pristine, tmp_path)
    db, _ = open_library(path)
    db.close()
    closed(path)
    _damage_indexes(path)
    db, repair = open_library(path)  # the quick look at start-up cannot see index pages
    assert repair is None
    assert verify(path) is not None  # the check off the GUI thread can
    db.close()
    closed(path)
    db, repair = open_library(path)
    assert repair is not None and repair.salvaged["tracks"] == TRACKS
    db.close()


def test_the_quick_look_at_start_up_sees_a_cut_file_and_a_broken_header(
    pristine: Path, tmp_path: Path
) -> None:
    path = _library(pristine, tmp_path)
    assert inspect(path, thorough=False) is None
    _truncate(path)
    assert inspect(path, thorough=False) is not None
    (tmp_path / "header").mkdir()
    path = _library(pristine, tmp_path / "header")
    _damage_header(path)
    assert inspect(path, thorough=False) is not None
