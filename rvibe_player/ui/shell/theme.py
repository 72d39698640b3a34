"""Light and dark themes on Qt's Fusion style, or following the system's colour scheme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ACCENT = QColor("#e4572e")

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f4f6",
    QPalette.ColorRole.WindowText: "#1d1d22",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f7f7f9",
    QPalette.ColorRole.Text: "#1d1d22",
    QPalette.ColorRole.Button: "#ececf0",
    QPalette.ColorRole.ButtonText: "#1d1d22",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1d1d22",
    QPalette.ColorRole.PlaceholderText: "#8a8a94",
    QPalette.ColorRole.Mid: "#c8c8d0",
    QPalette.ColorRole.Highlight: ACCENT.name(),
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#c0392b",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e1e23",
    QPalette.ColorRole.WindowText: "#e8e8ee",
    QPalette.ColorRole.Base: "#16161a",
    QPalette.ColorRole.AlternateBase: "#1b1b20",
    QPalette.ColorRole.Text: "#e8e8ee",
    QPalette.ColorRole.Button: "#2a2a31",
    QPalette.ColorRole.ButtonText: "#e8e8ee",
    QPalette.ColorRole.ToolTipBase: "#2a2a31",
    QPalette.ColorRole.ToolTipText: "#e8e8ee",
    QPalette.ColorRole.PlaceholderText: "#7c7c88",
    QPalette.ColorRole.Mid: "#3a3a44",
    QPalette.ColorRole.Highlight: ACCENT.name(),
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#ff8a65",
}


def is_dark(choice: str) -> bool:
    """Whether ``choice`` ("system", "light" or "dark") means dark right now."""
    if choice == "system":
        hints = QGuiApplication.styleHints()
        return hints.colorScheme() == Qt.ColorScheme.Dark
    return choice == "dark"


def palette(dark: bool) -> QPalette:
    """The full palette of one theme."""
    result = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        result.setColor(role, QColor(colour))
    disabled = QColor("#6a6a74" if dark else "#a0a0a8")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return result


STYLE = "Fusion"
"""The widget style on every OS: the light and dark palettes here are made for it."""


def apply_theme(app: QApplication, choice: str) -> bool:
    """Apply a theme choice (over the :data:`STYLE` the application starts with); returns
    whether the result is dark."""
    dark = is_dark(choice)
    app.setPalette(palette(dark))
    app.setProperty("rvibe_dark", dark)
    return dark


CHECK_OUTLINE = QColor("#6a6a74")
"""Fusion draws a check box's frame in the palette's Window colour, darkened: on a dark
theme's near-black views it vanishes. A mid grey there shows in both themes."""


def visible_checks(widget: QWidget) -> None:
    """Make the check boxes a widget draws (itself, or its items) visible in both themes."""
    colours = widget.palette()
    colours.setColor(QPalette.ColorRole.Window, CHECK_OUTLINE)
    widget.setPalette(colours)


def muted_text(dark: bool) -> QColor:
    """The colour of secondary text (artist under a title, counts)."""
    return QColor("#9a9aa6" if dark else "#6b6b76")
