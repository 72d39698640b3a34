"""The scanner on a generated library: incremental rescans, moves, offline roots, bad files."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
from mutagen.flac import FLAC

import rvibe_player.library.scanner as scanner_module
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.playlist_store import PlaylistStore
from rvibe_player.library.scanner import Scanner, ScanProgress
from rvibe_player.library.search import search_ids
from scripts.make_corpus import Manifest
from tests.helpers.corpus import make_corpus


def scan(db_path: Path, roots: list[Path] | None = None, workers: int = 2):
    return Scanner(db_path, workers=workers).scan(
        [str(r) for r in roots] if roots is not None else None
    )


def first_of(manifest: Manifest, fmt: str) -> Path:
    return manifest.root / next(t.path for t in manifest.tracks if t.format == fmt)


def test_first_scan_indexes_every_generated_track(small_corpus: Manifest, tmp_path: Path) -> None:
    db_path = tmp_path / "lib.sqlite3"
    report = scan(db_path, [small_corpus.root])
    assert report.added == len(small_corpus.tracks)
    assert (report.unreadable, report.problems, report.removed) == ([], [], 0)
    db = LibraryDatabase(db_path)
    for spec in small_corpus.tracks:
        track = db.track_by_path(str(small_corpus.root / spec.path))
        assert track is not None, spec.path
        assert (track.title, track.album, track.year) == (spec.title, spec.album, spec.year)
        assert track.artist == "; ".join(spec.artists)


def test_unchanged_rescan_reads_nothing(small_corpus: Manifest, tmp_path: Path) -> None:
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [small_corpus.root])
    again = scan(db_path)
    assert again.unchanged == len(small_corpus.tracks)
    assert not again.changed


def test_a_rescan_compares_files_from_the_index_alone(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    """The rows a rescan compares with come from a covering index, not the wide table."""
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [small_corpus.root])
    db = LibraryDatabase(db_path)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    known = db.known_files(os.fsencode(small_corpus.root))
    db.conn.set_trace_callback(None)
    assert len(known) == len(small_corpus.tracks)
    (sql,) = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    plan = " ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    db.close()
    assert "COVERING INDEX tracks_scan" in plan, plan


def test_incremental_rescan_sees_changes_additions_and_removals(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    root = small_corpus_copy.root
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [root])
    db = LibraryDatabase(db_path)

    changed = first_of(small_corpus_copy, "flac")
    before = db.track_by_path(str(changed))
    assert before is not None
    audio = FLAC(changed)
    audio["title"] = "A New Title"
    audio.save()
    removed = first_of(small_corpus_copy, "mp3")
    removed.unlink()
    added = root / "New Artist" / "New Album" / "01 Fresh.ogg"
    added.parent.mkdir(parents=True)
    shutil.copy(first_of(small_corpus_copy, "ogg"), added)

    report = scan(db_path)
    assert (report.updated, report.added, report.removed) == (1, 1, 1)
    assert report.unchanged == len(small_corpus_copy.tracks) - 2
    after = db.track_by_path(str(changed))
    assert after is not None and after.id == before.id and after.title == "A New Title"
    assert db.track_by_path(str(removed)).status == "removed"  # type: ignore[union-attr]
    assert db.track_by_path(str(added)) is not None


def test_moved_file_keeps_id_stats_rating_and_playlist_place(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    root = small_corpus_copy.root
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [root])
    db = LibraryDatabase(db_path)
    source = first_of(small_corpus_copy, "m4a")
    track = db.track_by_path(str(source))
    assert track is not None
    db.record_play(track.id, when=1000.0)
    db.record_play(track.id, when=2000.0)
    db.set_rating(track.id, 4)
    store = PlaylistStore(db)
    playlist = store.create("Favourites")
    others = [t for t in search_ids(db.conn, "") if t != track.id][:2]
    store.add_tracks(playlist, [others[0], track.id, others[1]])

    target = root / "Elsewhere" / "renamed — ünïcode.m4a"
    target.parent.mkdir()
    source.rename(target)
    report = scan(db_path)

    assert (report.moved, report.added, report.removed) == (1, 0, 0)
    moved = db.track_by_path(str(target))
    assert moved is not None
    assert moved.id == track.id
    assert (moved.play_count, moved.last_played, moved.rating) == (2, 2000.0, 4)
    entries = store.entries(playlist)
    assert [e.track.id for e in entries if e.track] == [others[0], track.id, others[1]]
    assert entries[1].track is not None and entries[1].track.path == str(target)
    assert db.track_by_path(str(source)) is None


def test_offline_root_keeps_its_tracks_and_comes_back(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    root = small_corpus_copy.root
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [root])
    db = LibraryDatabase(db_path)
    some = db.track_by_path(str(first_of(small_corpus_copy, "opus")))
    assert some is not None
    db.record_play(some.id)
    total = len(small_corpus_copy.tracks)

    unplugged = tmp_path / "unplugged"
    root.rename(unplugged)  # the disk goes away
    report = scan(db_path)
    assert [path for path, _ in report.offline_roots] == [str(root)]
    assert "kept" in report.offline_roots[0][1]
    assert report.removed == 0
    assert db.counts()["offline"] == total
    assert len(search_ids(db.conn, "")) == total  # still listed, marked offline
    assert not db.roots()[0].online

    unplugged.rename(root)  # and comes back
    report = scan(db_path)
    assert (report.added, report.removed, report.unchanged) == (0, 0, total)
    assert db.counts()["ok"] == total
    assert db.track(some.id).play_count == 1  # type: ignore[union-attr]


def test_empty_mount_point_is_treated_as_offline(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    root = small_corpus_copy.root
    db_path = tmp_path / "lib.sqlite3"
    scan(db_path, [root])
    shutil.rmtree(root)
    root.mkdir()  # an unmounted mount point: the folder is there, empty
    report = scan(db_path)
    assert report.removed == 0
    assert "empty" in report.offline_roots[0][1]
    assert LibraryDatabase(db_path).counts()["offline"] == len(small_corpus_copy.tracks)


def test_truncated_zero_byte_and_garbage_files(small_corpus: Manifest, tmp_path: Path) -> None:
    music = tmp_path / "music"
    music.mkdir()
    for fmt in ("flac", "mp3", "m4a", "ogg", "opus", "wav"):
        data = first_of(small_corpus, fmt).read_bytes()
        (music / f"truncated.{fmt}").write_bytes(data[: len(data) // 3])
        (music / f"header-only.{fmt}").write_bytes(data[:40])
        (music / f"empty.{fmt}").write_bytes(b"")
        (music / f"garbage.{fmt}").write_bytes(os.urandom(5000))
    db_path = tmp_path / "lib.sqlite3"
    report = scan(db_path, [music])
    accounted = report.added + len(report.unreadable)
    assert accounted == 24
    reasons = dict(report.unreadable)
    for fmt in ("flac", "mp3", "m4a", "ogg", "opus", "wav"):
        assert reasons[str(music / f"empty.{fmt}")] == "empty file (0 bytes)"
    assert all(reason for reason in reasons.values())
    again = scan(db_path)
    assert (again.unreadable, again.added, again.updated) == ([], 0, 0)  # not retried
    # An unreadable file that changes is read again.
    (music / "empty.flac").write_bytes(first_of(small_corpus, "flac").read_bytes())
    fixed = scan(db_path)
    assert fixed.added == 1
    assert str(music / "empty.flac") not in {e.path for e in LibraryDatabase(db_path).unreadable()}


def test_huge_tag_values_are_capped(small_corpus: Manifest, tmp_path: Path) -> None:
    music = tmp_path / "music"
    music.mkdir()
    target = music / "huge.flac"
    shutil.copy(first_of(small_corpus, "flac"), target)
    audio = FLAC(target)
    audio["title"] = "t" * 3_000_000
    audio["artist"] = [f"artist {i}" for i in range(5000)]
    audio.save()
    db_path = tmp_path / "lib.sqlite3"
    assert scan(db_path, [music]).added == 1
    track = LibraryDatabase(db_path).track_by_path(str(target))
    assert track is not None
    assert len(track.title) == 1024
    assert track.artist.count(";") < 40


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are raw bytes")
def test_non_utf8_named_track_is_indexed_and_readable(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    music = tmp_path / "music"
    music.mkdir()
    raw = os.fsencode(music) + b"/\xc0\xff caf\xe9.mp3"
    with open(raw, "wb") as handle:
        handle.write(first_of(small_corpus, "mp3").read_bytes())
    db_path = tmp_path / "lib.sqlite3"
    assert scan(db_path, [music]).added == 1
    db = LibraryDatabase(db_path)
    (track,) = db.tracks(search_ids(db.conn, ""))
    assert os.fsencode(track.path) == raw
    assert "\ufffd" in track.path_text
    with open(track.path, "rb") as handle:  # the stored path opens the real file
        assert handle.read(3) == b"ID3"
    assert scan(db_path).unchanged == 1


def test_progress_and_cancel_keep_what_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scanner_module, "PROGRESS_SECONDS", 0.0)
    manifest = make_corpus(tmp_path / "music", tracks=400, workers=2)
    db_path = tmp_path / "lib.sqlite3"
    cancel = threading.Event()
    seen: list[ScanProgress] = []

    def progress(state: ScanProgress) -> None:
        seen.append(state)
        if state.phase == "reading" and state.read >= 100:
            cancel.set()

    report = Scanner(db_path, workers=2).scan([str(manifest.root)], progress, cancel)
    assert report.cancelled
    kept = LibraryDatabase(db_path).counts()["ok"]
    assert 0 < kept < 400
    reading = [s for s in seen if s.phase == "reading"]
    assert reading and reading[-1].to_read == 400
    assert [s.read for s in reading] == sorted(s.read for s in reading)
    assert any(s.eta_seconds is not None and s.rate > 0 for s in reading)
    rest = Scanner(db_path, workers=2).scan(None)  # the next scan finishes the job
    assert (rest.added, rest.unchanged, rest.removed) == (400 - kept, kept, 0)


def _garbage_albums(root: Path, albums: range, tracks: int = 80) -> int:
    for album in albums:
        folder = root / f"album {album:03}"
        folder.mkdir(parents=True)
        for track in range(tracks):
            (folder / f"{track:02} song.mp3").write_bytes(b"not audio at all")
    return len(albums) * tracks


def test_a_first_scan_reads_while_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing under the root is known yet, so the readers start before the walk has found
    every file; once files are known, a scan walks everything first (a file it reads may be
    a known track that moved, and which tracks vanished is known only after the walk)."""
    monkeypatch.setattr(scanner_module, "PROGRESS_SECONDS", 0.0)
    root, db_path = tmp_path / "music", tmp_path / "lib.sqlite3"
    first = _garbage_albums(root, range(50))
    seen: list[ScanProgress] = []
    report = Scanner(db_path, workers=2).scan([str(root)], seen.append)
    assert len(report.unreadable) == first and report.added == 0
    reading = next(s for s in seen if s.read > 0)
    assert reading.seen < first

    more = _garbage_albums(root, range(50, 100))
    seen.clear()
    again = Scanner(db_path, workers=2).scan(None, seen.append)
    assert len(again.unreadable) == more and again.unchanged == first
    reading = next(s for s in seen if s.read > 0)
    assert reading.seen == first + more
