"""The libVLC backend, checked on the samples it decodes (the ``afile`` output writes a WAV)."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.backend import (
    Advanced,
    Failed,
    Finished,
    PlaybackState,
    PlayItem,
    PositionChanged,
    StateChanged,
)
from scripts.make_corpus import Manifest
from tests.helpers.audio import Audio, db, peak, rms, strongest, zero_crossing_frequency
from tests.helpers.playback import AfileHarness, vlc_backend
from tests.helpers.requirements import need_ffmpeg

pytestmark = pytest.mark.vlc

STEP = 0.5
"""Seconds per step of the staircase tone."""
STEPS = [300.0 + 100.0 * k for k in range(10)]
"""Its frequencies: step k (from k * STEP seconds) is ``STEPS[k % 10]``."""
STAIRCASE_SECONDS = 30
"""Long enough that libVLC's demuxer has not read the whole file when a test seeks."""


@pytest.fixture
def harness(tmp_path: Path, engine: str) -> Iterator[AfileHarness]:
    player = AfileHarness(tmp_path / "out.wav", engine=engine)
    yield player
    player.close()


@pytest.fixture(scope="module")
def staircase(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 30 s tone whose frequency steps every half second, in several formats."""
    ffmpeg = need_ffmpeg()
    folder = tmp_path_factory.mktemp("staircase")
    expression = f"0.5*sin(2*PI*(300+100*mod(floor(t/{STEP}),10))*t)"
    files = {}
    for ext in ("flac", "mp3", "ogg", "m4a", "opus", "wav"):
        target = folder / f"stairs.{ext}"
        rate = "48000" if ext == "opus" else "44100"
        subprocess.run(
            [ffmpeg, "-loglevel", "error", "-f", "lavfi", "-i",
             f"aevalsrc='{expression}':s={rate}:d={STAIRCASE_SECONDS}", str(target)],
            check=True,
        )  # fmt: skip
        files[ext] = target
    return files


def step_changes(audio: Audio) -> list[tuple[float, int]]:
    """``(output seconds, step % 10)`` where the staircase's step changes, to 10 ms."""
    steps = strongest(audio, STEPS, window=0.01)
    changes: list[tuple[float, int]] = []
    for index, step in enumerate(steps):
        # a change counts once three windows in a row agree (a window may straddle it)
        if step is None or steps[index : index + 3] != [step] * 3:
            continue
        if not changes or changes[-1][1] != step:
            changes.append((index * 0.01, step))
    return changes


def test_every_generated_format_plays_its_tone(
    small_corpus: Manifest, harness: AfileHarness
) -> None:
    seen = {}
    for spec in small_corpus.tracks:
        if spec.format in seen:
            continue
        seen[spec.format] = spec
        item = PlayItem(str(small_corpus.root / spec.path), key=len(seen))
        harness.events.clear()
        harness.play(item)
        harness.wait_for(Finished)
        audio = harness.output()
        steady = audio.slice(0.1, audio.seconds - 0.1)
        frequency = zero_crossing_frequency(steady)
        assert frequency == pytest.approx(small_corpus.tone_hz, abs=2.0), spec.format
        assert audio.seconds == pytest.approx(small_corpus.seconds, abs=0.1), spec.format
        # ffmpeg's sine source is at 1/8 of full scale: -18.06 dBFS peak, -21.07 dB RMS
        assert db(rms(steady.samples)) == pytest.approx(-21.07, abs=1.0), spec.format
    assert sorted(seen) == sorted(small_corpus.formats)


def play_until(harness: AfileHarness, seconds: float) -> Audio:
    """Wait until playback passes ``seconds``, then stop and read the output."""
    harness.wait_for(PositionChanged, lambda e: e.position >= seconds)
    return harness.output()


@pytest.mark.parametrize("ext", ["flac", "mp3", "ogg", "m4a", "opus", "wav"])
def test_a_seek_lands_within_100_ms(
    staircase: dict[str, Path], harness: AfileHarness, ext: str
) -> None:
    harness.play(PlayItem(str(staircase[ext])))
    harness.wait_for(PositionChanged, lambda e: e.position >= 0.6)
    target = 23.3  # in step 46 (23.0-23.5 s: frequency 6); step 47 (frequency 7) follows
    harness.backend.seek(target)
    changes = step_changes(play_until(harness, 24.2))
    # Before the seek: steps 0, 1 and perhaps 2 (libVLC decodes ahead of the clock); one
    # stream: a seek starts a new output stream, which afile writes to the same file or a
    # new one, so only some of those first steps, or none, come before.
    # Where the output jumps to frequency 6 it is at 23.3 s of the file, if the seek landed.
    jump = next(index for index, (_, step) in enumerate(changes) if step == 6)
    before = [step for _, step in changes[:jump]]
    if harness.engine == "stream":
        assert before == list(range(len(before))) and len(before) <= 3, changes
    else:
        assert before in ([0, 1], [0, 1, 2]), changes
    assert [step for _, step in changes[jump : jump + 3]] == [6, 7, 8], changes
    landed = 23.5 - (changes[jump + 1][0] - changes[jump][0])
    assert landed == pytest.approx(target, abs=0.1)


def test_a_seek_before_playing_starts_there(
    staircase: dict[str, Path], harness: AfileHarness
) -> None:
    harness.backend.load(PlayItem(str(staircase["flac"])))
    harness.wait_for(StateChanged, lambda e: e.state is PlaybackState.PAUSED)
    harness.backend.seek(12.2)
    harness.backend.play()
    changes = step_changes(play_until(harness, 13.6))
    assert [step for _, step in changes[:4]] == [4, 5, 6, 7]
    assert changes[1][0] == pytest.approx(0.3, abs=0.1)  # step 25 begins 0.3 s after 12.2 s


def test_start_position_of_an_item(staircase: dict[str, Path], harness: AfileHarness) -> None:
    harness.play(PlayItem(str(staircase["flac"]), start=4.1))
    changes = step_changes(play_until(harness, 5.3))
    assert [step for _, step in changes[:3]] == [8, 9, 0]
    assert changes[1][0] == pytest.approx(0.4, abs=0.1)


def test_pause_holds_and_resume_continues_where_it_stopped(
    staircase: dict[str, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(staircase["flac"])))
    harness.wait_for(PositionChanged, lambda e: e.position >= 1.2)
    harness.backend.pause()
    harness.wait_for(StateChanged, lambda e: e.state is PlaybackState.PAUSED)
    paused_at = harness.backend.position()
    harness.events.clear()
    # While paused nothing may advance: no position report may arrive in this time.
    advanced = harness.dispatcher.run_until(lambda: harness.first(PositionChanged) is not None, 0.8)
    assert not advanced
    assert harness.backend.position() == paused_at
    harness.backend.play()
    audio = play_until(harness, 4.2)
    # Nothing lost, nothing repeated, no silence: every step in order, 0.5 s apart.
    changes = step_changes(audio)
    assert [step for _, step in changes[:9]] == list(range(9))
    for (at, _), (next_at, _) in itertools.pairwise(changes):
        assert next_at - at == pytest.approx(STEP, abs=0.03)
    assert changes[0][0] == 0.0


@pytest.mark.parametrize("gain_db", [-12.0, -6.0, 5.0])
def test_gain_changes_the_output_level_by_its_db(
    staircase: dict[str, Path], tmp_path: Path, gain_db: float, engine: str
) -> None:
    levels = []
    for index, gain in enumerate((0.0, gain_db)):
        player = AfileHarness(tmp_path / f"gain{index}.wav", engine=engine)
        try:
            player.play(PlayItem(str(staircase["wav"]), gain_db=gain))
            levels.append(db(rms(play_until(player, 2.0).slice(0.1, 2.0).samples)))
        finally:
            player.close()
    assert levels[1] - levels[0] == pytest.approx(gain_db, abs=0.5)


def test_gain_beyond_full_scale_clips(staircase: dict[str, Path], harness: AfileHarness) -> None:
    """The gain path really amplifies: +7 dB on a -6 dBFS tone drives it into clipping."""
    harness.play(PlayItem(str(staircase["wav"]), gain_db=7.0))
    samples = play_until(harness, 1.0).samples
    assert peak(samples) >= 32767 / 32768
    assert sum(1 for x in samples if abs(x) >= 32767 / 32768) > 1000


def test_a_damaged_file_fails_with_a_reason_and_the_next_one_plays(
    small_corpus: Manifest, tmp_path: Path, harness: AfileHarness
) -> None:
    broken = tmp_path / "broken.flac"
    broken.write_bytes(b"fLaC" + bytes(range(256)) * 40)
    good = str(small_corpus.root / small_corpus.tracks[0].path)
    harness.play(PlayItem(str(broken), key=1))
    failed = harness.wait_for(Failed)
    assert failed.item.key == 1 and failed.reason
    assert "broken.flac" in failed.message
    assert harness.backend.state() is PlaybackState.STOPPED
    harness.play(PlayItem(good, key=2))
    harness.wait_for(Finished, lambda e: e.item.key == 2)
    frequency = zero_crossing_frequency(harness.output().slice(0.1, 0.9))
    assert frequency == pytest.approx(small_corpus.tone_hz, abs=2.0)


def test_a_missing_file_fails_at_once(tmp_path: Path, harness: AfileHarness) -> None:
    harness.play(PlayItem(str(tmp_path / "gone.mp3")))
    failed = harness.wait_for(Failed, timeout=2.0)
    assert "does not exist" in failed.reason


def test_the_prepared_item_follows(small_corpus: Manifest, harness: AfileHarness) -> None:
    first, second = (str(small_corpus.root / t.path) for t in small_corpus.tracks[:2])
    harness.play(PlayItem(first, key=1))
    harness.backend.prepare_next(PlayItem(second, key=2, gain_db=-6.0))
    advanced = harness.wait_for(Advanced)
    assert (advanced.previous.key, advanced.item.key) == (1, 2)
    assert harness.first(Finished) is None, "no stop between the two"
    assert harness.backend.state() is PlaybackState.PLAYING
    harness.wait_for(Finished, lambda e: e.item.key == 2)
    # two players: afile starts a new file for each item; one stream: both are in it
    audio = harness.output()
    second = audio.slice(audio.seconds - 0.9, audio.seconds - 0.1)
    assert zero_crossing_frequency(second) == pytest.approx(440.0, abs=2.0)
    assert db(rms(second.samples)) == pytest.approx(-21.07 - 6.0, abs=1.0)


def test_unknown_option_means_libvlc_did_not_start(tmp_path: Path) -> None:
    vlc_backend(lambda f: None, tmp_path / "probe.wav").close()  # skips without libVLC
    with pytest.raises(PlaybackUnavailableError, match="did not start"):
        from rvibe_player.playback.vlc_backend import VlcBackend

        VlcBackend(lambda f: None, args=["--no-such-option-anywhere"])


def test_without_python_vlc_the_error_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['vlc'] = None\n"  # what `import vlc` does when it is missing
        "from rvibe_player.playback.vlc_backend import VlcBackend\n"
        "from rvibe_player.core.errors import PlaybackUnavailableError\n"
        "try:\n"
        "    VlcBackend(lambda f: None)\n"
        "except PlaybackUnavailableError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Cannot play audio" in result.stdout
    assert "apt install libvlc5 vlc-plugin-base" in result.stdout


def midi_file(path: Path) -> Path:
    """A one-note Standard MIDI File: libVLC opens it but has no decoder in vlc-plugin-base."""
    events = bytes([0x00, 0x90, 0x3C, 0x40, 0x60, 0x80, 0x3C, 0x40, 0x00, 0xFF, 0x2F, 0x00])
    header = b"MThd" + (6).to_bytes(4, "big") + bytes([0, 0, 0, 1, 0, 96])
    path.write_bytes(header + b"MTrk" + len(events).to_bytes(4, "big") + events)
    return path


def test_a_prepared_file_without_a_decoder_fails_and_the_current_plays_on(
    small_corpus: Manifest, tmp_path: Path, harness: AfileHarness
) -> None:
    current = str(small_corpus.root / small_corpus.tracks[0].path)
    harness.play(PlayItem(current, key=1))
    harness.backend.prepare_next(PlayItem(str(midi_file(tmp_path / "song.mid")), key=2))
    failed = harness.wait_for(Failed)
    assert failed.item.key == 2, f"the current item was blamed: {failed}"
    assert "no decoder" in failed.reason
    harness.wait_for(Finished, lambda e: e.item.key == 1)
    assert harness.first(Advanced) is None
    assert zero_crossing_frequency(harness.output().slice(0.1, 0.9)) == pytest.approx(440, abs=2)
