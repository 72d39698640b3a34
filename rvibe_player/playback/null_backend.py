"""A backend without audio: time passes on a clock, or every item fails with a stated reason.

Used when libVLC is missing (every item fails with the reason, so the user reads what to
install) and wherever playback is simulated: controller tests drive it with a fake clock and
call :meth:`NullBackend.tick` where the app lets a ticker thread post it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from rvibe_player.playback.backend import (
    Advanced,
    DurationChanged,
    EventSource,
    Failed,
    Finished,
    PlaybackState,
    PlayItem,
    PositionChanged,
    Post,
)

Check = Callable[[PlayItem], str | None]
"""Says why an item cannot play (None: it can)."""


class NullBackend(EventSource):
    """Plays silently by the clock, using each item's known duration."""

    def __init__(
        self,
        post: Post,
        *,
        clock: Callable[[], float] = time.monotonic,
        check: Check | None = None,
        tick_interval: float | None = None,
    ) -> None:
        """Create the backend.

        Args:
            post: runs a function on the owner thread (see :mod:`.backend`).
            clock: seconds on a monotonic clock; tests pass a fake one.
            check: says why an item cannot play; None lets everything play.
            tick_interval: when given, a thread posts :meth:`tick` this often (seconds).
        """
        super().__init__(post)
        self._clock = clock
        self._check = check
        self._item: PlayItem | None = None
        self._next: PlayItem | None = None
        self._offset = 0.0  # position when the clock was last read into it
        self._since: float | None = None  # clock reading while playing
        self._volume = 100
        self._muted = False
        self._gain = 0.0
        self._closed = threading.Event()
        if tick_interval is not None:
            threading.Thread(
                target=self._ticker, args=(tick_interval,), name="null-backend-ticker", daemon=True
            ).start()

    # -- transport -------------------------------------------------------------------------

    def load(self, item: PlayItem) -> None:
        """Make ``item`` current, paused at its start (or report why it cannot play)."""
        self._since = None
        reason = self._check(item) if self._check else None
        if reason is not None:
            self._item = None
            self._set_state(PlaybackState.STOPPED)
            self._emit(Failed(item, reason))
            return
        self._item = item
        self._gain = item.gain_db
        self._offset = item.start
        self._set_state(PlaybackState.PAUSED)
        self._emit(DurationChanged(item, item.duration))

    def play(self) -> None:
        """Start or resume the current item."""
        if self._item is not None and self._state is PlaybackState.PAUSED:
            self._since = self._clock()
            self._set_state(PlaybackState.PLAYING)

    def pause(self) -> None:
        """Pause where the clock says playback is."""
        if self._state is PlaybackState.PLAYING:
            self._offset = self.position()
            self._since = None
            self._set_state(PlaybackState.PAUSED)

    def stop(self) -> None:
        """Forget the current and the prepared item."""
        self._item = self._next = None
        self._since = None
        self._offset = 0.0
        self._set_state(PlaybackState.STOPPED)

    def seek(self, seconds: float) -> None:
        """Jump within the current item."""
        if self._item is None:
            return
        self._offset = max(0.0, seconds)
        if self._since is not None:
            self._since = self._clock()

    def position(self) -> float:
        """Seconds into the current item by the clock."""
        if self._item is None:
            return 0.0
        if self._since is None:
            return self._offset
        return self._offset + self._clock() - self._since

    def duration(self) -> float:
        """The current item's known duration."""
        return self._item.duration if self._item else 0.0

    def current(self) -> PlayItem | None:
        """The current item."""
        return self._item

    def prepared(self) -> PlayItem | None:
        """The item prepared to follow (for tests)."""
        return self._next

    # -- output ----------------------------------------------------------------------------

    def volume(self) -> int:
        """Output volume, 0-100."""
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Set the output volume, clamped to 0-100."""
        self._volume = max(0, min(100, int(volume)))

    def muted(self) -> bool:
        """Whether the output is muted."""
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute."""
        self._muted = muted

    def output_devices(self) -> list[tuple[str, str]]:
        """No devices without audio."""
        return []

    def set_output_device(self, device_id: str) -> None:
        """Nothing to choose without audio."""

    def gain(self) -> float:
        """The gain in dB applied to the current item (for tests)."""
        return self._gain

    def set_gain(self, gain_db: float) -> None:
        """Change the current item's gain."""
        self._gain = gain_db

    def prepare_next(self, item: PlayItem | None) -> None:
        """Remember the item to follow, or report why it cannot play."""
        reason = self._check(item) if self._check and item else None
        if item is not None and reason is not None:
            self._next = None
            self._emit(Failed(item, reason))
            return
        self._next = item

    # -- the clock -------------------------------------------------------------------------

    def tick(self) -> None:
        """Report the position, and move on when the current item's time is up."""
        item = self._item
        if item is None or self._state is not PlaybackState.PLAYING:
            return
        position = self.position()
        if item.duration <= 0 or position < item.duration:
            self._emit(PositionChanged(item, position))
            return
        overflow = position - item.duration
        following, self._next = self._next, None
        if following is None:
            self.stop()
            self._emit(Finished(item))
            return
        self._item = following
        self._gain = following.gain_db
        self._offset = following.start + overflow
        self._since = self._clock()
        self._emit(Advanced(item, following))
        self._emit(DurationChanged(following, following.duration))

    def _ticker(self, interval: float) -> None:
        while not self._closed.wait(interval):
            self._post(self.tick)

    def close(self) -> None:
        """Stop, and end the ticker thread if there is one."""
        self.stop()
        self._closed.set()
