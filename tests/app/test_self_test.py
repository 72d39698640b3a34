"""``rvibe-player --self-test`` from a checkout: real window, real libVLC, decoded samples read
back; and without libVLC, a working window and a sentence instead of an exit."""

from __future__ import annotations

import array
import math
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from rvibe_player.app import self_test
from rvibe_player.app.loaded_libraries import inside, loaded_files, matching
from tests.helpers.requirements import REPO, need_vlc


def write_tone(path: Path, seconds: float, hz: float, amplitude: float, rate: int = 44100) -> None:
    """A mono 16-bit WAV of a sine tone (amplitude 0 gives silence)."""
    count = round(seconds * rate)
    step = 2 * math.pi * hz / rate
    samples = array.array(
        "h", (round(amplitude * 32767 * math.sin(step * i)) for i in range(count))
    )
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())


@pytest.mark.parametrize(
    ("seconds", "hz", "amplitude", "passed", "says"),
    [
        (2.0, 440.0, 0.25, True, "2.000 s at 44100 Hz, 440.0 Hz tone"),
        (2.0, 440.0, 0.0, False, "silence"),
        (1.5, 440.0, 0.25, False, "expected 2.000 s"),
        (2.0, 660.0, 0.25, False, "expected a 440 Hz tone"),
    ],
)
def test_the_tone_is_judged_on_length_level_and_pitch(
    tmp_path: Path, seconds: float, hz: float, amplitude: float, passed: bool, says: str
) -> None:
    wav = tmp_path / "out.wav"
    write_tone(wav, seconds, hz, amplitude)
    check = self_test.judge(self_test.measure(wav))
    assert check.passed is passed
    assert says in check.detail
    assert check.line().startswith("ok   sound: " if passed else "FAIL sound: ")


def test_loaded_files_name_the_libraries_of_this_process() -> None:
    files = loaded_files()
    python_library = matching(("libpython", "python3"), files)
    assert python_library or any("python" in f for f in files)
    assert all(os.path.isabs(f) for f in files)
    assert inside(files[0], "/")
    assert not inside("/usr/lib/libvlc.so.5", "/opt/rvibe-player")


def run_self_test(env_changes: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_VLC")}
    env.update(env_changes)
    env["HOME"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "rvibe_player", "--self-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.vlc
@pytest.mark.gui
def test_self_test_passes_and_names_the_libvlc_it_loaded(
    tmp_path: Path, isolated_user_dirs: Path
) -> None:
    need_vlc()
    result = run_self_test({}, tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(":")[0] for line in lines] == [
        "ok   window", "ok   libvlc", "ok   plugins", "ok   sound", "ok   library", "self-test",
    ]  # fmt: skip
    assert "libvlc.so" in lines[1] or "libvlc.dll" in lines[1] or "libvlc.dylib" in lines[1]
    assert lines[-2] == "ok   library: tags and fingerprint read (Vorbis)"
    assert lines[-1] == "self-test: passed"
    assert not list(isolated_user_dirs.rglob("*.sqlite3")), "the user's own folders stay untouched"


@pytest.mark.gui
def test_without_libvlc_the_window_opens_and_says_why(tmp_path: Path) -> None:
    """python-vlc exits the process when PYTHON_VLC_LIB_PATH names no file; the player does not."""
    result = run_self_test({"PYTHON_VLC_LIB_PATH": str(tmp_path / "no-libvlc.so")}, tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert lines[0].startswith("ok   window: 1280x800 painted offscreen; no sound: Cannot play")
    assert lines[1].startswith("FAIL libvlc: Cannot play audio: the VLC library could not be")
    assert lines[-1] == "self-test: FAILED: libvlc"
