"""The inbox list: one row per listener, drawn with their need, wait, unread and excerpt."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rvibe_player.store_client.desk_model import InboxRow
from rvibe_player.ui.shell.formats import date_text
from rvibe_player.ui.shell.theme import ACCENT, ON_ACCENT, avatar_fill, colours

Index = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 62


# The words of these functions are in the "InboxModel" context: plain texts through
# QCoreApplication.translate, counts through InboxModel.tr (lupdate marks a plural only in a
# tr() call; PySide6 takes it on the class, its stubs only on an object: hence the ignores).


def wait_words(seconds: float | None) -> str:
    """How long someone has waited, the way people say it (``3 h``, ``2 days``)."""
    if seconds is None:
        return ""
    if seconds < 3600:
        minutes = max(1, round(seconds / 60))
        return InboxModel.tr("%n min", "", minutes)  # type: ignore[arg-type]
    if seconds < 2 * 86400:
        return InboxModel.tr("%n h", "", round(seconds / 3600))  # type: ignore[arg-type]
    return InboxModel.tr("%n days", "", round(seconds / 86400))  # type: ignore[arg-type]


def need_words(row: InboxRow) -> str:
    """Why the listener is where they are, in a few words."""
    if row.need == "waiting":
        return QCoreApplication.translate("InboxModel", "waits %1").replace(
            "%1", wait_words(row.waiting_seconds)
        )
    if row.need == "due":
        return QCoreApplication.translate("InboxModel", "touch due")
    if row.need == "new":
        return QCoreApplication.translate("InboxModel", "new: say hello")
    if row.need == "snoozed":
        if row.snooze_until_reply:
            return QCoreApplication.translate("InboxModel", "snoozed until they write")
        until = date_text(row.snoozed_until)
        return QCoreApplication.translate("InboxModel", "snoozed until %1").replace("%1", until)
    return ""


class InboxModel(QAbstractListModel):
    """Inbox rows in the order the store gave them (by need)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InboxRow] = []

    def set_rows(self, rows: list[InboxRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[InboxRow]) -> None:
        """The inbox's next page, after the rows shown."""
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def row_of(self, listener_id: int) -> int:
        """The row of a listener (-1 when not listed)."""
        return next((n for n, r in enumerate(self.rows) if r.listener_id == listener_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name or row.username
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [row.name, need_words(row)]
            if row.unread:
                parts.append(self.tr("%n unread", "", row.unread))
            if row.excerpt:
                parts.append(row.excerpt)
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class InboxDelegate(QStyledItemDelegate):
    """Draws a row: avatar initial, name, need, unread badge, excerpt, sharing level."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, InboxRow):
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = option.rect.adjusted(10, 6, -10, -6)
        # the avatar: the initial on a colour of the name
        circle = QRect(rect.left(), rect.top() + 4, 36, 36)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(avatar_fill(row.name or "?"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(circle)
        painter.setPen(ON_ACCENT)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, (row.name or "?")[:1].upper())
        left = circle.right() + 10
        top = QRect(left, rect.top(), rect.right() - left, rect.height() // 2)
        bottom = QRect(
            left, rect.top() + rect.height() // 2, rect.right() - left, rect.height() // 2
        )
        painter.setPen(text)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.name or row.username,
        )
        # right side of the first line: need, then the unread badge
        need = need_words(row)
        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        badge_width = 0
        if row.unread:
            label = str(row.unread)
            badge_width = max(22, metrics.horizontalAdvance(label) + 12)
            badge = QRect(top.right() - badge_width, top.top() + 3, badge_width, top.height() - 6)
            # On a selected row (the accent behind it) the badge turns over, or it vanishes.
            fill, ink = (ON_ACCENT, ACCENT) if selected else (ACCENT, ON_ACCENT)
            painter.setBrush(fill)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(ink)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        if need:
            dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
            colour = colours(dark).need.get(row.need, text)
            painter.setPen(text if selected else colour)
            need_rect = top.adjusted(0, 0, -(badge_width + 8), 0)
            painter.drawText(
                need_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, need
            )
        # second line: the excerpt (theirs or mine), then the sharing level
        painter.setPen(
            palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            if not selected
            else text
        )
        excerpt = row.excerpt.replace("\n", " ")
        if row.excerpt_from == "curator":
            excerpt = self.tr("You: %1").replace("%1", excerpt)
        sharing = {"full": "♪♪", "summary": "♪"}.get(row.sharing_level, "")
        if row.others:
            sharing = f"👁 {sharing}".strip()
        right = metrics.horizontalAdvance(sharing) + 6 if sharing else 0
        elided = metrics.elidedText(
            excerpt or self.tr("No messages yet"),
            Qt.TextElideMode.ElideRight,
            bottom.width() - right,
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        if sharing:
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sharing
            )
        painter.restore()


def age_words(moment: datetime | None) -> str:
    """How long ago, in a few words."""
    if moment is None:
        return ""
    return wait_words((datetime.now(UTC) - moment).total_seconds())
