"""Files and folders dropped from the system's file manager."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from scripts.make_corpus import Manifest
from tests.helpers.requirements import need_vlc

pytestmark = pytest.mark.gui


def drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """Deliver a real drag-enter and drop, as a file manager does."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPoint(widget.width() // 2, widget.height() // 2)
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, action, data, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(where.toPointF(), action, data, buttons, modifiers))


def test_dropping_a_folder_adds_it_to_the_library(open_window, small_corpus_copy: Manifest, qtbot):  # type: ignore[no-untyped-def]
    window = open_window()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome)
    with qtbot.waitSignal(window.scans.finished, timeout=60_000):
        drop(window, [small_corpus_copy.root])
    assert [r.path for r in window.session.library.roots()] == [str(small_corpus_copy.root)]
    total = len(small_corpus_copy.tracks)
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)


def test_files_dropped_on_the_queue_are_queued(
    open_window, scanned_copy: Manifest, qtbot, tmp_path: Path
) -> None:
    need_vlc()
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=15_000)
    window.show_page("queue")
    known = [scanned_copy.root / t.path for t in scanned_copy.tracks[:2]]
    newcomer = tmp_path / "elsewhere" / "new song.flac"
    newcomer.parent.mkdir()
    flac = next(t.path for t in scanned_copy.tracks if t.format == "flac")
    shutil.copy(scanned_copy.root / flac, newcomer)  # a file the library does not know yet
    queue = window.playback.player.controller.queue

    def queued() -> list[str]:
        tracks = window.session.library.tracks([e.track_id for e in queue.entries()])
        return [t.path for t in tracks]

    with qtbot.waitSignal(window.scans.finished, timeout=60_000):
        drop(window, [*known, newcomer])
    qtbot.waitUntil(lambda: queued() == [*map(str, known), str(newcomer)], timeout=10_000)
