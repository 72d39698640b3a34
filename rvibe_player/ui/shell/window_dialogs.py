"""The window's dialogs: choosing a folder, settings, backups, problems, track details,
shortcuts, and showing a track's folder. Each is made when asked for and reports back
through the window (folders added, settings applied, a restore chosen)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from rvibe_player import paths

if TYPE_CHECKING:
    from rvibe_player.ui.shell.main_window import MainWindow


class WindowDialogs:
    """Opens the window's dialogs over its session."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.session = window.session

    def choose_folder(self) -> None:
        caption = QCoreApplication.translate("WindowDialogs", "Choose your music folder")
        folder = QFileDialog.getExistingDirectory(
            self.window, caption, str(paths.default_music_dir())
        )
        if folder:
            self.window.add_folder(folder)

    def open_shortcuts(self) -> None:
        from rvibe_player.ui.shell.info_dialogs import ShortcutsDialog

        ShortcutsDialog(self.window).exec()

    def open_track_info(self, track_id: int) -> None:
        from rvibe_player.ui.shell.info_dialogs import TrackInfoDialog

        track = self.session.library.track(track_id)
        if track is not None:
            TrackInfoDialog(track, self.window).exec()

    def open_problems(self) -> None:
        from rvibe_player.ui.library.problems_dialog import ProblemsDialog

        ProblemsDialog(self.session.library, self.window).exec()

    def open_settings(self) -> None:
        from rvibe_player.ui.shell.settings_dialog import SettingsDialog

        window = self.window
        devices = window.playback.player.controller.backend.output_devices()
        dialog = SettingsDialog(
            self.session.settings, self.session.library.roots(), devices, window
        )
        dialog.folder_added.connect(window.add_folder)
        dialog.folder_removed.connect(self.session.remove_folder)
        dialog.rescan_requested.connect(lambda: window.scans.scan(None))
        dialog.restore_requested.connect(lambda: self.open_backups(dialog))
        dialog.applied.connect(window.settings_applied)
        dialog.exec()

    def open_backups(self, parent: QWidget | None = None) -> None:
        """The library's backups; a confirmed restore quits, to put it back at the next start."""
        from rvibe_player.ui.library.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.session.care.backups(), parent or self.window)
        dialog.restore_chosen.connect(self.restore_backup)
        dialog.exec()

    def restore_backup(self, backup: object) -> None:
        """Restore ``backup`` at the next start; the player quits now."""
        from rvibe_player.library.backups import Backup

        assert isinstance(backup, Backup)
        self.session.care.request_restore(backup)
        QTimer.singleShot(0, self.window.quit)

    def reveal(self, track_id: int) -> None:
        """Open the folder of a track in the system's file manager."""
        track = self.session.library.track(track_id)
        if track is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(track.path)))
