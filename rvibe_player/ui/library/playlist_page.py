"""A playlist's page: its entries (missing ones kept and marked), reordered by drag and drop.

Smart playlists show their saved search's results in the ordinary track table instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.playlist_store import PlaylistInfo, PlaylistItem, PlaylistStore
from rvibe_player.library.reader import LibraryReader
from rvibe_player.ui.library.tracks_page import TracksPage
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.entries_model import ReorderableEntriesModel, reorderable_table
from rvibe_player.ui.shell.formats import format_duration
from rvibe_player.ui.shell.widgets import heading, plain_label

Index = QModelIndex | QPersistentModelIndex
ENTRY_MIME = "application/x-rvibe-playlist-positions"
HEADERS = (
    "#",
    str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "Title")),
    str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "Artist")),
    str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "Album")),
    str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "Length")),
    "",
)
"""The column titles (translated when shown)."""
STATE_NOTES = {
    "ok": "",
    "offline": str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "offline")),
    "missing": str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "not in the library")),
    "unresolved": str(QT_TRANSLATE_NOOP("PlaylistEntriesModel", "not found")),
}
"""What a cell says about an entry's state (translated when shown)."""


class PlaylistEntriesModel(ReorderableEntriesModel):
    """The entries of one regular playlist; drops reorder it or add tracks to it."""

    entry_mime = ENTRY_MIME
    headers = HEADERS

    def __init__(self, store: PlaylistStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.playlist_id = 0
        self._items: list[PlaylistItem] = []

    def load(self, playlist_id: int) -> None:
        self.beginResetModel()
        self.playlist_id = playlist_id
        self._items = self._store.entries(playlist_id) if playlist_id else []
        self.endResetModel()

    def items(self) -> list[PlaylistItem]:
        return self._items

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def _note(self, state: str) -> str:
        """What the state column says about an entry's state ("" when it is fine)."""
        note = STATE_NOTES[state]
        return self.tr(note) if note else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        track = item.track
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(index.row() + 1)
            if index.column() == 1:
                return track.display_title if track else (item.title or item.location)
            if index.column() == 2:
                return artist_text(track.display_artist) if track else ""
            if index.column() == 3:
                return track.album if track else ""
            if index.column() == 4:
                return format_duration(track.duration) if track else ""
            return self._note(item.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = track.path_text if track else item.location
            return f"{where}\n{self._note(item.state)}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and item.state != "ok":
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def entry_key(self, row: int) -> int:
        return row  # a playlist's entries are moved by position

    def move_entries(self, keys: list[int], target: int) -> None:
        self._store.move_entries(self.playlist_id, keys, target)
        self.load(self.playlist_id)

    def add_tracks(self, track_ids: list[int], target: int) -> None:
        self._store.add_tracks(self.playlist_id, track_ids, target)
        self.load(self.playlist_id)


class PlaylistPage(QStackedWidget):
    """Shows a regular playlist's entries, or a smart playlist's search results."""

    play_requested = Signal(list, int)

    def __init__(
        self, store: PlaylistStore, reader: LibraryReader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        regular = QWidget()
        layout = QVBoxLayout(regular)
        layout.setContentsMargins(16, 12, 16, 0)
        self.smart_page = TracksPage(reader, "")
        self.title = heading("")
        self.summary = plain_label("")
        self.summary.setEnabled(False)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        self.entries = PlaylistEntriesModel(store, self)
        self.table = reorderable_table(self.entries, {0: 44, 2: 200, 3: 200, 4: 64, 5: 130})
        self.table.setAccessibleName(self.tr("Songs of the playlist"))
        self.table.doubleClicked.connect(lambda index: self._play_from(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.addWidget(regular)
        self.addWidget(self.smart_page)
        self.info: PlaylistInfo | None = None

    def show_playlist(self, info: PlaylistInfo) -> None:
        """Show a playlist (a smart one's results arrive through :meth:`show_results`)."""
        self.info = info
        self.title.setText(info.name)
        if info.smart:
            self.smart_page.title.setText(info.name)
            self.smart_page.summary.setText(
                self.tr("Smart playlist: %1").replace("%1", info.query or "")
            )
            self.smart_page.model.set_ids([])
            self.setCurrentWidget(self.smart_page)
            return
        self.entries.load(info.id)
        self._summarise()
        self.setCurrentIndex(0)

    def show_results(self, ids: Sequence[int]) -> None:
        if self.info is not None and self.info.smart:
            text = self.tr("%Ln songs · smart playlist: %1", "", len(ids))
            self.smart_page.set_ids(ids, text.replace("%1", self.info.query or ""))

    def reload(self) -> None:
        if self.info is not None and not self.info.smart:
            self.entries.load(self.info.id)
            self._summarise()

    def _summarise(self) -> None:
        items = self.entries.items()
        lost = sum(1 for i in items if i.state in ("missing", "unresolved"))
        seconds = sum(i.track.duration for i in items if i.track is not None)
        songs = self.tr("%Ln songs", "", len(items))
        text = f"{songs} · {format_duration(seconds)}"
        if lost:
            text += " · " + self.tr("%n not in your library (kept here)", "", lost)
        self.summary.setText(text)

    def _play_from(self, row: int) -> None:
        items = self.entries.items()
        ids = [i.track.id for i in items if i.track and i.state == "ok"]
        before = [i for i in items[:row] if i.track and i.state == "ok"]
        if ids:
            self.play_requested.emit(ids, min(len(before), len(ids) - 1))

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
            if rows:
                self._remove(rows)
                return True
        return super().eventFilter(watched, event)

    def _menu(self, position) -> None:  # type: ignore[no-untyped-def]
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows or self.info is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Play from here"), lambda: self._play_from(rows[0]))
        menu.addAction(self.tr("Remove from playlist"), lambda: self._remove(rows))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _remove(self, rows: list[int]) -> None:
        assert self.info is not None
        self.store.remove_entries(self.info.id, rows)
        self.reload()
