"""The pool of tag readers: it takes its work from a walk that is still going on."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from rvibe_player.library import fingerprint
from rvibe_player.library.database import track_row
from rvibe_player.library.formats import AUDIO_EXTENSIONS
from rvibe_player.library.reader_pool import (
    AHEAD,
    CHUNK,
    POOL_THRESHOLD,
    WorkItem,
    read_all,
    read_one,
)
from rvibe_player.library.tags import read_tags
from scripts.make_corpus import Manifest


def test_files_are_drawn_only_as_the_readers_need_them(tmp_path: Path) -> None:
    """A first scan hands the readers its walk itself: reading starts after the first few
    files are found, not after the whole tree is listed."""
    total = 2 * AHEAD * CHUNK * 3
    drawn = [0]

    def walk() -> Iterator[WorkItem]:
        for number in range(total):
            drawn[0] += 1
            yield str(tmp_path / f"gone-{number}.mp3"), 1, 0

    when_first: list[int] = []
    results = []
    for result in read_all(walk(), workers=2):
        if not results:
            when_first.append(drawn[0])
        results.append(result)
    assert when_first[0] <= POOL_THRESHOLD + 2 * AHEAD * CHUNK < total
    assert len(results) == total == len({path for path, *_ in results})
    assert all(row is None and reason and "cannot read" in reason for _, _, row, reason in results)


def test_a_short_walk_is_read_in_this_process(tmp_path: Path) -> None:
    items = [(str(tmp_path / f"gone-{n}.flac"), 1, 0) for n in range(POOL_THRESHOLD - 1)]
    results = list(read_all(iter(items), workers=2))
    assert sorted(path for path, *_ in results) == sorted(path for path, _, _ in items)


def test_a_file_read_from_memory_gives_the_row_reading_it_from_disk_gives(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    """A file of up to two fingerprint blocks is parsed from the bytes its fingerprint read;
    what comes out is what the file read from disk gives, for every format, for a file
    whose extension lies (the format is sniffed, the name counting as before) and for a
    file too big to be kept in memory."""
    files = sorted(p for p in small_corpus.root.rglob("*") if p.suffix in AUDIO_EXTENSIONS)
    liar = tmp_path / "really an mp3.ogg"
    shutil.copyfile(next(p for p in files if p.suffix == ".mp3"), liar)
    big = tmp_path / "big.flac"
    shutil.copyfile(next(p for p in files if p.suffix == ".flac"), big)
    with big.open("ab") as tail:  # audio frames after the tags do not change them
        tail.write(bytes(3 * fingerprint.BLOCK))
    in_memory = 0
    for path in [*files, liar, big]:
        info = path.stat()
        read_path, digest, row, reason = read_one(str(path), info.st_size, info.st_mtime_ns)
        assert reason is None and read_path == str(path), (path, reason)
        assert digest == fingerprint.fingerprint(str(path), info.st_size)
        tags = read_tags(str(path))
        assert row == track_row(str(path), info.st_size, info.st_mtime_ns, digest, tags), path
        in_memory += info.st_size <= 2 * fingerprint.BLOCK
    assert 0 < in_memory < len(files) + 2
    assert read_tags(str(liar)).codec == "MP3"
