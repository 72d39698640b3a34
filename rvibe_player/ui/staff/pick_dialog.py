"""Picking a release for one listener: the catalog searched in place, marked "owned" and
"already picked", the closest to their taste first with why, and the reason line required.

Opened by P at the desk it already lists what is close to the listener, the first one
chosen and the cursor in the reason: writing the line and pressing Enter sends the pick.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.desk_model import CatalogResult
from rvibe_player.ui.shell.theme import colours_of
from rvibe_player.ui.shell.widgets import plain_label
from rvibe_player.ui.staff.desk_bridge import DeskBridge

SEARCH_DELAY_MS = 250


def mark_words(result: CatalogResult) -> str:
    """``Owned``, ``Already picked``, both or nothing."""
    marks = []
    if result.owned:
        marks.append(QCoreApplication.translate("PickDialog", "Owned"))
    if result.picked:
        marks.append(QCoreApplication.translate("PickDialog", "Already picked"))
    return " · ".join(marks)


def result_words(result: CatalogResult) -> list[str]:
    """A result's columns: what it is, its marks, and why it is close to their taste."""
    year = f" ({result.year})" if result.year else ""
    return [f"{result.title} — {result.artist}{year}", mark_words(result), result.why]


class PickDialog(QDialog):
    """Choose a release and say why, for one listener."""

    picked = Signal(int, str)
    """(release id, the reason line)."""

    def __init__(
        self, bridge: DeskBridge, listener_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.listener_id = listener_id
        self.setWindowTitle(self.tr("A pick for %1").replace("%1", name))
        self.resize(860, 540)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the catalog"))
        self.search.setPlaceholderText(self.tr("Search the catalog… (empty: close to their taste)"))
        self.results = QTreeWidget()
        self.results.setAccessibleName(self.tr("Releases found, closest to their taste first"))
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setHeaderLabels([self.tr("Release"), self.tr("Mark"), self.tr("Why")])
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.results.itemActivated.connect(self._focus_reason)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Why this pick, for them"))
        self.reason.setPlaceholderText(
            self.tr("Why this, for %1? One line, in your words (required)").replace("%1", name)
        )
        self.problem = plain_label("")
        self.problem.setStyleSheet(f"color: {colours_of(self).error.name()};")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send the pick"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.reason.returnPressed.connect(self.send)
        self.searches = 0
        """Answers received (tests wait on it)."""
        self.run_search()
        self.reason.setFocus()

    def _focus_reason(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.reason.setFocus()

    def run_search(self) -> None:
        """Search now (off the GUI thread)."""
        desk = self.bridge.desk
        if desk is None:
            return
        self.bridge.run(desk.search_catalog, self.listener_id, self.search.text(), then=self._found)

    def _found(self, results: list[CatalogResult] | None, error: BaseException | None) -> None:
        self.searches += 1
        self.results.clear()
        if error is not None or results is None:
            self.problem.setText(
                self.tr("The catalog cannot be searched now: %1").replace("%1", str(error))
            )
            return
        self.problem.setText("")
        first = None
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for result in results:
            item = QTreeWidgetItem(result_words(result))
            item.setData(0, Qt.ItemDataRole.UserRole, result.release_id)
            item.setToolTip(2, result.why)
            if result.owned or result.picked:
                for column in range(3):
                    item.setForeground(column, muted)
            elif first is None:
                first = item
            self.results.addTopLevelItem(item)
        if first is not None:
            self.results.setCurrentItem(first)
        elif not results:
            self.problem.setText(self.tr("Nothing found."))

    def send(self) -> None:
        """Send the chosen release with the reason (both required)."""
        item = self.results.currentItem()
        if item is None:
            self.problem.setText(self.tr("Choose a release first."))
            return
        if not self.reason.text().strip():
            self.problem.setText(self.tr("Say why in a line: a pick needs its reason."))
            self.reason.setFocus()
            return
        self.picked.emit(int(item.data(0, Qt.ItemDataRole.UserRole)), self.reason.text().strip())
        self.accept()
