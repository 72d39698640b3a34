"""Ctrl+C or SIGTERM in the terminal that started the player quits it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rvibe_player import settings as keys

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

READY = "ready"
START = f"""
import sys
from PySide6.QtCore import QTimer
from rvibe_player.ui.shell import application
real_show = application.MainWindow.show
def show(window):
    real_show(window)
    QTimer.singleShot(300, lambda: print({READY!r}, flush=True))
application.MainWindow.show = show
sys.exit(application.run(["rvibe-player"]))
"""


@pytest.mark.parametrize("which", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_quits_the_player_and_saves_its_state(
    isolated_user_dirs: Path, which: signal.Signals
) -> None:
    env = dict(os.environ, RVIBE_VLC_ARGS="--aout=adummy", RVIBE_STORE_URL="http://127.0.0.1:9")
    player = subprocess.Popen(
        [sys.executable, "-c", START], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert player.stdout is not None
        line = player.stdout.readline()
        assert line.strip() == READY, player.stderr.read() if player.stderr else ""
        time.sleep(0.5)
        player.send_signal(which)
        code = player.wait(timeout=20)
    finally:
        if player.poll() is None:
            player.kill()
            player.wait()
    errors = player.stderr.read() if player.stderr else ""
    assert code == 0, errors
    assert "KeyboardInterrupt" not in errors
    saved = json.loads((isolated_user_dirs / "config" / "settings.json").read_text())
    assert keys.UI_STATE.key in saved, "the window saved its state on the way out"
