"""A real libVLC backend writing its decoded output to a WAV file, driven from the test thread.

The test thread is the owner thread: it drains the dispatcher while it waits, so libVLC's
events arrive exactly as they will in the app, and waits end on events, never on sleeps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.backend import Backend, BackendEvent, PlayItem
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.vlc_backend import VlcBackend
from tests.helpers.audio import Audio, read_wav
from tests.helpers.requirements import need

ENGINES = ("players", "stream")
"""Our two libVLC backends: two players meeting in the sound server, and one stream."""

E = TypeVar("E")


def vlc_backend(
    post: Callable[[Callable[[], None]], None],
    wav: Path,
    engine: str = "players",
    **kwargs: object,
) -> Backend:
    """A backend on the ``afile`` output; skips (fails in CI) without libVLC."""
    args = ["--aout=afile", f"--audiofile-file={wav}"]
    try:
        if engine == "stream":
            from rvibe_player.playback.stream_backend import StreamBackend

            return StreamBackend(post, args=args, **kwargs)  # type: ignore[arg-type]
        return VlcBackend(post, args=args, **kwargs)  # type: ignore[arg-type]
    except PlaybackUnavailableError as exc:
        need(False, str(exc), "RVIBE_REQUIRE_VLC")
        raise


class AfileHarness:
    """One backend, its events, and the WAV file its output goes to."""

    def __init__(
        self, wav: Path, dispatcher: QueueDispatcher | None = None, engine: str = "players"
    ) -> None:
        self.wav = wav
        self.engine = engine
        self.dispatcher = dispatcher or QueueDispatcher()
        self.events: list[BackendEvent] = []
        self.backend = vlc_backend(self.dispatcher.post, wav, engine)
        self.backend.add_listener(self.events.append)

    def play(self, item: PlayItem) -> None:
        self.backend.load(item)
        self.backend.play()

    def first(self, kind: type[E], condition: Callable[[E], bool] = lambda e: True) -> E | None:
        return next((e for e in self.events if isinstance(e, kind) and condition(e)), None)

    def wait_for(
        self, kind: type[E], condition: Callable[[E], bool] = lambda e: True, timeout: float = 15.0
    ) -> E:
        """Run events until one of ``kind`` satisfying ``condition`` has arrived."""
        found = self.dispatcher.run_until(lambda: self.first(kind, condition) is not None, timeout)
        assert found, f"no {kind.__name__} within {timeout} s; events: {self.events[-8:]}"
        event = self.first(kind, condition)
        assert event is not None
        return event

    def output(self) -> Audio:
        """Stop, and read what was decoded (afile completes its WAV header on stop)."""
        self.backend.stop()
        return read_wav(self.wav)

    def close(self) -> None:
        self.backend.close()
