"""Fakes of the system media APIs at their edge: Windows' SMTC (as pywinrt projects it) and
macOS's MediaPlayer framework (as pyobjc does). They keep what the adapter set, and press
buttons from their own thread, as the systems do."""

from __future__ import annotations

import datetime
import enum
import itertools
import threading
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any


def from_another_thread(call: Callable[[], Any]) -> Any:
    """Run ``call`` on a fresh thread (as the system's callbacks run) and return its result."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()))
    thread.start()
    thread.join(5)
    return result[0] if result else None


class _Event:
    """A WinRT event: handlers kept under tokens."""

    def __init__(self) -> None:
        self.handlers: dict[int, Callable[[Any, Any], None]] = {}
        self._tokens = itertools.count(1)

    def add(self, handler: Callable[[Any, Any], None]) -> int:
        token = next(self._tokens)
        self.handlers[token] = handler
        return token

    def remove(self, token: int) -> None:
        del self.handlers[token]

    def fire(self, sender: Any, args: Any) -> None:
        for handler in list(self.handlers.values()):
            from_another_thread(lambda h=handler: h(sender, args))


class Status(enum.Enum):
    CLOSED = 0
    CHANGING = 1
    STOPPED = 2
    PLAYING = 3
    PAUSED = 4


class Button(enum.Enum):
    PLAY = 0
    PAUSE = 1
    STOP = 2
    RECORD = 3
    FAST_FORWARD = 4
    REWIND = 5
    NEXT = 6
    PREVIOUS = 7


class PlaybackType(enum.Enum):
    UNKNOWN = 0
    MUSIC = 1


class Timeline:
    """SystemMediaTransportControlsTimelineProperties."""

    def __init__(self) -> None:
        self.start_time = self.end_time = self.position = datetime.timedelta(0)
        self.min_seek_time = self.max_seek_time = datetime.timedelta(0)


def _music() -> SimpleNamespace:
    return SimpleNamespace(title="", artist="", album_title="", album_artist="")


class DisplayUpdater:
    """SystemMediaTransportControlsDisplayUpdater: what update() last made visible."""

    def __init__(self) -> None:
        self.type = PlaybackType.UNKNOWN
        self.music_properties = _music()
        self.shown: dict[str, str] = {}

    def clear_all(self) -> None:
        self.type = PlaybackType.UNKNOWN
        self.music_properties = _music()

    def update(self) -> None:
        self.shown = dict(vars(self.music_properties))


class Smtc:
    """SystemMediaTransportControls."""

    def __init__(self) -> None:
        self.is_enabled = False
        self.is_play_enabled = self.is_pause_enabled = self.is_stop_enabled = False
        self.is_next_enabled = self.is_previous_enabled = False
        self.playback_status = Status.CLOSED
        self.display_updater = DisplayUpdater()
        self.timeline: Timeline | None = None
        self.button_pressed = _Event()
        self.position_requested = _Event()

    def add_button_pressed(self, handler: Callable[[Any, Any], None]) -> int:
        return self.button_pressed.add(handler)

    def remove_button_pressed(self, token: int) -> None:
        self.button_pressed.remove(token)

    def add_playback_position_change_requested(self, handler: Callable[[Any, Any], None]) -> int:
        return self.position_requested.add(handler)

    def remove_playback_position_change_requested(self, token: int) -> None:
        self.position_requested.remove(token)

    def update_timeline_properties(self, timeline: Timeline) -> None:
        self.timeline = timeline

    def press(self, button: Button) -> None:
        """A media key or the overlay's button (handlers run on another thread)."""
        self.button_pressed.fire(self, SimpleNamespace(button=button))

    def request_position(self, seconds: float) -> None:
        """The overlay's timeline dragged to ``seconds``."""
        args = SimpleNamespace(requested_playback_position=datetime.timedelta(seconds=seconds))
        self.position_requested.fire(self, args)


class WinrtMediaPlayer:
    """Windows.Media.Playback.MediaPlayer, playing nothing."""

    def __init__(self) -> None:
        self.command_manager = SimpleNamespace(is_enabled=True)
        self.system_media_transport_controls = Smtc()
        self.closed = False

    def close(self) -> None:
        self.closed = True


def winrt_api() -> SimpleNamespace:
    """The classes SmtcControls takes (``api``), with the one MediaPlayer it will make."""
    player = WinrtMediaPlayer()
    return SimpleNamespace(
        MediaPlayer=lambda: player,
        MediaPlaybackStatus=Status,
        MediaPlaybackType=PlaybackType,
        SystemMediaTransportControlsButton=Button,
        SystemMediaTransportControlsTimelineProperties=Timeline,
        player=player,
    )


class RemoteCommand:
    """MPRemoteCommand: handlers (blocks) under target tokens."""

    def __init__(self) -> None:
        self.enabled = False
        self.targets: dict[object, Callable[[Any], int]] = {}

    def setEnabled_(self, enabled: bool) -> None:
        self.enabled = bool(enabled)

    def addTargetWithHandler_(self, handler: Callable[[Any], int]) -> object:
        token = object()
        self.targets[token] = handler
        return token

    def removeTarget_(self, token: object) -> None:
        del self.targets[token]

    def fire(self, event: Any = None) -> list[int]:
        """The key or button pressed: every handler's answer (run on another thread)."""
        return [from_another_thread(lambda h=h: h(event)) for h in list(self.targets.values())]


class NowPlayingCenter:
    """MPNowPlayingInfoCenter.defaultCenter()."""

    def __init__(self) -> None:
        self.info: dict[str, Any] | None = None
        self.state = 0

    def setNowPlayingInfo_(self, info: dict[str, Any] | None) -> None:
        self.info = dict(info) if info is not None else None

    def setPlaybackState_(self, state: int) -> None:
        self.state = state


class PositionEvent:
    """MPChangePlaybackPositionCommandEvent."""

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def positionTime(self) -> float:
        return self._seconds


def media_player_api() -> SimpleNamespace:
    """The MediaPlayer framework as NowPlayingControls uses it (``api``)."""
    center = NowPlayingCenter()
    names = ("playCommand", "pauseCommand", "togglePlayPauseCommand", "stopCommand",
             "nextTrackCommand", "previousTrackCommand",
             "changePlaybackPositionCommand")  # fmt: skip
    commands = {name: RemoteCommand() for name in names}
    command_center = SimpleNamespace(**{name: (lambda c=c: c) for name, c in commands.items()})
    return SimpleNamespace(
        MPNowPlayingInfoCenter=SimpleNamespace(defaultCenter=lambda: center),
        MPRemoteCommandCenter=SimpleNamespace(sharedCommandCenter=lambda: command_center),
        MPRemoteCommandHandlerStatusSuccess=0,
        MPNowPlayingPlaybackStateUnknown=0,
        MPNowPlayingPlaybackStatePlaying=1,
        MPNowPlayingPlaybackStatePaused=2,
        MPNowPlayingPlaybackStateStopped=3,
        MPMediaItemPropertyTitle="title",
        MPMediaItemPropertyArtist="artist",
        MPMediaItemPropertyAlbumTitle="albumTitle",
        MPMediaItemPropertyAlbumArtist="albumArtist",
        MPMediaItemPropertyPlaybackDuration="playbackDuration",
        MPNowPlayingInfoPropertyElapsedPlaybackTime="MPNowPlayingInfoPropertyElapsedPlaybackTime",
        MPNowPlayingInfoPropertyPlaybackRate="MPNowPlayingInfoPropertyPlaybackRate",
        center=center,
        commands=commands,
    )
