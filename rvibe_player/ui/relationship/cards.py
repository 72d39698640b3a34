"""Cards for the relationship panel: the curator, each pick, each note. Text stays plain."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.model import CuratorCard, Note, Ownership, Pick
from rvibe_player.ui.shell.formats import price_text, when_text
from rvibe_player.ui.shell.theme import ACCENT, ON_ACCENT, avatar_fill
from rvibe_player.ui.shell.widgets import plain_label

CARD_STYLE = (
    "QFrame#card { border: 1px solid palette(mid); border-radius: 10px; "
    "background: palette(base); }"
)


def round_pixmap(image: bytes | None, size: int, name: str) -> QPixmap:
    """A round picture from image bytes, or the initial on a colour when there is none."""
    source = QPixmap()
    if image:
        source.loadFromData(image)
    result = QPixmap(size, size)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(0, 0, size, size)
    painter.setClipPath(path)
    if not source.isNull():
        painter.drawPixmap(0, 0, size, size, source)
    else:
        painter.fillRect(0, 0, size, size, avatar_fill(name))
        painter.setPen(ON_ACCENT)
        font = painter.font()
        font.setPixelSize(size // 2)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(result.rect(), Qt.AlignmentFlag.AlignCenter, (name or "?")[:1].upper())
    painter.end()
    return result


class CuratorHeader(QWidget):
    """The curator's face, name, a line about them and how fast they usually answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.photo = QLabel()
        self.photo.setFixedSize(64, 64)
        layout.addWidget(self.photo)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.name = plain_label("")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.bio = plain_label("")
        self.reply = plain_label("")
        self.reply.setEnabled(False)
        words.addStretch()
        for label in (self.name, self.bio, self.reply):
            words.addWidget(label)
        words.addStretch()
        layout.addLayout(words, 1)

    def show_curator(self, curator: CuratorCard | None, photo: bytes | None) -> None:
        if curator is None:
            self.name.setText(self.tr("Your curator"))
            self.bio.setText(
                self.tr("A person at the store who knows your music will be assigned to you.")
            )
            self.reply.setText("")
            self.photo.setPixmap(round_pixmap(None, 64, "?"))
            return
        self.name.setText(curator.name)
        self.bio.setText(curator.bio)
        self.reply.setText(self.reply_words(curator.median_first_reply_seconds))
        self.photo.setPixmap(round_pixmap(photo, 64, curator.name))

    def reply_words(self, seconds: float | None) -> str:
        """ "Usually replies within 2 hours", or "" when the store has no figure yet.

        Exactly one has its own text: without a translation (English) %n forms are not chosen,
        and "within 1 hours" would read wrong; every text is a plural for the translations."""
        if seconds is None:
            return ""
        if seconds < 3600:
            minutes = max(1, round(seconds / 60))
            if minutes == 1:
                return self.tr("Usually replies within %n minute", "", minutes)
            return self.tr("Usually replies within %n minutes", "", minutes)
        if seconds < 2 * 86400:
            hours = max(1, round(seconds / 3600))
            if hours == 1:
                return self.tr("Usually replies within %n hour", "", hours)
            return self.tr("Usually replies within %n hours", "", hours)
        return self.tr("Usually replies within %n days", "", round(seconds / 86400))


class PickCard(QFrame):
    """One pick: what, why, what the library already holds, and what can be done."""

    play_requested = Signal(object)
    """The pick's library track ids (a tuple)."""
    preview_requested = Signal(object)
    open_requested = Signal(object)
    feedback_requested = Signal(int, str)

    def __init__(self, pick: Pick, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = pick
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        item = pick.item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        top = QHBoxLayout()
        title = item.track_title or item.release_title
        self.title = plain_label(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        if pick.is_new:
            badge = plain_label(self.tr("NEW"))
            badge.setStyleSheet(
                f"background: {ACCENT.name()}; color: {ON_ACCENT.name()}; border-radius: 6px; "
                "padding: 1px 6px;"
            )
            top.addWidget(badge)
        layout.addLayout(top)
        details = [
            item.artist,
            item.release_title if item.track_title else "",
            str(item.year or ""),
        ]
        self.artist = plain_label(" · ".join(d for d in details if d))
        self.artist.setEnabled(False)
        layout.addWidget(self.artist)
        # the reason (free text) goes in last, so a "%2" in it stays as written
        self.reason = plain_label(
            self.tr("“%1” — %2").replace("%2", pick.curator).replace("%1", pick.reason)
        )
        layout.addWidget(self.reason)
        self.ownership = plain_label(self._ownership_words())
        layout.addWidget(self.ownership)
        buttons = QHBoxLayout()
        match = pick.match
        if match.ownership in (Ownership.OWNED, Ownership.PARTLY_OWNED) and match.track_ids:
            play = QPushButton(self.tr("Play from your library"))
            play.clicked.connect(lambda: self.play_requested.emit(match.track_ids))
            buttons.addWidget(play)
        if item.preview_url and match.ownership is not Ownership.OWNED:
            preview = QPushButton(self.tr("Preview"))
            preview.clicked.connect(lambda: self.preview_requested.emit(pick))
            buttons.addWidget(preview)
        if match.ownership is not Ownership.OWNED:
            self.open_in_store = QPushButton(self.tr("View in the store"))
            self.open_in_store.setAccessibleName(
                self.tr("View %1 in the store").replace("%1", item.release_title)
            )
            self.open_in_store.clicked.connect(lambda: self.open_requested.emit(pick))
            buttons.addWidget(self.open_in_store)
        buttons.addStretch()
        self.love = QPushButton(self.tr("♥ Love"))
        self.love.setCheckable(True)
        self.love.setChecked(pick.feedback == "loved")
        self.love.clicked.connect(lambda: self.feedback_requested.emit(pick.id, "loved"))
        self.dismiss = QPushButton(self.tr("Not for me"))
        self.dismiss.setCheckable(True)
        self.dismiss.setChecked(pick.feedback == "dismissed")
        self.dismiss.clicked.connect(lambda: self.feedback_requested.emit(pick.id, "dismissed"))
        buttons.addWidget(self.love)
        buttons.addWidget(self.dismiss)
        layout.addLayout(buttons)

    def _ownership_words(self) -> str:
        match = self.pick.match
        if match.ownership is Ownership.OWNED:
            return self.tr("✓ In your library")
        if match.ownership is Ownership.PARTLY_OWNED:
            if match.total:
                return self.tr("Partly in your library (%1 of %n tracks)", "", match.total).replace(
                    "%1", str(match.owned)
                )
            return self.tr("Partly in your library (%n tracks)", "", match.owned)
        if match.ownership is Ownership.UNKNOWN:
            return self.tr("Checking your library…")
        if self.pick.item.price_cents is not None:
            price = price_text(self.pick.item.price_cents, self.pick.item.currency)
            return self.tr("Not in your library yet · %1").replace("%1", price)
        return self.tr("Not in your library yet")


class NoteCard(QFrame):
    """One note from the curator, as they wrote it."""

    def __init__(self, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        self.body = plain_label(note.body)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        stamp = [note.author, when_text(note.created_at)]
        if note.edited:
            stamp.append(self.tr("edited"))
        self.stamp = plain_label(" · ".join(stamp))
        self.stamp.setEnabled(False)
        layout.addWidget(self.stamp)


class CardList(QScrollArea):
    """A scrolling column of cards with a message when there are none."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setSpacing(10)
        self.empty = plain_label(empty_text)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.inner)
        self.cards: list[QWidget] = []

    def set_cards(self, cards: Sequence[QWidget]) -> None:
        while self.column.count():
            taken = self.column.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None and widget is not self.empty:
                widget.hide()  # off screen now, not when Qt gets round to deleting it
                widget.setParent(None)
                widget.deleteLater()
        self.cards = list(cards)
        for card in self.cards:
            self.column.addWidget(card)
        self.empty.setVisible(not self.cards)
        self.column.addWidget(self.empty)
        self.column.addStretch()

    def sizeHint(self) -> QSize:
        return QSize(380, 400)
