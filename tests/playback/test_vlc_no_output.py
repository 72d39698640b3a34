"""No sound device: the player says so once, in words, and the queue keeps its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.scanner import Scanner
from rvibe_player.playback.backend import (
    Advanced,
    Backend,
    Finished,
    OutputFailed,
    PlaybackState,
)
from rvibe_player.playback.controller import ControllerEvent, PlaybackController
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.queue_store import QueueStore
from rvibe_player.playback.stream_backend import StreamBackend
from rvibe_player.playback.vlc_backend import VlcBackend
from scripts.make_corpus import Manifest
from tests.helpers.requirements import need

pytestmark = pytest.mark.vlc

NO_DEVICE = ["--aout=alsa", "--alsa-audio-device=rvibe-no-such-device"]
"""An output that cannot open on any machine: ALSA with a device that does not exist."""


def test_no_sound_device_holds_the_queue_and_says_so_once(
    small_corpus: Manifest, tmp_path: Path, engine: str
) -> None:
    dispatcher = QueueDispatcher()
    try:
        if engine == "stream":
            backend: Backend = StreamBackend(dispatcher.post, args=NO_DEVICE)
        else:
            backend = VlcBackend(dispatcher.post, args=NO_DEVICE)
    except PlaybackUnavailableError as exc:
        need(False, str(exc), "RVIBE_REQUIRE_VLC")
        raise
    Scanner(tmp_path / "lib.sqlite3", workers=1).scan([str(small_corpus.root)])
    library = LibraryDatabase(tmp_path / "lib.sqlite3")
    controller = PlaybackController(
        backend, library, dispatcher.post, store=QueueStore(tmp_path / "q.json")
    )
    events: list[ControllerEvent] = []
    controller.add_listener(events.append)
    try:
        tracks = [t for t in library.tracks(list(range(1, 60))) if t.path.endswith(".flac")][:3]
        controller.play_tracks([t.id for t in tracks])
        first = controller.queue.current()
        assert first is not None

        def failed() -> list[OutputFailed]:
            return [e for e in events if isinstance(e, OutputFailed)]

        assert dispatcher.run_until(lambda: bool(failed()), 15), events[-5:]
        assert dispatcher.run_until(lambda: backend.state() is PlaybackState.PAUSED, 5)
        dispatcher.run_until(lambda: False, 2.0)  # the 1-second tracks would be over by now
        assert len(failed()) == 1, "said once"
        assert "rvibe-no-such-device" in failed()[0].message
        assert "speakers or headphones" in failed()[0].message and "No sound" in failed()[0].message
        assert not [e for e in events if isinstance(e, Advanced | Finished)]
        assert controller.queue.current() == first, "the queue keeps its place"
        assert backend.state() is PlaybackState.PAUSED
        controller.play()  # trying again says so again
        assert dispatcher.run_until(lambda: len(failed()) == 2, 15)
    finally:
        controller.close()
        backend.close()
        library.close()
