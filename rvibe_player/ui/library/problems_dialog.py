"""Lists what the scanner could not read, with reasons, plus offline folders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.reasons import recognise
from rvibe_player.ui.shell.core_words import say
from rvibe_player.ui.shell.widgets import plain_label


class ProblemsDialog(QDialog):
    """Unreadable files and offline folders; skipped non-audio files on request."""

    def __init__(self, library: LibraryDatabase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Files that could not be read"))
        self.resize(860, 460)
        self._library = library
        layout = QVBoxLayout(self)
        self.summary = plain_label("")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 2)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setAccessibleName(self.tr("Files the scan could not read"))
        self.table.setHorizontalHeaderLabels([self.tr("File or folder"), self.tr("Why")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.show_skipped = QCheckBox(self.tr("Also list files that are not music (images, text…)"))
        self.show_skipped.toggled.connect(self.reload)
        layout.addWidget(self.show_skipped)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        rows: list[tuple[str, str]] = []
        for root in self._library.roots():
            if not root.online:
                note = say(recognise(root.status_note))
                offline = self.tr("Folder offline: %1").replace("%1", note)
                rows.append((root.path_text, offline))
        kind = None if self.show_skipped.isChecked() else "error"
        entries = self._library.unreadable(kind)
        rows += [(e.path_text, say(recognise(e.reason))) for e in entries]
        self.table.setRowCount(len(rows))
        for number, (path, reason) in enumerate(rows):
            for column, text in enumerate((path, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(number, column, item)
        errors = sum(1 for e in entries if e.kind == "error")
        self.summary.setText(
            self.tr(
                "%n file(s) could not be read. They are tried again when they change; "
                "nothing else in your library is affected.",
                "",
                errors,
            )
            if rows
            else self.tr("Every file in your library folders could be read.")
        )
