"""Small read-only dialogs: a track's details, and the list of keyboard shortcuts."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.model import Track
from rvibe_player.ui.shell.actions import ACTIONS, VIEW_KEYS, shortcut_text, tr
from rvibe_player.ui.shell.formats import format_duration


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a key, then the keys the views handle."""
    rows = [(shortcut_text(spec), tr(spec.text)) for spec in ACTIONS if spec.shortcut]
    return rows + [(keys, tr(does)) for keys, does in VIEW_KEYS]


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class TrackInfoDialog(QDialog):
    """Everything the library knows about one track."""

    def __init__(self, track: Track, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(track.display_title)
        self.setMinimumWidth(520)
        form = QFormLayout()

        def when(stamp: float | None) -> str:
            return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "never"

        rows = [
            ("Title", track.display_title),
            ("Artist", track.artist),
            ("Album artist", track.albumartist),
            ("Album", track.album),
            ("Composer", track.composer),
            ("Genre", track.genre),
            ("Year", str(track.year or "")),
            ("Track", str(track.tracknumber or "")),
            ("Disc", str(track.discnumber or "")),
            ("Length", format_duration(track.duration)),
            ("Format", f"{track.codec}"
                       + (f", {track.bitrate // 1000} kbps" if track.bitrate else "")
                       + (f", {track.samplerate} Hz" if track.samplerate else "")
                       + (f", {track.channels} channels" if track.channels else "")),
            ("ReplayGain", _gain(track)),
            ("MusicBrainz", track.mb_trackid),
            ("Plays", f"{track.play_count} (last {when(track.last_played)}), "
                      f"{track.skip_count} skips"),
            ("Added", when(track.added_at)),
            ("File", track.path_text + ("" if track.status == "ok" else f"  ({track.status})")),
        ]  # fmt: skip
        for label, text in rows:
            if text:
                form.addRow(f"{label}:", _value(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def _gain(track: Track) -> str:
    parts = []
    if track.rg_track_gain is not None:
        parts.append(f"track {track.rg_track_gain:+.2f} dB")
    if track.rg_album_gain is not None:
        parts.append(f"album {track.rg_album_gain:+.2f} dB")
    return ", ".join(parts) or "none (the fallback gain applies)"


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, in a table (from the action table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 420)
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, does) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(does))
        table.resizeColumnToContents(0)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
