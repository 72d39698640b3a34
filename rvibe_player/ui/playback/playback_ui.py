"""Puts playback into the window: the now-playing bar, keys, tray, notifications and MPRIS."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
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
from rvibe_player.app.session import PlayerSession
from rvibe_player.library.model import Track
from rvibe_player.ui.playback.now_playing import NowPlayingBar
from rvibe_player.ui.playback.player_bridge import PlayerBridge
from rvibe_player.ui.playback.tray import Tray
from rvibe_player.ui.shell.actions import ActionId, typing_aware_keys
from rvibe_player.ui.shell.cover_cache import CoverCache

log = logging.getLogger(__name__)

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


class PlaybackUi(QObject):
    """Owns the player bridge and everything that shows or drives it."""

    def __init__(
        self,
        window: QMainWindow,
        session: PlayerSession,
        covers: CoverCache,
        show_window: Callable[[], None],
        quit_app: Callable[[], None],
        run_action: Callable[[ActionId], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._run_action = run_action
        self._keys = typing_aware_keys()
        controller = session.start_player()
        self.player = PlayerBridge(controller, session.settings, session.player_problem, self)
        self.bar = NowPlayingBar(self.player, covers)
        self.tray = Tray(self.player, session.settings, show_window, quit_app, self)
        player = self.player
        self._media_keys: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_MediaPlay: player.play,
            Qt.Key.Key_MediaPause: player.pause,
            Qt.Key.Key_MediaTogglePlayPause: player.toggle,
            Qt.Key.Key_MediaNext: player.next,
            Qt.Key.Key_MediaPrevious: player.previous,
            Qt.Key.Key_MediaStop: player.stop,
        }
        self.mpris = None
        if sys.platform.startswith("linux"):
            from rvibe_player.ui.playback.mpris import Mpris

            self.mpris = Mpris(self.player, show_window, quit_app, parent=self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def settings_changed(self) -> None:
        """Apply new ReplayGain settings and output device, redraw icons for a new theme."""
        settings = self.session.settings
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
        media = self._media_keys.get(Qt.Key(event.key()))
        if media is not None:
            media()
            return True
        # The key goes to ``target``: a text field keeps its spaces and arrows.
        typing = isinstance(target, _TEXT_INPUTS) or isinstance(
            QApplication.focusWidget(), _TEXT_INPUTS
        )
        if typing:
            return False
        pressed = QKeySequence(event.keyCombination()).toString(
            QKeySequence.SequenceFormat.PortableText
        )
        action = self._keys.get(pressed)
        if action is None:
            return False
        self._run_action(action)
        return True

    def close(self) -> None:
        """Leave D-Bus and the tray (the session closes the player itself)."""
        self.player.detach()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.mpris is not None:
            self.mpris.close()
        self.tray.hide()
