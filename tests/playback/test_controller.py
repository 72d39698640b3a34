"""The controller on the null backend and a fake clock: statistics, the queue, gain, restore."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.model import Track
from rvibe_player.library.tags import TrackTags
from rvibe_player.playback.backend import PlaybackState, PlayItem
from rvibe_player.playback.controller import (
    ControllerEvent,
    NowPlaying,
    PlaybackController,
    PlayCounted,
    Unplayable,
)
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.null_backend import NullBackend
from rvibe_player.playback.queue import RepeatMode, ShuffleMode
from rvibe_player.playback.queue_store import QueueStore
from rvibe_player.playback.replaygain import ReplayGainMode, ReplayGainSettings

WALL = 1_700_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


class Rig:
    """A library of tracks, a null backend on a fake clock, and a controller over them."""

    def __init__(self, tmp_path: Path, tracks: list[TrackTags], **kwargs: object) -> None:
        self.tmp_path = tmp_path
        self.clock = Clock()
        self.db = LibraryDatabase(tmp_path / "lib.sqlite3")
        root = self.db.add_root(str(tmp_path / "music"))
        with transaction(self.db.conn):
            self.ids = [
                self.db.insert_track(root, f"/music/{n:02}.flac", 1, 1, bytes([n]), tags)
                for n, tags in enumerate(tracks)
            ]
        self.failing: set[str] = set()
        self.events: list[ControllerEvent] = []
        self.start(**kwargs)

    def start(self, **kwargs: object) -> None:
        self.dispatcher = QueueDispatcher()
        self.backend = NullBackend(
            self.dispatcher.post,
            clock=self.clock,
            check=lambda item: "the file is damaged" if item.path in self.failing else None,
        )
        self.controller = PlaybackController(
            self.backend,
            self.db,
            self.dispatcher.post,
            store=QueueStore(self.tmp_path / "queue.json"),
            rng=random.Random(7),
            clock=self.clock,
            wall_clock=lambda: WALL,
            **kwargs,  # type: ignore[arg-type]
        )
        self.controller.add_listener(self.events.append)

    def run(self) -> None:
        self.dispatcher.run_pending()

    def play_for(self, seconds: float, step: float = 0.25) -> None:
        """Let the clock run while the backend reports its position, as a real one would."""
        self.run()
        end = self.clock.now + seconds
        while self.clock.now < end - 1e-9:
            self.clock.now = min(end, self.clock.now + step)
            self.backend.tick()
            self.run()

    def track(self, index: int) -> Track:
        self.controller.flush()
        track = self.db.track(self.ids[index])
        assert track is not None
        return track

    def current_index(self) -> int:
        item = self.backend.current()
        assert item is not None
        entry = self.controller.queue.entry(item.key)
        assert entry is not None
        return self.ids.index(entry.track_id)


def tags(seconds: float, album: str = "", number: int | None = None, **rg: float) -> TrackTags:
    return TrackTags(title="t", artist="a", album=album, tracknumber=number, duration=seconds, **rg)


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path, [tags(100.0), tags(600.0), tags(30.0), tags(100.0)])


def test_a_play_counts_once_half_the_track_was_heard(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0]])
    rig.play_for(49.75)
    assert rig.track(0).play_count == 0
    assert not [e for e in rig.events if isinstance(e, PlayCounted)]
    rig.play_for(0.5)
    played = rig.track(0)
    assert (played.play_count, played.last_played, played.skip_count) == (1, WALL, 0)
    rig.run()  # the writer has logged it (flushed above); its event reaches the owner thread
    counted = [e for e in rig.events if isinstance(e, PlayCounted)]
    assert counted == [PlayCounted(rig.ids[0])], "said once, after the play is in the log"


def test_four_minutes_heard_count_for_a_long_track(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[1]])
    rig.play_for(239.5)
    assert rig.track(1).play_count == 0
    rig.play_for(1.0)
    assert rig.track(1).play_count == 1


def test_seeking_ahead_is_not_hearing(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[2]])
    rig.play_for(10.0)
    rig.controller.seek(89.0)
    rig.play_for(11.5)  # to the end of the track and into the next
    assert rig.current_index() == 2
    first = rig.track(0)
    assert (first.play_count, first.skip_count) == (0, 0), "it ended by itself: no skip"


def test_paused_time_is_not_heard(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[3]])
    rig.play_for(30.0)
    rig.controller.pause()
    rig.play_for(500.0)
    rig.controller.play()
    rig.play_for(19.5)
    assert rig.track(0).play_count == 0
    rig.play_for(1.0)  # 30 s before the pause and 20.5 s after: half of 100 s heard
    assert rig.track(0).play_count == 1


def test_leaving_before_half_is_a_skip(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[3]])
    rig.play_for(49.0)
    rig.controller.next()
    rig.run()
    first = rig.track(0)
    assert (first.play_count, first.skip_count) == (0, 1)


def test_leaving_after_half_is_a_play_not_a_skip(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[3]])
    rig.play_for(60.0)
    rig.controller.next()
    rig.run()
    first = rig.track(0)
    assert (first.play_count, first.skip_count) == (1, 0)
    assert rig.current_index() == 3


def test_next_track_follows_without_a_stop(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[2], rig.ids[0], rig.ids[3]])
    rig.run()
    assert rig.backend.prepared() is not None
    assert rig.backend.prepared().key == rig.controller.queue.upcoming(1)[0].id  # type: ignore[union-attr]
    rig.play_for(30.5)
    assert rig.current_index() == 0
    assert rig.backend.state() is PlaybackState.PLAYING
    now_playing = [e.track.id for e in rig.events if isinstance(e, NowPlaying)]
    assert now_playing == [rig.ids[2], rig.ids[0]]
    assert rig.track(2).play_count == 1


def test_the_end_of_the_queue_stops_and_play_starts_over(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[2]])
    rig.play_for(31.0)
    assert rig.backend.state() is PlaybackState.STOPPED
    rig.controller.play()
    rig.run()
    assert rig.current_index() == 2 and rig.backend.state() is PlaybackState.PLAYING


def test_repeat_one_plays_the_track_again_and_counts_each_play(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[2], rig.ids[0]])
    rig.controller.set_repeat(RepeatMode.ONE)
    rig.play_for(61.0)
    assert rig.current_index() == 2
    assert rig.track(2).play_count == 2


def test_previous_goes_back_early_and_restarts_late(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[3]], start=1)
    rig.play_for(5.0)
    rig.controller.previous()  # past 3 s: the same track from its start
    rig.run()
    assert rig.current_index() == 3 and rig.backend.position() == 0.0
    rig.play_for(2.0)
    rig.controller.previous()  # within 3 s: the one before
    rig.run()
    assert rig.current_index() == 0
    assert rig.track(3).skip_count == 1


def test_a_track_that_cannot_play_is_reported_and_the_next_plays(rig: Rig) -> None:
    rig.failing.add("/music/01.flac")
    rig.controller.play_tracks([rig.ids[1], rig.ids[2]])
    rig.run()
    assert rig.current_index() == 2
    unplayable = [e for e in rig.events if isinstance(e, Unplayable)]
    assert [e.track_id for e in unplayable] == [rig.ids[1]]
    assert "01.flac" in unplayable[0].message and "damaged" in unplayable[0].message


def test_a_prepared_track_that_cannot_play_is_passed_over(rig: Rig) -> None:
    rig.failing.add("/music/01.flac")
    rig.controller.play_tracks([rig.ids[2], rig.ids[1], rig.ids[3]])
    rig.run()
    prepared = rig.backend.prepared()
    assert prepared is not None and prepared.path == "/music/03.flac"
    rig.play_for(30.5)
    assert rig.current_index() == 3


def test_nothing_playable_stops_instead_of_looping(rig: Rig) -> None:
    rig.failing.update({"/music/00.flac", "/music/02.flac"})
    rig.controller.play_tracks([rig.ids[0], rig.ids[2]])
    rig.controller.set_repeat(RepeatMode.ALL)
    rig.run()
    assert rig.backend.state() is PlaybackState.STOPPED
    assert sum(isinstance(e, Unplayable) for e in rig.events) >= 2


def test_stopping_keeps_the_resume_position_and_a_play_clears_it(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[1]])
    rig.play_for(42.0)
    rig.controller.stop()
    assert rig.track(1).resume_position == pytest.approx(42.0)
    rig.controller.play()
    rig.play_for(300.0)
    assert rig.track(1).resume_position is None and rig.track(1).play_count == 1


def test_a_position_kept_on_stop_survives_the_play_counted_then(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[1]])
    rig.play_for(239.9, step=240)  # no position report on the way: the play counts at stop
    rig.clock.now += 0.5
    rig.controller.stop()
    track = rig.track(1)
    assert track.play_count == 1
    assert track.resume_position == pytest.approx(240.4)


def test_the_queue_and_position_come_back_after_a_restart(rig: Rig) -> None:
    rig.controller.play_tracks(rig.ids)
    rig.controller.set_shuffle(ShuffleMode.TRACKS)
    rig.controller.set_repeat(RepeatMode.ALL)
    rig.controller.next()
    rig.play_for(12.5)
    rig.controller.pause()
    playing = rig.backend.current()
    snapshot = rig.controller.queue.snapshot()
    rig.controller.close()

    rig.start()  # a new backend and controller, as after a restart
    assert rig.controller.restore()
    rig.run()
    restored = rig.backend.current()
    assert restored is not None and playing is not None
    assert (restored.path, restored.key) == (playing.path, playing.key)
    assert restored.start == pytest.approx(12.5)
    assert rig.backend.state() is PlaybackState.PAUSED
    assert rig.controller.queue.snapshot() == snapshot
    rig.controller.play()
    rig.play_for(1.0)
    assert rig.backend.position() == pytest.approx(13.5)


def test_without_a_saved_queue_restore_says_so(rig: Rig) -> None:
    assert not rig.controller.restore()
    assert rig.backend.current() is None


def album_rig(tmp_path: Path, **kwargs: object) -> Rig:
    album = [
        tags(100.0, "Blue", n, rg_track_gain=g, rg_track_peak=0.5, rg_album_gain=-4.0,
             rg_album_peak=0.9)
        for n, g in ((1, -3.0), (2, -7.0), (3, -5.0))
    ]  # fmt: skip
    single = tags(100.0, "Other", 1, rg_track_gain=-2.0, rg_track_peak=0.5)
    untagged = tags(100.0)
    return Rig(tmp_path, [*album, single, untagged], **kwargs)


def test_auto_gain_is_the_album_gain_while_an_album_plays_in_order(tmp_path: Path) -> None:
    rig = album_rig(tmp_path)
    rig.controller.play_tracks(rig.ids[:3], start=1)
    rig.run()
    assert rig.backend.gain() == -4.0
    prepared = rig.backend.prepared()
    assert prepared is not None and prepared.gain_db == -4.0
    rig.controller.play_tracks([rig.ids[1], rig.ids[3], rig.ids[0]])
    rig.run()
    assert rig.backend.gain() == -7.0, "out of album order: the track gain"


def test_gain_modes_preamp_fallback_and_a_change_while_playing(tmp_path: Path) -> None:
    rig = album_rig(
        tmp_path,
        replaygain=ReplayGainSettings(ReplayGainMode.TRACK, preamp_db=2.0, fallback_db=-9.0),
    )
    rig.controller.play_tracks([rig.ids[3], rig.ids[4]])
    rig.run()
    assert rig.backend.gain() == 0.0  # -2 + 2
    prepared = rig.backend.prepared()
    assert prepared is not None and prepared.gain_db == -9.0, "untagged: the fallback gain"
    rig.controller.set_replaygain(ReplayGainSettings(ReplayGainMode.OFF))
    assert rig.backend.gain() == 0.0
    rig.controller.set_replaygain(ReplayGainSettings(ReplayGainMode.TRACK, preamp_db=-1.0))
    assert rig.backend.gain() == -3.0
    prepared = rig.backend.prepared()
    assert prepared is not None and prepared.gain_db == -6.0


def test_a_track_gone_from_the_library_is_passed_over(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[0], rig.ids[2]])
    rig.run()
    with transaction(rig.db.conn):
        rig.db.conn.execute("DELETE FROM tracks WHERE id = ?", (rig.ids[2],))
    rig.controller.next()
    rig.run()
    assert any(isinstance(e, Unplayable) and e.track_id == rig.ids[2] for e in rig.events)


def test_item_fields(rig: Rig) -> None:
    rig.controller.play_tracks([rig.ids[2]])
    item = rig.backend.current()
    entry = rig.controller.queue.current()
    assert entry is not None
    assert item == PlayItem("/music/02.flac", -6.0, entry.id, 0.0, 30.0)
    assert dataclasses.replace(item, start=1.0) != item


def test_a_preview_plays_outside_the_queue_and_play_returns_to_it(rig: Rig) -> None:
    from rvibe_player.playback.controller import PREVIEW_KEY, PreviewPlaying

    rig.controller.play_tracks(rig.ids[:3])
    rig.play_for(20.0)  # 20 s into the first track: not yet a play
    rig.controller.play_preview("http://127.0.0.1:9/preview.wav", "A preview")
    rig.run()
    item = rig.backend.current()
    assert item is not None and item.key == PREVIEW_KEY
    assert any(isinstance(e, PreviewPlaying) and e.title == "A preview" for e in rig.events)
    rig.play_for(10.0)
    rig.backend.stop()  # the listener has heard enough of it
    rig.run()
    assert rig.controller.queue.current() is not None
    assert rig.controller.queue.current().track_id == rig.ids[0]  # the queue did not move on
    first = rig.track(0)
    assert (first.play_count, first.skip_count) == (0, 0)  # a preview is neither
    rig.controller.play()  # back to the queue's track, where it was
    rig.run()
    back = rig.backend.current()
    assert back is not None and back.key != PREVIEW_KEY
    assert rig.controller.queue.entry(back.key).track_id == rig.ids[0]
    assert back.start == pytest.approx(20.0, abs=0.5)


def test_album_shuffle_reads_the_albums_and_keeps_them_together(tmp_path: Path) -> None:
    rig = album_rig(tmp_path)
    order = [rig.ids[3], rig.ids[0], rig.ids[4], rig.ids[1], rig.ids[2]]
    rig.controller.play_tracks(order)
    rig.controller.set_shuffle(ShuffleMode.ALBUMS)
    played = [e.track_id for e in rig.controller.queue.play_order()]
    blue = [i for i in played if i in rig.ids[:3]]
    assert blue == rig.ids[:3], "album order within the album"
    first = played.index(rig.ids[0])
    assert played[first : first + 3] == rig.ids[:3], f"the album plays as one block: {played}"
    assert sorted(played) == sorted(order)
