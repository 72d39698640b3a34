"""The end nudge wakes libVLC's inputs only between an "EOF reached" and the end's report."""

from __future__ import annotations

import threading
import time

import pytest

from rvibe_player.playback import end_nudge
from rvibe_player.playback.end_nudge import EndNudge
from tests.helpers.waiting import eventually


class Player:
    """Stands in for a ``vlc.MediaPlayer``: counts the wake-ups (a rate set to itself)."""

    def __init__(self) -> None:
        self.rate = 1.0
        self.wakes = 0
        self.lock = threading.Lock()

    def get_rate(self) -> float:
        return self.rate

    def set_rate(self, rate: float) -> None:
        assert rate == self.rate, "a nudge never changes the rate"
        with self.lock:
            self.wakes += 1


def test_it_wakes_every_player_after_eof_and_rests_when_the_end_is_told() -> None:
    players = [Player(), Player()]
    nudge = EndNudge(players)
    try:
        time.sleep(0.05)
        assert [p.wakes for p in players] == [0, 0], "nothing is nudged before an end nears"
        nudge.eof()
        eventually(lambda: all(p.wakes >= 5 for p in players), timeout=2.0)
        nudge.rest()
        time.sleep(0.02)
        counts = [p.wakes for p in players]
        time.sleep(0.05)
        assert [p.wakes for p in players] == counts, "resting: no more wake-ups"
    finally:
        nudge.close()


def test_it_gives_up_after_its_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(end_nudge, "WINDOW", 0.05)
    player = Player()
    nudge = EndNudge([player])
    try:
        nudge.eof()
        eventually(lambda: player.wakes > 0, timeout=2.0)
        time.sleep(0.1)
        count = player.wakes
        time.sleep(0.05)
        assert player.wakes == count, "libVLC's own check takes over after the window"
    finally:
        nudge.close()


def test_closing_ends_its_thread_even_while_nudging() -> None:
    nudge = EndNudge([Player()])
    nudge.eof()
    nudge.close()
    assert not nudge._alarm._thread.is_alive()
