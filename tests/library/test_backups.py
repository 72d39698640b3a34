"""Rotating backups of the library: made online with the playlists as XSPF, kept within
their number and size, listed with their counts, and restored at the next open."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from rvibe_player.library import backups
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.playlist_store import PlaylistStore
from rvibe_player.library.playlists import read_playlist
from rvibe_player.library.recovery import closed, open_library
from tests.helpers.library import library_with_tracks

DAY = 24 * 3600.0


def _library(path: Path, tracks: int = 40, start: int = 0) -> LibraryDatabase:
    return library_with_tracks(path, tracks, start)[0]


def test_a_backup_holds_the_library_and_its_playlists_as_xspf(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    db = _library(path)
    for n in range(1, 11):
        db.record_play(n, when=1000.0 + n)
    db.set_rating(3, 5)
    store = PlaylistStore(db)
    store.add_tracks(store.create("Road trip / night"), [1, 2, 3])
    store.create("Smart", query="artist:artist")  # a saved search: nothing to write
    folder = tmp_path / "backups"

    made = backups.make_backup(path, folder, now=1_800_000_000.0)  # the library is open
    db.set_rating(3, 1)  # later changes do not reach the backup

    assert (made.tracks, made.plays, made.playlists) == (40, 10, 2)
    copy = sqlite3.connect(made.database)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT rating FROM tracks WHERE id = 3").fetchone() == (5,)
    copy.close()
    [xspf] = (made.folder / "playlists").iterdir()
    assert xspf.name == "001 Road trip _ night.xspf"
    assert [e.location for e in read_playlist(xspf).entries] == [
        "file:///music/000000.flac", "file:///music/000001.flac", "file:///music/000002.flac"
    ]  # fmt: skip
    assert backups.backups(folder) == [made]
    assert json.loads((made.folder / "summary.json").read_text())["xspf"] == 1
    db.close()


def test_a_backup_is_due_daily_and_after_a_large_change(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    db = _library(path, tracks=100)
    folder = tmp_path / "backups"
    now = 1_800_000_000.0
    assert backups.due(path, folder, now)
    backups.make_backup(path, folder, now)
    assert not backups.due(path, folder, now + 60)
    assert backups.due(path, folder, now + DAY)
    db.close()
    db = _library(path, tracks=600, start=100)  # a large scan since
    assert backups.due(path, folder, now + 120)
    db.close()


def test_old_backups_go_beyond_seven_or_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    _library(path).close()
    folder = tmp_path / "backups"
    made = [backups.make_backup(path, folder, now=1_800_000_000.0 + n * DAY) for n in range(9)]
    assert [b.folder for b in backups.backups(folder)] == [b.folder for b in made[::-1][:7]]
    backups.prune(folder, cap=1)  # over any size: only the newest stays
    assert [b.folder for b in backups.backups(folder)] == [made[-1].folder]
    (folder / "20990101-000000.partial").mkdir()  # an unfinished one is never listed
    assert len(backups.backups(folder)) == 1


def test_a_requested_restore_happens_at_the_next_open_and_keeps_the_current_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite3"
    db = _library(path)
    db.set_rating(1, 4)
    backup = backups.make_backup(path, tmp_path / "backups")
    db.set_rating(1, 2)
    db.conn.execute("DELETE FROM tracks WHERE id > 10")
    db.close()
    closed(path)

    backups.request_restore(path, backup)
    assert backups.requested_backup(path) == backup.folder
    done = backups.restore_if_requested(path)

    assert done is not None
    restored_from, kept = done
    assert restored_from == backup.folder
    assert kept.name.startswith("library.sqlite3.before-restore-")
    assert sqlite3.connect(kept).execute("SELECT count(*) FROM tracks").fetchone() == (10,)
    db, repair = open_library(path)
    assert repair is None
    assert db.conn.execute("SELECT count(*), max(rating) FROM tracks").fetchone() == (40, 4)
    db.close()
    assert backups.restore_if_requested(path) is None  # asked once, done once
