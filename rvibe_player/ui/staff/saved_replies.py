"""Saved replies at the desk: ``/`` in an empty message opens them, ``{{fields}}`` come
filled in for the open listener, and the first ``[[gap]]`` is selected to type over (a
message with a gap left in is refused by the desk: no form letters)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QPlainTextEdit, QWidget

from rvibe_player.store_client.desk import fill_fields, unfilled_gap


def select_first_gap(editor: QPlainTextEdit) -> bool:
    """Select the first ``[[gap]]`` of the editor's text (True when there is one)."""
    text = editor.toPlainText()
    gap = unfilled_gap(text)
    if gap is None:
        return False
    start = text.index(gap)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(gap), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    return True


class SavedReplies(QObject):
    """The curator's saved replies, offered in one message editor."""

    save_requested = Signal(str, str)
    """(title, body): keep the message as a saved reply."""

    def __init__(
        self, editor: QPlainTextEdit, names: Callable[[], tuple[str, str]], parent: QWidget
    ) -> None:
        """``names()`` gives the open listener's first name and the curator's name."""
        super().__init__(parent)
        self.editor = editor
        self.names = names
        self.parent_widget = parent
        self.replies: list[dict[str, Any]] = []
        self.menu: QMenu | None = None
        editor.installEventFilter(self)

    def set_replies(self, replies: list[dict[str, Any]]) -> None:
        self.replies = list(replies)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text() == "/"
            and not self.editor.toPlainText()
        ):
            self.open_menu()
            return True
        return False

    def open_menu(self) -> QMenu:
        """The saved replies, under the cursor; the last entry keeps the current message."""
        menu = QMenu(self.parent_widget)
        menu.setAccessibleName(self.tr("Saved replies"))
        if not self.replies:
            menu.addAction(self.tr("No saved replies yet")).setEnabled(False)
        for reply in self.replies:
            menu.addAction(str(reply["title"]), functools.partial(self.use, str(reply["body"])))
        menu.addSeparator()
        keep = menu.addAction(self.tr("Save the message as a saved reply…"), self.ask_to_save)
        keep.setEnabled(bool(self.editor.toPlainText().strip()))
        self.menu = menu
        menu.popup(self.editor.mapToGlobal(self.editor.cursorRect().bottomLeft()))
        return menu

    def use(self, body: str) -> None:
        """A saved reply into the message, fields filled, the first gap selected."""
        first_name, curator = self.names()
        self.editor.setPlainText(fill_fields(body, first_name, curator))
        self.editor.setFocus()
        if not select_first_gap(self.editor):
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def ask_to_save(self) -> None:
        title, ok = QInputDialog.getText(
            self.parent_widget, self.tr("Save a reply"), self.tr("A title to find it by:")
        )
        if ok and title.strip():
            self.save_requested.emit(title.strip(), self.editor.toPlainText())
