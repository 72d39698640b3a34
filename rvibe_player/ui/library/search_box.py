"""The search box: the query typed, the sort the table asks for, and what is wrong with it.

Searches run on the query thread (:class:`LibraryQueries`) a moment after typing stops;
the newest answer arrives by :attr:`SearchBox.found`. A malformed query turns the box red
and says where and why, beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QToolBar

from rvibe_player.ui.library.queries import LibraryQueries
from rvibe_player.ui.shell.core_words import error_text
from rvibe_player.ui.shell.theme import colours_of
from rvibe_player.ui.shell.widgets import plain_label

SEARCH_DELAY_MS = 120
"""Typing pauses this long before the search runs."""


class SearchBox(QObject):
    """A search field and its error line, in a toolbar of their own."""

    found = Signal(object, str)
    """(track ids, the query typed) of the newest search that could run."""

    def __init__(self, queries: LibraryQueries, sort: str, parent: QObject | None = None):
        super().__init__(parent)
        self.queries = queries
        self.query = ""
        self.sort = sort
        """``sort:-year``-style keys from the table's header ("" for the library's order)."""
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search: words, artist:nina, year:>1970, -live …"))
        self.field.setAccessibleName(self.tr("Search the library"))
        self.field.setClearButtonEnabled(True)
        self.field.setFixedWidth(440)
        self.error = plain_label("")
        self.error.setWordWrap(False)
        error = colours_of(self.error).error.name()
        self.error.setStyleSheet(f"color: {error}; padding-left: 10px;")
        self.toolbar = QToolBar(self.tr("Search"))
        self.toolbar.setObjectName("search-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setStyleSheet("QToolBar { padding: 6px 10px; border: none; spacing: 6px; }")
        self.toolbar.addWidget(self.field)
        self.toolbar.addWidget(self.error)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _: self._timer.start())
        self.field.returnPressed.connect(self.run)
        queries.searched.connect(self._searched)

    def focus(self) -> None:
        """Put the cursor in the box with its text selected."""
        self.field.setFocus()
        self.field.selectAll()

    def text(self) -> str:
        """The search that :meth:`run` would ask for (what is typed, in the chosen order)."""
        return f"{self.field.text()} {self.sort}".strip()

    def run(self) -> None:
        """Search now for what is typed, in the chosen order."""
        self._timer.stop()
        self.query = self.field.text()
        self.queries.search(self.text())

    def sort_by(self, key: str, descending: bool) -> None:
        """Order by a column's key ("" for the library's own order) and search again."""
        self.set_sort(key, descending)
        self.run()

    def set_sort(self, key: str, descending: bool) -> None:
        """Order the next search by a column's key ("" for the library's own order)."""
        self.sort = f"sort:{'-' if descending else ''}{key}" if key else ""

    def _searched(self, ids: object, error: object) -> None:
        if error is not None:
            self.error.setText(f"  {error_text(error)}")
            self.field.setStyleSheet(
                f"QLineEdit {{ border: 1px solid {colours_of(self.field).error.name()}; }}"
            )
            return
        self.error.setText("")
        self.field.setStyleSheet("")
        assert isinstance(ids, list)
        self.found.emit(ids, self.query)
