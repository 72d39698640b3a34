"""Play statistics, counted the way scrobblers count them, for the entry being listened to.

A play when at least half the track, or four minutes, has been *heard* (time spent playing
it; seeking ahead does not count); a skip when the listener moves on to another track
before that. A counted play sets ``last_played`` and goes into the library's play log;
stopping or quitting mid-track keeps the resume position. Every write goes through the
playback :class:`~rvibe_player.playback.writer.Writer`, off the owner thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.playback.writer import Writer

PLAY_THRESHOLD_CAP = 240.0
"""Four minutes heard always count as a play, however long the track."""
RESUME_MARGIN = 5.0
"""No resume position is kept within this many seconds of a track's start or end."""


@dataclass(frozen=True, slots=True)
class PlayCounted:
    """A listen passed the play threshold and is now in the library's play log."""

    track_id: int


@dataclass(slots=True)
class Listen:
    """How much of the current entry has been heard."""

    entry_id: int
    track_id: int
    duration: float
    heard: float = 0.0
    since: float | None = None  # clock reading while playing
    counted: bool = False

    def heard_now(self, now: float) -> float:
        """Seconds heard up to ``now``."""
        return self.heard + (now - self.since if self.since is not None else 0.0)

    def threshold(self) -> float:
        """Seconds to hear before it counts as a play."""
        if self.duration <= 0:
            return PLAY_THRESHOLD_CAP
        return min(self.duration / 2, PLAY_THRESHOLD_CAP)


class PlayStatistics:
    """Follows one listen at a time and writes plays, skips and resume positions."""

    def __init__(
        self,
        writer: Writer,
        counted: Callable[[PlayCounted], None],
        clock: Callable[[], float],
        wall_clock: Callable[[], float],
    ) -> None:
        """Args:
        writer: runs the library writes off the owner thread.
        counted: told (from the writer's thread) once a play is in the play log.
        clock: monotonic seconds, for time heard; wall_clock: epoch seconds, for the log.
        """
        self._writer = writer
        self._counted = counted
        self._clock = clock
        self._wall_clock = wall_clock
        self.listen: Listen | None = None

    def begin(self, entry_id: int, track_id: int, duration: float, playing: bool) -> None:
        """An entry starts being listened to (``playing``: time heard counts from now)."""
        self.listen = Listen(entry_id, track_id, duration)
        if playing:
            self.listen.since = self._clock()

    def forget(self) -> None:
        """The entry could not play: nothing to count."""
        self.listen = None

    def playing(self, now_playing: bool) -> None:
        """Playback started or stopped: time heard starts or stops adding up."""
        listen = self.listen
        if listen is None:
            return
        now = self._clock()
        if now_playing:
            if listen.since is None:
                listen.since = now
        elif listen.since is not None:
            listen.heard += now - listen.since
            listen.since = None
            self._check(listen)

    def progressed(self, entry_id: int) -> None:
        """The position moved on: the play may count now."""
        if self.listen is not None and entry_id == self.listen.entry_id:
            self._check(self.listen)

    def duration_known(self, entry_id: int, duration: float) -> None:
        """The backend learned the track's real length."""
        if self.listen is not None and entry_id == self.listen.entry_id and duration > 0:
            self.listen.duration = duration

    def leave(self, *, by_user: bool, position: float, resume_length: float | None = None) -> None:
        """The entry stops being listened to: count a play, or a skip if ``by_user``.

        With ``resume_length`` (stop, quit: the track's length) ``position`` becomes the
        track's resume position (written after a play it may count, which clears it).
        """
        listen, self.listen = self.listen, None
        if listen is None:
            return
        if listen.since is not None:
            listen.heard += self._clock() - listen.since
            listen.since = None
        self._check(listen)
        track_id = listen.track_id
        if by_user and not listen.counted:
            self._writer.submit(lambda db: db.record_skip(track_id))
        if resume_length is not None:
            length = resume_length or listen.duration
            kept = position if RESUME_MARGIN < position < length - RESUME_MARGIN else None
            self._writer.submit(lambda db: db.set_resume_position(track_id, kept))

    def _check(self, listen: Listen) -> None:
        if listen.counted or listen.heard_now(self._clock()) < listen.threshold():
            return
        listen.counted = True
        track_id, when = listen.track_id, self._wall_clock()

        def record(db: LibraryDatabase) -> None:
            db.record_play(track_id, when)
            self._counted(PlayCounted(track_id))  # once in the log: sharing reads it there

        self._writer.submit(record)
