"""The playback backend interface: what to play, the states, and the events a backend reports.

Threads: every method of a backend is called from one owner thread (the GUI thread in the
app). A backend never calls its listeners from another thread: whatever happens on the audio
engine's own threads is handed to the injected ``post`` dispatcher, which runs it later on
the owner thread (the app uses a queued Qt signal; tests and tools use
:class:`~rvibe_player.playback.dispatch.QueueDispatcher`). So a listener may call the backend
freely, and no listener is ever called from inside a backend method.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words
from rvibe_player.library.model import display_path

Post = Callable[[Callable[[], None]], None]
"""Runs the given function soon on the owner thread; callable from any thread, never blocks."""


class PlaybackState(enum.Enum):
    """Where the backend is with its current item."""

    STOPPED = "stopped"
    """Nothing loaded, stopped by the user, the item ended with nothing after it, or it failed."""
    LOADING = "loading"
    """Opening the item's file."""
    PAUSED = "paused"
    """Loaded and ready at its start position (after ``load``), or paused by the user."""
    PLAYING = "playing"


@dataclass(frozen=True, slots=True)
class PlayItem:
    """One thing to play: a file, the gain to apply, and the caller's key for it."""

    path: str
    gain_db: float = 0.0
    """ReplayGain (or fallback) gain in dB, already computed by the caller."""
    key: int = 0
    """The caller's id for this item (the controller uses its queue entry id)."""
    start: float = 0.0
    """Where to start, in seconds (a resume position)."""
    duration: float = 0.0
    """The length the library knows, in seconds; a backend that cannot read files uses it."""


@dataclass(frozen=True, slots=True)
class StateChanged:
    """The backend's state changed."""

    state: PlaybackState


@dataclass(frozen=True, slots=True)
class PositionChanged:
    """Playback reached ``position`` seconds into ``item`` (a few times a second)."""

    item: PlayItem
    position: float


@dataclass(frozen=True, slots=True)
class DurationChanged:
    """The item's length became known (or changed), in seconds."""

    item: PlayItem
    duration: float


@dataclass(frozen=True, slots=True)
class Advanced:
    """The prepared next item took over without a stop: it is now the current item."""

    previous: PlayItem
    item: PlayItem


@dataclass(frozen=True, slots=True)
class Finished:
    """The item played to its end and nothing was prepared after it; the state is STOPPED."""

    item: PlayItem


@dataclass(frozen=True, slots=True)
class Failed:
    """The item cannot be played; ``reason`` says why, in words for the listener.

    When ``item`` is the current item the state is STOPPED; when it is the prepared next item
    the current one plays on and nothing is prepared any more.
    """

    item: PlayItem
    reason: str

    @property
    def message(self) -> str:
        """A sentence for the listener naming the file and saying why."""
        name = display_path(self.item.path).replace("\\", "/").rsplit("/", 1)[-1]
        return Words(
            "Playback", QT_TRANSLATE_NOOP("Playback", "Cannot play “%1”: %2."), name, self.reason
        )


@dataclass(frozen=True, slots=True)
class OutputFailed:
    """No sound device could be opened: the item waits where it is (PAUSED), so the queue
    keeps its place; ``reason`` is what the system said."""

    reason: str

    @property
    def message(self) -> str:
        """A sentence for the listener saying what to check."""
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP(
                "Playback",
                "No sound (%1): check the speakers or headphones and that PulseAudio or PipeWire "
                "runs, or pick another output in Settings, then press Play.",
            ),
            self.reason,
        )


BackendEvent = (
    StateChanged | PositionChanged | DurationChanged | Advanced | Finished | Failed | OutputFailed
)
Listener = Callable[[BackendEvent], None]


class Backend(Protocol):
    """A player of one item at a time, with an optional prepared next item for short gaps."""

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` (on the owner thread) with every event from now on."""

    def load(self, item: PlayItem) -> None:
        """Open ``item`` ready to play from ``item.start``, replacing whatever was current.

        The state goes to LOADING, then PAUSED when ready (or :class:`Failed`); ``play``
        may be called at once, it starts as soon as the file is open.
        """

    def play(self) -> None:
        """Start or resume the current item."""

    def pause(self) -> None:
        """Pause the current item (play resumes it where it was)."""

    def stop(self) -> None:
        """Stop and forget the current and the prepared item."""

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` into the current item."""

    def position(self) -> float:
        """Seconds into the current item (0 when there is none)."""

    def duration(self) -> float:
        """Length of the current item in seconds (0 when unknown)."""

    def state(self) -> PlaybackState:
        """The current state."""

    def current(self) -> PlayItem | None:
        """The item loaded or playing, if any."""

    def volume(self) -> int:
        """Output volume, 0-100."""

    def set_volume(self, volume: int) -> None:
        """Set the output volume, 0-100 (values outside are clamped)."""

    def muted(self) -> bool:
        """Whether the output is muted."""

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the output."""

    def output_devices(self) -> list[tuple[str, str]]:
        """``(device id, description)`` pairs to offer the listener (may be empty)."""

    def set_output_device(self, device_id: str) -> None:
        """Play through this device ("" for the system's default)."""

    def set_gain(self, gain_db: float) -> None:
        """Change the current item's gain now (for a changed ReplayGain setting)."""

    def prepare_next(self, item: PlayItem | None) -> None:
        """Get ``item`` ready to follow the current one with the shortest gap (None: nothing)."""

    def close(self) -> None:
        """Stop and free the audio engine; the backend is unusable afterwards."""


class EventSource:
    """What every backend shares: its listeners, posting events to them, and its state."""

    def __init__(self, post: Post) -> None:
        self._post = post
        self._listeners: list[Listener] = []
        self._state = PlaybackState.STOPPED

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` (on the owner thread) with every event from now on."""
        self._listeners.append(listener)

    def state(self) -> PlaybackState:
        """The current state."""
        return self._state

    def _emit(self, event: BackendEvent) -> None:
        """Deliver ``event`` to the listeners later, on the owner thread."""

        def deliver() -> None:
            for listener in list(self._listeners):
                listener(event)

        self._post(deliver)

    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self._emit(StateChanged(state))
