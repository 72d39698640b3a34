"""The media controls interface, and what the Windows and macOS adapters share.

Every adapter (MPRIS on Linux, the System Media Transport Controls on Windows, the Now
Playing center on macOS) does two things for as long as the player runs: it shows what plays
in the system's media overlay, lock screen or menu bar, and it turns the keyboard's media
keys and those overlays' buttons into player actions. :class:`MediaControls` is what the
window holds; :class:`NowPlayingPublisher` is the part the Windows and macOS adapters share:
it follows the :class:`PlayerBridge`, hands each change to the adapter as one
:class:`NowPlayingInfo`, and carries the system's commands, which arrive on the system's own
threads, over to the GUI thread before anything touches the player.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from rvibe_player.ui.playback.player_bridge import PlayerBridge
from rvibe_player.ui.shell.core_words import artist_text

log = logging.getLogger(__name__)

COMMANDS = ("play", "pause", "toggle", "stop", "next", "previous", "seek")
"""What the system may ask of the player (``seek`` carries a position in seconds)."""


class MediaControls(Protocol):
    """One platform's media keys and now-playing display, published while it lives."""

    @property
    def active(self) -> bool:
        """Whether the system accepted the player (media keys reach it)."""
        ...

    def close(self) -> None:
        """Withdraw from the system (safe to call twice)."""
        ...


@dataclass(frozen=True)
class NowPlayingInfo:
    """What the system shows: the track, where it is, and which buttons make sense."""

    status: str
    """``playing``, ``paused`` or ``stopped``."""
    title: str = ""
    artist: str = ""
    album: str = ""
    album_artist: str = ""
    duration: float = 0.0
    position: float = 0.0
    can_next: bool = False
    can_previous: bool = False


def now_playing(player: PlayerBridge) -> NowPlayingInfo:
    """The player's state as the system should show it."""
    track = player.track
    if track is None and not player.preview_title:
        return NowPlayingInfo("stopped", can_next=player.can_go_next())
    status = {"playing": "playing", "loading": "playing", "paused": "paused"}.get(
        player.state, "stopped"
    )
    if track is None:  # a store preview: only its title is known
        return NowPlayingInfo(status, title=player.preview_title, duration=player.duration,
                              position=player.position)  # fmt: skip
    return NowPlayingInfo(
        status,
        title=track.display_title,
        artist=artist_text(track.display_artist),
        album=track.album,
        album_artist=track.albumartist,
        duration=player.duration or track.duration,
        position=player.position,
        can_next=player.can_go_next(),
        can_previous=True,
    )


class NowPlayingPublisher(QObject):
    """Follows the player for an adapter and runs the system's commands on the GUI thread.

    An adapter implements :meth:`load_api` (the system's classes), :meth:`attach` (make
    its objects, register for its commands), :meth:`publish` (show a
    :class:`NowPlayingInfo`) and :meth:`release` (let go of the system), and calls
    :meth:`request` from any thread when the system asks for something. ``api`` replaces
    what :meth:`load_api` gives (tests pass a fake of the system).
    """

    requested = Signal(str, float)
    """A command from the system (name, position); queued to the GUI thread."""

    def __init__(
        self, player: PlayerBridge, parent: QObject | None = None, api: Any = None
    ) -> None:
        super().__init__(parent)
        self.player = player
        self._active = False
        self.requested.connect(self._run)
        self.api = api if api is not None else self.load_api()
        self.attach()
        self.start()

    @property
    def active(self) -> bool:
        """Whether the adapter is published (see :class:`MediaControls`)."""
        return self._active

    def _followed(self) -> tuple[Any, ...]:
        """The player's signals after which the system's display is brought up to date."""
        player = self.player
        return (player.state_changed, player.track_changed, player.modes_changed,
                player.queue_changed, player.seeked, player.preview_started)  # fmt: skip

    def start(self) -> None:
        """Publish the current state and follow the player from now on."""
        self._active = True
        for signal in self._followed():
            signal.connect(self._changed)
        self._changed()

    def request(self, command: str, position: float = 0.0) -> None:
        """Ask for ``command`` from any thread (the system's callback threads included)."""
        if command in COMMANDS:
            self.requested.emit(command, position)
        else:
            log.debug("Media controls: ignored %r", command)

    def _run(self, command: str, position: float) -> None:
        if not self._active:
            return
        player = self.player
        actions = {"play": player.play, "pause": player.pause, "toggle": player.toggle,
                   "stop": player.stop, "next": player.next, "previous": player.previous,
                   "seek": lambda: player.seek(position)}  # fmt: skip
        actions[command]()

    def _changed(self, *_args: object) -> None:
        if not self._active:
            return
        try:
            self.publish(now_playing(self.player))
        except Exception:  # the system's API failing must never take the player down
            log.exception("Could not update the system's now-playing display")

    def load_api(self) -> Any:
        """The system's classes (the adapter's part; ImportError where they are missing)."""
        raise NotImplementedError

    def attach(self) -> None:
        """Make the system's objects and register for its commands (the adapter's part)."""
        raise NotImplementedError

    def publish(self, info: NowPlayingInfo) -> None:
        """Show ``info`` in the system's media overlay (the adapter's part)."""
        raise NotImplementedError

    def release(self) -> None:
        """Stop receiving the system's commands and clear the display (the adapter's part)."""
        raise NotImplementedError

    def close(self) -> None:
        """Withdraw from the system (safe to call twice)."""
        if not self._active:
            return
        self._active = False
        for signal in self._followed():
            signal.disconnect(self._changed)
        try:
            self.release()
        except Exception:
            log.exception("Could not withdraw from the system's media controls")
