"""MPRIS2 on the session D-Bus (Linux): desktop media controls and media keys drive the player.

Implements ``org.mpris.MediaPlayer2`` and ``org.mpris.MediaPlayer2.Player`` with QtDBus
adaptors on one object, and announces changes with ``PropertiesChanged``. Note: PySide turns
Python ints of less than 2**31 into D-Bus ``int32`` inside maps, so ``mpris:length`` is
``int32`` for tracks under about 35 minutes (desktop shells and playerctl read either).
"""

# PySide's stubs do not know ClassInfo as a decorator or Qt type names given as strings
# ("QVariantMap", "qlonglong"), which QtDBus needs to pick the D-Bus types.
# mypy: disable-error-code="call-arg,operator,arg-type"

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QObject, Signal, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from rvibe_player import appinfo
from rvibe_player.playback.queue import RepeatMode, ShuffleMode
from rvibe_player.ui.playback.player_bridge import PlayerBridge

log = logging.getLogger(__name__)

SERVICE = "org.mpris.MediaPlayer2.rvibe"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"
_STATUS = {"playing": "Playing", "paused": "Paused", "loading": "Playing"}
_LOOP = {RepeatMode.OFF: "None", RepeatMode.ONE: "Track", RepeatMode.ALL: "Playlist"}
MIME_TYPES = ["audio/mpeg", "audio/flac", "audio/ogg", "audio/opus", "audio/mp4", "audio/x-wav",
              "audio/x-aiff", "audio/x-ms-wma", "audio/x-ape", "audio/x-wavpack"]  # fmt: skip


def track_path(track_id: int) -> str:
    """The MPRIS track id of a library track."""
    return f"/org/rvibe/track/{track_id}"


@ClassInfo({"D-Bus Interface": ROOT})
class _RootAdaptor(QDBusAbstractAdaptor):
    def __init__(
        self, parent: QObject, raise_window: Callable[[], None], quit_app: Callable[[], None]
    ):
        super().__init__(parent)
        self._raise = raise_window
        self._quit = quit_app

    @Slot()
    def Raise(self) -> None:
        self._raise()

    @Slot()
    def Quit(self) -> None:
        self._quit()

    CanQuit = Property(bool, lambda self: True)
    CanRaise = Property(bool, lambda self: True)
    HasTrackList = Property(bool, lambda self: False)
    Identity = Property(str, lambda self: appinfo.APP_NAME)
    DesktopEntry = Property(str, lambda self: appinfo.APP_ID)
    SupportedUriSchemes = Property("QStringList", lambda self: ["file"])
    SupportedMimeTypes = Property("QStringList", lambda self: MIME_TYPES)


@ClassInfo({"D-Bus Interface": PLAYER})
class _PlayerAdaptor(QDBusAbstractAdaptor):
    Seeked = Signal("qlonglong")
    """Relayed to D-Bus as the MPRIS ``Seeked(x)`` signal (a typed signal keeps int64)."""

    def __init__(self, parent: QObject, player: PlayerBridge) -> None:
        super().__init__(parent)
        self.player = player
        self.setAutoRelaySignals(True)

    @Slot()
    def Next(self) -> None:
        self.player.next()

    @Slot()
    def Previous(self) -> None:
        self.player.previous()

    @Slot()
    def Pause(self) -> None:
        self.player.pause()

    @Slot()
    def PlayPause(self) -> None:
        self.player.toggle()

    @Slot()
    def Stop(self) -> None:
        self.player.stop()

    @Slot()
    def Play(self) -> None:
        self.player.play()

    @Slot("qlonglong")
    def Seek(self, offset: int) -> None:
        self.player.seek_by(offset / 1_000_000)

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position: int) -> None:
        current = self.player.track
        if current is not None and track.path() == track_path(current.id):
            self.player.seek(position / 1_000_000)

    @Slot(str)
    def OpenUri(self, uri: str) -> None:
        log.info("MPRIS OpenUri is not supported: %s", uri)

    def _status(self) -> str:
        return _STATUS.get(self.player.state, "Stopped") if self.player.track else "Stopped"

    def _loop(self) -> str:
        return _LOOP[self.player.repeat()]

    def _set_loop(self, value: str) -> None:
        modes = {v: k for k, v in _LOOP.items()}
        if value in modes:
            self.player.set_repeat(modes[value])

    def _shuffle(self) -> bool:
        return self.player.shuffle() is not ShuffleMode.OFF

    def _set_shuffle(self, value: bool) -> None:
        self.player.set_shuffle(ShuffleMode.TRACKS if value else ShuffleMode.OFF)

    def _volume(self) -> float:
        return 0.0 if self.player.muted() else self.player.volume() / 100.0

    def _set_volume(self, value: float) -> None:
        self.player.set_volume(round(max(0.0, min(1.0, value)) * 100))

    def _position(self) -> int:
        return round(self.player.position * 1_000_000)

    PlaybackStatus = Property(str, _status)
    LoopStatus = Property(str, _loop, _set_loop)
    Rate = Property(float, lambda self: 1.0, lambda self, value: None)
    Shuffle = Property(bool, _shuffle, _set_shuffle)
    Metadata = Property("QVariantMap", lambda self: metadata(self.player))
    Volume = Property(float, _volume, _set_volume)
    Position = Property("qlonglong", _position)
    MinimumRate = Property(float, lambda self: 1.0)
    MaximumRate = Property(float, lambda self: 1.0)
    CanGoNext = Property(bool, lambda self: self.player.can_go_next())
    CanGoPrevious = Property(bool, lambda self: self.player.track is not None)
    CanPlay = Property(bool, lambda self: True)
    CanPause = Property(bool, lambda self: True)
    CanSeek = Property(bool, lambda self: self.player.track is not None)
    CanControl = Property(bool, lambda self: True)


def metadata(player: PlayerBridge) -> dict[str, Any]:
    """The MPRIS metadata of what plays now."""
    track = player.track
    if track is None:
        return {"mpris:trackid": QDBusObjectPath(NO_TRACK)}
    data: dict[str, Any] = {
        "mpris:trackid": QDBusObjectPath(track_path(track.id)),
        "mpris:length": round((player.duration or track.duration) * 1_000_000),
        "xesam:title": track.display_title,
        "xesam:artist": [a for a in track.artist.split("; ") if a] or [track.display_artist],
        "xesam:url": f"file://{track.path_text}",
    }
    if track.album:
        data["xesam:album"] = track.album
    if track.albumartist:
        data["xesam:albumArtist"] = [track.albumartist]
    if track.tracknumber:
        data["xesam:trackNumber"] = track.tracknumber
    if track.genre:
        data["xesam:genre"] = track.genre.split("; ")
    return data


class Mpris(QObject):
    """Publishes the player on D-Bus for as long as it lives."""

    def __init__(
        self,
        player: PlayerBridge,
        raise_window: Callable[[], None],
        quit_app: Callable[[], None],
        connection: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.connection = connection or QDBusConnection.sessionBus()
        self._object = QObject(self)
        self._root = _RootAdaptor(self._object, raise_window, quit_app)
        self._player = _PlayerAdaptor(self._object, player)
        self.registered = False
        if not self.connection.isConnected():
            log.info("No session D-Bus: media keys and desktop controls are not available.")
            return
        registered_object = self.connection.registerObject(OBJECT_PATH, self._object)
        self.registered = registered_object and self.connection.registerService(SERVICE)
        if not self.registered:
            log.warning("Could not publish %s on D-Bus: %s", SERVICE,
                        self.connection.lastError().message())  # fmt: skip
        player.state_changed.connect(lambda _s: self._changed("PlaybackStatus", "CanSeek"))
        on_track = ("Metadata", "PlaybackStatus", "CanGoNext", "CanSeek", "CanGoPrevious")
        player.track_changed.connect(lambda _t: self._changed(*on_track))
        player.modes_changed.connect(lambda: self._changed("LoopStatus", "Shuffle", "CanGoNext"))
        player.volume_changed.connect(lambda _v, _m: self._changed("Volume"))
        player.seeked.connect(self._seeked)

    def _changed(self, *names: str) -> None:
        if not self.registered:
            return
        values = {name: self._player.property(name) for name in names}
        message = QDBusMessage.createSignal(
            OBJECT_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        message.setArguments([PLAYER, values, []])
        self.connection.send(message)

    def _seeked(self, seconds: float) -> None:
        if self.registered:
            self._player.Seeked.emit(round(seconds * 1_000_000))

    def close(self) -> None:
        """Leave the bus."""
        if self.registered:
            self.connection.unregisterService(SERVICE)
            self.connection.unregisterObject(OBJECT_PATH)
            self.registered = False
