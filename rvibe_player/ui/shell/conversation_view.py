"""A conversation: bubbles, day separators, send states, and the composer (panel and desk).

Every text is painted as plain text (never HTML): a message reading ``<b>hi</b>`` shows those
characters. Failed sends offer Retry and Discard on right-click.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.core.store_protocol import MESSAGE_MAX
from rvibe_player.store_client.model import Message, MessageState
from rvibe_player.ui.shell.formats import day_words, time_text
from rvibe_player.ui.shell.theme import ACCENT, ON_ACCENT, colours, colours_of, their_fill
from rvibe_player.ui.shell.widgets import plain_label

Index = QModelIndex | QPersistentModelIndex
PAD = 10
GAP = 6
STATE_WORDS = {
    MessageState.PENDING: str(QT_TRANSLATE_NOOP("BubbleDelegate", "Waiting to send")),
    MessageState.SENT: str(QT_TRANSLATE_NOOP("BubbleDelegate", "Sent")),
    MessageState.READ: str(QT_TRANSLATE_NOOP("BubbleDelegate", "Read")),
}
"""What my message's footer says of its state (English, translated when shown)."""


@dataclass(frozen=True)
class DayLine:
    """A separator between days."""

    day: date


Row = DayLine | Message


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone() if moment is not None else None


class ConversationModel(QAbstractListModel):
    """Messages oldest first, with a separator at each new day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_messages(self, messages: list[Message]) -> None:
        rows: list[Row] = []
        last: date | None = None
        for message in messages:
            moment = _local(message.created_at)
            day = moment.date() if moment is not None else date.today()
            if day != last:
                rows.append(DayLine(day))
                last = day
            rows.append(message)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return day_words(row.day) if isinstance(row, DayLine) else row.body
        if role == Qt.ItemDataRole.AccessibleTextRole and isinstance(row, Message):
            local = _local(row.created_at)
            when = time_text(local) if local is not None else self.tr("now")
            if row.mine:
                return self.tr("You, %1: %2").replace("%1", when).replace("%2", row.body)
            return (
                self.tr("%1, %2: %3")
                .replace("%1", row.author)
                .replace("%2", when)
                .replace("%3", row.body)
            )
        return None


class BubbleDelegate(QStyledItemDelegate):
    """Paints one row: a day line, or a bubble with its time and state."""

    def _width(self, option: QStyleOptionViewItem) -> int:
        return max(160, int(option.rect.width() * 0.72))

    def _layout(self, option: QStyleOptionViewItem, text: str) -> tuple[QTextLayout, QSize]:
        """The text laid out in lines: at word boundaries, anywhere only for a too-long word."""
        layout = QTextLayout(text, option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(wrap)
        width = self._width(option) - 2 * PAD
        height = 0.0
        widest = 0.0
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
        return layout, QSize(math.ceil(widest), math.ceil(height))

    def _text_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        return QRect(QPoint(0, 0), self._layout(option, text)[1])

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(Qt.ItemDataRole.UserRole)
        metrics = QFontMetrics(option.font)
        if isinstance(row, DayLine):
            return QSize(option.rect.width(), metrics.height() + 18)
        text = self._text_rect(option, row.body)
        footer = metrics.height() if row.mine or row.state is MessageState.FAILED else 0
        return QSize(option.rect.width(), text.height() + 2 * PAD + GAP + footer + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        palette: QPalette = option.palette
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        if isinstance(row, DayLine):
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, day_words(row.day))
            painter.restore()
            return
        text = self._text_rect(option, row.body)
        width = text.width() + 2 * PAD
        height = text.height() + 2 * PAD
        left = rect.right() - width - 8 if row.mine else rect.left() + 8
        bubble = QRect(left, rect.top() + GAP // 2, width, height)
        if row.mine:
            colour = ACCENT
            if row.state is MessageState.PENDING:
                colour = colours(dark).pending_fill
            elif row.state is MessageState.FAILED:
                colour = colours(dark).failed_fill
            text_colour = ON_ACCENT
        else:
            colour = their_fill(palette)
            text_colour = palette.color(QPalette.ColorRole.Text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(bubble, 12, 12)
        painter.setPen(text_colour)
        layout, _ = self._layout(option, row.body)
        layout.draw(painter, QPointF(bubble.left() + PAD, bubble.top() + PAD))
        footer = self._footer(row)
        if footer:
            painter.setPen(colours(dark).error if row.state is MessageState.FAILED else muted)
            small = QRect(rect.left() + 8, bubble.bottom() + 2, rect.width() - 16, 18)
            align = Qt.AlignmentFlag.AlignRight if row.mine else Qt.AlignmentFlag.AlignLeft
            painter.drawText(small, align | Qt.AlignmentFlag.AlignTop, footer)
        painter.restore()

    def _footer(self, row: Message) -> str:
        moment = _local(row.created_at)
        when = time_text(moment) if moment is not None else ""
        if row.state is MessageState.FAILED:
            why = row.error or self.tr("the store refused it")
            return self.tr("Not sent: %1 (right-click to retry)").replace("%1", why)
        if not row.mine:
            return ""
        words = STATE_WORDS.get(row.state, "")
        words = self.tr(words) if words else ""
        if when and row.state is not MessageState.PENDING:
            return (
                self.tr("%1 · %2", "time · state of a message")
                .replace("%1", when)
                .replace("%2", words)
            )
        return words


class Composer(QWidget):
    """Where a message is written; works offline (the message waits in the outbox)."""

    send_requested = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        self.editor = _Editor()
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.setPlaceholderText(
            placeholder or self.tr("Write to your curator…  (Enter sends, Shift+Enter: new line)")
        )
        self.editor.setFixedHeight(64)
        self.editor.send.connect(self._send)
        self.button = QPushButton(self.tr("Send"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._send)
        row.addWidget(self.editor, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.problem = plain_label("")
        self.problem.setStyleSheet(f"color: {colours_of(self).error.name()};")
        self.problem.hide()
        layout.addWidget(self.problem)
        self._too_long = False  # the problem shown is the length: it goes with a shorter text
        self.editor.textChanged.connect(self._count)

    def _count(self) -> None:
        length = len(self.editor.toPlainText())
        if length > MESSAGE_MAX:
            locale = QLocale()
            self.show_problem(
                self.tr("%1 characters; a message holds %2 at most.")
                .replace("%1", locale.toString(length))
                .replace("%2", locale.toString(MESSAGE_MAX))
            )
            self._too_long = True
        elif self._too_long:
            self.problem.hide()
            self._too_long = False

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self._too_long = False  # whoever shows a problem replaces the length's

    def _send(self) -> None:
        text = self.editor.toPlainText()
        if text.strip():
            self.send_requested.emit(text)

    def sent(self) -> None:
        """The message is in the outbox: clear the editor."""
        self.editor.clear()
        self.problem.hide()


class _Editor(QPlainTextEdit):
    send = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.send.emit()
            return
        super().keyPressEvent(event)


class ConversationView(QWidget):
    """The bubbles and the composer."""

    retry_requested = Signal(str)
    discard_requested = Signal(str)

    def __init__(
        self, placeholder: str = "", empty: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = ConversationModel(self)
        self.list = QListView()
        self.list.setAccessibleName(self.tr("Conversation"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(BubbleDelegate(self.list))
        self.list.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.empty = plain_label(
            empty or self.tr("No messages yet. Say hello — your curator reads every one.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.composer = Composer(placeholder)
        self.offline = plain_label(
            self.tr(
                "You're offline: what you write waits here and goes out when the store is back."
            )
        )
        self.offline.setEnabled(False)
        self.offline.hide()
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.offline)
        layout.addWidget(self.composer)
        self._seen: set[str] | None = None
        self.announced: list[str] = []
        """What was announced to assistive technology, newest last."""

    def show_messages(self, messages: list[Message]) -> None:
        at_bottom = self.list.verticalScrollBar().value() >= self.list.verticalScrollBar().maximum()
        self.model.set_messages(messages)
        self.empty.setVisible(not messages)
        if at_bottom or (messages and messages[-1].mine):
            self.list.scrollToBottom()
        self._announce_new(messages)

    def _announce_new(self, messages: list[Message]) -> None:
        """Tell assistive technology of each message that just arrived from the other side,
        as a screen reader user would otherwise never hear it (the history shown first is
        not news)."""
        keys = {m.key for m in messages}
        if self._seen is not None:
            for message in messages:
                if message.mine or message.key in self._seen:
                    continue
                words = (
                    self.tr("New message from %1: %2")
                    .replace("%1", message.author)
                    .replace("%2", message.body)
                )
                self.announced.append(words)
                QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.list, words))
        self._seen = keys

    def _menu(self, position) -> None:  # type: ignore[no-untyped-def]
        index = self.list.indexAt(position)
        row = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if not isinstance(row, Message) or row.state is not MessageState.FAILED:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Retry"), lambda: self.retry_requested.emit(row.key))
        menu.addAction(self.tr("Discard"), lambda: self.discard_requested.emit(row.key))
        menu.exec(self.list.viewport().mapToGlobal(position))
