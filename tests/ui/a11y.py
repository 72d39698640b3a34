"""What a screen reader would find: every control that takes focus or a click has a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

CONTAINERS = {"QWidget", "QScrollBar", "QStackedWidget", "QSplitterHandle", "QFrame", "QDialog"}
"""Widgets that take focus only to pass it on, or that Qt names by their role."""


def unnamed_controls(root: QWidget) -> list[str]:
    """The visible controls under ``root`` that take focus or clicks but have no accessible
    name (from their text, a buddy label or ``setAccessibleName``), described for a message."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or type(widget).__name__ in CONTAINERS:
            continue
        if widget.objectName() == "qt_spinbox_lineedit":  # the spin box around it is checked
            continue
        if isinstance(widget, QLabel) and not widget.text():  # nothing in it to read yet
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            parent = widget.parentWidget()
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(parent).__name__ if parent is not None else '-'}"
            )
    return found


def unnamed_on_every_tab(root: QWidget) -> list[str]:
    """:func:`unnamed_controls` with each tab of each tab widget shown in turn."""
    found = unnamed_controls(root)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found += [f"{m} (tab {tabs.tabText(index)!r})" for m in unnamed_controls(root)]
    return sorted(set(found))
