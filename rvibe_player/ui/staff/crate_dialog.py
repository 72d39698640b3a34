"""A crate: releases chosen once, for many listeners, with a personal line for each.

The lines start from one line written for everyone (``{{first_name}}`` filled in) and each
can be made that listener's own; every line is required. The preview says, per listener,
which releases will be left out because they own them or had them picked before.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.core.store_protocol import CRATE_RELEASES_MAX
from rvibe_player.store_client.desk import fill_fields
from rvibe_player.store_client.desk_model import CatalogResult, InboxRow
from rvibe_player.ui.shell.theme import colours_of, visible_checks
from rvibe_player.ui.shell.widgets import plain_label
from rvibe_player.ui.staff.desk_bridge import DeskBridge

LEFT_OUT = {
    "owned": str(QT_TRANSLATE_NOOP("CrateDialog", "owns it")),
    "already_picked": str(QT_TRANSLATE_NOOP("CrateDialog", "had it picked")),
}


class CrateDialog(QDialog):
    """Choose releases, write the lines, see what each listener gets, send."""

    send_requested = Signal(object, object)
    """(release ids, {listener id: line})."""

    def __init__(
        self,
        bridge: DeskBridge,
        listeners: list[InboxRow],
        curator: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.listeners = listeners
        self.curator = curator
        self.titles: dict[int, str] = {}
        self.setWindowTitle(self.tr("A crate"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search the catalog for the crate"))
        self.search.setPlaceholderText(self.tr("Search the catalog, tick up to 10 releases…"))
        self.releases = QListWidget()
        self.releases.setAccessibleName(self.tr("Releases for the crate"))
        visible_checks(self.releases)
        self.releases.itemChanged.connect(lambda _i: self._preview_soon())
        layout.addWidget(self.search)
        layout.addWidget(self.releases, 1)
        row = QHBoxLayout()
        self.template = QLineEdit()
        self.template.setAccessibleName(self.tr("A line for everyone"))
        self.template.setPlaceholderText(
            self.tr("A line for everyone, e.g. {{first_name}}, this one is for late evenings…")
        )
        fill = QPushButton(self.tr("Use for every line"))
        fill.clicked.connect(self.fill_lines)
        row.addWidget(self.template, 1)
        row.addWidget(fill)
        layout.addLayout(row)
        self.who = plain_label("")
        layout.addWidget(self.who)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Each listener's line"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Listener"), self.tr("Their line (required)"), self.tr("Left out for them")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        layout.addWidget(self.table, 2)
        self.problem = plain_label("")
        self.problem.setStyleSheet(f"color: {colours_of(self).error.name()};")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send the crate"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._preview_timer = QTimer(self, singleShot=True, interval=300)
        self._preview_timer.timeout.connect(self.run_preview)
        self.previews = 0
        self.searches = 0
        self.set_listeners(listeners)  # searches the catalog too

    # -- listeners -----------------------------------------------------------------------------

    def set_listeners(self, listeners: list[InboxRow]) -> None:
        """The listeners the crate goes to, one line each."""
        self.listeners = list(listeners)
        self.who.setText(self.tr("For %n listeners; each gets their own line.", "", len(listeners)))
        self.table.setRowCount(len(listeners))
        for n, listener in enumerate(listeners):
            name = QTableWidgetItem(listener.name or listener.username)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, listener.listener_id)
            self.table.setItem(n, 0, name)
            self.table.setItem(n, 1, QTableWidgetItem(""))
            left = QTableWidgetItem("")
            left.setFlags(left.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(n, 2, left)
        if self.template.text():
            self.fill_lines()
        self._preview_soon()
        if self.releases.count() == 0:
            self.run_search()

    def load_listeners(self, filter: str, query: str) -> None:
        """Everyone the inbox lists under this filter and search (from the store)."""
        desk = self.bridge.desk
        if desk is None:
            return
        self.who.setText(self.tr("Finding the listeners…"))
        self.bridge.run(desk.listeners_of, filter, query, then=self._loaded)

    def _loaded(self, rows: list[InboxRow] | None, error: BaseException | None) -> None:
        if error is not None:
            self.problem.setText(
                self.tr("The listeners could not be read: %1").replace("%1", str(error))
            )
        self.set_listeners(rows or [])

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.table.setItem(row, column, item)
        return item

    # -- releases ------------------------------------------------------------------------------

    def run_search(self) -> None:
        desk = self.bridge.desk
        if desk is None or not self.listeners:
            return
        self.bridge.run(
            desk.search_catalog, self.listeners[0].listener_id, self.search.text(), then=self._found
        )

    def _found(self, results: list[CatalogResult] | None, error: BaseException | None) -> None:
        self.searches += 1
        chosen = set(self.chosen())
        self.releases.blockSignals(True)
        for n in reversed(range(self.releases.count())):  # keep the ticked ones
            if self.releases.item(n).checkState() != Qt.CheckState.Checked:
                self.releases.takeItem(n)
        for result in results or []:
            if result.release_id in chosen:
                continue
            item = QListWidgetItem(f"{result.title} — {result.artist}")
            item.setData(Qt.ItemDataRole.UserRole, result.release_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.titles[result.release_id] = result.title
            self.releases.addItem(item)
        self.releases.blockSignals(False)
        if error is not None:
            self.problem.setText(
                self.tr("The catalog cannot be searched now: %1").replace("%1", str(error))
            )

    def chosen(self) -> list[int]:
        """The ticked releases."""
        return [
            int(self.releases.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.releases.count())
            if self.releases.item(n).checkState() == Qt.CheckState.Checked
        ]

    def choose(self, release_id: int) -> None:
        """Tick a release (as a click would)."""
        for n in range(self.releases.count()):
            item = self.releases.item(n)
            if int(item.data(Qt.ItemDataRole.UserRole)) == release_id:
                item.setCheckState(Qt.CheckState.Checked)

    # -- lines and the preview -----------------------------------------------------------------

    def fill_lines(self) -> None:
        """Every line from the line for everyone, with each first name filled in."""
        template = self.template.text()
        for n, listener in enumerate(self.listeners):
            line = fill_fields(template, listener.first_name, self.curator)
            self._cell(n, 1).setText(line)

    def lines(self) -> dict[int, str]:
        """Each listener's line, as it stands."""
        return {
            listener.listener_id: self._cell(n, 1).text()
            for n, listener in enumerate(self.listeners)
        }

    def _preview_soon(self) -> None:
        self._preview_timer.start()

    def run_preview(self) -> None:
        desk, releases = self.bridge.desk, self.chosen()
        if desk is None or not releases:
            return
        ids = [listener.listener_id for listener in self.listeners]
        self.bridge.run(desk.preview_crate, releases, ids, then=self._previewed)

    def _previewed(
        self, left_out: dict[int, list[str]] | None, error: BaseException | None
    ) -> None:
        self.previews += 1
        if error is not None:
            self.problem.setText(
                self.tr("The preview could not be made: %1").replace("%1", str(error))
            )
        for n, listener in enumerate(self.listeners):
            words = []
            for entry in (left_out or {}).get(listener.listener_id, []):
                release, _sep, why = entry.partition(":")
                reason = self.tr(LEFT_OUT.get(why, why))
                words.append(f"{self.titles.get(int(release), release)} ({reason})")
            self._cell(n, 2).setText(", ".join(words))

    def send(self) -> None:
        """Send, once every line is written and a release chosen."""
        releases = self.chosen()
        if not self.listeners:
            self.problem.setText(self.tr("Nobody to send to: choose listeners in the inbox."))
            return
        if not releases:
            self.problem.setText(self.tr("Tick at least one release."))
            return
        if len(releases) > CRATE_RELEASES_MAX:
            self.problem.setText(
                self.tr("A crate holds up to %1 releases.").replace("%1", str(CRATE_RELEASES_MAX))
            )
            return
        lines = self.lines()
        empty = [
            n
            for n, listener in enumerate(self.listeners)
            if not lines[listener.listener_id].strip()
        ]
        if empty:
            self.problem.setText(
                self.tr("Write a line for every listener: %n without one.", "", len(empty))
            )
            self.table.setCurrentCell(empty[0], 1)
            return
        if any("[[" in line or "{{" in line for line in lines.values()):
            self.problem.setText(self.tr("Fill in every [[gap]] and {{field}} first."))
            return
        self.send_requested.emit(releases, lines)
        self.accept()
