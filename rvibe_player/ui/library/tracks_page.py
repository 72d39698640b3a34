"""The library's pages: all songs (and search results), the album grid with album pages, artists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
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


class SongsSummary(QObject):
    """The count line of a list of songs; a QObject only to give its words a translation
    context: lupdate sees the count of ``self.tr``, but not a variable count of
    ``QCoreApplication.translate``."""

    def text(self, count: int, query: str) -> str:
        """'12,345 songs' or '3 songs match "nina"'.

        One song has a text of its own, so the English says "1 song"; every other count takes
        the plural forms of the "songs" text.
        """
        query = query.strip()
        if query:
            text = (
                self.tr("1 song match “%1”")
                if count == 1
                else self.tr("%Ln songs match “%1”", "", count)
            )
            return text.replace("%1", query)
        return self.tr("1 song") if count == 1 else self.tr("%Ln songs", "", count)


def songs_summary(count: int, query: str) -> str:
    """'12,345 songs' or '3 songs match "nina"' (see :class:`SongsSummary`)."""
    return SongsSummary().text(count, query)
