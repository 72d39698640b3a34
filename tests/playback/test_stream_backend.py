"""The single-stream backend's joins, checked on the samples (the ``afile`` output's WAV).

What both backends share (formats, seeks, pause, gain, failures) is tested on both in
test_vlc_backend.py; here what only one stream gives: tracks that meet to the sample.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rvibe_player.playback.backend import Advanced, Finished, PlayItem, PositionChanged
from tests.helpers.audio import db, rms, transition, zero_crossing_frequency
from tests.helpers.playback import AfileHarness
from tests.helpers.tones import sine

pytestmark = pytest.mark.vlc

SECONDS = 1.0


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """One-second FLAC tones at 48 kHz (the stream's own rate: no resampling)."""
    folder = tmp_path_factory.mktemp("tones")
    return {hz: sine(folder / f"{hz}.flac", hz, SECONDS) for hz in (440, 660, 880)}


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[AfileHarness]:
    player = AfileHarness(tmp_path / "out.wav", engine="stream")
    yield player
    player.close()


def test_two_tracks_meet_with_no_sample_lost_or_added(
    tones: dict[int, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(tones[440]), key=1))
    harness.backend.prepare_next(PlayItem(str(tones[660]), key=2))
    harness.wait_for(Finished)
    audio = harness.output()
    assert [type(e).__name__ for e in harness.events if isinstance(e, Advanced | Finished)] == [
        "Advanced",
        "Finished",
    ]
    assert harness.first(Finished).item.key == 2  # type: ignore[union-attr]
    assert len(audio.samples) == round(2 * SECONDS * audio.rate)  # every sample, once
    join = transition(audio, 440, 660, SECONDS)
    assert join.gap <= 0.0, f"{join.gap} ms of silence between them"
    assert join.tail_lost <= 0.5


def test_each_items_gain_starts_with_its_first_sample(
    tones: dict[int, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(tones[440]), key=1, gain_db=-6.0))
    harness.backend.prepare_next(PlayItem(str(tones[660]), key=2, gain_db=-12.0))
    harness.wait_for(Finished)
    audio = harness.output()
    before = audio.slice(SECONDS - 0.02, SECONDS)
    after = audio.slice(SECONDS, SECONDS + 0.02)
    assert db(rms(before.samples)) == pytest.approx(-21.07 - 6.0, abs=0.5)
    assert db(rms(after.samples)) == pytest.approx(-21.07 - 12.0, abs=0.5)


def test_a_seek_keeps_the_prepared_item_following(
    tones: dict[int, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(tones[440]), key=1))
    harness.backend.prepare_next(PlayItem(str(tones[660]), key=2))
    harness.wait_for(PositionChanged, lambda e: e.position >= 0.1)
    harness.backend.seek(0.6)
    advanced = harness.wait_for(Advanced)
    assert (advanced.previous.key, advanced.item.key) == (1, 2)
    harness.wait_for(Finished)
    audio = harness.output()  # the seek began a new stream, and afile a new file
    assert audio.seconds == pytest.approx(0.4 + SECONDS, abs=0.06)
    assert zero_crossing_frequency(audio.slice(0.05, 0.3)) == pytest.approx(440, abs=2)
    assert zero_crossing_frequency(audio.slice(audio.seconds - 0.8)) == pytest.approx(660, abs=2)


def test_a_replaced_next_item_is_the_one_that_follows(
    tones: dict[int, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(tones[440]), key=1))
    harness.backend.prepare_next(PlayItem(str(tones[660]), key=2))
    harness.backend.prepare_next(PlayItem(str(tones[880]), key=3))
    advanced = harness.wait_for(Advanced)
    assert advanced.item.key == 3
    harness.wait_for(Finished)
    audio = harness.output()
    assert zero_crossing_frequency(audio.slice(SECONDS + 0.1)) == pytest.approx(880, abs=2)
    assert len(audio.samples) == round(2 * SECONDS * audio.rate)


def test_positions_restart_with_the_next_item(
    tones: dict[int, Path], harness: AfileHarness
) -> None:
    harness.play(PlayItem(str(tones[440]), key=1))
    harness.backend.prepare_next(PlayItem(str(tones[660]), key=2))
    harness.wait_for(Finished)
    advanced_at = next(i for i, e in enumerate(harness.events) if isinstance(e, Advanced))
    first = [e.position for e in harness.events[:advanced_at] if isinstance(e, PositionChanged)]
    second = [e.position for e in harness.events[advanced_at:] if isinstance(e, PositionChanged)]
    assert first and second
    assert first == sorted(first) and second == sorted(second)
    assert max(first) <= SECONDS + 0.05
    assert 0.0 <= second[0] < 0.3 and max(second) <= SECONDS + 0.05
    assert all(
        e.item.key == 2 for e in harness.events[advanced_at:] if isinstance(e, PositionChanged)
    )


@pytest.mark.parametrize("ext", ["flac", "ogg", "opus", "m4a"])
def test_formats_kept_whole_through_the_stream_lose_at_most_7_ms(tmp_path: Path, ext: str) -> None:
    """Through libVLC 3's stream output some formats lose their last packet (WavPack a
    second; see test_vlc_corpus.py): these must not, or joins would cut music."""
    source = sine(tmp_path / f"tone.{ext}", 440, 3, rate=44100)
    seconds = {}
    for engine in ("players", "stream"):
        player = AfileHarness(tmp_path / f"{engine}.wav", engine=engine)
        try:
            player.play(PlayItem(str(source)))
            player.wait_for(Finished)
            seconds[engine] = player.output().seconds
        finally:
            player.close()
    assert seconds["stream"] == pytest.approx(seconds["players"], abs=0.007), seconds
