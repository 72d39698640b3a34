"""The now-playing bar: cover, title and artist, transport, seek bar, times, modes, volume."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.library.model import Track
from rvibe_player.playback.queue import RepeatMode, ShuffleMode
from rvibe_player.ui.playback.player_bridge import PlayerBridge
from rvibe_player.ui.shell.actions import ActionId, with_keys
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.cover_cache import CoverCache
from rvibe_player.ui.shell.formats import format_duration
from rvibe_player.ui.shell.icons import icon
from rvibe_player.ui.shell.theme import COVER_PLACEHOLDER
from rvibe_player.ui.shell.widgets import plain_label

COVER = 56


class _SeekSlider(QSlider):
    """A slider that jumps to where it is clicked, and reports only finished moves."""

    released_at = Signal(int)

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > 0:
            ratio = event.position().x() / max(1, self.width())
            self.setValue(round(self.minimum() + ratio * (self.maximum() - self.minimum())))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        self.released_at.emit(self.value())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().keyPressEvent(event)
        self.released_at.emit(self.value())


class NowPlayingBar(QFrame):
    """Shows and drives what the :class:`PlayerBridge` plays."""

    track_clicked = Signal()

    def __init__(self, player: PlayerBridge, covers: CoverCache, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.covers = covers
        self.setObjectName("now-playing")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFixedHeight(76)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 16, 8)
        layout.setSpacing(10)
        self.cover = QLabel()
        self.cover.setFixedSize(COVER, COVER)
        self.cover.setScaledContents(True)
        layout.addWidget(self.cover)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = plain_label(self.tr("Nothing playing"))
        self.title.setWordWrap(False)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = plain_label("")
        self.subtitle.setWordWrap(False)
        self.subtitle.setEnabled(False)
        text.addStretch()
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        text.addStretch()
        info = QWidget()
        info.setLayout(text)
        info.setFixedWidth(240)
        layout.addWidget(info)
        self.previous = self._button("previous", player.previous)
        self._describe(
            self.previous,
            self.tr("Previous"),
            with_keys(self.tr("Previous (%1)"), ActionId.PREVIOUS),
        )
        self.play = self._button("play", player.toggle, size=36)
        self.next = self._button("next", player.next)
        self._describe(self.next, self.tr("Next"), with_keys(self.tr("Next (%1)"), ActionId.NEXT))
        # Time runs left to right in every language: the transport and the seek bar are not
        # mirrored in a right-to-left window (what RTL players and design guides do).
        transport = QWidget()
        transport.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        row = QHBoxLayout(transport)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        for button in (self.previous, self.play, self.next):
            row.addWidget(button)
        self.elapsed = plain_label("0:00")
        self.elapsed.setFixedWidth(48)
        self.elapsed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.seek = _SeekSlider(Qt.Orientation.Horizontal)
        self.seek.setRange(0, 0)
        self.seek.setSingleStep(5)
        self.seek.setPageStep(30)
        self._describe(
            self.seek,
            self.tr("Position"),
            with_keys(self.tr("Seek (%1 / %2)"), ActionId.SEEK_BACK, ActionId.SEEK_FORWARD),
        )
        self.seek.released_at.connect(lambda value: player.seek(float(value)))
        self.remaining = plain_label("-0:00")
        self.remaining.setFixedWidth(52)
        row.addWidget(self.elapsed)
        row.addWidget(self.seek, 1)
        row.addWidget(self.remaining)
        layout.addWidget(transport, 1)
        self.shuffle = self._button("shuffle", player.cycle_shuffle, checkable=True)
        self.repeat = self._button("repeat", player.cycle_repeat, checkable=True)
        layout.addWidget(self.shuffle)
        layout.addWidget(self.repeat)
        self.mute = self._button("volume", lambda: player.set_muted(not player.muted()))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setFixedWidth(110)
        self._describe(
            self.volume,
            self.tr("Volume"),
            with_keys(self.tr("Volume (%1 / %2)"), ActionId.VOLUME_UP, ActionId.VOLUME_DOWN),
        )
        self.volume.valueChanged.connect(self._volume_moved)
        layout.addWidget(self.mute)
        layout.addWidget(self.volume)
        player.track_changed.connect(self.show_track)
        player.preview_started.connect(self.show_preview)
        player.state_changed.connect(self.show_state)
        player.position_changed.connect(self.show_position)
        player.modes_changed.connect(self.show_modes)
        player.volume_changed.connect(self.show_volume)
        covers.loaded.connect(self._cover_loaded)
        self.show_track(player.track)
        self.show_state(player.state)
        self.show_modes()
        self.show_volume(player.volume(), player.muted())

    @staticmethod
    def _describe(control: QWidget, name: str, tip: str) -> None:
        """What a control is called (screen readers) and what it does, with its keys."""
        control.setAccessibleName(name)
        control.setAccessibleDescription(tip)
        control.setToolTip(tip)

    def _button(
        self, name: str, action: object, size: int = 28, checkable: bool = False
    ) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.setIconSize(QSize(size - 8, size - 8))
        button.setFixedSize(size + 4, size + 4)
        button.setCheckable(checkable)
        button.setProperty("icon_name", name)
        button.clicked.connect(lambda _checked=False: action())  # type: ignore[operator]
        self._set_icon(button, name)
        return button

    def _set_icon(self, button: QToolButton, name: str) -> None:
        colour = self.palette().color(QPalette.ColorRole.Text)
        if button.isCheckable() and button.isChecked():
            colour = self.palette().color(QPalette.ColorRole.Highlight)
        button.setProperty("icon_name", name)
        button.setIcon(icon(name, colour, 24))

    def recolour(self) -> None:
        """Redraw the icons in the current theme's colours."""
        for button in self.findChildren(QToolButton):
            self._set_icon(button, str(button.property("icon_name")))

    # -- showing -----------------------------------------------------------------------------

    def show_track(self, track: Track | None) -> None:
        if track is None:
            self.title.setText(self.tr("Nothing playing"))
            self.subtitle.setText(self.tr("Double-click a song to play it"))
            self.cover.clear()
            self._cover_key = ""
            self.seek.setRange(0, 0)
            return
        self.title.setText(track.display_title)
        self.title.setToolTip(track.display_title)
        line = artist_text(track.display_artist) + (f" — {track.album}" if track.album else "")
        self.subtitle.setText(line)
        self.subtitle.setToolTip(line)
        self._cover_key = f"track\x1f{track.id}"
        self._show_cover()

    def show_preview(self, title: str) -> None:
        """A store preview plays: say so (it is not a track of the library)."""
        self.title.setText(title)
        self.subtitle.setText(self.tr("Preview from the store"))
        self.cover.clear()

    def _show_cover(self) -> None:
        track = self.player.track
        if track is None:
            return
        pixmap = self.covers.cover(self._cover_key, track.path)
        if pixmap is not None:
            self.cover.setPixmap(pixmap)
        else:
            self.cover.clear()
            self.cover.setStyleSheet(f"background: {COVER_PLACEHOLDER.name()};")

    def _cover_loaded(self, key: str) -> None:
        if key == getattr(self, "_cover_key", ""):
            self._show_cover()

    def show_state(self, state: str) -> None:
        playing = state == "playing"
        self._set_icon(self.play, "pause" if playing else "play")
        if playing:
            self._describe(
                self.play,
                self.tr("Pause"),
                with_keys(self.tr("Pause (%1)"), ActionId.PLAY_PAUSE),
            )
        else:
            self._describe(
                self.play,
                self.tr("Play"),
                with_keys(self.tr("Play (%1)"), ActionId.PLAY_PAUSE),
            )

    def show_position(self, position: float, duration: float) -> None:
        if self.seek.isSliderDown():
            return
        self.seek.blockSignals(True)
        self.seek.setRange(0, max(0, round(duration)))
        self.seek.setValue(round(position))
        self.seek.blockSignals(False)
        self.elapsed.setText(format_duration(position))
        self.remaining.setText(f"-{format_duration(max(0.0, duration - position))}")

    def show_modes(self) -> None:
        shuffle, repeat = self.player.shuffle(), self.player.repeat()
        self.shuffle.setChecked(shuffle is not ShuffleMode.OFF)
        words = {
            ShuffleMode.OFF: self.tr("Shuffle: off"),
            ShuffleMode.TRACKS: self.tr("Shuffle: songs"),
            ShuffleMode.ALBUMS: self.tr("Shuffle: albums"),
        }[shuffle]
        self._describe(self.shuffle, words, words)
        self.repeat.setChecked(repeat is not RepeatMode.OFF)
        words = {
            RepeatMode.OFF: self.tr("Repeat: off"),
            RepeatMode.ALL: self.tr("Repeat: all"),
            RepeatMode.ONE: self.tr("Repeat: this song"),
        }[repeat]
        self._describe(self.repeat, words, words)
        self._set_icon(self.shuffle, "shuffle")
        self._set_icon(self.repeat, "repeat-one" if repeat is RepeatMode.ONE else "repeat")

    def show_volume(self, volume: int, muted: bool) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(volume)
        self.volume.blockSignals(False)
        self._set_icon(self.mute, "muted" if muted else "volume")
        words = self.tr("Unmute") if muted else self.tr("Mute")
        self._describe(self.mute, words, words)

    def _volume_moved(self, value: int) -> None:
        self.player.set_volume(value)
