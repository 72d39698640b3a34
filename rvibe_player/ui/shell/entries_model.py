"""A table of entries the user reorders by drag and drop: the play queue, a playlist.

A drag inside the table carries the dragged entries' keys; a drag from a track table
carries track ids. The subclass says what a row's key is and what a move or an add does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

TRACK_IDS_MIME = "application/x-rvibe-track-ids"
"""The drag-and-drop type of a list of library track ids (comma separated)."""


Index = QModelIndex | QPersistentModelIndex


def _ids(data: QMimeData, mime: str) -> list[int]:
    return [int(i) for i in bytes(data.data(mime).data()).decode().split(",") if i]


class ReorderableEntriesModel(QAbstractTableModel):
    """Drag-and-drop plumbing shared by the queue and playlist models."""

    entry_mime: ClassVar[str]
    """The drag format of this model's own entries."""
    headers: ClassVar[tuple[str, ...]]
    """The column titles, in English: shown translated in the subclass's own context (its
    class name), so mark them ``QT_TRANSLATE_NOOP("QueueModel", "Title")``."""

    def entry_key(self, row: int) -> int:
        """What a drag of ``row`` carries (a position, or an entry id)."""
        raise NotImplementedError

    def move_entries(self, keys: list[int], target: int) -> None:
        """Move the dragged entries to before row ``target`` (as the list is now)."""
        raise NotImplementedError

    def add_tracks(self, track_ids: list[int], target: int) -> None:
        """Tracks dragged in from elsewhere, dropped before row ``target``."""
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            header = self.headers[section]
            return QCoreApplication.translate(type(self).__name__, header) if header else header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [self.entry_mime, TRACK_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        data = QMimeData()
        data.setData(self.entry_mime, ",".join(str(self.entry_key(r)) for r in rows).encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        if data.hasFormat(self.entry_mime):
            self.move_entries(_ids(data, self.entry_mime), target)
        elif data.hasFormat(TRACK_IDS_MIME):
            self.add_tracks(_ids(data, TRACK_IDS_MIME), target)
        else:
            return False
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # moves are done in dropMimeData; Qt must not delete the dragged rows


def reorderable_table(model: ReorderableEntriesModel, widths: dict[int, int]) -> QTableView:
    """The table view of a :class:`ReorderableEntriesModel`: rows are moved by drag and drop,
    column 1 (the title) takes the room the ``widths`` (column -> pixels) leave."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDragDropOverwriteMode(False)
    table.setDropIndicatorShown(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    return table
