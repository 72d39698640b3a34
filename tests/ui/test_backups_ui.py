"""Restore from a backup, from the settings: the list with dates and counts, a confirmed
restore quits, and the next start puts the backup back and says so."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from rvibe_player import paths
from rvibe_player.library import backups
from rvibe_player.ui.library.backups_dialog import BackupsDialog
from scripts.make_corpus import Manifest

pytestmark = pytest.mark.gui


def test_a_backup_chosen_in_the_dialog_is_back_after_a_restart(
    scanned_library: Manifest, open_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    library = window.session.library
    library.set_rating(1, 5)
    made = backups.make_backup(paths.library_database(), window.session.care.backup_folder)
    library.set_rating(1, 1)  # a change the user regrets

    dialog = BackupsDialog(window.session.care.backups(), window)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 1
    item = dialog.list.topLevelItem(0)
    assert item is not None and item.text(1) == f"{made.tracks:,}"
    assert dialog.restore.isEnabled() and not dialog.empty.isVisible()
    dialog.show()
    dialog.grab().save(str(paths.data_dir() / "backups-dialog.png"))
    dialog.restore_chosen.connect(window.dialogs.restore_backup)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.restore.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)  # the player quit
    window.session.close()

    again = open_window()
    qtbot.waitUntil(again.banner.isVisible, timeout=10_000)
    assert f"restored from the backup {made.folder.name}" in again.banner.label.text()
    rating = again.session.library.conn.execute("SELECT rating FROM tracks WHERE id = 1")
    assert rating.fetchone() == (5,)


def test_with_no_backup_yet_the_dialog_says_when_the_first_comes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.restore.isEnabled()
