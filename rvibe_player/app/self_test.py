"""``rvibe-player --self-test``: the installed player proves it can show itself and make sound.

Used by the installers' builds (the frozen app checks itself on each CI runner) and by anyone
asking why an installed player is silent. The checks run in a throw-away profile, never the
user's own: the window is built and painted offscreen (that check comes from the UI layer),
then a 2-second 440 Hz tone shipped with the player plays through libVLC into its ``afile``
output, and the decoded samples are read back: not silence, the right length, the right
pitch. It says which libVLC file and which plugin folder the process really loaded (for a
bundle: the bundled ones, never a copy the system also has), and reads the tone as a library
scan reads a file (tags and fingerprint). One line a check, ``ok`` or
``FAIL``; the exit status is 0 when every check passed, else 1.
"""

from __future__ import annotations

import array
import contextlib
import math
import os
import sys
import tempfile
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rvibe_player import paths
from rvibe_player.app.loaded_libraries import inside, loaded_files, matching
from rvibe_player.library.database import ROW_COLUMNS
from rvibe_player.playback.backend import BackendEvent, Failed, Finished, PlayItem
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.factory import open_backend

TONE_SECONDS = 2.0
TONE_HZ = 440.0
LENGTH_TOLERANCE = 0.05
"""Seconds the decoded length may differ by (libVLC's own Ogg demuxer drops 28 ms)."""
PITCH_TOLERANCE = 0.01
QUIETEST_DB = -40.0
"""A decoded tone quieter than this (dB full scale) counts as silence."""
PLAY_TIMEOUT = 30.0

LIBVLC_NAMES = ("libvlc.so", "libvlc.dll", "libvlc.dylib")
PLUGIN_SUFFIXES = ("_plugin.so", "_plugin.dll", "_plugin.dylib")
UNREACHABLE_STORE = "http://127.0.0.1:9"
_CODEC_COLUMN = ROW_COLUMNS.index("codec")


@dataclass(frozen=True)
class Check:
    """One check's outcome, and what it found in words."""

    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        """The line printed for it, e.g. ``ok   sound: 2.00 s of a 440 Hz tone``."""
        return f"{'ok  ' if self.passed else 'FAIL'} {self.name}: {self.detail}"


def tone_file() -> Path:
    """The tone the self-test plays (shipped in the bundle and the checkout)."""
    return paths.resource_dir() / "sounds" / "self-test.ogg"


def bundle_dir() -> str | None:
    """The frozen bundle's folder, or None when running from Python."""
    return getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None


@contextlib.contextmanager
def scratch_profile() -> Iterator[Path]:
    """Every user folder in a temporary directory, no store, silent window playback."""
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="rvibe-self-test-") as tmp:
        base = Path(tmp)
        for var in ("RVIBE_CONFIG_DIR", "RVIBE_DATA_DIR", "RVIBE_CACHE_DIR", "RVIBE_LOG_DIR"):
            os.environ[var] = str(base / var.removeprefix("RVIBE_").removesuffix("_DIR").lower())
        os.environ["RVIBE_STORE_URL"] = UNREACHABLE_STORE  # nobody answers; nothing starts
        os.environ["RVIBE_VLC_ARGS"] = "--aout=adummy"  # the window's own player stays quiet
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        try:
            yield base
        finally:
            os.environ.clear()
            os.environ.update(saved)


@dataclass(frozen=True)
class Decoded:
    """What the afile output wrote: its length, level and pitch."""

    seconds: float
    rate: int
    level_db: float
    pitch_hz: float


def measure(wav_path: Path) -> Decoded:
    """Length, RMS level and (from rising zero crossings) pitch of a WAV's first channel."""
    with wave.open(str(wav_path), "rb") as wav:
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    if width not in (2, 4):
        raise ValueError(f"the output has {width * 8}-bit samples")
    samples = array.array("h" if width == 2 else "f", raw)
    if sys.byteorder == "big":
        samples.byteswap()
    full_scale = 32768.0 if width == 2 else 1.0
    first = samples[::channels]
    energy, crossings, first_rise, last_rise, before = 0.0, 0, -1, -1, 0.0
    for index, sample in enumerate(first):
        value = sample / full_scale
        energy += value * value
        if before < 0 <= value:
            crossings += 1
            first_rise = index if first_rise < 0 else first_rise
            last_rise = index
        before = value
    count = len(first)
    level = math.sqrt(energy / count) if count else 0.0
    span = last_rise - first_rise
    pitch = (crossings - 1) * rate / span if crossings > 1 and span > 0 else 0.0
    level_db = 20 * math.log10(level) if level > 0 else -math.inf
    return Decoded(count / rate if rate else 0.0, rate, level_db, pitch)


def judge(decoded: Decoded) -> Check:
    """Whether the decoded tone is the tone: loud enough, long enough, at the right pitch."""
    found = (
        f"{decoded.seconds:.3f} s at {decoded.rate} Hz, {decoded.pitch_hz:.1f} Hz tone, "
        f"{decoded.level_db:.1f} dBFS"
    )
    if decoded.level_db < QUIETEST_DB:
        return Check("sound", False, f"silence: {found}")
    if abs(decoded.seconds - TONE_SECONDS) > LENGTH_TOLERANCE:
        return Check("sound", False, f"expected {TONE_SECONDS:.3f} s: {found}")
    if abs(decoded.pitch_hz - TONE_HZ) > TONE_HZ * PITCH_TOLERANCE:
        return Check("sound", False, f"expected a {TONE_HZ:.0f} Hz tone: {found}")
    return Check("sound", True, found)


def play_tone(work: Path, tone: Path | None = None) -> list[Check]:
    """Play the tone into a WAV through libVLC; the libVLC, plugins and sound checks."""
    wav = work / "self-test.wav"
    dispatcher = QueueDispatcher()
    backend, problem = open_backend(
        dispatcher.post, args=["--aout=afile", f"--audiofile-file={wav}"]
    )
    if problem is not None:
        return [Check("libvlc", False, problem)]
    events: list[BackendEvent] = []
    backend.add_listener(events.append)
    try:
        backend.load(PlayItem(str(tone or tone_file()), duration=TONE_SECONDS))
        backend.play()
        ended = dispatcher.run_until(
            lambda: any(isinstance(e, Finished | Failed) for e in events), PLAY_TIMEOUT
        )
        loaded = loaded_files()
    finally:
        backend.close()
    checks = [libvlc_check(loaded), plugins_check(loaded)]
    failure = next((e for e in events if isinstance(e, Failed)), None)
    if failure is not None:
        return [*checks, Check("sound", False, failure.message)]
    if not ended:
        return [*checks, Check("sound", False, f"the tone did not end in {PLAY_TIMEOUT:.0f} s")]
    try:
        return [*checks, judge(measure(wav))]
    except (OSError, EOFError, ValueError, wave.Error) as exc:
        return [*checks, Check("sound", False, f"the output file is unreadable: {exc}")]


def library_check(tone: Path | None = None) -> Check:
    """The tone read as a scan reads a file: its tags and its fingerprint (a bundle missing
    mutagen's formats or the hashing module would index nothing)."""
    from rvibe_player.library.reader_pool import read_one

    path = tone or tone_file()
    info = path.stat()
    _, digest, row, reason = read_one(str(path), info.st_size, info.st_mtime_ns)
    if row is None or digest is None:
        return Check("library", False, f"the tone cannot be indexed: {reason}")
    codec = row[_CODEC_COLUMN]
    return Check("library", True, f"tags and fingerprint read ({codec})")


def libvlc_check(loaded: Sequence[str]) -> Check:
    """Which libVLC file the process loaded; for a bundle, it must be the bundled one."""
    found = matching(LIBVLC_NAMES, loaded)
    if not found:
        return Check("libvlc", False, "no libVLC file is mapped into the process")
    bundle = bundle_dir()
    if bundle is not None and not inside(found[0], bundle):
        return Check("libvlc", False, f"{found[0]} is the system's, not the bundle's ({bundle})")
    core = matching(("libvlccore.",), loaded)
    return Check("libvlc", True, f"loaded {found[0]}" + (f" with {core[0]}" if core else ""))


def plugins_check(loaded: Sequence[str]) -> Check:
    """The plugin folders libVLC loaded from, and whether the plugins cache is there."""
    plugins = [f for f in loaded if f.endswith(PLUGIN_SUFFIXES)]
    if not plugins:
        return Check("plugins", False, "libVLC loaded no plugin")
    bundle = bundle_dir()
    outside = [p for p in plugins if bundle is not None and not inside(p, bundle)]
    if outside:
        return Check("plugins", False, f"{len(outside)} from outside the bundle: {outside[0]}")
    folder = os.environ.get("VLC_PLUGIN_PATH") or str(Path(plugins[0]).parents[1])
    cache = "plugins.dat present" if Path(folder, "plugins.dat").is_file() else "no plugins.dat"
    return Check("plugins", True, f"{len(plugins)} loaded from {folder} ({cache})")


def run(window_check: Callable[[], Check] | None = None, out: TextIO | None = None) -> int:
    """Run every check in a scratch profile, print a line for each; 0 if all passed, else 1."""
    stream = out or sys.stdout
    checks: list[Check] = []

    def report(found: Sequence[Check]) -> None:
        for check in found:
            checks.append(check)
            print(check.line(), file=stream, flush=True)

    with scratch_profile() as base:
        if window_check is not None:
            report([window_check()])
        report(play_tone(base))
        report([library_check()])
    failed = [c.name for c in checks if not c.passed]
    print(f"self-test: {'FAILED: ' + ', '.join(failed) if failed else 'passed'}", file=stream)
    return 1 if failed else 0
