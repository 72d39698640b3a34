"""The status bar's scan indicator: count, rate, time left, cancel, and the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

if TYPE_CHECKING:  # the scanner module loads with the first scan, not with the window
    from rvibe_player.library.scanner import ScanProgress, ScanReport


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
        self.cancel = QPushButton(self.tr("Stop scan"))
        self.cancel.clicked.connect(self.cancel_requested)
        self.details = QPushButton(self.tr("Show problems…"))
        self.details.setFlat(True)
        self.details.clicked.connect(self.details_requested)
        for widget in (self.label, self.bar, self.cancel, self.details):
            layout.addWidget(widget)
        self.bar.hide()
        self.cancel.hide()
        self.details.hide()

    # The words are methods (not module functions) so that their plurals reach the template:
    # lupdate sees the count of ``self.tr``, but not a variable count of
    # ``QCoreApplication.translate`` (the text then has no plural forms, or is not found).

    def describe_progress(self, state: ScanProgress) -> str:
        """A line a person can read about a running scan."""
        if state.phase == "walking":
            return self.tr("Looking for music… %Ln files found", "", state.seen)
        if state.phase == "finishing":
            return self.tr("Finishing…")
        locale = QLocale()
        text = (
            self.tr("Reading tags: %1 of %2")
            .replace("%2", locale.toString(state.to_read))
            .replace("%1", locale.toString(state.read))
        )
        if state.rate > 0:
            rate = locale.toString(round(state.rate))
            text += " · " + self.tr("%1 files/s").replace("%1", rate)
        if state.eta_seconds is not None and state.read < state.to_read:
            seconds = round(state.eta_seconds)
            left = (
                self.tr("about %1 min %2 s left")
                .replace("%2", str(seconds % 60))
                .replace("%1", str(seconds // 60))
                if seconds >= 60
                else self.tr("about %1 s left").replace("%1", str(max(1, seconds)))
            )
            text += " · " + left
        return text

    def describe_report(self, report: ScanReport) -> str:
        """A one-line summary of what a scan did."""
        if report.cancelled:
            return self.tr("Scan stopped; what was read so far is kept.")
        parts = [
            self.tr("%Ln added", "", report.added) if report.added else "",
            self.tr("%Ln updated", "", report.updated) if report.updated else "",
            self.tr("%Ln moved", "", report.moved) if report.moved else "",
            self.tr("%Ln removed", "", report.removed) if report.removed else "",
        ]
        done = ", ".join(part for part in parts if part)
        text = (
            self.tr("Library up to date: %1").replace("%1", done)
            if done
            else self.tr("Library up to date")
        )
        if report.unreadable:
            text += " · " + self.tr("%Ln files could not be read", "", len(report.unreadable))
        if report.offline_roots:
            text += " · " + self.tr("%n folder(s) offline", "", len(report.offline_roots))
        return text + "."

    def on_started(self) -> None:
        self.label.setText(self.tr("Looking for music…"))
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.show()
        self.details.hide()

    def on_progress(self, state: ScanProgress) -> None:
        self.label.setText(self.describe_progress(state))
        if state.phase == "reading" and state.to_read:
            self.bar.setRange(0, state.to_read)
            self.bar.setValue(state.read)

    def on_finished(self, report: ScanReport) -> None:
        self.label.setText(self.describe_report(report))
        self.bar.hide()
        self.cancel.hide()
        self.details.setVisible(bool(report.unreadable or report.offline_roots or report.problems))

    def on_failed(self, message: str) -> None:
        self.label.setText(message)
        self.bar.hide()
        self.cancel.hide()
