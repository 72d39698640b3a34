"""The track table: sortable columns, multi-selection, drag out, and a context menu."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from rvibe_player.ui.library.track_model import COLUMNS, TrackTableModel, header_text

TITLE_MIN = 200
"""The narrowest the title column gets (past it the table scrolls sideways)."""
_WIDTHS = {"tracknumber": 44, "title": 280, "artist": 200, "album": 220, "year": 56,
           "duration": 64, "codec": 70, "play_count": 52, "rating": 84, "added_at": 92}  # fmt: skip
_HIDDEN_BY_DEFAULT = {"codec", "added_at"}


class TrackTable(QTableView):
    """Shows a :class:`TrackTableModel`; actions come out as signals of track ids."""

    play_requested = Signal(list, int)
    """(all ids shown, index to start at): double-click or Enter plays from there."""
    play_next_requested = Signal(list)
    enqueue_requested = Signal(list)
    add_to_playlist_requested = Signal(list)
    info_requested = Signal(int)
    reveal_requested = Signal(int)
    """Show this track's file in the system's file manager."""

    def __init__(self, model: TrackTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracks = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # arrows move in the table; Tab leaves it
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        words = header.fontMetrics()
        for number, column in enumerate(COLUMNS):
            # wide enough for the header in the user's language, and its sort arrow
            label = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
            fits = words.horizontalAdvance(label) + 28
            self.setColumnWidth(number, max(_WIDTHS.get(column.key, 100), fits))
            self.setColumnHidden(number, column.key in _HIDDEN_BY_DEFAULT)
            if column.key == "title":  # the title takes what the other columns leave
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda *_: self._fit_title())
        self.doubleClicked.connect(lambda index: self._play_from(index.row()))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title stretches into what the other columns leave, but never below
        ``TITLE_MIN``: in a narrow view (an artist's songs beside the artist list) it was
        squeezed to a letter while the artist and album columns kept their widths."""
        header = self.horizontalHeader()
        title = next(n for n, column in enumerate(COLUMNS) if column.key == "title")
        others = sum(
            self.columnWidth(n)
            for n in range(len(COLUMNS))
            if n != title and not self.isColumnHidden(n)
        )
        # The header is as wide as the viewport; viewport() itself is avoided before the first
        # frame: PySide's first call of it makes a Python type for every QtWidgets class
        # (70 enums, about 9 ms of the window's start).
        stretch = header.width() - others >= TITLE_MIN
        wanted = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(title) != wanted:
            header.setSectionResizeMode(title, wanted)
        if not stretch and self.columnWidth(title) < TITLE_MIN:
            header.resizeSection(title, TITLE_MIN)

    def hide_columns(self, keys: set[str]) -> None:
        """Hide columns that repeat what the page already says (the album on an album page)."""
        for number, column in enumerate(COLUMNS):
            if column.key in keys:
                self.setColumnHidden(number, True)
        self._fit_title()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, top to bottom."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.tracks.track_id(row) for row in rows]

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._play_from(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _play_from(self, row: int) -> None:
        self.play_requested.emit(list(self.tracks.ids()), row)

    def _menu(self, position) -> None:  # type: ignore[no-untyped-def]
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        first_row = self.selectionModel().selectedRows()[0].row()
        menu.addAction(self.tr("Play"), lambda: self._play_from(first_row))
        menu.addAction(self.tr("Play next"), lambda: self.play_next_requested.emit(ids))
        menu.addAction(self.tr("Add to queue"), lambda: self.enqueue_requested.emit(ids))
        menu.addAction(
            self.tr("Add to playlist…"), lambda: self.add_to_playlist_requested.emit(ids)
        )
        menu.addSeparator()
        menu.addAction(self.tr("Show in file manager"), lambda: self.reveal_requested.emit(ids[0]))
        info = QAction(self.tr("Track info…"), menu)
        info.setShortcut(QKeySequence("Ctrl+I"))
        info.triggered.connect(lambda: self.info_requested.emit(ids[0]))
        menu.addAction(info)
        menu.exec(self.viewport().mapToGlobal(position))

    def _column_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        for number, column in enumerate(COLUMNS):
            action = menu.addAction(
                header_text(column) if column.header != "#" else self.tr("Track number")
            )
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(number))
            action.toggled.connect(lambda on, n=number: self.setColumnHidden(n, not on))
        menu.exec(self.horizontalHeader().mapToGlobal(position))
