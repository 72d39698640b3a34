"""Saving the queue: atomic writes, round trips, and damaged files read as nothing saved."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from rvibe_player import paths
from rvibe_player.playback.queue import PlayQueue, RepeatMode, ShuffleMode
from rvibe_player.playback.queue_store import QueueStore


def test_saves_in_the_data_dir_and_restores(tmp_path: Path) -> None:
    queue = PlayQueue(random.Random(1))
    queue.add([5, 6, 7, 8], ["a", "a", "b", None])
    queue.set_shuffle(ShuffleMode.ALBUMS)
    queue.set_repeat(RepeatMode.ONE)
    queue.advance()
    store = QueueStore()
    store.save(queue, 12.3456)
    assert store.path.parent == paths.data_dir()
    assert [p.name for p in store.path.parent.iterdir()] == ["queue.json"], "no temp file left"

    restored = PlayQueue()
    assert QueueStore().restore_into(restored) == 12.346
    assert restored.snapshot() == queue.snapshot()


def test_a_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "state"
    store = QueueStore(folder / "q.json")
    queue = PlayQueue()
    queue.add([1])
    store.save(queue, 1.0)
    before = store.path.read_bytes()

    def broken_sync(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_sync)
    queue.add([2])
    with pytest.raises(OSError):
        store.save(queue, 2.0)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["q.json"]


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"\xff\xfe{", b"[]", b'{"version": 99}',
     b'{"version": 1, "queue": [], "position": 0}',
     b'{"version": 1, "queue": {"entries": [[1, 2, null]]}, "position": 0}'],
)  # fmt: skip
def test_damaged_files_read_as_nothing_saved(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "q.json"
    path.write_bytes(content)
    queue = PlayQueue()
    assert QueueStore(path).restore_into(queue) is None
    assert len(queue) == 0
    # the damaged file is kept beside, not overwritten by the next save
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith("q.json.damaged-")]
    assert kept.read_bytes() == content and not path.exists()
    QueueStore(path).save(queue, 0.0)
    assert kept.read_bytes() == content
    assert QueueStore(tmp_path / "missing.json").load() is None
