"""Scanning from the window: first run, progress, the outcome, and the problems dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from rvibe_player.library.reader_pool import POOL_THRESHOLD
from rvibe_player.library.scanner import ScanReport
from rvibe_player.ui.library.problems_dialog import ProblemsDialog
from scripts.make_corpus import Manifest
from tests.helpers.corpus import make_corpus

pytestmark = pytest.mark.gui


def test_first_run_scan_fills_the_library(open_window, qtbot, tmp_path: Path) -> None:
    # More files than POOL_THRESHOLD, so the scan process runs its pool of tag readers.
    small_corpus_copy = make_corpus(tmp_path / "music", tracks=POOL_THRESHOLD + 30, workers=2)
    (small_corpus_copy.root / "broken.mp3").write_bytes(b"ID3 definitely not audio")
    window = open_window()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome)
    progress: list[object] = []
    window.scans.progressed.connect(progress.append)
    with qtbot.waitSignal(window.scans.finished, timeout=60_000) as finished:
        window.welcome.folder_chosen.emit(str(small_corpus_copy.root))
    report: ScanReport = finished.args[0]
    total = len(small_corpus_copy.tracks)
    assert report.added == total
    assert [path for path, _ in report.unreadable] == [str(small_corpus_copy.root / "broken.mp3")]
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)
    assert window.stack.currentWidget() is window.songs
    status = window.scan_status
    assert f"{total} added" in status.label.text()
    assert "1 files could not be read" in status.label.text()
    assert status.details.isVisible()
    assert progress, "no progress was reported while scanning"

    dialog = ProblemsDialog(window.session.library, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text().endswith("broken.mp3")
    assert dialog.table.item(0, 1).text()  # a reason, in words


def test_offline_folder_shows_a_banner_and_keeps_tracks(
    open_window, small_corpus_copy: Manifest, qtbot, tmp_path: Path
) -> None:
    window = open_window()
    with qtbot.waitSignal(window.scans.finished, timeout=60_000):
        window.add_folder(str(small_corpus_copy.root))
    total = len(small_corpus_copy.tracks)
    small_corpus_copy.root.rename(tmp_path / "unplugged")
    with qtbot.waitSignal(window.scans.finished, timeout=60_000) as finished:
        window.scans.scan(None)
    assert finished.args[0].removed == 0
    assert window.banner.isVisible()
    assert "stay in your library" in window.banner.label.text()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)
