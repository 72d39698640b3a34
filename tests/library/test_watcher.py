"""Files added, changed, moved or removed while the program runs reach the library."""

from __future__ import annotations

import queue
import shutil
from pathlib import Path

import pytest
from mutagen.flac import FLAC

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.scanner import Scanner, ScanReport
from rvibe_player.library.watcher import LibraryWatcher
from scripts.make_corpus import Manifest

WAIT = 15.0  # generous for a loaded CI machine; a change normally lands in ~1 s


@pytest.fixture
def watched(small_corpus_copy: Manifest, tmp_path: Path):
    db_path = tmp_path / "lib.sqlite3"
    scanner = Scanner(db_path, workers=1)
    scanner.scan([str(small_corpus_copy.root)])
    reports: queue.Queue[ScanReport] = queue.Queue()
    watcher = LibraryWatcher(scanner, reports.put, quiet_seconds=0.3, max_wait_seconds=2.0)
    watcher.start([str(small_corpus_copy.root)])
    assert watcher.ready.wait(10), "the watches were not set up"
    yield small_corpus_copy.root, LibraryDatabase(db_path), reports
    watcher.stop()


def first(root: Path, suffix: str) -> Path:
    return next(p for p in sorted(root.rglob(f"*{suffix}")))


def test_added_file_reaches_the_library(watched) -> None:
    root, db, reports = watched
    new = root / "Newcomer" / "Debut" / "01 Hello.flac"
    new.parent.mkdir(parents=True)
    shutil.copy(first(root, ".flac"), new)
    report = reports.get(timeout=WAIT)
    assert report.added == 1
    assert db.track_by_path(str(new)) is not None


def test_changed_file_is_reread(watched) -> None:
    root, db, reports = watched
    target = first(root, ".flac")
    audio = FLAC(target)
    audio["title"] = "Changed While Running"
    audio.save()
    report = reports.get(timeout=WAIT)
    assert report.updated == 1
    assert db.track_by_path(str(target)).title == "Changed While Running"


def test_moved_and_removed_files(watched) -> None:
    root, db, reports = watched
    moving = first(root, ".ogg")
    track = db.track_by_path(str(moving))
    db.record_play(track.id)
    destination = root / "moved.ogg"
    moving.rename(destination)
    gone = first(root, ".mp3")
    gone_id = db.track_by_path(str(gone)).id
    gone.unlink()
    totals = {"moved": 0, "removed": 0}
    while totals != {"moved": 1, "removed": 1}:
        report = reports.get(timeout=WAIT)
        totals["moved"] += report.moved
        totals["removed"] += report.removed
    moved = db.track_by_path(str(destination))
    assert moved is not None and moved.id == track.id and moved.play_count == 1
    assert db.track(gone_id).status == "removed"


def test_a_burst_of_events_is_one_recheck(watched) -> None:
    root, _, reports = watched
    album = root / "Burst" / "Album"
    album.mkdir(parents=True)
    source = first(root, ".wav")
    for number in range(1, 9):
        shutil.copy(source, album / f"{number:02d} Part.wav")
    report = reports.get(timeout=WAIT)
    assert report.added == 8
    with pytest.raises(queue.Empty):
        reports.get(timeout=1.0)
