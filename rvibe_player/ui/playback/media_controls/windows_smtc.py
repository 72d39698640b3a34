"""Windows: the System Media Transport Controls (media keys, the volume flyout, lock screen).

A desktop app reaches them through a ``Windows.Media.Playback.MediaPlayer`` that plays
nothing: its own command manager is switched off, and its ``SystemMediaTransportControls``
become the player's. Button presses and seek requests arrive on a WinRT thread-pool thread;
they are handed to :meth:`NowPlayingPublisher.request`, which carries them to the GUI thread.

The WinRT classes come in as one object (``api``) so tests can pass a fake of them; in the
app they are the ``winrt-Windows.Media*`` projections (installed on Windows only).
"""

from __future__ import annotations

import datetime
import logging
from types import SimpleNamespace
from typing import Any

from rvibe_player.ui.playback.media_controls.base import NowPlayingInfo, NowPlayingPublisher

log = logging.getLogger(__name__)

_BUTTONS = {"PLAY": "play", "PAUSE": "pause", "STOP": "stop", "NEXT": "next",
            "PREVIOUS": "previous"}  # fmt: skip
"""``SystemMediaTransportControlsButton`` members, by name, and what they ask for."""


def load_winrt() -> Any:
    """The WinRT classes this adapter uses (ImportError where they are not installed)."""
    from winrt.windows.media import (
        MediaPlaybackStatus,
        MediaPlaybackType,
        SystemMediaTransportControlsButton,
        SystemMediaTransportControlsTimelineProperties,
    )
    from winrt.windows.media.playback import MediaPlayer

    return SimpleNamespace(
        MediaPlayer=MediaPlayer,
        MediaPlaybackStatus=MediaPlaybackStatus,
        MediaPlaybackType=MediaPlaybackType,
        SystemMediaTransportControlsButton=SystemMediaTransportControlsButton,
        SystemMediaTransportControlsTimelineProperties=SystemMediaTransportControlsTimelineProperties,
    )


def _span(seconds: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=max(0.0, seconds))


class SmtcControls(NowPlayingPublisher):
    """The player in Windows' media overlay; its buttons and the media keys drive it."""

    def load_api(self) -> Any:
        """The ``winrt-Windows.Media*`` classes."""
        return load_winrt()

    def attach(self) -> None:
        """Take over a silent MediaPlayer's controls and listen to their buttons."""
        self._media_player = self.api.MediaPlayer()
        self._media_player.command_manager.is_enabled = False  # its own commands: ours now
        controls = self._media_player.system_media_transport_controls
        self.controls = controls
        controls.is_enabled = True
        controls.is_play_enabled = True
        controls.is_pause_enabled = True
        controls.is_stop_enabled = True
        buttons = self.api.SystemMediaTransportControlsButton
        self._commands = {getattr(buttons, name): command for name, command in _BUTTONS.items()}
        self._tokens = (
            controls.add_button_pressed(self._on_button),
            controls.add_playback_position_change_requested(self._on_position),
        )

    def _on_button(self, _sender: Any, args: Any) -> None:  # a WinRT thread
        command = self._commands.get(args.button)
        if command is not None:
            self.request(command)

    def _on_position(self, _sender: Any, args: Any) -> None:  # a WinRT thread
        self.request("seek", args.requested_playback_position.total_seconds())

    def publish(self, info: NowPlayingInfo) -> None:
        """Show ``info`` in the overlay: status, titles, the timeline, the enabled buttons."""
        api, controls = self.api, self.controls
        statuses = api.MediaPlaybackStatus
        controls.playback_status = {"playing": statuses.PLAYING, "paused": statuses.PAUSED}.get(
            info.status, statuses.STOPPED
        )
        controls.is_next_enabled = info.can_next
        controls.is_previous_enabled = info.can_previous
        updater = controls.display_updater
        updater.clear_all()
        if info.title:
            updater.type = api.MediaPlaybackType.MUSIC
            music = updater.music_properties
            music.title = info.title
            music.artist = info.artist
            music.album_title = info.album
            music.album_artist = info.album_artist
        updater.update()
        timeline = api.SystemMediaTransportControlsTimelineProperties()
        timeline.start_time = timeline.min_seek_time = _span(0)
        timeline.end_time = timeline.max_seek_time = _span(info.duration)
        timeline.position = _span(min(info.position, info.duration or info.position))
        controls.update_timeline_properties(timeline)

    def release(self) -> None:
        """Stop receiving button presses and leave the overlay."""
        controls = self.controls
        controls.remove_button_pressed(self._tokens[0])
        controls.remove_playback_position_change_requested(self._tokens[1])
        controls.display_updater.clear_all()
        controls.display_updater.update()
        controls.is_enabled = False
        self._media_player.close()
