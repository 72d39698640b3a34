""" "Restore from a backup…": the library's backups with their dates and what they hold."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.backups import Backup
from rvibe_player.ui.shell.formats import moment_text
from rvibe_player.ui.shell.widgets import plain_label


class BackupsDialog(QDialog):
    """Lists backups, newest first; asks before choosing one to restore."""

    restore_chosen = Signal(object)
    """A :class:`Backup` the user confirmed."""

    def __init__(self, made: Sequence[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore the library from a backup"))
        self.resize(560, 340)
        self._made = list(made)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The player backs up your library (play counts, ratings, the play log, "
                    "playlists) once a day and after large changes. Restoring puts one back "
                    "the next time the player starts; the library as it is now is kept aside."
                )
            )
        )
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Made"), self.tr("Tracks"), self.tr("Plays"), self.tr("Playlists")]
        )
        for backup in self._made:
            when = moment_text(backup.made_at)
            counts = [f"{n:,}" for n in (backup.tracks, backup.plays, backup.playlists)]
            item = QTreeWidgetItem([when, *counts])
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.list.addTopLevelItem(item)
        self.list.setColumnWidth(0, 200)
        layout.addWidget(self.list)
        self.empty = plain_label(self.tr("There is no backup yet: the first is made half a "
                                         "minute after the player starts."))  # fmt: skip
        self.empty.setVisible(not self._made)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore = buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore.setAccessibleName(self.tr("Restore the chosen backup"))
        self.restore.setEnabled(False)
        self.list.currentItemChanged.connect(
            lambda current, _old: self.restore.setEnabled(current is not None)
        )
        self.list.itemActivated.connect(lambda _item, _col: self._confirm())
        buttons.rejected.connect(self.reject)
        self.restore.clicked.connect(self._confirm)
        layout.addWidget(buttons)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def chosen(self) -> Backup | None:
        """The backup the list points at."""
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else -1
        return self._made[row] if 0 <= row < len(self._made) else None

    def _confirm(self) -> None:
        backup = self.chosen()
        if backup is None:
            return
        when = moment_text(backup.made_at)
        answer = QMessageBox.question(
            self,
            self.tr("Restore the library?"),
            self.tr(
                "Put back the library as it was on %1 (%2 tracks, %3 plays)? "
                "The player quits now and restores it when you start it again; the library "
                "as it is now is kept aside."
            )
            .replace("%3", f"{backup.plays:,}")
            .replace("%2", f"{backup.tracks:,}")
            .replace("%1", when),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_chosen.emit(backup)
            self.accept()
