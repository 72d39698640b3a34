"""Small read-only dialogs: a track's details, and the list of keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
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
from rvibe_player.ui.shell.formats import format_duration, moment_text

STATUS_WORDS = {
    "offline": str(QT_TRANSLATE_NOOP("TrackInfoDialog", "offline")),
    "removed": str(QT_TRANSLATE_NOOP("TrackInfoDialog", "removed")),
}
"""What the details say of a track that is not fine (English, translated when shown)."""


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a key, then the keys the views handle."""
    rows = [(shortcut_text(spec), tr(spec.text)) for spec in ACTIONS if spec.shortcut]
    return rows + [(tr(keys), tr(does)) for keys, does in VIEW_KEYS]


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
        rows = [
            (self.tr("Title:"), track.display_title),
            (self.tr("Artist:"), track.artist),
            (self.tr("Album artist:"), track.albumartist),
            (self.tr("Album:"), track.album),
            (self.tr("Composer:"), track.composer),
            (self.tr("Genre:"), track.genre),
            (self.tr("Year:"), str(track.year or "")),
            (self.tr("Track:"), str(track.tracknumber or "")),
            (self.tr("Disc:"), str(track.discnumber or "")),
            (self.tr("Length:"), format_duration(track.duration)),
            (self.tr("Format:"), self._format(track)),
            (self.tr("ReplayGain:"), _gain(track)),
            (self.tr("MusicBrainz:"), track.mb_trackid),
            (self.tr("Plays:"), self._plays(track)),
            (self.tr("Added:"), self._when(track.added_at)),
            (self.tr("File:"), self._file(track)),
        ]
        for label, text in rows:
            if text:
                form.addRow(label, _value(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _when(self, stamp: float | None) -> str:
        return moment_text(stamp) if stamp else self.tr("never")

    def _format(self, track: Track) -> str:
        """The codec, then what is known of bitrate, sample rate and channels."""
        parts = [track.codec]
        if track.bitrate:
            parts.append(self.tr("%1 kbps").replace("%1", str(track.bitrate // 1000)))
        if track.samplerate:
            parts.append(self.tr("%1 Hz").replace("%1", str(track.samplerate)))
        if track.channels:
            parts.append(self.tr("%n channel(s)", "", track.channels))
        return self.tr(", ", "separator between the parts of a detail").join(parts)

    def _plays(self, track: Track) -> str:
        return (
            self.tr("%1 (last %2), %n skip(s)", "", track.skip_count)
            .replace("%1", str(track.play_count))
            .replace("%2", self._when(track.last_played))
        )

    def _file(self, track: Track) -> str:
        if track.status == "ok":
            return track.path_text
        status = STATUS_WORDS.get(track.status)
        return (
            self.tr("%1  (%2)", "a track's file and its state")
            .replace("%2", self.tr(status) if status else track.status)
            .replace("%1", track.path_text)
        )


def _decibels(gain: float) -> str:
    """A gain with its sign and two decimals, as the user's locale writes numbers."""
    locale = QLocale()
    sign = locale.positiveSign() if gain >= 0 else ""
    return sign + locale.toString(gain, "f", 2)


def _gain(track: Track) -> str:
    parts = []
    if track.rg_track_gain is not None:
        text = QCoreApplication.translate("TrackInfoDialog", "track %1 dB")
        parts.append(text.replace("%1", _decibels(track.rg_track_gain)))
    if track.rg_album_gain is not None:
        text = QCoreApplication.translate("TrackInfoDialog", "album %1 dB")
        parts.append(text.replace("%1", _decibels(track.rg_album_gain)))
    if not parts:
        return QCoreApplication.translate("TrackInfoDialog", "none (the fallback gain applies)")
    return QCoreApplication.translate(
        "TrackInfoDialog", ", ", "separator between the parts of a detail"
    ).join(parts)


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts, in a table (from the action table)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 420)
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2)
        table.setTabKeyNavigation(False)  # Tab leaves the table
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
