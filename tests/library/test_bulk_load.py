"""A first scan builds the track indexes once near its end, and no way out of it leaves them out."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from rvibe_player.library import scanner, schema
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.reader_pool import CHUNK, FIRST_CHUNK, ReadResult, _chunks
from rvibe_player.library.recovery import open_library
from rvibe_player.library.scanner import Scanner, ScanProgress, _ScanRun
from scripts.make_corpus import Manifest
from tests.helpers.corpus import make_corpus

REPO = Path(__file__).resolve().parents[2]


def index_names(db_path: Path) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()


def index_sql(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql NOT NULL")
    return {name: " ".join(sql.replace("IF NOT EXISTS ", "").split()) for name, sql in rows}


def scan_watching_indexes(db_path: Path, root: Path) -> list[set[str]]:
    """Scan ``root``, noting from another connection which indexes exist while it reads."""
    seen: list[set[str]] = []

    def on_progress(state: ScanProgress) -> None:
        if state.phase == "reading" and state.read:
            seen.append(index_names(db_path))

    Scanner(db_path, workers=1).scan([str(root)], progress=on_progress)
    return seen


def test_the_indexes_it_restores_are_the_ones_the_migrations_made(tmp_path: Path) -> None:
    made = LibraryDatabase(tmp_path / "made.sqlite3")
    restored = LibraryDatabase(tmp_path / "restored.sqlite3")
    for name in schema.TRACK_INDEXES:
        restored.conn.execute(f"DROP INDEX {name}")
    assert sorted(restored.restore_indexes()) == sorted(schema.TRACK_INDEXES)
    assert index_sql(restored.conn) == index_sql(made.conn)
    assert restored.restore_indexes() == []
    made.close()
    restored.close()


def test_a_first_scan_writes_without_the_indexes_and_builds_them_at_its_end(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    during = scan_watching_indexes(db_path, small_corpus.root)
    assert during and all("tracks_order" not in names for names in during)
    assert all("sqlite_autoindex_tracks_1" in names for names in during)  # path stays unique
    assert set(schema.TRACK_INDEXES) <= index_names(db_path)
    db = LibraryDatabase(db_path)
    assert db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


def test_a_scan_of_a_library_with_tracks_keeps_its_indexes(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    Scanner(db_path, workers=1).scan([str(small_corpus.root)])
    db = LibraryDatabase(db_path)
    db.conn.execute("UPDATE tracks SET size = size + 1")  # every file reads as changed
    db.close()
    during = scan_watching_indexes(db_path, small_corpus.root)
    assert during and all(set(schema.TRACK_INDEXES) <= names for names in during)


def test_a_cancelled_first_scan_still_builds_the_indexes(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    cancel = threading.Event()

    def on_progress(state: ScanProgress) -> None:
        if state.read:
            cancel.set()

    report = Scanner(db_path, workers=1).scan(
        [str(small_corpus.root)], progress=on_progress, cancel=cancel
    )
    assert report.cancelled
    assert set(schema.TRACK_INDEXES) <= index_names(db_path)


def test_indexes_a_killed_first_scan_left_out_come_back_when_the_library_opens(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    killed = (
        "import os, sys; from pathlib import Path\n"
        "from rvibe_player.library.database import LibraryDatabase\n"
        "db = LibraryDatabase(Path(sys.argv[1]))\n"
        "with db.bulk_load() as bulk:\n"
        "    os._exit(3 if bulk else 4)\n"
    )
    died = subprocess.run([sys.executable, "-c", killed, str(db_path)], cwd=REPO, check=False)
    assert died.returncode == 3
    assert not set(schema.TRACK_INDEXES) & index_names(db_path)
    reopened, repair = open_library(db_path)
    assert repair is None
    assert set(schema.TRACK_INDEXES) <= index_names(db_path)
    reopened.close()


def test_reading_tasks_start_small_then_grow() -> None:
    items = iter([("x", 0, 0)] * (FIRST_CHUNK * 7 + CHUNK * 2 + 5))
    sizes = [len(chunk) for chunk in _chunks(items)]
    assert sizes == [FIRST_CHUNK, FIRST_CHUNK * 2, FIRST_CHUNK * 4, CHUNK, CHUNK, 5]


def test_a_first_scan_ends_with_small_writes_and_builds_its_indexes_before_the_last_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writes and the index build after the last file is read run with the readers done
    (one core idle): the batches shrink once the walk is over, and the deferred indexes are
    built while the readers still read the last files."""
    tracks = 600
    root = make_corpus(tmp_path / "library", tracks, seed=11).root
    db_path = tmp_path / "lib.sqlite3"
    batches: list[int] = []
    tracks_when_built: list[int] = []
    real_write, real_restore = _ScanRun._write, LibraryDatabase.restore_indexes

    def write(run: _ScanRun, batch: list[ReadResult], *rest: Any) -> None:
        batches.append(len(batch))
        real_write(run, batch, *rest)

    def restore(db: LibraryDatabase) -> list[str]:
        if schema.missing_indexes(db.conn):
            (count,) = db.conn.execute("SELECT count(*) FROM tracks").fetchone()
            tracks_when_built.append(count)
        return real_restore(db)

    monkeypatch.setattr(_ScanRun, "_write", write)
    monkeypatch.setattr(LibraryDatabase, "restore_indexes", restore)
    monkeypatch.setattr(scanner, "INDEX_AHEAD", 2)  # so that 600 files are enough to show it
    report = Scanner(db_path, workers=2).scan([str(root)])
    assert report.added == tracks and not report.unreadable
    assert sum(batches) == tracks
    assert batches[-1] <= scanner.TAIL_ROWS < tracks // 2
    assert len(tracks_when_built) == 1 and 0 < tracks_when_built[0] < tracks
    assert set(schema.TRACK_INDEXES) <= index_names(db_path)
