"""Simple full-page states: the first-run welcome, an empty result, and a message banner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from rvibe_player.ui.shell.theme import colours_of


def heading(text: str) -> QLabel:
    """A page's title: larger, bold, one line."""
    label = plain_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(False)
    return label


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class WelcomePage(QWidget):
    """Shown while the library is empty: choose the music folder."""

    folder_chosen = Signal(str)
    choose_requested = Signal()

    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = default_folder
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = plain_label(self.tr("Welcome to rVibe Player"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        body = plain_label(
            self.tr(
                "Your library is empty. Choose the folder where your music lives: rVibe finds "
                "every track in it, keeps your plays and ratings even when files move, and "
                "watches the folder for new music."
            )
        )
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setFixedWidth(500)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(body)
        row.addStretch()
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.use_default = QPushButton(self.tr("Use %1").replace("%1", str(default_folder)))
        self.use_default.setVisible(default_folder.is_dir())
        self.use_default.clicked.connect(lambda: self.folder_chosen.emit(str(self._default)))
        self.choose = QPushButton(self.tr("Choose a music folder…"))
        self.choose.setDefault(True)
        self.choose.clicked.connect(self.choose_requested)
        buttons.addWidget(self.use_default)
        buttons.addWidget(self.choose)
        buttons.addStretch()
        layout.addLayout(buttons)
        hint = plain_label(self.tr("You can also drop folders or files onto this window."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addStretch(3)


class PlaceholderPage(QWidget):
    """A centred message for a page with nothing to show yet."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch()
        heading = plain_label(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = plain_label(text)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(520)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.text)
        row.addStretch()
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addStretch()


class Banner(QWidget):
    """A coloured bar across the window for something the user should know."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self.label = plain_label("")
        layout.addWidget(self.label, 1)
        self.label.setWordWrap(True)
        close = QPushButton(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss the message"))
        close.setFlat(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        text, background = colours_of(self).banner
        self.setStyleSheet(
            f"#banner {{ background: {background.name()}; }} "
            f"#banner QLabel {{ color: {text.name()}; }}"
        )
        self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text`` (as plain text) until dismissed."""
        self.label.setText(text)
        self.show()
