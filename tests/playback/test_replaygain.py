"""ReplayGain decisions: modes, fallbacks, pre-amp, the peak rule and album-in-order detection."""

from __future__ import annotations

import dataclasses
import math

import pytest

from rvibe_player.library.model import Track
from rvibe_player.playback.replaygain import (
    ReplayGainMode,
    ReplayGainSettings,
    album_key,
    plays_as_album,
    track_gain,
)

BLANK = Track(
    id=1, path="/m/a.flac", path_text="/m/a.flac", status="ok", title="", artist="Artist",
    album="Album", albumartist="", composer="", genre="", year=None, tracknumber=1,
    discnumber=None, duration=200.0, codec="FLAC", bitrate=None, samplerate=44100, channels=2,
    has_cover=False, mb_trackid="", mb_albumid="", mb_artistid="", rg_track_gain=None,
    rg_track_peak=None, rg_album_gain=None, rg_album_peak=None, rating=None, play_count=0,
    skip_count=0, last_played=None, resume_position=None, added_at=0.0,
)  # fmt: skip
TAGGED = dataclasses.replace(
    BLANK, rg_track_gain=-7.5, rg_track_peak=0.5, rg_album_gain=-6.0, rg_album_peak=0.9
)


def settings(mode: str, **kwargs: object) -> ReplayGainSettings:
    return ReplayGainSettings(mode=ReplayGainMode(mode), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mode", "as_album", "expected", "source"),
    [
        ("off", False, 0.0, "off"),
        ("track", True, -7.5, "track"),
        ("album", False, -6.0, "album"),
        ("auto", False, -7.5, "track"),
        ("auto", True, -6.0, "album"),
    ],
)
def test_modes(mode: str, as_album: bool, expected: float, source: str) -> None:
    gain = track_gain(TAGGED, settings(mode), as_album)
    assert (gain.db, gain.source, gain.peak_limited) == (expected, source, False)


def test_preamp_is_added_to_tagged_gain_only() -> None:
    assert track_gain(TAGGED, settings("track", preamp_db=3.0), False).db == -4.5
    untagged = track_gain(BLANK, settings("track", preamp_db=3.0, fallback_db=-8.0), False)
    assert (untagged.db, untagged.source) == (-8.0, "fallback")


def test_a_missing_kind_falls_back_to_the_other() -> None:
    only_track = dataclasses.replace(BLANK, rg_track_gain=-3.0)
    assert track_gain(only_track, settings("album"), True).source == "track"
    only_album = dataclasses.replace(BLANK, rg_album_gain=-2.0)
    assert track_gain(only_album, settings("track"), False).source == "album"
    nan = dataclasses.replace(BLANK, rg_track_gain=math.nan)
    assert track_gain(nan, settings("track", fallback_db=-5.0), False).source == "fallback"


@pytest.mark.parametrize("peak", [0.5, 0.9, 1.0, 1.3])
def test_peak_rule_keeps_the_peak_at_or_below_full_scale(peak: float) -> None:
    loud_gain = dataclasses.replace(BLANK, rg_track_gain=4.0, rg_track_peak=peak)
    gain = track_gain(loud_gain, settings("track", preamp_db=6.0), False)
    assert peak * 10 ** (gain.db / 20) <= 1.0 + 1e-9
    assert gain.peak_limited == (peak * 10 ** (10.0 / 20) > 1.0)
    assert gain.db == pytest.approx(min(10.0, -20 * math.log10(peak)))
    unlimited = track_gain(
        loud_gain, settings("track", preamp_db=6.0, prevent_clipping=False), False
    )
    assert unlimited.db == 10.0


def test_peak_rule_uses_the_peak_of_the_chosen_gain() -> None:
    track = dataclasses.replace(BLANK, rg_track_gain=5.0, rg_track_peak=0.95, rg_album_gain=5.0,
                                rg_album_peak=0.25)  # fmt: skip
    assert track_gain(track, settings("album"), True).db == 5.0
    assert track_gain(track, settings("track"), False).db == pytest.approx(0.4455, abs=1e-3)


def test_album_in_order() -> None:
    def at(number: int, disc: int | None = None, album: str = "Album") -> Track:
        return dataclasses.replace(BLANK, tracknumber=number, discnumber=disc, album=album)

    assert plays_as_album(at(1), at(2), None)
    assert plays_as_album(None, at(2), at(3))
    assert plays_as_album(at(9, disc=1), at(1, disc=2), None)
    assert not plays_as_album(at(3), at(2), at(1)), "backwards is not in order"
    assert not plays_as_album(at(1, album="Other"), at(2), at(3, album="Else"))
    assert not plays_as_album(None, at(2), None)
    no_album = dataclasses.replace(at(2), album="")
    assert not plays_as_album(dataclasses.replace(at(1), album=""), no_album, None)


def test_album_key_prefers_musicbrainz_and_ignores_case() -> None:
    assert album_key(dataclasses.replace(BLANK, mb_albumid="abc")) == "mb:abc"
    upper = dataclasses.replace(BLANK, album="ALBUM", artist="ARTIST")
    assert album_key(upper) == album_key(BLANK)
    compilation = dataclasses.replace(BLANK, albumartist="Various", artist="One")
    other_artist = dataclasses.replace(compilation, artist="Two")
    assert album_key(compilation) == album_key(other_artist)
    assert album_key(dataclasses.replace(BLANK, album="")) is None
