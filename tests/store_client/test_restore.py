"""The store restored from a backup: players read their logs again and send once more what
the store lost, each message exactly once (``rvibe-store backup``/``restore``/``check``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.waiting import eventually
from tests.store_client.processes import CHEAP, prepare_store, store_with_listener_online
from tests.store_client.test_offline import FAST, _curator_writes, _listener_messages

pytestmark = pytest.mark.slow


def _store_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rvibe_player.store_server.cli",
         "--database-url", f"sqlite:///{db}", *args],
        check=False, capture_output=True, text=True, timeout=60, env=os.environ | CHEAP,
    )  # fmt: skip


def test_after_a_restore_the_listener_re_sends_what_the_store_lost_once(tmp_path: Path) -> None:
    db, store, player = store_with_listener_online(tmp_path, **FAST)
    listener_id = int(player.account["id"]) if player.account else 0
    try:
        before = ["One, before the backup.", "Two, before the backup."]
        for body in before:
            player.send_message(body)
        eventually(lambda: _listener_messages(db) == before, timeout=20)

        made = _store_cli(db, "backup", str(tmp_path / "backup.sqlite3"))  # while serving
        assert made.returncode == 0, made.stderr

        after = ["Three, after it.", "Four, after it — ünïcode."]
        for body in after:
            player.send_message(body)
        _curator_writes(store.url, listener_id, "The curator's reply after the backup.")
        eventually(lambda: _listener_messages(db) == before + after, timeout=20)
        eventually(lambda: player.state().waiting_to_send == 0, timeout=20)
        eventually(lambda: len(player.state().messages) == 5, timeout=20)

        store.stop()
        restored = _store_cli(db, "restore", str(tmp_path / "backup.sqlite3"))
        assert restored.returncode == 0, restored.stderr
        assert _listener_messages(db) == before
        kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
        assert len(kept) == 1
        store.start()

        # the player's cursor is past the restored log's end: it reads again and re-sends
        eventually(lambda: _listener_messages(db) == before + after, timeout=30)
        eventually(lambda: player.state().waiting_to_send == 0, timeout=20)
        bodies = [m.body for m in player.state().messages]
        assert bodies == before + after  # the curator's lost reply is gone, nothing twice
        assert _listener_messages(db) == before + after
    finally:
        player.close()
        store.stop()

    checked = _store_cli(db, "check")
    assert checked.returncode == 0, checked.stderr
    assert "sound" in checked.stdout and "messages" in checked.stdout


def test_restore_refuses_a_file_that_is_not_a_store_backup(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    prepare_store(db)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a backup\n" * 100)
    answer = _store_cli(db, "restore", str(junk))
    assert answer.returncode == 2 and "not a sound store backup" in answer.stderr
    assert len(_listener_messages(db)) == 0  # the store is untouched
    assert _store_cli(db, "backup", str(junk)).returncode == 2  # never overwrites a file
