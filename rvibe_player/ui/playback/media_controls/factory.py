"""Picks the media controls adapter of this platform: MPRIS, SMTC or Now Playing."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject

from rvibe_player.ui.playback.media_controls.base import MediaControls
from rvibe_player.ui.playback.player_bridge import PlayerBridge

log = logging.getLogger(__name__)


def open_media_controls(
    player: PlayerBridge,
    raise_window: Callable[[], None],
    quit_app: Callable[[], None],
    parent: QObject | None = None,
    platform: str = sys.platform,
) -> MediaControls | None:
    """This platform's media keys and now-playing display for ``player``.

    None where the platform has none we know, or its API is missing or refuses us: the
    player works the same without, only the media keys outside the window do not reach it.
    """
    try:
        if platform.startswith("linux"):
            from rvibe_player.ui.playback.mpris import Mpris

            return Mpris(player, raise_window, quit_app, parent=parent)
        if platform == "win32":
            from rvibe_player.ui.playback.media_controls.windows_smtc import SmtcControls

            return SmtcControls(player, parent)
        if platform == "darwin":
            from rvibe_player.ui.playback.media_controls.macos_now_playing import NowPlayingControls

            return NowPlayingControls(player, parent)
    except Exception:  # a missing or failing system API: no media keys, never no player
        log.warning("Media keys and the now-playing display are not available", exc_info=True)
    return None
