"""One player per profile: a second launch hands its files and folders to the running one
and exits; two real player processes on one profile never both open a window."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from rvibe_player.app.instance import PlayerInstance
from tests.helpers.corpus import make_corpus


def _eventually(check, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_second_launch_hands_over_and_a_closed_player_frees_the_profile(tmp_path: Path) -> None:
    first = PlayerInstance(tmp_path)
    assert first.hand_over([]) is False  # nobody runs yet
    got: list[list[str]] = []
    arrived = threading.Event()
    assert first.serve(lambda args: (got.append(args), arrived.set()))

    assert PlayerInstance(tmp_path).hand_over(["/music/a.flac", "/music/Ünïcode folder"])
    assert arrived.wait(5)
    assert got == [["/music/a.flac", "/music/Ünïcode folder"]]
    assert PlayerInstance(tmp_path / "other-profile").hand_over([]) is False
    if os.name == "posix":
        assert (tmp_path / "instance.key").stat().st_mode & 0o077 == 0

    first.close()
    assert PlayerInstance(tmp_path).hand_over(["x"]) is False


@pytest.mark.skipif(os.name != "posix", reason="a socket file left behind exists on POSIX only")
def test_a_socket_left_by_a_crashed_player_is_taken_over(tmp_path: Path) -> None:
    instance = PlayerInstance(tmp_path)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(instance.address)
    stale.close()  # the file stays, nobody listens: what a kill -9 leaves
    assert instance.hand_over(["x"]) is False
    assert instance.serve(lambda _args: None)
    assert PlayerInstance(tmp_path).hand_over([])
    instance.close()


def _player(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "rvibe_player", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def _running_player(tmp_path: Path) -> Iterator[tuple[dict[str, str], Path]]:
    """A real player process on this test's profile (offscreen, no store), listening."""
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "RVIBE_VLC_ARGS": "--aout=adummy",
        "RVIBE_STORE_URL": "http://127.0.0.1:9",  # no embedded store for this test
    }
    data = Path(env["RVIBE_DATA_DIR"])
    first = _player(env)
    instance = PlayerInstance(data)
    try:
        _eventually(lambda: os.path.exists(instance.address) or first.poll() is not None)
        assert first.poll() is None, first.communicate()
        yield env, data
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGABRT)  # -X faulthandler: every thread's stack
            _out, err = first.communicate(timeout=30)
            pytest.fail(f"the player did not quit within 60 s of SIGTERM:\n{err[-6000:]}")
    assert first.returncode == 0
    assert not os.path.exists(instance.address)  # closed: the profile is free again


def _library(data: Path, sql: str) -> list[object]:
    with sqlite3.connect(data / "library.sqlite3") as db:
        return [r[0] for r in db.execute(sql)]


@pytest.mark.slow
def test_two_real_players_on_one_profile(tmp_path: Path) -> None:
    music = make_corpus(tmp_path / "music", tracks=4, workers=1).root
    with _running_player(tmp_path) as (env, data):
        second = _player(env, str(music))
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "already running" in err
        # the running player took the folder
        _eventually(lambda: _library(data, "SELECT path_text FROM roots") == [str(music)])


@pytest.mark.slow
def test_a_command_line_scan_goes_through_the_running_player(tmp_path: Path) -> None:
    music = make_corpus(tmp_path / "music", tracks=4, workers=1).root
    with _running_player(tmp_path) as (env, data):
        scan = _player(env, "scan", str(music))
        _out, err = scan.communicate(timeout=60)
        assert scan.returncode == 0, err
        assert "The player that is running scans this library now" in err
        count = "SELECT count(*) FROM tracks WHERE status = 'ok'"
        _eventually(lambda: _library(data, count) == [4])
