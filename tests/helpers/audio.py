"""Reading decoded audio back: WAV files, tone frequency, level, and where a tone changes.

Plain Python (``wave``, ``array``, ``math``), so tests and benchmarks need no numpy.
"""

from __future__ import annotations

import array
import itertools
import math
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Audio:
    """Mono samples in -1..1 and their rate."""

    rate: int
    samples: Sequence[float]

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def slice(self, start: float, end: float | None = None) -> Audio:
        """The part from ``start`` to ``end`` seconds."""
        last = len(self.samples) if end is None else round(end * self.rate)
        return Audio(self.rate, self.samples[round(start * self.rate) : last])


def read_wav(path: Path | str, channel: int = 0) -> Audio:
    """One channel of a 16-bit (or 32-bit float) PCM WAV file."""
    with wave.open(str(path), "rb") as wav:
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    if width == 2:
        data = array.array("h", raw)
        scale = 1 / 32768
    elif width == 4:
        data = array.array("f", raw)
        scale = 1.0
    else:
        raise ValueError(f"{width * 8}-bit WAV files are not handled")
    if sys.byteorder == "big":
        data.byteswap()
    return Audio(rate, [x * scale for x in data[channel::channels]])


def from_samples(rate: int, values: Sequence[int], full_scale: int = 32768) -> Audio:
    """Audio from integer samples (as recorded from a sound server)."""
    return Audio(rate, [v / full_scale for v in values])


def rms(samples: Sequence[float]) -> float:
    """Root mean square level, 0..1."""
    return math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0


def db(level: float) -> float:
    """A level (0..1) in dB relative to full scale."""
    return 20 * math.log10(level) if level > 0 else -math.inf


def peak(samples: Sequence[float]) -> float:
    """The largest absolute sample."""
    return max((abs(x) for x in samples), default=0.0)


def zero_crossing_frequency(audio: Audio) -> float:
    """The frequency of a pure tone, from how often it crosses zero (rising)."""
    rising = [
        i for i in range(1, len(audio.samples)) if audio.samples[i - 1] < 0 <= audio.samples[i]
    ]
    if len(rising) < 2:
        return 0.0
    first, last = rising[0], rising[-1]
    return (len(rising) - 1) * audio.rate / (last - first)


def goertzel(samples: Sequence[float], rate: int, frequency: float) -> float:
    """The power of one frequency in ``samples``."""
    coefficient = 2 * math.cos(2 * math.pi * frequency / rate)
    previous = before = 0.0
    for x in samples:
        previous, before = x + coefficient * previous - before, previous
    return previous * previous + before * before - coefficient * previous * before


def strongest(audio: Audio, frequencies: Sequence[float], window: float) -> list[int | None]:
    """For each ``window``-second piece: the index of the strongest of ``frequencies``
    (None where the piece is silent)."""
    size = round(window * audio.rate)
    found: list[int | None] = []
    for start in range(0, len(audio.samples) - size + 1, size):
        piece = audio.samples[start : start + size]
        if rms(piece) < 1e-3:
            found.append(None)
            continue
        powers = [goertzel(piece, audio.rate, f) for f in frequencies]
        found.append(powers.index(max(powers)))
    return found


def sound_runs(audio: Audio, threshold: float = 0.01, hole: float = 0.002) -> list[tuple[int, int]]:
    """``(first, last)`` sample indexes of stretches louder than ``threshold``; quiet
    stretches shorter than ``hole`` seconds (a tone's zero crossings) do not split them."""
    runs: list[tuple[int, int]] = []
    longest_hole = round(hole * audio.rate)
    start = last = -1
    for index, value in enumerate(audio.samples):
        if abs(value) <= threshold:
            continue
        if start < 0:
            start = index
        elif index - last > longest_hole:
            runs.append((start, last))
            start = index
        last = index
    if start >= 0:
        runs.append((start, last))
    return runs


@dataclass(frozen=True)
class Transition:
    """How one tone gave way to the next, in milliseconds."""

    gap: float
    """Silence between the last sample of the first and the first of the second (negative:
    they overlapped)."""
    tail_lost: float
    """How much shorter the first tone sounded than its length."""


def transition(audio: Audio, first_hz: float, second_hz: float, first_seconds: float) -> Transition:
    """Measure where a tone of ``first_seconds`` at ``first_hz`` ends and one at ``second_hz``
    begins, in a recording of both (a gap to the sample; an overlap to 1 ms)."""
    runs = sound_runs(audio, threshold=0.01, hole=0.0005)
    if not runs:
        raise ValueError("nothing was heard")
    first_start = runs[0][0]
    window = audio.rate // 100

    def tone_of(start: int, end: int) -> float:
        piece = audio.samples[start:end]
        low, high = (goertzel(piece, audio.rate, hz) for hz in (first_hz, second_hz))
        return first_hz if low >= high else second_hz

    silences = [
        (end, start)
        for (begin, end), (start, finish) in itertools.pairwise(runs)
        if tone_of(max(begin, end - window), end + 1) == first_hz
        and tone_of(start, min(finish, start + window) + 1) == second_hz
    ]
    if silences:  # a silence where the first tone gives way to the second: to the sample
        first_end, second_start = silences[0]
    else:  # they touch or overlap: follow each tone's power in 10 ms windows, 1 ms apart
        hop = audio.rate // 1000
        steady = audio.samples[first_start + audio.rate // 2 :][:window]
        full = goertzel(steady, audio.rate, first_hz)
        tail = audio.samples[runs[-1][1] - audio.rate // 2 :][:window]
        full_second = goertzel(tail, audio.rate, second_hz)
        around = first_start + round((first_seconds - 0.3) * audio.rate)
        first_end = second_start = -1
        for start in range(around, min(around + round(0.6 * audio.rate), runs[-1][1]), hop):
            piece = audio.samples[start : start + window]
            # a tone filling half the window or more has at least a quarter of its power
            if goertzel(piece, audio.rate, first_hz) >= full / 4:
                first_end = start + window // 2
            if second_start < 0 and goertzel(piece, audio.rate, second_hz) >= full_second / 4:
                second_start = start + window // 2
        if first_end < 0 or second_start < 0:
            raise ValueError("cannot tell the two tones apart")
    heard = (first_end - first_start) / audio.rate
    return Transition(
        (second_start - first_end) / audio.rate * 1000, (first_seconds - heard) * 1000
    )
