"""The UI's one view of playback: controller events as Qt signals, and the current state.

The now-playing bar, the queue page, the tray and MPRIS all read state here and act through
here, so they always agree. Controller events already arrive on the GUI thread (the
controller posts them through :class:`~rvibe_player.ui.shell.dispatcher.QtDispatcher`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from rvibe_player import settings as keys
from rvibe_player.library.model import Track
from rvibe_player.playback.backend import (
    DurationChanged,
    Failed,
    Finished,
    OutputFailed,
    PlaybackState,
    PositionChanged,
    StateChanged,
)
from rvibe_player.playback.controller import (
    ControllerEvent,
    NowPlaying,
    PlaybackController,
    PreviewPlaying,
    QueueChanged,
    Unplayable,
)
from rvibe_player.playback.play_stats import PlayCounted
from rvibe_player.playback.queue import RepeatMode, ShuffleMode
from rvibe_player.settings import Settings
from rvibe_player.ui.shell.core_words import say

log = logging.getLogger(__name__)


class PlayerBridge(QObject):
    """Signals and actions over a :class:`PlaybackController`."""

    state_changed = Signal(str)
    """``playing``, ``paused``, ``stopped`` or ``loading``."""
    track_changed = Signal(object)
    """The current :class:`Track`, or None."""
    position_changed = Signal(float, float)
    """(seconds in, length in seconds) a few times a second."""
    queue_changed = Signal()
    modes_changed = Signal()
    volume_changed = Signal(int, bool)
    """(volume 0-100, muted)."""
    seeked = Signal(float)
    """The user jumped to a position (MPRIS announces it)."""
    problem = Signal(str)
    """Something could not play; the text names the file and says why."""
    preview_started = Signal(str)
    play_counted = Signal(int)
    """A track's play was counted and logged (its id)."""
    """A store preview plays (its title); the queue waits."""

    def __init__(
        self,
        controller: PlaybackController,
        settings: Settings,
        unavailable: str | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.unavailable = unavailable
        """Why there is no sound at all (libVLC missing), or None."""
        self.track: Track | None = None
        self.state = "stopped"
        self.position = 0.0
        self.duration = 0.0
        self.preview_title = ""
        """What preview plays ("" when none)."""
        controller.add_listener(self._on_event)

    def detach(self) -> None:
        """Hear nothing more from the controller (the window is closing; the session goes on
        to close the player, whose last events nobody shows)."""
        self.controller.remove_listener(self._on_event)

    # -- events ------------------------------------------------------------------------------

    def _on_event(self, event: ControllerEvent) -> None:
        if isinstance(event, StateChanged):
            self.state = event.state.value
            self.state_changed.emit(self.state)
        elif isinstance(event, NowPlaying):
            self.preview_title = ""
            self.track = event.track
            self.position = 0.0
            self.duration = event.track.duration
            self.track_changed.emit(event.track)
        elif isinstance(event, PositionChanged):
            self.position = event.position
            self.position_changed.emit(self.position, self.duration)
        elif isinstance(event, DurationChanged):
            self.duration = event.duration
            self.position_changed.emit(self.position, self.duration)
        elif isinstance(event, Unplayable):
            self.problem.emit(say(event.message))
        elif isinstance(event, PreviewPlaying):
            self.track = None
            self.position, self.duration = 0.0, 0.0
            self.preview_title = event.title
            self.track_changed.emit(None)
            self.preview_started.emit(event.title)
        elif isinstance(event, PlayCounted):
            self.play_counted.emit(event.track_id)
        elif isinstance(event, OutputFailed):
            self.problem.emit(say(event.message))
        elif isinstance(event, Failed):
            log.info("Backend failure: %s", event.reason)
        elif isinstance(event, Finished):
            self.track = None
            self.track_changed.emit(None)
        elif isinstance(event, QueueChanged):
            self.queue_changed.emit()
            self.modes_changed.emit()

    # -- state -------------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self.state == PlaybackState.PLAYING.value

    def volume(self) -> int:
        return self.controller.backend.volume()

    def muted(self) -> bool:
        return self.controller.backend.muted()

    def shuffle(self) -> ShuffleMode:
        return self.controller.queue.shuffle

    def repeat(self) -> RepeatMode:
        return self.controller.queue.repeat

    def can_go_next(self) -> bool:
        return bool(self.controller.queue.upcoming(1)) or self.repeat() is RepeatMode.ALL

    # -- actions -----------------------------------------------------------------------------

    def play_tracks(self, track_ids: Sequence[int], start: int = 0) -> None:
        if track_ids:
            self.controller.play_tracks(list(track_ids), start)

    def play_next(self, track_ids: Sequence[int]) -> None:
        self.controller.play_next(list(track_ids))

    def enqueue(self, track_ids: Sequence[int]) -> None:
        self.controller.enqueue(list(track_ids))

    def toggle(self) -> None:
        self.controller.toggle()

    def play(self) -> None:
        self.controller.play()

    def pause(self) -> None:
        self.controller.pause()

    def stop(self) -> None:
        self.controller.stop()

    def next(self) -> None:
        self.controller.next()

    def previous(self) -> None:
        self.controller.previous()

    def seek(self, seconds: float) -> None:
        if self.track is None:
            return
        target = max(0.0, min(seconds, self.duration or seconds))
        self.controller.seek(target)
        self.position = target
        self.position_changed.emit(self.position, self.duration)
        self.seeked.emit(target)

    def seek_by(self, delta: float) -> None:
        self.seek(self.position + delta)

    def set_volume(self, volume: int) -> None:
        volume = max(0, min(100, int(volume)))
        self.controller.set_volume(volume)
        self.settings.set(keys.VOLUME, volume)
        self.volume_changed.emit(volume, self.muted())

    def change_volume(self, delta: int) -> None:
        self.set_volume(self.volume() + delta)

    def set_muted(self, muted: bool) -> None:
        self.controller.set_muted(muted)
        self.volume_changed.emit(self.volume(), muted)

    def set_shuffle(self, mode: ShuffleMode) -> None:
        self.controller.set_shuffle(mode)

    def set_repeat(self, mode: RepeatMode) -> None:
        self.controller.set_repeat(mode)

    def cycle_shuffle(self) -> None:
        order = [ShuffleMode.OFF, ShuffleMode.TRACKS, ShuffleMode.ALBUMS]
        self.set_shuffle(order[(order.index(self.shuffle()) + 1) % len(order)])

    def cycle_repeat(self) -> None:
        order = [RepeatMode.OFF, RepeatMode.ALL, RepeatMode.ONE]
        self.set_repeat(order[(order.index(self.repeat()) + 1) % len(order)])

    def preview(self, url: str, title: str) -> None:
        """Stream a store preview now; Play afterwards returns to the queue."""
        self.controller.play_preview(url, title)

    def jump(self, entry_id: int) -> None:
        self.controller.jump(entry_id)

    def remove(self, entry_ids: Sequence[int]) -> None:
        self.controller.remove(entry_ids)

    def move(self, entry_ids: Sequence[int], to: int) -> None:
        self.controller.move(entry_ids, to)
