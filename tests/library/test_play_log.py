"""The play log: each counted play kept in order, the source of shared listening."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rvibe_player.library import schema
from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.tags import TrackTags


def _track(db: LibraryDatabase, root: int, name: str, **tags: str) -> int:
    with transaction(db.conn):
        return db.insert_track(
            root, f"/music/{name}.flac", 10, 0, name.encode() * 4, TrackTags(**tags)
        )


def test_each_play_is_logged_in_order_and_counted(tmp_path: Path) -> None:
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    one = _track(db, root, "one", artist="Mara Quist", title="Blue", album="Tide", genre="Jazz")
    two = _track(db, root, "two", artist="Ivo", title="Red")
    db.record_play(one, when=1000.0)
    db.record_play(two, when=2000.0)
    db.record_play(one, when=3000.0)
    db.record_play(99999, when=4000.0)  # no such track: neither counted nor logged
    plays = db.plays_after(0, 0.0, 10)
    assert [(p.title, p.played_at) for p in plays] == [
        ("Blue", 1000.0),
        ("Red", 2000.0),
        ("Blue", 3000.0),
    ]
    assert plays[0].artist == "Mara Quist" and plays[0].album == "Tide" and plays[0].genre == "Jazz"
    track = db.track(one)
    assert track is not None and track.play_count == 2 and track.last_played == 3000.0
    assert db.last_play_id() == plays[-1].id


def test_plays_after_a_cursor_and_a_moment_in_batches(tmp_path: Path) -> None:
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    track = _track(db, root, "one", title="Blue")
    for when in (10.0, 20.0, 30.0, 40.0, 50.0):
        db.record_play(track, when=when)
    since_25 = db.plays_after(0, 25.0, 10)
    assert [p.played_at for p in since_25] == [30.0, 40.0, 50.0]
    first_two = db.plays_after(0, 0.0, 2)
    rest = db.plays_after(first_two[-1].id, 0.0, 10)
    assert [p.played_at for p in first_two + rest] == [10.0, 20.0, 30.0, 40.0, 50.0]


def test_a_forgotten_track_leaves_its_plays_out(tmp_path: Path) -> None:
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    gone = _track(db, root, "gone", title="Gone")
    kept = _track(db, root, "kept", title="Kept")
    db.record_play(gone, when=1.0)
    db.record_play(kept, when=2.0)
    db.conn.execute("DELETE FROM tracks WHERE id = ?", (gone,))
    assert [p.title for p in db.plays_after(0, 0.0, 10)] == ["Kept"]


def test_a_library_from_before_the_play_log_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(f"BEGIN;\n{schema.MIGRATIONS[0]}\nPRAGMA user_version = 1;\nCOMMIT;")
    conn.execute("INSERT INTO roots (path, path_text) VALUES (?, ?)", (b"/music", "/music"))
    conn.close()
    db = LibraryDatabase(path)
    assert [r.path for r in db.roots()] == ["/music"], "what was there stays"
    root = db.roots()[0].id
    track = _track(db, root, "one", title="Blue")
    db.record_play(track, when=5.0)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) == 5
    assert [p.title for p in db.plays_after(0, 0.0, 10)] == ["Blue"]
