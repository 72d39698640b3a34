"""The controller on real libVLC, checked on decoded samples: ReplayGain from tags, failures."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.scanner import Scanner
from rvibe_player.playback.backend import Finished
from rvibe_player.playback.controller import ControllerEvent, PlaybackController, Unplayable
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.queue_store import QueueStore
from rvibe_player.playback.replaygain import ReplayGainMode, ReplayGainSettings
from tests.helpers.audio import Audio, db, peak, read_wav, rms, zero_crossing_frequency
from tests.helpers.playback import vlc_backend
from tests.helpers.requirements import need_ffmpeg

pytestmark = pytest.mark.vlc

FULL_SCALE = 32767 / 32768


def tone(folder: Path, name: str, hz: float, amplitude: float, seconds: float, **tags: str) -> Path:
    """A FLAC sine tone with the given tags (e.g. REPLAYGAIN_TRACK_GAIN="+4.00 dB")."""
    target = folder / name
    metadata = [arg for key, value in tags.items() for arg in ("-metadata", f"{key}={value}")]
    subprocess.run(
        [need_ffmpeg(), "-loglevel", "error", "-f", "lavfi", "-i",
         f"aevalsrc='{amplitude}*sin(2*PI*{hz}*t)':s=44100:d={seconds}",
         *metadata, str(target)],
        check=True,
    )  # fmt: skip
    return target


class Player:
    """A scanned library, a libVLC backend on afile, and a controller."""

    def __init__(self, tmp_path: Path, music: Path, engine: str) -> None:
        self.wav = tmp_path / "out.wav"
        self.dispatcher = QueueDispatcher()
        self.backend = vlc_backend(self.dispatcher.post, self.wav, engine)
        Scanner(tmp_path / "lib.sqlite3", workers=1).scan([str(music)])
        self.library = LibraryDatabase(tmp_path / "lib.sqlite3")
        self.controller = PlaybackController(
            self.backend, self.library, self.dispatcher.post, store=QueueStore(tmp_path / "q.json")
        )
        self.events: list[ControllerEvent] = []
        self.controller.add_listener(self.events.append)

    def track_id(self, path: Path) -> int:
        track = self.library.track_by_path(str(path))
        assert track is not None, path
        return track.id

    def play_through(self, paths: list[Path], settings: ReplayGainSettings | None = None) -> Audio:
        """Play these tracks as a queue until the last finishes; the last one's output."""
        if settings is not None:
            self.controller.set_replaygain(settings)
        self.events.clear()
        ids = [self.track_id(p) for p in paths]
        self.controller.play_tracks(ids)
        last = self.controller.queue.entries()[-1].id
        finished = self.dispatcher.run_until(
            lambda: any(isinstance(e, Finished) and e.item.key == last for e in self.events), 20
        )
        assert finished, self.events[-6:]
        self.backend.stop()
        return read_wav(self.wav)

    def close(self) -> None:
        self.controller.close()
        self.backend.close()
        self.library.close()


@pytest.fixture
def music(tmp_path: Path) -> Path:
    folder = tmp_path / "music"
    folder.mkdir()
    return folder


@pytest.fixture
def player(tmp_path: Path, music: Path, engine: str) -> Iterator[Player]:
    tone(music, "quiet.flac", 440, 0.49, 1.5, REPLAYGAIN_TRACK_GAIN="+4.00 dB",
         REPLAYGAIN_TRACK_PEAK="0.500000")  # fmt: skip
    tone(music, "loud.flac", 440, 0.25, 1.5, REPLAYGAIN_TRACK_GAIN="-7.30 dB",
         REPLAYGAIN_TRACK_PEAK="0.250000")  # fmt: skip
    tone(music, "untagged.flac", 440, 0.25, 1.5)
    tone(music, "after.flac", 660, 0.25, 1.5)
    tone(music, "doomed.flac", 550, 0.25, 1.5)
    started = Player(tmp_path, music, engine)
    yield started
    started.close()


def level(audio: Audio) -> float:
    return db(rms(audio.slice(0.1, 1.4).samples))


def test_replaygain_changes_the_level_by_the_tags_db(player: Player, music: Path) -> None:
    off = ReplayGainSettings(ReplayGainMode.OFF)
    track = ReplayGainSettings(ReplayGainMode.TRACK, fallback_db=-3.5)
    loud = music / "loud.flac"
    assert level(player.play_through([loud], track)) - level(
        player.play_through([loud], off)
    ) == pytest.approx(-7.30, abs=0.5)
    untagged = music / "untagged.flac"
    assert level(player.play_through([untagged], track)) - level(
        player.play_through([untagged], off)
    ) == pytest.approx(-3.5, abs=0.5)


def test_the_peak_rule_prevents_clipping(player: Player, music: Path) -> None:
    quiet = music / "quiet.flac"  # peak 0.49, tagged +4 dB with peak 0.5
    reference = level(player.play_through([quiet], ReplayGainSettings(ReplayGainMode.OFF)))
    boosted = ReplayGainSettings(ReplayGainMode.TRACK, preamp_db=3.0, prevent_clipping=False)
    clipped = player.play_through([quiet], boosted).samples  # +7 dB: 0.49 -> 1.10
    assert sum(1 for x in clipped if abs(x) >= FULL_SCALE) > 2000
    protected = ReplayGainSettings(ReplayGainMode.TRACK, preamp_db=3.0, prevent_clipping=True)
    audio = player.play_through([quiet], protected)
    assert peak(audio.samples) < FULL_SCALE, "nothing reaches full scale"
    # the gain was lowered to what the peak allows: 20 log10(1 / 0.5) = 6.02 dB
    assert level(audio) - reference == pytest.approx(6.02, abs=0.5)


def test_a_file_damaged_since_the_scan_is_reported_and_the_next_plays(
    player: Player, music: Path
) -> None:
    doomed = music / "doomed.flac"
    doomed.write_bytes(b"fLaC" + bytes(range(256)) * 64)  # damaged after it was indexed
    audio = player.play_through([music / "untagged.flac", doomed, music / "after.flac"])
    unplayable = [e for e in player.events if isinstance(e, Unplayable)]
    assert [e.track_id for e in unplayable] == [player.track_id(doomed)]
    assert "doomed.flac" in unplayable[0].message
    last = audio.slice(audio.seconds - 1.4, audio.seconds - 0.1)  # one stream holds all
    assert zero_crossing_frequency(last) == pytest.approx(660, abs=2)
