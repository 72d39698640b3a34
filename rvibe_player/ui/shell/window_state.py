"""What the window remembers between runs: geometry, splitter, the songs table's columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow


def encoded(data: QByteArray) -> str:
    """Qt's saved state as text for the settings file."""
    return bytes(data.toBase64().data()).decode()


def decoded(text: str) -> QByteArray:
    """Saved state read back from the settings file."""
    return QByteArray.fromBase64(text.encode())


def restore_layout(window: QMainWindow, state: dict[str, Any]) -> None:
    """Put the window back as it was (or 1280 x 800 the first time)."""
    if geometry := state.get("geometry"):
        window.restoreGeometry(decoded(geometry))
    else:
        window.resize(1280, 800)
    laid: Any = window
    if splitter := state.get("splitter"):
        laid.splitter.restoreState(decoded(splitter))
    if header := state.get("songs_header"):
        laid.songs.table.horizontalHeader().restoreState(decoded(header))


def saved_layout(window: QMainWindow) -> dict[str, str]:
    """The window's geometry, splitter and songs columns, ready for the settings file."""
    laid: Any = window
    return {
        "geometry": encoded(window.saveGeometry()),
        "splitter": encoded(laid.splitter.saveState()),
        "songs_header": encoded(laid.songs.table.horizontalHeader().saveState()),
    }
