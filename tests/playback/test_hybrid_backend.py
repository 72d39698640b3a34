"""The hybrid backend: FLAC, Vorbis, Opus and AAC in one stream, the rest on two players."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rvibe_player.playback.backend import (
    Advanced,
    Finished,
    PlaybackState,
    PlayItem,
    StateChanged,
)
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.hybrid_backend import HybridBackend, streams_whole
from tests.helpers.audio import read_wav, transition, zero_crossing_frequency
from tests.helpers.playback import AfileHarness, vlc_backend
from tests.helpers.tones import sine

pytestmark = pytest.mark.vlc


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One-second tones: 440 and 660 Hz as FLAC, 880 Hz as MP3."""
    folder = tmp_path_factory.mktemp("tones")
    return {name: sine(folder / name, hz, 1) for name, hz in
            (("a.flac", 440), ("b.flac", 660), ("c.mp3", 880))}  # fmt: skip


class Hybrid(AfileHarness):
    """A hybrid backend on afile: each inner backend writes its own WAV."""

    def __init__(self, folder: Path) -> None:
        self.dispatcher = QueueDispatcher()
        self.stream_wav, self.players_wav = folder / "stream.wav", folder / "players.wav"
        self.wav, self.engine = self.stream_wav, "hybrid"
        self.players = vlc_backend(self.dispatcher.post, self.players_wav, "players")
        self.stream = vlc_backend(self.dispatcher.post, self.stream_wav, "stream")
        self.backend = HybridBackend(self.players, self.stream)
        self.events = []
        self.backend.add_listener(self.events.append)


@pytest.fixture
def hybrid(tmp_path: Path) -> Iterator[Hybrid]:
    made = Hybrid(tmp_path)
    yield made
    made.close()


def test_which_items_play_in_the_stream() -> None:
    routed = {ext: streams_whole(PlayItem(f"/m/x.{ext}")) for ext in ("flac", "OGG", "opus",
              "m4a", "mp3", "wav", "wv", "tta", "ape")}  # fmt: skip
    assert routed == {"flac": True, "OGG": True, "opus": True, "m4a": True, "mp3": False,
                      "wav": False, "wv": False, "tta": False, "ape": False}  # fmt: skip
    assert not streams_whole(PlayItem("http://127.0.0.1:1/preview.flac"))


def test_two_flac_tracks_join_in_the_stream(tones: dict[str, Path], hybrid: Hybrid) -> None:
    hybrid.play(PlayItem(str(tones["a.flac"]), key=1))
    hybrid.backend.prepare_next(PlayItem(str(tones["b.flac"]), key=2))
    advanced = hybrid.wait_for(Advanced)
    assert (advanced.previous.key, advanced.item.key) == (1, 2)
    hybrid.wait_for(Finished)
    hybrid.backend.stop()
    audio = read_wav(hybrid.stream_wav)
    assert len(audio.samples) == 2 * audio.rate  # both, whole, in one stream
    assert transition(audio, 440, 660, 1.0).gap <= 0.0
    assert not hybrid.players_wav.exists(), "the players played nothing"


def test_an_mp3_after_a_flac_plays_on_the_players_once_the_flac_finished(
    tones: dict[str, Path], hybrid: Hybrid
) -> None:
    hybrid.play(PlayItem(str(tones["a.flac"]), key=1))
    hybrid.backend.prepare_next(PlayItem(str(tones["c.mp3"]), key=3))  # not prepared: later
    finished = hybrid.wait_for(Finished)
    assert finished.item.key == 1 and hybrid.first(Advanced) is None
    hybrid.events.clear()
    hybrid.play(PlayItem(str(tones["c.mp3"]), key=3))  # what the controller does next
    hybrid.wait_for(Finished)
    states = [e.state for e in hybrid.events if isinstance(e, StateChanged)]
    assert states == [PlaybackState.LOADING, PlaybackState.PLAYING, PlaybackState.STOPPED]
    hybrid.backend.stop()
    mp3 = read_wav(hybrid.players_wav)
    assert zero_crossing_frequency(mp3.slice(0.1, 0.9)) == pytest.approx(880, abs=2)
    flac = read_wav(hybrid.stream_wav)
    assert zero_crossing_frequency(flac.slice(0.1, 0.9)) == pytest.approx(440, abs=2)


def test_volume_mute_and_device_reach_both_backends(hybrid: Hybrid) -> None:
    hybrid.backend.set_volume(40)
    hybrid.backend.set_muted(True)
    assert (hybrid.players.volume(), hybrid.stream.volume(), hybrid.backend.volume()) == (40,) * 3
    assert hybrid.players.muted() and hybrid.stream.muted() and hybrid.backend.muted()
