"""Test-wide set-up: every user directory in tmp_path, Qt offscreen, an in-memory keyring."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.helpers.clock import TestClock
from tests.helpers.memory_keyring import MemoryKeyring

pytest_plugins = ["tests.helpers.corpus"]  # the small_corpus fixtures

# Before anything imports Qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

_XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_MUSIC_DIR")


@pytest.fixture(autouse=True, scope="session")
def interpreter_gc_thresholds() -> None:
    """Importing the interface raises the young GC threshold for the player's start
    (rvibe_player/ui/startup_gc.py) until a window's first load; a test session is not a
    start, and tests of the GC pacer compare against the interpreter's own thresholds."""
    from rvibe_player.ui import startup_gc

    startup_gc.release()


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and every RVIBE_*_DIR at tmp_path so no test reads or writes the real ones."""
    base = tmp_path / "user"
    for var, sub in (
        ("RVIBE_CONFIG_DIR", "config"),
        ("RVIBE_DATA_DIR", "data"),
        ("RVIBE_CACHE_DIR", "cache"),
        ("RVIBE_LOG_DIR", "log"),
    ):
        monkeypatch.setenv(var, str(base / sub))
    monkeypatch.setenv("HOME", str(base / "home"))
    (base / "home").mkdir(parents=True)
    for var in _XDG:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return base


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring backend for the duration of the test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> TestClock:
    """This test's "now": every date a test writes is taken relative to it, never literal."""
    return TestClock.start()
