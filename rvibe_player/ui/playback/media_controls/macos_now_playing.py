"""macOS: Now Playing (menu bar, Control Centre, lock screen) and the media keys.

``MPNowPlayingInfoCenter`` shows what plays; ``MPRemoteCommandCenter`` delivers the media keys
and the overlay's buttons to the handlers registered here (blocks that return a status).
Each handler only asks :meth:`NowPlayingPublisher.request`, which carries the command to the
GUI thread, and answers "success" at once.

The framework comes in as one object (``api``: the ``MediaPlayer`` module of
``pyobjc-framework-MediaPlayer``, installed on macOS only) so tests can pass a fake of it.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from rvibe_player.ui.playback.media_controls.base import NowPlayingInfo, NowPlayingPublisher

log = logging.getLogger(__name__)

_COMMANDS = (("playCommand", "play"), ("pauseCommand", "pause"),
             ("togglePlayPauseCommand", "toggle"), ("stopCommand", "stop"),
             ("nextTrackCommand", "next"), ("previousTrackCommand", "previous"))  # fmt: skip
"""``MPRemoteCommandCenter`` commands and what each asks of the player."""


def load_media_player() -> Any:
    """The MediaPlayer framework (ImportError where pyobjc's binding is not installed)."""
    return importlib.import_module("MediaPlayer")


class NowPlayingControls(NowPlayingPublisher):
    """The player in macOS's Now Playing; the media keys and its buttons drive it."""

    def load_api(self) -> Any:
        """pyobjc's MediaPlayer module."""
        return load_media_player()

    def attach(self) -> None:
        """Find the Now Playing center and register a handler for each remote command."""
        self.center = self.api.MPNowPlayingInfoCenter.defaultCenter()
        commands = self.api.MPRemoteCommandCenter.sharedCommandCenter()
        self._targets: list[tuple[Any, Any]] = []
        self._commands = {name: getattr(commands, getter)() for getter, name in _COMMANDS}
        for name, command in self._commands.items():
            self._listen(command, self._handler(name))
        self._commands["seek"] = commands.changePlaybackPositionCommand()
        self._listen(self._commands["seek"], self._on_position)

    def _listen(self, command: Any, handler: Any) -> None:
        command.setEnabled_(True)
        self._targets.append((command, command.addTargetWithHandler_(handler)))

    def _handler(self, name: str) -> Any:
        def handle(_event: Any) -> int:
            self.request(name)
            return int(self.api.MPRemoteCommandHandlerStatusSuccess)

        return handle

    def _on_position(self, event: Any) -> int:
        self.request("seek", float(event.positionTime()))
        return int(self.api.MPRemoteCommandHandlerStatusSuccess)

    def publish(self, info: NowPlayingInfo) -> None:
        """Show ``info`` in Now Playing, and say whether it plays."""
        api = self.api
        states = {"playing": api.MPNowPlayingPlaybackStatePlaying,
                  "paused": api.MPNowPlayingPlaybackStatePaused}  # fmt: skip
        if info.title:
            shown: dict[Any, Any] = {
                api.MPMediaItemPropertyTitle: info.title,
                api.MPMediaItemPropertyArtist: info.artist,
                api.MPMediaItemPropertyAlbumTitle: info.album,
                api.MPMediaItemPropertyAlbumArtist: info.album_artist,
                api.MPMediaItemPropertyPlaybackDuration: info.duration,
                api.MPNowPlayingInfoPropertyElapsedPlaybackTime: info.position,
                api.MPNowPlayingInfoPropertyPlaybackRate: 1.0 if info.status == "playing" else 0.0,
            }
            self.center.setNowPlayingInfo_(shown)
        else:
            self.center.setNowPlayingInfo_(None)
        self.center.setPlaybackState_(states.get(info.status, api.MPNowPlayingPlaybackStateStopped))
        self._commands["next"].setEnabled_(info.can_next)
        self._commands["previous"].setEnabled_(info.can_previous)
        self._commands["seek"].setEnabled_(bool(info.title) and info.duration > 0)

    def release(self) -> None:
        """Unregister every handler and clear Now Playing."""
        for command, target in self._targets:
            command.removeTarget_(target)
        self._targets.clear()
        self.center.setNowPlayingInfo_(None)
        self.center.setPlaybackState_(self.api.MPNowPlayingPlaybackStateStopped)
