"""The album grid: covers with title and artist, loaded lazily as they scroll into view."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rvibe_player.library.model import Album
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.cover_cache import CoverCache
from rvibe_player.ui.shell.formats import isolated

Index = QModelIndex | QPersistentModelIndex
COVER = 176
CELL = QSize(COVER + 24, COVER + 62)


class AlbumListModel(QAbstractListModel):
    """A list of albums; each album's cover is looked up by its representative track."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._albums: list[Album] = []

    def set_albums(self, albums: list[Album]) -> None:
        self.beginResetModel()
        self._albums = albums
        self.endResetModel()

    def album(self, row: int) -> Album:
        return self._albums[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._albums)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        album = self._albums[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return isolated(album.title) or self.tr("Unknown album")
        if role == Qt.ItemDataRole.ToolTipRole:
            year = f" ({album.year})" if album.year else ""
            tracks = self.tr("%n tracks", "", album.tracks)
            return f"{album.title}{year}\n{artist_text(album.artist)}\n{tracks}"
        if role == Qt.ItemDataRole.UserRole:
            return album
        return None

    def row_for_key(self, key: str) -> int | None:
        for row, album in enumerate(self._albums):
            if album.key == key:
                return row
        return None


class AlbumDelegate(QStyledItemDelegate):
    """Paints a cover (or a placeholder with the initial) and two lines of text."""

    def __init__(self, covers: CoverCache, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._covers = covers

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        album: Album = index.data(Qt.ItemDataRole.UserRole)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight).lighter(170))
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 8, 8)
        cover_rect = QRect(rect.x() + 12, rect.y() + 10, COVER, COVER)
        clip = QPainterPath()
        clip.addRoundedRect(cover_rect, 6, 6)
        painter.setClipPath(clip)
        pixmap = self._covers.cover(album.key, album.cover_path)
        if pixmap is not None:
            source = pixmap.rect()
            side = min(source.width(), source.height())
            source.setSize(QSize(side, side))
            painter.drawPixmap(cover_rect, pixmap, source)
        else:
            self._placeholder(painter, cover_rect, album)
        painter.setClipping(False)
        text_rect = QRect(cover_rect.x(), cover_rect.bottom() + 6, COVER, 20)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        title = isolated(album.title) or self.tr("Unknown album")
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(
            title, Qt.TextElideMode.ElideRight, COVER))  # fmt: skip
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        line = isolated(artist_text(album.artist)) + (f" · {album.year}" if album.year else "")
        painter.drawText(text_rect.translated(0, 18), Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                          COVER))  # fmt: skip
        painter.restore()

    @staticmethod
    def _placeholder(painter: QPainter, rect: QRect, album: Album) -> None:
        paint_placeholder(painter, rect, album)


def paint_placeholder(painter: QPainter, rect: QRect, album: Album) -> None:
    """An album without a cover: a colour of its own and its initial."""
    hue = sum(album.key.encode("utf-8", "replace")) % 360
    painter.fillRect(rect, QColor.fromHsl(hue, 90, 110))
    font = painter.font()
    font.setPixelSize(max(12, rect.height() * 2 // 5))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255, 210))
    initial = (album.title or album.artist or "?").strip()[:1].upper()
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initial)


def placeholder(album: Album, size: int) -> QPixmap:
    """:func:`paint_placeholder` as a pixmap."""
    pixmap = QPixmap(size, size)
    painter = QPainter(pixmap)
    paint_placeholder(painter, pixmap.rect(), album)
    painter.end()
    return pixmap


class AlbumGrid(QListView):
    """The album grid; ``album_activated`` on double-click or Enter."""

    album_activated = Signal(object)

    def __init__(self, covers: CoverCache, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL)
        self.setSpacing(0)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.albums = AlbumListModel(self)
        self.setModel(self.albums)
        self.setItemDelegate(AlbumDelegate(covers, self))
        covers.loaded.connect(self._cover_loaded)
        self.activated.connect(
            lambda index: self.album_activated.emit(self.albums.album(index.row()))
        )

    def _cover_loaded(self, key: str) -> None:
        self.viewport().update()
