"""Make libVLC tell a track's end as soon as its last sample has played.

Once its demuxer has read a file to the end ("EOF reached" in its log), libVLC 3's input
thread waits for the decoders and the audio output to play out what they hold, but it checks
whether they have only every 100 ms (``INPUT_IDLE_SLEEP``). Its EndReached then comes up to
100 ms after the last sample was heard, and wherever the next track waits for that event (the
handover at the end, or the last track's end) the listener hears the wait as silence:
bench/playback.py measured 100 ms. Any control sent to the input wakes it for another check,
so from the "EOF reached" until the end is reported (or ``WINDOW`` has passed), a thread of our
own sets each player's rate to the rate it already has, every ``INTERVAL``: nothing changes for
the input but the wake-up, and the end is told within a few milliseconds of the last sample.

Threads: :meth:`EndNudge.eof` is called from libVLC's log callback and only sets a deadline;
the nudging runs on an :class:`.Alarm`'s thread of its own (libVLC's player calls are
thread-safe, and the players outlive it: :meth:`EndNudge.close` ends it before they are
released).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from rvibe_player.playback.alarm import Alarm

INTERVAL = 0.002
"""Seconds between two wake-ups of the inputs (each costs libVLC a few microseconds)."""
WINDOW = 3.0
"""Seconds after "EOF reached" to keep nudging: what is still buffered then plays in about
0.2 s on PulseAudio (the file cache, 100 ms, and the output's buffer); beyond the window,
libVLC's own 100 ms check still tells the end."""


class EndNudge:
    """Wakes libVLC's inputs every ``INTERVAL`` while a demuxer has reached its end."""

    def __init__(self, players: Sequence[Any]) -> None:
        """``players``: the ``vlc.MediaPlayer`` objects to wake (any of them may be at the
        end: libVLC's log does not say which)."""
        self._players = list(players)
        self._until = 0.0
        # The alarm's thread runs the wake-ups itself (they only call libVLC, never our code).
        self._alarm = Alarm(lambda function: function(), name="vlc-end-nudge")

    def eof(self) -> None:
        """A demuxer has read its file to the end (from libVLC's thread: only notes it)."""
        now = time.monotonic()
        self._until = now + WINDOW
        self._alarm.set(now, self._wake)

    def rest(self) -> None:
        """The end has been told: stop nudging until the next "EOF reached"."""
        self._until = 0.0
        self._alarm.cancel()

    def close(self) -> None:
        """End the thread (before the players are released: it waits for a wake-up)."""
        self._alarm.close()

    def _wake(self) -> None:
        now = time.monotonic()
        if now >= self._until:
            return
        for player in self._players:
            player.set_rate(player.get_rate())
        self._alarm.set(now + INTERVAL, self._wake)
