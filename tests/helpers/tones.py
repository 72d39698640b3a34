"""Tone files made by ffmpeg for the playback tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers.requirements import need_ffmpeg


def sine(target: Path, hz: float, seconds: float, rate: int = 48000) -> Path:
    """``target`` (its extension picks the format): a sine at ffmpeg's 1/8 of full scale."""
    subprocess.run(
        [need_ffmpeg(), "-loglevel", "error", "-f", "lavfi", "-i",
         f"sine=frequency={hz:g}:sample_rate={rate}:duration={seconds:g}", str(target)],
        check=True,
    )  # fmt: skip
    return target
