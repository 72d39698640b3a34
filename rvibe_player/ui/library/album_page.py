"""The album grid and, once an album is opened, its tracks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.model import Album
from rvibe_player.library.reader import LibraryReader
from rvibe_player.ui.library.album_view import AlbumGrid, placeholder
from rvibe_player.ui.library.tracks_page import TracksPage
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.cover_cache import CoverCache
from rvibe_player.ui.shell.formats import format_duration
from rvibe_player.ui.shell.widgets import heading, plain_label

COVER_SIZE = 112


class AlbumsPage(QStackedWidget):
    """The album grid, and one album's tracks after it is opened."""

    album_opened = Signal(object)

    def __init__(self, reader: LibraryReader, covers: CoverCache, parent: QWidget | None = None):
        super().__init__(parent)
        grid_page = QWidget()
        layout = QVBoxLayout(grid_page)
        layout.setContentsMargins(16, 12, 16, 0)
        layout.addWidget(heading(self.tr("Albums")))
        self.summary = plain_label("")
        self.summary.setEnabled(False)
        layout.addWidget(self.summary)
        self.grid = AlbumGrid(covers)
        self.grid.setAccessibleName(self.tr("Albums"))
        layout.addWidget(self.grid, 1)
        self.addWidget(grid_page)
        self.covers = covers
        self.detail = TracksPage(reader, "")
        self.detail.table.hide_columns({"album", "year"})
        self._album_header()
        covers.loaded.connect(self._cover_loaded)
        self.addWidget(self.detail)
        self.grid.album_activated.connect(self._open)
        self.current: Album | None = None

    def _album_header(self) -> None:
        """Back link above; cover, title and summary, and Play beside each other."""
        page = self.detail
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        back = QPushButton(self.tr("‹ All albums"))
        back.setFlat(True)
        back.clicked.connect(lambda: self.setCurrentIndex(0))
        back_row = QHBoxLayout()
        back_row.addWidget(back)
        back_row.addStretch()
        layout.insertLayout(0, back_row)
        self.cover = QLabel()
        self.cover.setFixedSize(COVER_SIZE, COVER_SIZE)
        self.cover.setScaledContents(True)
        page.header_row.setSpacing(16)
        page.header_row.insertWidget(0, self.cover)
        words = QVBoxLayout()
        layout.removeWidget(page.summary)
        page.header_row.removeWidget(page.title)
        words.addStretch()
        words.addWidget(page.title)
        words.addWidget(page.summary)
        words.addStretch()
        page.header_row.insertLayout(1, words, 1)
        self.play_album = QPushButton(self.tr("Play album"))
        self.play_album.clicked.connect(
            lambda: page.table.play_requested.emit(list(page.model.ids()), 0)
        )
        page.header_row.addWidget(self.play_album, 0, Qt.AlignmentFlag.AlignBottom)

    def set_albums(self, albums: list[Album]) -> None:
        self.grid.albums.set_albums(albums)
        self.summary.setText(self.tr("%Ln albums", "", len(albums)))

    def _cover_loaded(self, key: str) -> None:
        if self.current is not None and key == self.current.key:
            self._show_cover()

    def _show_cover(self) -> None:
        if self.current is None:
            return
        pixmap = self.covers.cover(self.current.key, self.current.cover_path)
        self.cover.setPixmap(pixmap or placeholder(self.current, COVER_SIZE))

    def _open(self, album: Album) -> None:
        self.current = album
        self._show_cover()
        self.detail.title.setText(album.title or self.tr("Unknown album"))
        self.detail.model.set_ids([])
        self.setCurrentIndex(1)
        self.album_opened.emit(album)

    def show_album_tracks(self, ids: Sequence[int], seconds: float) -> None:
        album = self.current
        if album is None:
            return
        year = f" · {album.year}" if album.year else ""
        songs = self.tr("%n songs", "", len(ids))
        self.detail.set_ids(
            ids, f"{artist_text(album.artist)}{year} · {songs} · {format_duration(seconds)}"
        )
