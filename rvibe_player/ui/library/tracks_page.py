"""The library's pages: all songs (and search results), the album grid with album pages, artists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.reader import LibraryReader
from rvibe_player.ui.library.track_model import TrackTableModel
from rvibe_player.ui.library.track_table import TrackTable
from rvibe_player.ui.shell.widgets import heading, plain_label

Index = QModelIndex | QPersistentModelIndex


class TracksPage(QWidget):
    """A heading, a count line and a track table."""

    def __init__(self, reader: LibraryReader, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 0)
        self.title = heading(title)
        self.summary = plain_label("")
        self.summary.setEnabled(False)
        self.model = TrackTableModel(reader, self)
        self.table = TrackTable(self.model)
        self.table.setAccessibleName(self.tr("Songs"))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch()
        self.header_row = header
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def set_ids(self, ids: Sequence[int], summary: str) -> None:
        """Show these tracks with a line saying what they are."""
        self.model.set_ids(ids)
        self.summary.setText(summary)


def songs_summary(count: int, query: str) -> str:
    """'12,345 songs' or '3 songs match "nina"'."""
    noun = "song" if count == 1 else "songs"
    if query.strip():
        return f"{count:,} {noun} match “{query.strip()}”"
    return f"{count:,} {noun}"
