"""``rvibe-player play``: the services wired together, and what happens without libVLC."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rvibe_player.cli import run
from rvibe_player.library.scanner import Scanner
from rvibe_player.playback.backend import Failed, PlayItem
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.factory import open_backend
from rvibe_player.playback.null_backend import NullBackend
from tests.helpers.audio import read_wav, zero_crossing_frequency
from tests.helpers.playback import vlc_backend
from tests.helpers.requirements import need_ffmpeg


def test_without_libvlc_play_starts_and_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['vlc'] = None\n"  # what `import vlc` does when it is missing
        "from rvibe_player.cli import run\n"
        "sys.exit(run(sys.argv[1:]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--library", str(tmp_path / "l.db"), "play", "anything"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Cannot play audio" in result.stderr
    assert "Install libVLC and its plugins" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.vlc
def test_when_libvlc_does_not_start_every_track_fails_with_the_reason(tmp_path: Path) -> None:
    vlc_backend(lambda f: None, tmp_path / "probe.wav").close()  # skips without libVLC
    dispatcher, events = QueueDispatcher(), []
    backend, problem = open_backend(dispatcher.post, args=["--no-such-option-anywhere"])
    assert isinstance(backend, NullBackend) and problem is not None
    backend.add_listener(events.append)
    backend.load(PlayItem("/music/a.flac"))
    dispatcher.run_pending()
    failed = next(e for e in events if isinstance(e, Failed))
    assert failed.message.startswith("Cannot play \u201ca.flac\u201d: libVLC did not start")
    assert "Install" in failed.message


@pytest.mark.vlc
def test_play_runs_the_found_tracks_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vlc_backend(lambda f: None, tmp_path / "probe.wav").close()  # skips without libVLC
    music = tmp_path / "music"
    music.mkdir()
    for number, (title, hz) in enumerate((("Dawn", 440), ("Dusk", 660)), start=1):
        subprocess.run(
            [need_ffmpeg(), "-loglevel", "error", "-f", "lavfi", "-i",
             f"sine=frequency={hz}:sample_rate=44100:duration=1", "-metadata", f"title={title}",
             "-metadata", "album=Day", "-metadata", f"track={number}",
             str(music / f"{number} {title}.flac")],
            check=True,
        )  # fmt: skip
    library = tmp_path / "lib.sqlite3"
    Scanner(library, workers=1).scan([str(music)])
    wav = tmp_path / "out.wav"

    status = run(["--library", str(library), "play", "--to-file", str(wav), "album:day"])

    assert status == 0
    assert capsys.readouterr().out.splitlines() == ["Playing: Unknown artist - Dawn",
                                                    "Playing: Unknown artist - Dusk"]  # fmt: skip
    # two players: afile writes each track anew; one stream (FLAC's): both in one file
    audio = read_wav(wav)
    last = audio.slice(audio.seconds - 0.9, audio.seconds - 0.1)
    assert zero_crossing_frequency(last) == pytest.approx(660, abs=2)


@pytest.mark.parametrize(("required", "outcome"), [("", "1 skipped"), ("1", "1 error")])
def test_without_libvlc_vlc_tests_skip_on_a_laptop_and_fail_in_ci(
    required: str, outcome: str
) -> None:
    code = (
        "import sys; sys.modules['vlc'] = None\n"  # what `import vlc` does when it is missing
        "import pytest\n"
        "sys.exit(pytest.main(sys.argv[1:]))\n"
    )
    test = "tests/playback/test_vlc_backend.py::test_a_missing_file_fails_at_once[players]"
    result = subprocess.run(
        [sys.executable, "-c", code, "-q", "-rs", "-p", "no:cacheprovider", test],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "RVIBE_REQUIRE_VLC": required},
    )
    assert outcome in result.stdout, result.stdout[-2000:]  # an error in set-up fails the run
    assert "Install libVLC and its plugins" in result.stdout
    assert (result.returncode == 0) == (required == "")
