"""The system tray icon: play/pause, next, the current track, and track-change notifications."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QAction, QIcon, QPainter
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from rvibe_player import appinfo
from rvibe_player import settings as keys
from rvibe_player.library.model import Track
from rvibe_player.settings import Settings
from rvibe_player.ui.playback.player_bridge import PlayerBridge
from rvibe_player.ui.shell.core_words import artist_text
from rvibe_player.ui.shell.icons import icon
from rvibe_player.ui.shell.theme import BRAND, ON_ACCENT, TRAY_DOT


def track_line(track: Track) -> str:
    """``Title — Artist`` for tooltips and menus."""
    return f"{track.display_title} — {artist_text(track.display_artist)}"


class Tray(QObject):
    """A tray icon with the player's basic controls (when the desktop has a tray)."""

    def __init__(
        self,
        player: PlayerBridge,
        settings: Settings,
        show_window: Callable[[], None],
        quit_app: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.settings = settings
        self.icon = QSystemTrayIcon(icon("rvibe", BRAND, 64), self)
        self.icon.setToolTip(appinfo.APP_NAME)
        self.menu = QMenu()
        self.now = QAction(self.tr("Nothing playing"), self.menu)
        self.now.setEnabled(False)
        self.menu.addAction(self.now)
        self.menu.addSeparator()
        self.play_pause = self.menu.addAction(self.tr("Play"), player.toggle)
        self.menu.addAction(self.tr("Next"), player.next)
        self.menu.addAction(self.tr("Previous"), player.previous)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Show %1").replace("%1", appinfo.APP_NAME), show_window)
        self.menu.addAction(self.tr("Quit"), quit_app)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated(show_window))
        player.track_changed.connect(self._track_changed)
        player.state_changed.connect(self._state_changed)
        self.unread = 0
        self.notified: list[tuple[str, str]] = []
        """(title, text) of notifications shown, newest last (for the user's history)."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    @property
    def available(self) -> bool:
        """Whether the desktop shows tray icons (closing to the tray needs one)."""
        return QSystemTrayIcon.isSystemTrayAvailable() and self.icon.isVisible()

    def _activated(self, show_window: Callable[[], None]) -> Callable[[object], None]:
        def handle(reason: object) -> None:
            if reason == QSystemTrayIcon.ActivationReason.Trigger:
                show_window()
            elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
                self.player.toggle()

        return handle

    def _track_changed(self, track: Track | None) -> None:
        if track is None:
            self.now.setText(self.tr("Nothing playing"))
            self.icon.setToolTip(appinfo.APP_NAME)
            return
        self.now.setText(track_line(track))
        self.icon.setToolTip(f"{appinfo.APP_NAME}\n{track_line(track)}")
        if self.settings.get(keys.NOTIFICATIONS):
            self.notify(track.display_title, track.display_artist)

    def _state_changed(self, state: str) -> None:
        self.play_pause.setText(self.tr("Pause") if state == "playing" else self.tr("Play"))

    def set_unread(self, count: int) -> None:
        """A badge with the number of unread messages from the curator (0: none)."""
        if count == self.unread:
            return  # every store refresh reports the count; draw only when it changes
        self.unread = count
        base = icon("rvibe", BRAND, 64).pixmap(64, 64)
        if count:
            painter = QPainter(base)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(TRAY_DOT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(30, 0, 34, 34)
            painter.setPen(ON_ACCENT)
            font = painter.font()
            font.setPixelSize(22)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QRect(30, 0, 34, 34), Qt.AlignmentFlag.AlignCenter,
                             str(count) if count < 10 else "9+")  # fmt: skip
            painter.end()
        self.icon.setIcon(QIcon(base))
        tip = self.icon.toolTip().split("\n✉")[0]
        unread = self.tr("%n unread from your curator", "", count)
        self.icon.setToolTip(f"{tip}\n✉ {unread}" if count else tip)

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (through the tray; Qt uses the desktop's notifier)."""
        self.notified.append((title, text))
        if QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, QIcon(self.icon.icon()), 4000)

    def hide(self) -> None:
        self.icon.hide()
