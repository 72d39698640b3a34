"""Puts playback into the window: the now-playing bar, keys, tray, notifications and MPRIS."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from rvibe_player import settings as keys
from rvibe_player.app.playback_setup import replaygain_settings
from rvibe_player.app.services import Services
from rvibe_player.library.model import Track
from rvibe_player.ui.cover_cache import CoverCache
from rvibe_player.ui.dispatcher import QtDispatcher
from rvibe_player.ui.media_controls.factory import open_media_controls
from rvibe_player.ui.now_playing import NowPlayingBar
from rvibe_player.ui.player_bridge import SEEK_STEP, VOLUME_STEP, PlayerBridge
from rvibe_player.ui.tray import Tray

log = logging.getLogger(__name__)

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_MEDIA_KEYS = {
    Qt.Key.Key_MediaPlay: "play",
    Qt.Key.Key_MediaPause: "pause",
    Qt.Key.Key_MediaTogglePlayPause: "toggle",
    Qt.Key.Key_MediaNext: "next",
    Qt.Key.Key_MediaPrevious: "previous",
    Qt.Key.Key_MediaStop: "stop",
}


class PlaybackUi(QObject):
    """Owns the player bridge and everything that shows or drives it."""

    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        covers: CoverCache,
        show_window: Callable[[], None],
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.dispatcher = QtDispatcher(self)
        controller = services.start_player(self.dispatcher.post)
        self.player = PlayerBridge(controller, services.settings, services.player_problem, self)
        self.bar = NowPlayingBar(self.player, covers)
        self.tray = Tray(self.player, services.settings, show_window, quit_app, self)
        self.media_controls = open_media_controls(self.player, show_window, quit_app, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def settings_changed(self) -> None:
        """Apply new ReplayGain settings and output device, redraw icons for a new theme."""
        settings = self.services.settings
        self.player.controller.set_replaygain(replaygain_settings(settings))
        self.player.controller.backend.set_output_device(settings.get(keys.OUTPUT_DEVICE))
        self.bar.recolour()

    def current_track(self) -> Track | None:
        return self.player.track

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        return self._key(event, watched)

    def _key(self, event: QKeyEvent, target: QWidget) -> bool:
        key, mods = event.key(), event.modifiers()
        player = self.player
        if key in _MEDIA_KEYS:
            getattr(player, _MEDIA_KEYS[Qt.Key(key)])()
            return True
        # The key goes to ``target``: a text field keeps its spaces and arrows.
        typing = isinstance(target, _TEXT_INPUTS) or isinstance(
            QApplication.focusWidget(), _TEXT_INPUTS
        )
        if key == Qt.Key.Key_Space and not typing and mods == Qt.KeyboardModifier.NoModifier:
            player.toggle()
            return True
        if mods == Qt.KeyboardModifier.ShiftModifier and not typing:
            actions = {
                Qt.Key.Key_Right: lambda: player.seek_by(SEEK_STEP),
                Qt.Key.Key_Left: lambda: player.seek_by(-SEEK_STEP),
                Qt.Key.Key_Up: lambda: player.change_volume(VOLUME_STEP),
                Qt.Key.Key_Down: lambda: player.change_volume(-VOLUME_STEP),
            }
            if key in actions:
                actions[Qt.Key(key)]()
                return True
        if mods == Qt.KeyboardModifier.ControlModifier and key in (
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
        ):
            (player.next if key == Qt.Key.Key_Right else player.previous)()
            return True
        return False

    def close(self) -> None:
        """Leave D-Bus and the tray (the services close the player itself)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.media_controls is not None:
            self.media_controls.close()
        self.tray.hide()
