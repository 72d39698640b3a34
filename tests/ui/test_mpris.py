"""MPRIS2 on a private session bus: desktop controls play, pause, skip and read metadata."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection

from rvibe_player.ui.playback.mpris import OBJECT_PATH, SERVICE, Mpris
from scripts.make_corpus import Manifest
from tests.helpers.requirements import need_dbus_daemon, need_vlc

pytestmark = pytest.mark.gui


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A session bus of our own (nothing of the desktop's), as dbus-run-session gives."""
    daemon = need_dbus_daemon()
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    yield address
    process.terminate()
    process.wait(5)


def dbus_send(qtbot, address: str, *args: str) -> str:  # type: ignore[no-untyped-def]
    """Run dbus-send while the Qt event loop keeps serving our object."""
    command = ["dbus-send", f"--bus={address}", "--print-reply", f"--dest={SERVICE}", OBJECT_PATH]
    process = subprocess.Popen([*command, *args], stdout=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    assert process.returncode == 0, args
    assert process.stdout is not None
    return process.stdout.read()


def get_property(qtbot, address: str, name: str) -> str:  # type: ignore[no-untyped-def]
    return dbus_send(qtbot, address, "org.freedesktop.DBus.Properties.Get",
                     "string:org.mpris.MediaPlayer2.Player", f"string:{name}")  # fmt: skip


def test_mpris_answers_play_pause_next_and_metadata(
    open_window, scanned_library: Manifest, private_bus: str, qtbot
) -> None:
    need_vlc()
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 3, timeout=15_000)
    connection = QDBusConnection.connectToBus(private_bus, "rvibe-mpris-test")
    assert connection.isConnected()
    raised: list[bool] = []
    mpris = Mpris(window.playback.player, lambda: raised.append(True), lambda: None, connection)
    assert mpris.registered
    player = window.playback.player
    ids = list(window.songs.model.ids()[:3])
    window.play_tracks(ids, 0)
    qtbot.waitUntil(lambda: player.state == "playing", timeout=10_000)
    first = window.session.library.track(ids[0])

    metadata = get_property(qtbot, private_bus, "Metadata")
    assert "xesam:title" in metadata and first.display_title in metadata
    assert f"/org/rvibe/track/{first.id}" in metadata
    assert "mpris:length" in metadata
    assert '"Playing"' in get_property(qtbot, private_bus, "PlaybackStatus")

    dbus_send(qtbot, private_bus, "org.mpris.MediaPlayer2.Player.PlayPause")
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)
    assert '"Paused"' in get_property(qtbot, private_bus, "PlaybackStatus")

    dbus_send(qtbot, private_bus, "org.mpris.MediaPlayer2.Player.Next")
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == ids[1],
                    timeout=10_000)  # fmt: skip
    second = window.session.library.track(ids[1])
    assert second.display_title in get_property(qtbot, private_bus, "Metadata")

    dbus_send(qtbot, private_bus, "org.freedesktop.DBus.Properties.Set",
              "string:org.mpris.MediaPlayer2.Player", "string:Volume",
              "variant:double:0.25")  # fmt: skip
    qtbot.waitUntil(lambda: player.volume() == 25, timeout=5_000)
    dbus_send(qtbot, private_bus, "org.mpris.MediaPlayer2.Raise")
    assert raised == [True]
    mpris.close()
