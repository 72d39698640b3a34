"""Each item on the backend that plays it best: one stream where libVLC keeps every sample
through it, two players elsewhere.

The single stream (:mod:`.stream_backend`) joins tracks to the sample, but libVLC 3's stream
output loses the end of some formats (WavPack a second, TTA 0.9 s, WAV 28 ms) and an MP3's
first 26 ms; through it FLAC, Vorbis, Opus and AAC keep all but 7 ms (pinned in
tests/playback/test_stream_backend.py). So those play in the stream, everything else (and a
store's preview, streamed over HTTP) on the two players of :mod:`.vlc_backend`, whose joins
leave 1-3 ms. Within a backend the prepared item follows as that backend does; when the next
item belongs to the other one, nothing is prepared, the current item finishes and the
controller loads the next, which then opens on the other backend.

Threads: the owner thread only. The two backends post their events to the owner thread;
those of the backend that holds the current item are passed on, the other's dropped.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from rvibe_player.playback.backend import (
    Backend,
    BackendEvent,
    Listener,
    PlaybackState,
    PlayItem,
)
from rvibe_player.playback.vlc_log import is_stream

STREAM_WHOLE = frozenset({".flac", ".ogg", ".oga", ".opus", ".m4a", ".mp4", ".m4b"})
"""Extensions whose decoding keeps every sample but the last 7 ms through a stream output."""


def streams_whole(item: PlayItem) -> bool:
    """Whether ``item`` plays in the single stream."""
    return not is_stream(item.path) and os.path.splitext(item.path)[1].lower() in STREAM_WHOLE


class HybridBackend:
    """Routes each item to the single stream or to the two players (module docstring)."""

    def __init__(self, players: Backend, stream: Backend) -> None:
        self._players = players
        self._stream = stream
        self._active = players
        self._listeners: list[Listener] = []
        for backend in (players, stream):
            backend.add_listener(self._forward(backend))

    def _forward(self, backend: Backend) -> Callable[[BackendEvent], None]:
        def forward(event: BackendEvent) -> None:  # on the owner thread, posted
            if backend is self._active:
                for listener in list(self._listeners):
                    listener(event)

        return forward

    def _for(self, item: PlayItem) -> Backend:
        return self._stream if streams_whole(item) else self._players

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` (on the owner thread) with every event from now on."""
        self._listeners.append(listener)

    def load(self, item: PlayItem) -> None:
        """Open ``item`` on its backend; the other one stops."""
        wanted = self._for(item)
        if wanted is not self._active:
            self._active.stop()
            self._active = wanted
        wanted.load(item)

    def prepare_next(self, item: PlayItem | None) -> None:
        """Prepare ``item`` when it plays on the current item's backend (else nothing: it
        is loaded once the current one has finished)."""
        same = item is not None and self._for(item) is self._active
        self._active.prepare_next(item if same else None)

    def play(self) -> None:
        """Start or resume the current item."""
        self._active.play()

    def pause(self) -> None:
        """Pause the current item."""
        self._active.pause()

    def stop(self) -> None:
        """Stop, and forget the current and the prepared item."""
        self._active.stop()

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` into the current item."""
        self._active.seek(seconds)

    def position(self) -> float:
        """Seconds into the current item."""
        return self._active.position()

    def duration(self) -> float:
        """Length of the current item in seconds (0 while unknown)."""
        return self._active.duration()

    def state(self) -> PlaybackState:
        """The current item's state."""
        return self._active.state()

    def current(self) -> PlayItem | None:
        """The current item."""
        return self._active.current()

    def volume(self) -> int:
        """Output volume, 0-100."""
        return self._active.volume()

    def set_volume(self, volume: int) -> None:
        """Set the output volume of both backends."""
        for backend in (self._players, self._stream):
            backend.set_volume(volume)

    def muted(self) -> bool:
        """Whether the output is muted."""
        return self._active.muted()

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute both backends."""
        for backend in (self._players, self._stream):
            backend.set_muted(muted)

    def output_devices(self) -> list[tuple[str, str]]:
        """``(device id, description)`` pairs of the sound server's devices."""
        return self._players.output_devices()

    def set_output_device(self, device_id: str) -> None:
        """Play through this device on both backends ("" for the system's default)."""
        for backend in (self._players, self._stream):
            backend.set_output_device(device_id)

    def set_gain(self, gain_db: float) -> None:
        """Change the current item's gain."""
        self._active.set_gain(gain_db)

    def close(self) -> None:
        """Stop and free both backends."""
        for backend in (self._players, self._stream):
            backend.close()
