"""ReplayGain: the gain to apply to a track from its tags, the mode, pre-amp and peak rule (pure).

- ``off``: no gain at all.
- ``track`` / ``album``: that gain, else the other one, else the fallback gain.
- ``auto``: album gain while an album plays in order (the track before or after it in the
  queue is the same album, in ascending disc/track order), track gain otherwise.
- The pre-amp is added to tagged gains; an untagged track gets the fallback gain as it is.
- Clipping prevention lowers the gain so that ``peak * 10 ** (gain / 20) <= 1``, using the
  peak that belongs to the chosen gain.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from rvibe_player.library.model import Track


class ReplayGainMode(enum.Enum):
    """Which ReplayGain value to use."""

    OFF = "off"
    TRACK = "track"
    ALBUM = "album"
    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class ReplayGainSettings:
    """The user's ReplayGain choices (from :mod:`rvibe_player.settings`)."""

    mode: ReplayGainMode = ReplayGainMode.AUTO
    preamp_db: float = 0.0
    fallback_db: float = -6.0
    prevent_clipping: bool = True


@dataclass(frozen=True, slots=True)
class Gain:
    """The gain decided for one track and where it came from."""

    db: float
    source: str
    """``off``, ``track``, ``album`` or ``fallback``."""
    peak_limited: bool = False
    """The peak rule lowered the gain."""


def album_key(track: Track) -> str | None:
    """What makes two tracks the same album (None for a track without an album)."""
    if track.mb_albumid:
        return "mb:" + track.mb_albumid
    if not track.album:
        return None
    return "tag:" + (track.albumartist or track.artist).casefold() + "\x1f" + track.album.casefold()


def _order(track: Track) -> tuple[int, int]:
    return (track.discnumber or 1, track.tracknumber or 0)


def _in_order(first: Track, second: Track) -> bool:
    key = album_key(first)
    return key is not None and key == album_key(second) and _order(first) < _order(second)


def plays_as_album(previous: Track | None, track: Track, following: Track | None) -> bool:
    """Whether ``track`` is part of an album playing in order, judged by its queue neighbours."""
    return (previous is not None and _in_order(previous, track)) or (
        following is not None and _in_order(track, following)
    )


def track_gain(track: Track, settings: ReplayGainSettings, as_album: bool) -> Gain:
    """The gain for ``track``; ``as_album`` says an album plays in order (for ``auto``)."""
    mode = settings.mode
    if mode is ReplayGainMode.OFF:
        return Gain(0.0, "off")
    album_first = mode is ReplayGainMode.ALBUM or (mode is ReplayGainMode.AUTO and as_album)
    choices = [
        ("album", track.rg_album_gain, track.rg_album_peak),
        ("track", track.rg_track_gain, track.rg_track_peak),
    ]
    if not album_first:
        choices.reverse()
    for source, gain, peak in choices:
        if gain is not None and math.isfinite(gain):
            return _limit(source, gain + settings.preamp_db, peak, settings.prevent_clipping)
    return Gain(settings.fallback_db, "fallback")


def _limit(source: str, db: float, peak: float | None, prevent_clipping: bool) -> Gain:
    if not prevent_clipping or peak is None or not math.isfinite(peak) or peak <= 0:
        return Gain(db, source)
    ceiling = -20.0 * math.log10(peak)
    if db > ceiling:
        return Gain(ceiling, source, peak_limited=True)
    return Gain(db, source)
