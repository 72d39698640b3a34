"""The play queue: what plays next, reordered by drag and drop, Delete to remove."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.model import Track
from rvibe_player.ui.playback.player_bridge import PlayerBridge
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.entries_model import ReorderableEntriesModel, reorderable_table
from rvibe_player.ui.shell.formats import format_duration
from rvibe_player.ui.shell.widgets import heading, plain_label

Index = QModelIndex | QPersistentModelIndex
ENTRY_MIME = "application/x-rvibe-queue-entries"
HEADERS = (
    "",
    str(QT_TRANSLATE_NOOP("QueueModel", "Title")),
    str(QT_TRANSLATE_NOOP("QueueModel", "Artist")),
    str(QT_TRANSLATE_NOOP("QueueModel", "Album")),
    str(QT_TRANSLATE_NOOP("QueueModel", "Length")),
)
"""The column titles (translated when shown)."""


class QueueModel(ReorderableEntriesModel):
    """The queue's entries in list order; the current one marked."""

    entry_mime = ENTRY_MIME
    headers = HEADERS

    def __init__(self, player: PlayerBridge, library: LibraryDatabase, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.player = player
        self.library = library
        self._rows: list[tuple[int, Track | None]] = []
        self._current: int | None = None
        player.queue_changed.connect(self.reload)
        player.track_changed.connect(lambda _track: self.reload())
        self.reload()

    def reload(self) -> None:
        queue = self.player.controller.queue
        entries = queue.entries()
        tracks = {t.id: t for t in self.library.tracks([e.track_id for e in entries])}
        current = queue.current()
        self.beginResetModel()
        self._rows = [(e.id, tracks.get(e.track_id)) for e in entries]
        self._current = current.id if current is not None else None
        self.endResetModel()

    def entry_id(self, row: int) -> int:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry_id, track = self._rows[index.row()]
        current = entry_id == self._current
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return "▶" if current else str(index.row() + 1)
            if track is None:
                return self.tr("(no longer in the library)") if index.column() == 1 else ""
            return (track.display_title, artist_text(track.display_artist), track.album,
                    format_duration(track.duration))[index.column() - 1]  # fmt: skip
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and track is not None:
            return track.path_text
        return None

    def entry_key(self, row: int) -> int:
        return self.entry_id(row)  # the queue moves entries by id

    def move_entries(self, keys: list[int], target: int) -> None:
        self.player.move(keys, target)  # an index in the list as it is before the move

    def add_tracks(self, track_ids: list[int], target: int) -> None:
        self.player.enqueue(track_ids)


class QueuePage(QWidget):
    """The queue with its actions."""

    def __init__(self, player: PlayerBridge, library: LibraryDatabase, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.player = player
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 0)
        header = QHBoxLayout()
        header.addWidget(heading(self.tr("Play queue")))
        header.addStretch()
        clear = QPushButton(self.tr("Clear upcoming"))
        clear.clicked.connect(self._clear_upcoming)
        header.addWidget(clear)
        layout.addLayout(header)
        self.summary = plain_label("")
        self.summary.setEnabled(False)
        layout.addWidget(self.summary)
        self.model = QueueModel(player, library, self)
        self.table = reorderable_table(self.model, {0: 40, 2: 220, 3: 220, 4: 64})
        self.table.setAccessibleName(self.tr("Play queue"))
        self.table.doubleClicked.connect(
            lambda index: player.jump(self.model.entry_id(index.row()))
        )
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self._summarise)
        self._summarise()

    def _summarise(self) -> None:
        count = self.model.rowCount()
        self.summary.setText(
            self.tr("%Ln songs queued", "", count)
            if count
            else self.tr(
                "Nothing queued. Play a song, or use “Play next” and “Add to queue” on any song."
            )
        )

    def selected_entries(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.entry_id(r) for r in rows]

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            entries = self.selected_entries()
            if entries:
                self.player.remove(entries)
                return True
        return super().eventFilter(watched, event)

    def _clear_upcoming(self) -> None:
        queue = self.player.controller.queue
        current = queue.current()
        self.player.remove([e.id for e in queue.entries() if current is None or e.id != current.id])
