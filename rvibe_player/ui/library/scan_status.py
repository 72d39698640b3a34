"""The status bar's scan indicator: count, rate, time left, cancel, and the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:  # the scanner module loads with the first scan, not with the window
    from rvibe_player.library.scanner import ScanProgress, ScanReport


def describe_progress(state: ScanProgress) -> str:
    """A line a person can read about a running scan."""
    if state.phase == "walking":
        return f"Looking for music… {state.seen:,} files found"
    if state.phase == "finishing":
        return "Finishing…"
    text = f"Reading tags: {state.read:,} of {state.to_read:,}"
    if state.rate > 0:
        text += f" · {state.rate:,.0f} files/s"
    if state.eta_seconds is not None and state.read < state.to_read:
        seconds = round(state.eta_seconds)
        text += (
            f" · about {seconds // 60} min {seconds % 60} s left"
            if seconds >= 60
            else (f" · about {max(1, seconds)} s left")
        )
    return text


def describe_report(report: ScanReport) -> str:
    """A one-line summary of what a scan did."""
    if report.cancelled:
        return "Scan stopped; what was read so far is kept."
    parts = [
        f"{count:,} {word}"
        for count, word in (
            (report.added, "added"),
            (report.updated, "updated"),
            (report.moved, "moved"),
            (report.removed, "removed"),
        )
        if count
    ]
    text = "Library up to date" + (f": {', '.join(parts)}" if parts else "")
    if report.unreadable:
        text += f" · {len(report.unreadable):,} files could not be read"
    if report.offline_roots:
        text += f" · {len(report.offline_roots)} folder(s) offline"
    return text + "."


class ScanStatus(QWidget):
    """Shows a running scan, lets the user stop it, then says what happened."""

    cancel_requested = Signal()
    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton("Stop scan")
        self.cancel.clicked.connect(self.cancel_requested)
        self.details = QPushButton("Show problems…")
        self.details.setFlat(True)
        self.details.clicked.connect(self.details_requested)
        for widget in (self.label, self.bar, self.cancel, self.details):
            layout.addWidget(widget)
        self.bar.hide()
        self.cancel.hide()
        self.details.hide()

    def on_started(self) -> None:
        self.label.setText("Looking for music…")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.show()
        self.details.hide()

    def on_progress(self, state: ScanProgress) -> None:
        self.label.setText(describe_progress(state))
        if state.phase == "reading" and state.to_read:
            self.bar.setRange(0, state.to_read)
            self.bar.setValue(state.read)

    def on_finished(self, report: ScanReport) -> None:
        self.label.setText(describe_report(report))
        self.bar.hide()
        self.cancel.hide()
        self.details.setVisible(bool(report.unreadable or report.offline_roots or report.problems))

    def on_failed(self, message: str) -> None:
        self.label.setText(message)
        self.bar.hide()
        self.cancel.hide()
