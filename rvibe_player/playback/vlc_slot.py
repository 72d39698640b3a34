"""One of the libVLC backend's two media players ("slots"): what it holds, where it is, and
when its last sample will play. No libVLC calls here (``vlc_backend`` makes them all)."""

from __future__ import annotations

import os
import time
from typing import Any

from rvibe_player.playback.backend import PlayItem

TRUSTED_LENGTH_DIFFERENCE = 1.0
"""Seconds by which libVLC's and the library's lengths may differ for a timed handover."""
TRUSTED_CLOCK_DIFFERENCE = 0.5
"""Seconds by which libVLC's time reports may stray from our clock for a timed handover."""

_DEMUX_BY_EXTENSION = {".flac": "avformat,any", ".ogg": "avformat,any", ".oga": "avformat,any",
                       ".opus": "avformat,any"}  # fmt: skip
"""Demuxers chosen over libVLC's own where those measurably fall short (tests/playback):
its Ogg demuxer cannot seek in ffmpeg-made files and drops the last 28 ms of Vorbis and the
first and last 70 ms of Opus; its FLAC demuxer lands seeks 110-290 ms late. libavformat's
land within one decoded block and keep every sample. MP3, MP4 and WAV stay native (libVLC's
MP3 demuxer honours the encoder delay; libavformat's adds 32 ms of silence), except that an MP3
starting mid-track uses libavformat: libVLC's lands up to 300 ms off when it seeks before
the first sample has played."""


def demux_for(item: PlayItem) -> str | None:
    """The demuxers libVLC should try for this item (None: its own choice)."""
    extension = os.path.splitext(item.path)[1].lower()
    if extension == ".mp3" and item.start > 0:
        return "avformat,any"
    return _DEMUX_BY_EXTENSION.get(extension)


SEEK_AIM_EARLY = {".flac": 0.05}
"""libVLC drops whole decoded blocks before a seek target, so seeks land up to one block
late: FLAC blocks are 93-104 ms (4096-4608 samples), so aim half a block early; other
codecs' blocks are 20-46 ms."""


class Slot:
    """One libVLC media player and what it holds."""

    def __init__(self, index: int, player: Any) -> None:
        self.index = index
        self.player = player
        self.generation = 0
        self.item: PlayItem | None = None
        self.media: Any = None
        self.phase = "idle"  # idle, opening, ready, playing, paused, retiring, ended
        self.play_wanted = False
        self.opened_at = 0.0
        self.length = 0.0  # seconds, from libVLC
        self.time = 0.0  # seconds, libVLC's last time report (or a seek target)
        self.time_at = 0.0  # monotonic moment of that report
        self.anchor: tuple[float, float] | None = None  # (position, moment) it played from
        self.had_audio = False

    def play_from(self, position: float) -> None:
        """Playback (re)starts at ``position`` now: our clock tells the position from here."""
        self.phase = "playing"
        self.time, self.time_at = position, time.monotonic()
        self.anchor = (position, self.time_at)

    def position(self) -> float:
        """Seconds into the item: by our clock since the last resume, else from libVLC's
        last report (after a seek, until the next resume)."""
        if self.item is None:
            return 0.0
        position, since = self.anchor or (self.time, self.time_at)
        if self.phase in ("playing", "retiring"):
            position += time.monotonic() - since
        length = self.end_length()
        return min(position, length) if length > 0 else position

    def lengths(self) -> list[float]:
        """libVLC's length and the library's, those that are known."""
        return [x for x in (self.length, self.item.duration if self.item else 0.0) if x > 0]

    def end_length(self) -> float:
        """The shorter of libVLC's length and the library's: each overshoots for some codecs
        (libVLC counts MP3 encoder padding; the library counts AAC priming)."""
        return min(self.lengths(), default=0.0)

    def predicted_end(self) -> float | None:
        """The monotonic moment its last sample plays, if it plays on undisturbed.

        None when it cannot be told well enough to start the next item early: the two
        lengths disagree (a length estimated from the bit rate), or libVLC's own reports
        have drifted from our clock. The handover then waits for the end.
        """
        length = self.end_length()
        if self.phase != "playing" or length <= 0:
            return None
        if max(self.lengths()) - length > TRUSTED_LENGTH_DIFFERENCE:
            return None
        if self.anchor is None:
            return self.time_at + length - self.time
        position, since = self.anchor
        drift = abs(position + self.time_at - since - self.time)  # our clock against libVLC's
        if self.time_at > since and drift > TRUSTED_CLOCK_DIFFERENCE:
            return None
        return since + length - position
