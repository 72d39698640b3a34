"""A track's identity across moves: only the same file is a move, and copies stay apart."""

from __future__ import annotations

import math
import shutil
import struct
import wave
from pathlib import Path

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.fingerprint import BLOCK
from rvibe_player.library.scanner import Scanner
from scripts.make_corpus import Manifest


def _wav(manifest: Manifest) -> Path:
    """A 2-second WAV in the library: larger than the two blocks a fingerprint reads."""
    path = manifest.root / "Long Takes" / "tone.wav"
    path.parent.mkdir()
    frames = b"".join(
        struct.pack("<hh", sample, sample)
        for n in range(88_200)
        for sample in [int(8000 * math.sin(2 * math.pi * 440 * n / 44_100))]
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44_100)
        out.writeframes(frames)
    assert path.stat().st_size > 2 * BLOCK + 4096
    return path


def test_another_file_of_the_same_size_and_tags_is_not_taken_for_a_move(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    """Same length and the same first block (same tags): only the tail tells them apart."""
    db_path = tmp_path / "lib.sqlite3"
    root = small_corpus_copy.root
    original = _wav(small_corpus_copy)
    Scanner(db_path, workers=1).scan([str(root)])
    db = LibraryDatabase(db_path)
    old = db.track_by_path(str(original))
    assert old is not None
    db.record_play(old.id)

    other = original.parent / "other take.wav"
    data = bytearray(original.read_bytes())
    data[-2048:] = bytes(b ^ 0x5A for b in data[-2048:])  # the same but for its last samples
    other.write_bytes(bytes(data))
    original.unlink()
    report = Scanner(db_path, workers=1).scan([str(root)])

    assert (report.moved, report.added, report.removed) == (0, 1, 1)
    new = db.track_by_path(str(other))
    assert new is not None and new.id != old.id and new.play_count == 0
    gone = db.track(old.id)
    assert gone is not None and gone.status == "removed" and gone.play_count == 1
    db.close()


def test_two_identical_copies_moved_together_each_keep_their_own_identity(
    small_corpus_copy: Manifest, tmp_path: Path
) -> None:
    db_path = tmp_path / "lib.sqlite3"
    root = small_corpus_copy.root
    source = _wav(small_corpus_copy)
    first, second = root / "a" / "copy.wav", root / "b" / "copy.wav"
    for copy in (first, second):
        copy.parent.mkdir()
        shutil.copyfile(source, copy)
    Scanner(db_path, workers=1).scan([str(root)])
    db = LibraryDatabase(db_path)
    ids = []
    for plays, copy in ((1, first), (3, second)):
        track = db.track_by_path(str(copy))
        assert track is not None
        for _ in range(plays):
            db.record_play(track.id)
        ids.append(track.id)

    moved = [root / "c" / "copy.wav", root / "d" / "copy.wav"]
    for copy, target in zip((first, second), moved, strict=True):
        target.parent.mkdir()
        copy.rename(target)
    report = Scanner(db_path, workers=1).scan([str(root)])

    assert (report.moved, report.added, report.removed) == (2, 0, 0)
    found = [db.track_by_path(str(target)) for target in moved]
    assert sorted(t.id for t in found if t) == sorted(ids), "each id lives on, once"
    assert sorted(t.play_count for t in found if t) == [1, 3]
    db.close()
