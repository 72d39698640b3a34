"""The play queue: orders, shuffle coverage, album shuffle, repeat, previous, editing, saving."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rvibe_player.playback.queue import PlayQueue, RepeatMode, ShuffleMode


def queue_of(count: int, seed: int = 1, albums: list[str | None] | None = None) -> PlayQueue:
    queue = PlayQueue(random.Random(seed))
    queue.add(range(100, 100 + count), albums)
    return queue


def play_all(queue: PlayQueue, count: int) -> list[int]:
    """Track ids of the next ``count`` tracks that end by themselves."""
    played = []
    for _ in range(count):
        entry = queue.advance(auto=True)
        assert entry is not None
        played.append(entry.track_id)
    return played


def test_in_order_without_shuffle_and_stops_at_the_end() -> None:
    queue = queue_of(3)
    assert play_all(queue, 3) == [100, 101, 102]
    assert queue.advance(auto=True) is None
    assert queue.current() is None
    # "previous" after the end comes back to the last track
    previous = queue.previous(position=0.0)
    assert previous is not None and previous.track_id == 102


@pytest.mark.parametrize("count", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffle_plays_every_track_once_per_round(count: int, seed: int) -> None:
    queue = queue_of(count, seed)
    queue.set_shuffle(ShuffleMode.TRACKS)
    queue.set_repeat(RepeatMode.ALL)
    first, second, third = (play_all(queue, count) for _ in range(3))
    everything = list(range(100, 100 + count))
    for round_ in (first, second, third):
        assert sorted(round_) == everything
    if count > 1:
        assert first[-1] != second[0], "a new round must not start with the track just played"
        assert second[-1] != third[0]
        # the rounds are shuffled, not the list order over and over
        assert not (first == everything and second == everything and third == everything)


@given(
    count=st.integers(1, 30),
    seed=st.integers(0, 10_000),
    steps=st.lists(st.sampled_from(["next", "add", "play_next", "remove"]), max_size=40),
)
@settings(max_examples=150, deadline=None)
def test_shuffle_coverage_survives_edits(count: int, seed: int, steps: list[str]) -> None:
    """Whatever is added or removed mid-round, no entry plays twice before all have played."""
    queue = queue_of(count, seed)
    queue.set_shuffle(ShuffleMode.TRACKS)
    rng = random.Random(seed)
    played: list[int] = []
    for step in steps:
        if step == "next":
            entry = queue.advance()
            if entry is None:
                break
            played.append(entry.id)
        elif step == "add":
            queue.add([rng.randrange(1000)])
        elif step == "play_next":
            queue.play_next([rng.randrange(1000)])
        elif len(queue) > 1:
            current = queue.current()
            victims = [e.id for e in queue.entries() if current is None or e.id != current.id]
            queue.remove([rng.choice(victims)])
    while (entry := queue.advance()) is not None:
        played.append(entry.id)
    assert len(played) == len(set(played)), "an entry played twice in one round"
    remaining = {e.id for e in queue.entries()}
    assert remaining <= set(played), "an entry of the queue never played"


def test_album_shuffle_keeps_albums_together_in_order() -> None:
    albums: list[str | None] = ["a", "b", "a", "c", "b", "a", None, "c"]
    queue = queue_of(len(albums), seed=4, albums=albums)
    queue.set_shuffle(ShuffleMode.ALBUMS)
    order = [e.track_id for e in queue.play_order()]
    assert sorted(order) == list(range(100, 108))
    runs: list[list[int]] = []
    for track_id in order:
        album = albums[track_id - 100]
        if runs and album is not None and albums[runs[-1][-1] - 100] == album:
            runs[-1].append(track_id)
        else:
            runs.append([track_id])
    by_album = {albums[run[0] - 100]: run for run in runs}
    assert len(runs) == 4, f"every album plays as one block: {order}"
    assert by_album["a"] == [100, 102, 105]
    assert by_album["b"] == [101, 104]
    assert by_album["c"] == [103, 107]


def test_album_shuffle_from_a_playing_album_finishes_it_first() -> None:
    albums: list[str | None] = ["a", "a", "a", "b", "b", "c"]
    queue = queue_of(len(albums), seed=9, albums=albums)
    queue.advance()
    queue.advance()  # the second track of album a plays
    queue.set_shuffle(ShuffleMode.ALBUMS)
    assert [e.track_id for e in queue.upcoming(1)] == [102]
    played = play_all(queue, 3)
    assert played[0] == 102 and sorted(played[1:]) in ([103, 104], [104, 105], [103, 105])
    assert queue.advance(auto=True) is not None
    assert queue.advance(auto=True) is None


def test_repeat_one_repeats_only_when_the_track_ends_by_itself() -> None:
    queue = queue_of(3)
    queue.set_repeat(RepeatMode.ONE)
    assert play_all(queue, 1) == [100]
    assert play_all(queue, 2) == [100, 100]
    user_next = queue.advance()
    assert user_next is not None and user_next.track_id == 101


def test_repeat_all_wraps_in_list_order() -> None:
    queue = queue_of(3)
    queue.set_repeat(RepeatMode.ALL)
    assert play_all(queue, 7) == [100, 101, 102, 100, 101, 102, 100]


def test_previous_restarts_past_three_seconds_else_goes_back() -> None:
    queue = queue_of(3)
    play_all(queue, 2)
    again = queue.previous(position=3.5)
    assert again is not None and again.track_id == 101
    back = queue.previous(position=2.9)
    assert back is not None and back.track_id == 100
    first = queue.previous(position=0.0)  # at the first track with repeat off: restart it
    assert first is not None and first.track_id == 100
    queue.set_repeat(RepeatMode.ALL)
    last = queue.previous(position=0.0)
    assert last is not None and last.track_id == 102


def test_previous_in_shuffle_retraces_what_played() -> None:
    queue = queue_of(10, seed=5)
    queue.set_shuffle(ShuffleMode.TRACKS)
    played = play_all(queue, 4)
    back = [queue.previous(position=0.0) for _ in range(3)]
    assert [e.track_id for e in back if e] == played[-2::-1]
    assert queue.history()[-7:] == played + played[-2::-1]


def test_play_next_and_add() -> None:
    queue = queue_of(3)
    play_all(queue, 1)
    queue.play_next([200, 201])
    queue.add([300])
    assert [e.track_id for e in queue.entries()] == [100, 200, 201, 101, 102, 300]
    assert play_all(queue, 5) == [200, 201, 101, 102, 300]


def test_play_next_in_shuffle_plays_next() -> None:
    queue = queue_of(10, seed=3)
    queue.set_shuffle(ShuffleMode.TRACKS)
    play_all(queue, 3)
    queue.play_next([500])
    assert play_all(queue, 1) == [500]


def test_removing_the_current_entry_goes_on_with_the_one_after() -> None:
    queue = queue_of(5)
    play_all(queue, 2)
    current = queue.current()
    assert current is not None
    queue.remove([current.id, queue.entries()[0].id])
    assert queue.current() is None
    assert play_all(queue, 3) == [102, 103, 104]
    assert queue.advance() is None


def test_removing_before_the_current_entry_keeps_the_place() -> None:
    queue = queue_of(5)
    play_all(queue, 3)
    queue.remove([queue.entries()[0].id, queue.entries()[4].id])
    current = queue.current()
    assert current is not None and current.track_id == 102
    assert play_all(queue, 1) == [103]
    assert queue.advance() is None


def test_move_reorders_the_list_and_what_plays() -> None:
    queue = queue_of(5)
    play_all(queue, 1)
    ids = [e.id for e in queue.entries()]
    queue.move([ids[3], ids[4]], 1)
    assert [e.track_id for e in queue.entries()] == [100, 103, 104, 101, 102]
    assert play_all(queue, 4) == [103, 104, 101, 102]
    queue.move([ids[0]], 5)
    assert [e.track_id for e in queue.entries()] == [103, 104, 101, 102, 100]


def test_replacing_the_queue_in_shuffle_starts_a_shuffled_round() -> None:
    queue = PlayQueue(random.Random(4))
    queue.set_shuffle(ShuffleMode.TRACKS)
    first = queue.replace(list(range(100, 120)), start=5)
    assert first is not None and first.track_id == 105
    rest = play_all(queue, 19)
    assert sorted([105, *rest]) == list(range(100, 120))
    assert rest != sorted(rest), "the rest plays shuffled"


def test_jump_in_shuffle_keeps_the_round() -> None:
    queue = queue_of(8, seed=11)
    queue.set_shuffle(ShuffleMode.TRACKS)
    first = play_all(queue, 3)
    target = next(e for e in queue.entries() if e.track_id not in first)
    queue.jump(target.id)
    rest = play_all(queue, 4)
    assert sorted([*first, target.track_id, *rest]) == list(range(100, 108))


def test_upcoming_predicts_what_plays_across_a_new_round() -> None:
    queue = queue_of(4, seed=8)
    queue.set_shuffle(ShuffleMode.TRACKS)
    queue.set_repeat(RepeatMode.ALL)
    play_all(queue, 3)
    predicted = [e.id for e in queue.upcoming(3)]
    actual = []
    for _ in range(3):
        entry = queue.advance(auto=True)
        assert entry is not None
        actual.append(entry.id)
    assert predicted == actual


def test_snapshot_restores_the_same_queue() -> None:
    queue = queue_of(6, seed=2, albums=["x", "x", "y", None, "y", "z"])
    queue.set_shuffle(ShuffleMode.TRACKS)
    queue.set_repeat(RepeatMode.ALL)
    play_all(queue, 2)
    restored = PlayQueue(random.Random(99))
    restored.restore(queue.snapshot())
    assert restored.snapshot() == queue.snapshot()
    assert restored.current() == queue.current()
    assert [e.id for e in restored.upcoming(4)] == [e.id for e in queue.upcoming(4)]
    added = restored.add([900])
    assert added[0] not in {e.id for e in queue.entries()}


@pytest.mark.parametrize(
    "damage",
    [
        {"order": [1, 2]},
        {"cursor": 99},
        {"current": 77},
        {"shuffle": "sideways"},
        {"entries": "nope"},
    ],
)
def test_restore_rejects_a_state_that_does_not_fit(damage: dict[str, object]) -> None:
    queue = queue_of(3)
    play_all(queue, 1)
    data = {**queue.snapshot(), **damage}
    with pytest.raises(ValueError):
        PlayQueue().restore(data)
