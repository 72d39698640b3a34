"""Playback in the window: double-click plays, the queue reorders, problems are shown."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from scripts.make_corpus import Manifest
from tests.helpers.requirements import need_vlc

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_window, scanned_library: Manifest, qtbot):  # type: ignore[no-untyped-def]
    need_vlc()
    opened = open_window()
    qtbot.waitUntil(lambda: opened.songs.model.rowCount() == len(scanned_library.tracks),
                    timeout=15_000)  # fmt: skip
    return opened


def double_click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    """A real double-click on a row (PySide takes the position only positionally)."""
    where = table.visualRect(table.model().index(row, 1)).center()
    none = Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, none, where)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, none, where)


def test_double_click_plays_and_the_bar_follows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = window.songs.table
    expected = window.session.library.track(window.songs.model.track_id(2))
    double_click_row(qtbot, table, 2)
    player = window.playback.player
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == expected.id,
                    timeout=10_000)  # fmt: skip
    qtbot.waitUntil(lambda: player.state == "playing", timeout=10_000)
    bar = window.playback.bar
    assert bar.title.text() == expected.display_title
    assert expected.display_artist in bar.subtitle.text()
    assert expected.display_title in window.windowTitle()
    queue = player.controller.queue
    assert [e.track_id for e in queue.entries()] == list(window.songs.model.ids())
    QTest.keyClick(table, Qt.Key.Key_Space)  # space pauses, wherever the focus is (not in text)
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)


def test_queue_reorders_by_drag_and_drop_and_delete_removes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = list(window.songs.model.ids()[:4])
    window.play_tracks(ids, 0)
    window.show_page("queue")
    page = window.queue_page
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 4)

    def order() -> list[int]:
        queue = window.playback.player.controller.queue
        return [e.track_id for e in queue.entries()]

    data = model.mimeData([model.index(0, 0)])  # drag the first row below the third
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert order() == [ids[1], ids[2], ids[0], ids[3]]
    qtbot.waitUntil(lambda: model.index(2, 1).data() == window.session.library.track(
        ids[0]).display_title)  # fmt: skip
    page.table.selectRow(3)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert order() == [ids[1], ids[2], ids[0]]


def test_a_file_that_cannot_play_is_reported_and_the_queue_moves_on(
    open_window, scanned_copy: Manifest, qtbot
) -> None:
    need_vlc()
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == len(scanned_copy.tracks),
                    timeout=15_000)  # fmt: skip
    ids = list(window.songs.model.ids()[:2])
    broken = window.session.library.track(ids[0])
    with open(broken.path, "wb") as handle:  # damaged after the scan
        handle.write(os.urandom(4096))
    window.play_tracks(ids, 0)
    player = window.playback.player
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == ids[1],
                    timeout=15_000)  # fmt: skip
    message = window.statusBar().currentMessage()
    assert os.path.basename(broken.path) in message


def test_without_libvlc_the_window_says_what_to_install(
    open_window, scanned_library, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # as if python-vlc found no libVLC
    window = open_window()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
    text = window.banner.label.text()
    assert "VLC" in text and "install" in text
    qtbot.waitUntil(window.playback.bar.isVisible)  # the player still starts, silently


def test_tray_shows_the_track_and_notifies_when_allowed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rvibe_player import settings as keys

    ids = list(window.songs.model.ids()[:2])
    tray = window.playback.tray
    window.play_tracks(ids, 0)
    first = window.session.library.track(ids[0])
    qtbot.waitUntil(lambda: tray.notified[-1:] == [(first.display_title, first.display_artist)],
                    timeout=10_000)  # fmt: skip
    assert tray.now.text() == f"{first.display_title} — {first.display_artist}"
    assert first.display_title in tray.icon.toolTip()
    window.session.settings.set(keys.NOTIFICATIONS, False)
    shown = len(tray.notified)
    window.playback.player.next()
    qtbot.waitUntil(lambda: window.playback.player.track.id == ids[1], timeout=10_000)
    assert len(tray.notified) == shown  # the setting is respected
