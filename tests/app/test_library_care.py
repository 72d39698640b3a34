"""The library's check and backup off the owner thread: made when due, never mid-scan."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rvibe_player.app import library_care
from rvibe_player.app.events import EventHub
from rvibe_player.app.library_care import LibraryCare
from rvibe_player.playback.dispatch import QueueDispatcher
from tests.helpers.library import library_with_tracks


def test_the_backup_waits_for_a_running_scan_then_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_care, "RETRY_S", 0.05)
    path = tmp_path / "library.sqlite3"
    db, _ids = library_with_tracks(path, 30)
    scanning = [True]
    care = LibraryCare(path, EventHub(QueueDispatcher().post), busy=lambda: scanning[0])
    try:
        assert care.start(check_after_s=0) is False
        time.sleep(0.4)
        assert care.backups() == []  # not while the scan writes
        scanning[0] = False
        deadline = time.monotonic() + 10
        while not care.backups() and time.monotonic() < deadline:
            time.sleep(0.05)
        [made] = care.backups()
        assert made.tracks == 30
    finally:
        care.close()
        db.close()
