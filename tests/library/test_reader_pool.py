"""The pool of tag readers: it takes its work from a walk that is still going on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rvibe_player.library.reader_pool import AHEAD, CHUNK, POOL_THRESHOLD, WorkItem, read_all


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
