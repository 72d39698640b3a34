"""Artists on the left, the chosen artist's songs on the right."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView, QSplitter, QVBoxLayout, QWidget

from rvibe_player.library.model import Artist
from rvibe_player.library.reader import LibraryReader
from rvibe_player.ui.library.tracks_page import TracksPage
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.formats import isolated

Index = QModelIndex | QPersistentModelIndex


class ArtistListModel(QAbstractListModel):
    """Artists by name, with their counts as a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._artists: list[Artist] = []

    def set_artists(self, artists: list[Artist]) -> None:
        self.beginResetModel()
        self._artists = artists
        self.endResetModel()

    def artist(self, row: int) -> Artist:
        return self._artists[row]

    def row_of(self, name: str) -> int | None:
        return next((row for row, a in enumerate(self._artists) if a.name == name), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._artists)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        artist = self._artists[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return isolated(artist_text(artist.name))
        if role == Qt.ItemDataRole.ToolTipRole:
            albums = self.tr("%n albums", "", artist.albums)
            songs = self.tr("%n songs", "", artist.tracks)
            return f"{albums} · {songs}"
        return None


class ArtistsPage(QWidget):
    """Artists on the left, the chosen artist's songs on the right."""

    artist_chosen = Signal(str)

    def __init__(self, reader: LibraryReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.names = ArtistListModel(self)
        self.list = QListView()
        self.list.setAccessibleName(self.tr("Artists"))
        self.list.setModel(self.names)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self.tracks = TracksPage(reader, self.tr("Artists"))
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.tracks)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([240, 760])
        layout.addWidget(self.splitter)
        self._chosen_name: str | None = None

    def set_artists(self, artists: list[Artist]) -> None:
        keep = self._chosen_name
        self.names.set_artists(artists)
        row = self.names.row_of(keep) if keep is not None else None
        if row is None and artists:
            row = 0
        if row is not None:
            self.list.setCurrentIndex(self.names.index(row))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            name = self.names.artist(current.row()).name
            self._chosen_name = name
            self.tracks.title.setText(artist_text(name))
            self.artist_chosen.emit(name)
