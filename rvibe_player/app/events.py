"""What a listening session tells whoever shows it: plain event records and the hub that
delivers them on the owner thread.

Scans, the watcher and the store client report on threads of their own; the hub hands every
event to the owner thread's ``post`` (the GUI thread's dispatcher in the window, a
:class:`~rvibe_player.playback.dispatch.QueueDispatcher` in a test or a command), so
subscribers never need a lock or a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the window's first paint must not wait for the scanner and the client
    from rvibe_player.core.sqlite_salvage import Repair
    from rvibe_player.library.scanner import ScanProgress, ScanReport
    from rvibe_player.playback.backend import Post
    from rvibe_player.store_client.areas import ChangeArea
    from rvibe_player.store_client.model import SyncStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LibraryChanged:
    """Tracks were added, changed or removed (a scan, the watcher, a folder removed)."""


@dataclass(frozen=True)
class LibraryDamaged:
    """The background check found the library database damaged; it is repaired (moved
    aside, what is readable salvaged) the next time the player starts."""

    problem: str


@dataclass(frozen=True)
class CacheRepaired:
    """The relationship's cache file was damaged and made again; what was kept and where
    the damaged file lies (a :class:`~rvibe_player.core.sqlite_salvage.Repair`)."""

    repair: Repair


@dataclass(frozen=True)
class Launched:
    """The player was launched again on this profile: its files and folders (maybe none)."""

    paths: tuple[str, ...]


@dataclass(frozen=True)
class ScanStarted:
    """A scan began."""


@dataclass(frozen=True)
class ScanProgressed:
    """Where the running scan is (at most ten times a second)."""

    progress: ScanProgress


@dataclass(frozen=True)
class ScanFinished:
    """A scan ended; ``report.cancelled`` when the user stopped it."""

    report: ScanReport


@dataclass(frozen=True)
class ScanFailed:
    """A scan could not run at all; ``message`` says why."""

    message: str


@dataclass(frozen=True)
class RelationshipOpened:
    """The relationship is ready (maybe signed out or offline); ``problem`` says what is
    wrong with it in words, e.g. the built-in store could not start."""

    problem: str | None = None


@dataclass(frozen=True)
class RelationshipFailed:
    """The relationship could not be opened at all; ``message`` says why."""

    message: str


@dataclass(frozen=True)
class RelationshipChanged:
    """Parts of the relationship changed in the local cache; read its state again."""

    areas: frozenset[ChangeArea]


@dataclass(frozen=True)
class RelationshipStatusChanged:
    """The store connection's state changed (online, offline with why, signed out...)."""

    status: SyncStatus


@dataclass(frozen=True)
class DeskOpened:
    """The curator's desk is ready (signed in or not; the desk view says which)."""


@dataclass(frozen=True)
class DeskChanged:
    """Parts of the desk changed in its cache: the inbox, a conversation, presence..."""

    areas: frozenset[ChangeArea]


@dataclass(frozen=True)
class DeskStatusChanged:
    """The desk's connection changed (online, offline with why, signed out)."""

    status: SyncStatus


E = TypeVar("E")


class EventHub:
    """Subscribers per event type, called on the owner thread in the order they subscribed."""

    def __init__(self, post: Post) -> None:
        self.post = post
        """Runs a function on the owner thread (from any thread)."""
        self._listeners: defaultdict[type, list[Callable[[Any], None]]] = defaultdict(list)
        self._lock = threading.Lock()
        self._closed = False

    def subscribe(self, kind: type[E], listener: Callable[[E], None]) -> None:
        """Call ``listener`` with every event of type ``kind`` (on the owner thread)."""
        with self._lock:
            self._listeners[kind].append(listener)

    def publish(self, event: object) -> None:
        """Deliver ``event`` on the owner thread (any thread may call this)."""
        if not self._closed:
            self.post(lambda: self.deliver(event))

    def deliver(self, event: object) -> None:
        """Call the subscribers now (on the owner thread); one failing does not stop others."""
        if self._closed:
            return
        with self._lock:
            listeners = list(self._listeners.get(type(event), ()))
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("A listener of %s failed", type(event).__name__)

    def close(self) -> None:
        """Deliver nothing more (the session is closing)."""
        self._closed = True
