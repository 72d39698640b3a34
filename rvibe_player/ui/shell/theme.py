"""Light and dark themes on Qt's Fusion style, or following the system's colour scheme.

Every colour text is drawn in, or drawn on, is here, so that tests/ui/test_contrast.py can
check each pair against WCAG 2.1 AA (4.5:1 for text) in both themes: widgets take their
colours from the palette or from :func:`colours`, never from a literal of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BRAND = QColor("#e4572e")
"""The logo's colour (icons only: white text on it would be 3.7:1, under AA)."""
ACCENT = QColor("#c4421a")
"""The brand colour darkened until white text on it passes AA (5.1:1): selection, my
messages, badges."""
ON_ACCENT = QColor("#ffffff")
TRAY_DOT = QColor("#1f7a3a")
"""The tray icon's "new message" dot, behind :data:`ON_ACCENT` (5.4:1)."""
COVER_PLACEHOLDER = QColor("#808080")
"""Where a cover would be, before one is found (no text on it)."""

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
    QPalette.ColorRole.PlaceholderText: "#6b6b76",
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
    QPalette.ColorRole.PlaceholderText: "#8e8e9a",
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


@dataclass(frozen=True)
class Colours:
    """The colours beyond the palette, of one theme."""

    error: QColor
    """Text that says something went wrong, on the window or a view."""
    failed_fill: QColor
    """A message that could not be sent, behind :data:`ON_ACCENT`."""
    pending_fill: QColor
    """A message still on its way, behind :data:`ON_ACCENT`."""
    need: dict[str, QColor]
    """The inbox's "waiting / due / new / snoozed" words, on a view."""
    banner: tuple[QColor, QColor]
    """A notice across the window: (text, background)."""
    warning: tuple[QColor, QColor]
    """A warning inside a panel: (text, background)."""


_LIGHT_COLOURS = Colours(
    error=QColor("#c0392b"),
    failed_fill=QColor("#9b2c2c"),
    pending_fill=QColor("#8a5446"),
    need={
        "waiting": QColor("#c0392b"),
        "due": QColor("#a0620a"),
        "new": QColor("#2874a6"),
        "snoozed": QColor("#66727a"),
    },
    banner=(QColor("#5a1e0e"), QColor("#fbe3d8")),
    warning=(QColor("#7e5109"), QColor("#fdebd0")),
)
_DARK_COLOURS = Colours(
    error=QColor("#ff8a80"),
    failed_fill=QColor("#9b2c2c"),
    pending_fill=QColor("#8a5446"),
    need={
        "waiting": QColor("#ff7b72"),
        "due": QColor("#f5b041"),
        "new": QColor("#5dade2"),
        "snoozed": QColor("#aab7b8"),
    },
    banner=(QColor("#5a1e0e"), QColor("#fbe3d8")),
    warning=(QColor("#7e5109"), QColor("#fdebd0")),
)


def colours(dark: bool) -> Colours:
    """The colours beyond the palette of the light or the dark theme."""
    return _DARK_COLOURS if dark else _LIGHT_COLOURS


def colours_of(widget: QWidget) -> Colours:
    """The colours that go with the palette ``widget`` is drawn with now."""
    return colours(widget.palette().color(QPalette.ColorRole.Base).lightness() < 128)


def avatar_fill(name: str) -> QColor:
    """The colour of a picture-less avatar, from the name; dark enough for a white initial
    (4.5:1 at every hue)."""
    return QColor.fromHsl(sum(map(ord, name)) % 360, 90, 80)


def their_fill(colours_: QPalette) -> QColor:
    """The bubble of a message from the other side, behind the palette's Text."""
    return colours_.color(QPalette.ColorRole.AlternateBase).darker(108)
