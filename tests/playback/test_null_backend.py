"""The null backend: silent playback by a clock, prepared items, failures with a reason."""

from __future__ import annotations

from rvibe_player.playback.backend import (
    Advanced,
    BackendEvent,
    DurationChanged,
    Failed,
    Finished,
    PlaybackState,
    PlayItem,
    PositionChanged,
    StateChanged,
)
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.null_backend import NullBackend


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make() -> tuple[NullBackend, Clock, QueueDispatcher, list[BackendEvent]]:
    clock, dispatcher, events = Clock(), QueueDispatcher(), []
    backend = NullBackend(dispatcher.post, clock=clock)
    backend.add_listener(events.append)
    return backend, clock, dispatcher, events


A = PlayItem("/music/a.flac", key=1, duration=10.0)
B = PlayItem("/music/b.flac", key=2, duration=5.0, gain_db=-3.0)


def test_events_are_posted_never_delivered_inside_a_call() -> None:
    backend, _clock, dispatcher, events = make()
    backend.load(A)
    assert events == []
    dispatcher.run_pending()
    assert events == [StateChanged(PlaybackState.PAUSED), DurationChanged(A, 10.0)]


def test_plays_by_the_clock_and_pauses() -> None:
    backend, clock, dispatcher, events = make()
    backend.load(PlayItem("/music/a.flac", start=2.0, duration=10.0))
    backend.play()
    clock.now += 3.0
    assert backend.position() == 5.0
    backend.pause()
    clock.now += 100.0
    assert backend.position() == 5.0
    backend.seek(8.0)
    backend.play()
    clock.now += 1.0
    backend.tick()
    dispatcher.run_pending()
    assert isinstance(events[-1], PositionChanged) and events[-1].position == 9.0


def test_prepared_item_follows_without_a_stop_and_the_last_finishes() -> None:
    backend, clock, dispatcher, events = make()
    backend.load(A)
    backend.prepare_next(B)
    backend.play()
    clock.now += 10.5
    backend.tick()
    assert backend.current() == B and backend.position() == 0.5 and backend.gain() == -3.0
    clock.now += 5.0
    backend.tick()
    dispatcher.run_pending()
    assert Advanced(A, B) in events
    assert events[-1] == Finished(B)
    assert backend.state() is PlaybackState.STOPPED


def test_check_fails_items_with_its_reason() -> None:
    dispatcher, events = QueueDispatcher(), []
    backend = NullBackend(dispatcher.post, check=lambda item: "no audio engine")
    backend.add_listener(events.append)
    backend.load(A)
    backend.prepare_next(B)
    dispatcher.run_pending()
    assert Failed(A, "no audio engine") in events and Failed(B, "no audio engine") in events
    assert backend.state() is PlaybackState.STOPPED and backend.current() is None
