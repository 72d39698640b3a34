"""Every real-world odd file of the shared corpus is indexed or listed with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.scanner import Scanner
from tests.helpers.requirements import corpus_dir


def test_every_quodlibet_file_is_indexed_or_listed_with_a_reason(tmp_path: Path) -> None:
    source = corpus_dir() / "quodlibet-testdata"
    music = tmp_path / "music"
    shutil.copytree(source, music)
    db_path = tmp_path / "lib.sqlite3"

    report = Scanner(db_path, workers=2).scan([str(music)])

    db = LibraryDatabase(db_path)
    indexed = {Path(t.path).name for t in db.tracks(list(range(1, 1000)))}
    listed = {Path(e.path).name: e.reason for e in db.unreadable(kind=None)}
    names = {p.name for p in music.iterdir()}
    assert names == indexed | set(listed), "a file was neither indexed nor listed"
    assert not indexed & set(listed), "a file was both indexed and listed"
    assert all(reason.strip() for reason in listed.values())
    assert report.problems == []
    assert report.added == len(indexed) >= 30
    # The known audio containers are all indexed with their stream information.
    containers = ["silence-44-s.flac", "silence-44-s.mp3", "silence-44-s.ogg", "test.wma"]
    containers += ["mac-396.ape", "silence-44-s.tta", "test.m4a", "with-id3.dsf", "test.aiff"]
    for name in containers:
        assert name in indexed, listed.get(name)
    track = db.track_by_path(str(music / "silence-44-s.flac"))
    assert track is not None
    assert (track.title, track.artist, track.album, track.year) == (
        "Silence",
        "piman; jzig",
        "Quod Libet Test Data",
        2004,
    )
    assert track.tracknumber == 2
    assert 3.6 < track.duration < 3.8
    assert listed["image.png"] == "not an audio file"
    assert "format" in listed["test.spc"]

    # Nothing is read again when nothing changed, unreadable files included.
    again = Scanner(db_path, workers=2).scan(None)
    assert (again.added, again.updated, again.removed, again.unreadable) == (0, 0, 0, [])
    assert again.unchanged == len(indexed) + len(report.unreadable)
