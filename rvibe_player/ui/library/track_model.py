"""A lazy table model of tracks: it holds only ids and loads rows a page at a time.

100k rows scroll smoothly because Qt asks only for visible rows; each page of 256 rows is
one indexed read (about a millisecond) through the GUI thread's :class:`LibraryReader`, and
only the most recently used pages are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from rvibe_player.library.reader import MISSING_ROW, TRACK_FIELDS, LibraryReader, TrackRow
from rvibe_player.ui.shell.entries_model import TRACK_IDS_MIME
from rvibe_player.ui.shell.formats import date_text, format_duration, isolate

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: the row field it shows, its header (in English; :func:`header_text`
    translates it), and its sort key (if any)."""

    key: str
    header: str
    sort: str | None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


_RIGHT = Qt.AlignmentFlag.AlignRight
COLUMNS: tuple[Column, ...] = (
    Column("tracknumber", "#", "track", _RIGHT),
    Column("title", str(QT_TRANSLATE_NOOP("TrackTableModel", "Title")), "title"),
    Column("artist", str(QT_TRANSLATE_NOOP("TrackTableModel", "Artist")), "artist"),
    Column("album", str(QT_TRANSLATE_NOOP("TrackTableModel", "Album")), "album"),
    Column("year", str(QT_TRANSLATE_NOOP("TrackTableModel", "Year")), "year", _RIGHT),
    Column("duration", str(QT_TRANSLATE_NOOP("TrackTableModel", "Length")), "duration", _RIGHT),
    Column("codec", str(QT_TRANSLATE_NOOP("TrackTableModel", "Format")), "codec"),
    Column("play_count", str(QT_TRANSLATE_NOOP("TrackTableModel", "Plays")), "plays", _RIGHT),
    Column("rating", str(QT_TRANSLATE_NOOP("TrackTableModel", "Rating")), "rating"),
    Column("added_at", str(QT_TRANSLATE_NOOP("TrackTableModel", "Added")), "added", _RIGHT),
)
assert tuple(c.key for c in COLUMNS) == TRACK_FIELDS, "columns follow the reader's rows"
PAGE = 256
MAX_PAGES = 64

# Roles as plain ints and answers made once: a painted cell asks for about seven roles, and
# building enum values on each call was a third of a search result's repaint.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_USER = Qt.ItemDataRole.UserRole.value
_ALIGNS = tuple(c.align | Qt.AlignmentFlag.AlignVCenter for c in COLUMNS)
_STATUS = len(COLUMNS) + 1  # the row's status; path_text follows it
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def header_text(column: Column) -> str:
    """A column's header in the user's language."""
    if column.header == "#":
        return column.header
    return QCoreApplication.translate("TrackTableModel", column.header)


class TrackTableModel(QAbstractTableModel):
    """Tracks by id, in the order given; rows load lazily."""

    sort_requested = QtSignal(str, bool)
    """The user clicked a header: (sort key, descending)."""

    def __init__(self, reader: LibraryReader, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._reader = reader
        self._isolate = QGuiApplication.isRightToLeft()
        """In a right-to-left window each cell is a bidi isolate: "What Is Dream?" keeps its
        question mark at its end instead of taking the paragraph's direction."""
        self._ids: Sequence[int] = ()
        self._pages: OrderedDict[int, list[TrackRow]] = OrderedDict()
        self.current_track: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- contents ----------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these tracks, in this order."""
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> Sequence[int]:
        """The ids shown, in order."""
        return self._ids

    def track_id(self, row: int) -> int:
        """The id of the track in ``row``."""
        return self._ids[row]

    def refresh(self) -> None:
        """Reload rows (statistics or tags changed) without changing the list."""
        self._pages.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_current_track(self, track_id: int | None) -> None:
        """Mark the playing track (shown in bold)."""
        self.current_track = track_id
        self.refresh()

    # -- Qt model interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        return self._value(self._row(index.row()), index.column(), int(role))

    def multiData(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a delegate paints a cell with, in one call (not one per role)."""
        if not index.isValid():
            return
        row = self._row(index.row())
        column = index.column()
        items: Iterable[QModelRoleData] = (
            (roles,)
            if isinstance(roles, QModelRoleData)
            else cast(Iterable[QModelRoleData], roles)  # iterable; the stub omits it
        )
        for item in items:
            value = self._value(row, column, item.role())
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _value(self, row: TrackRow, column: int, role: int) -> object:
        if role == _DISPLAY:
            text = _display(COLUMNS[column].key, row[column + 1])
            return isolate(text) if self._isolate else text
        if role == _ALIGNMENT:
            return _ALIGNS[column]
        if role == _FOREGROUND:
            if row[_STATUS] == "ok":
                return None
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == _FONT:
            return self._bold if row[0] == self.current_track else None
        if role == _TOOLTIP:
            note = (
                ""
                if row[_STATUS] == "ok"
                else "\n" + self.tr("(offline: its disk is not connected)")
            )
            return f"{row[_STATUS + 1]}{note}"
        if role == _USER:
            return row[0]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):  # -1: no sort column, the library's own order
            self.sort_requested.emit("", False)
            return
        key = COLUMNS[column].sort
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def mimeTypes(self) -> list[str]:
        return [TRACK_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        data = QMimeData()
        data.setData(TRACK_IDS_MIME, ",".join(str(self._ids[r]) for r in rows).encode())
        return data

    # -- paging ------------------------------------------------------------------------------

    def _row(self, row: int) -> TrackRow:
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._load(number)
        else:
            self._pages.move_to_end(number)
        return page[row - number * PAGE]

    def _load(self, number: int) -> list[TrackRow]:
        ids = self._ids[number * PAGE : (number + 1) * PAGE]
        found = self._reader.track_rows(ids)
        page = [found.get(i, MISSING_ROW) for i in ids]
        self._pages[number] = page
        if len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page


def _display(key: str, value: object) -> str:
    if value is None:
        return ""
    if key == "duration":
        return format_duration(float(value))  # type: ignore[arg-type]
    if key == "rating":
        return "★" * int(value) + "☆" * (5 - int(value))  # type: ignore[call-overload]
    if key == "added_at":
        return date_text(float(value))  # type: ignore[arg-type]
    if key == "play_count" and value == 0:
        return ""
    return str(value)
