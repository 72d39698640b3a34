"""Sharing and privacy: what listening the store may see, revoke, delete, and who looked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.core.store_protocol import SharingLevel
from rvibe_player.store_client.model import parse_time
from rvibe_player.ui.relationship.bridge import RelationshipBridge
from rvibe_player.ui.shell.core_words import error_text, say
from rvibe_player.ui.shell.formats import when_text
from rvibe_player.ui.shell.widgets import plain_label

LEVELS = (
    (SharingLevel.OFF, str(QT_TRANSLATE_NOOP(
        "SharingDialog", "Off: nothing about my listening leaves this computer"))),
    (SharingLevel.SUMMARY, str(QT_TRANSLATE_NOOP(
        "SharingDialog", "A summary: how many plays a day, of which artists and genres"))),
    (SharingLevel.FULL, str(QT_TRANSLATE_NOOP(
        "SharingDialog", "My full play history: each song I play, and when"))),
)  # fmt: skip
"""The sharing levels and their words (marked for translation: show them through tr())."""


class SharingDialog(QDialog):
    """Choose the sharing level; see when staff opened your context; delete what was shared."""

    def __init__(self, bridge: RelationshipBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Sharing and privacy"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Your curator can suggest better music when they know what you listen to. "
            "You decide how much they see; you can change your mind or delete it at any time."
        )))  # fmt: skip
        state = bridge.state()
        current = state.sharing_level if state is not None else "off"
        self.group = QButtonGroup(self)
        for level, text in LEVELS:
            button = QRadioButton(self.tr(text))
            button.setProperty("level", level.value)
            button.setChecked(level.value == current)
            self.group.addButton(button)
            layout.addWidget(button)
        self.preview = plain_label("")
        self.preview.setContentsMargins(22, 4, 0, 4)  # under the choices, in line with them
        layout.addWidget(self.preview)
        self.group.buttonToggled.connect(self._toggled)
        self.albums = QCheckBox(
            self.tr("Also the albums in my library (album artist and title; no files, no plays)")
        )
        self.albums.setAccessibleName(self.tr("Share the albums in my library with my curator"))
        self.albums_were = bool(state is not None and state.library_sharing)
        self.albums.setChecked(self.albums_were)
        self.albums.toggled.connect(lambda _on: self._describe_albums())
        layout.addWidget(self.albums)
        self.albums_preview = plain_label("")
        self.albums_preview.setContentsMargins(22, 4, 0, 4)
        layout.addWidget(self.albums_preview)
        delete = QPushButton(self.tr("Delete everything I have shared"))
        delete.clicked.connect(self._delete)
        row = QHBoxLayout()
        row.addWidget(delete)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(plain_label(self.tr("When store staff opened your page:")))
        self.log = QTableWidget(0, 2)
        self.log.setTabKeyNavigation(False)  # Tab leaves the table
        self.log.setAccessibleName(self.tr("When store staff opened your page"))
        self.log.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who")])
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.verticalHeader().hide()
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.log, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._describe()
        self._describe_albums()
        relationship = bridge.relationship
        if relationship is not None:
            bridge.run(relationship.access_log, then=self._show_log)

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._describe()

    def level(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("level")) if checked is not None else SharingLevel.OFF.value

    def _describe(self) -> None:
        relationship = self.bridge.relationship
        if relationship is not None:
            self.preview.setText(say(relationship.sharing_preview(self.level())))

    def _describe_albums(self) -> None:
        relationship = self.bridge.relationship
        if relationship is not None:
            self.albums_preview.setText(say(relationship.library_preview(self.albums.isChecked())))

    def _show_log(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self._one_line(
                self.tr("Could not load the record: %1").replace("%1", error_text(error))
            )
            return
        items = (result or {}).get("items", [])
        if not items:
            self._one_line(self.tr("Nobody has opened your page yet."))
            return
        self.log.setRowCount(len(items))
        for row, item in enumerate(items):
            moment = parse_time(item.get("at"))
            when = when_text(moment)
            staff = item.get("staff") or {}
            self.log.setItem(row, 0, QTableWidgetItem(when))
            self.log.setItem(
                row, 1, QTableWidgetItem(str(staff.get("name") or self.tr("(removed)")))
            )
        self.log.resizeColumnToContents(0)

    def _one_line(self, text: str) -> None:
        self.log.setRowCount(1)
        self.log.setItem(0, 0, QTableWidgetItem(text))
        self.log.setSpan(0, 0, 1, 2)

    def _delete(self) -> None:
        relationship = self.bridge.relationship
        if relationship is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete shared listening"),
            self.tr("Delete every play and summary the store keeps about you? Your sharing "
                    "choice stays as it is."),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return

        def then(result: Any, error: BaseException | None) -> None:
            text = (
                self.tr("Could not delete: %1").replace("%1", str(error))
                if error
                else self.tr("Deleted. The store keeps nothing.")
            )
            QMessageBox.information(self, self.tr("Delete shared listening"), text)

        self.bridge.run(relationship.delete_shared_listening, then=then)

    def accept(self) -> None:
        relationship = self.bridge.relationship
        if relationship is not None:
            relationship.set_sharing(self.level())
            if self.albums.isChecked() != self.albums_were:
                relationship.set_library_sharing(self.albums.isChecked())
        super().accept()
