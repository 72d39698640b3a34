"""Ties the queue, a backend and the library: what plays, its gain, statistics, and saving.

Statistics (plays, skips, resume positions) are counted by
:class:`~rvibe_player.playback.play_stats.PlayStatistics`; all writes go through
:class:`~rvibe_player.playback.writer.Writer`, off the owner thread.

The controller keeps the backend's prepared item equal to the queue's next entry, so tracks
follow each other with the backend's shortest gap, and it moves past entries that cannot play.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.model import Track
from rvibe_player.playback.backend import (
    Advanced,
    Backend,
    BackendEvent,
    DurationChanged,
    Failed,
    Finished,
    PlaybackState,
    PlayItem,
    PositionChanged,
    Post,
    StateChanged,
)
from rvibe_player.playback.play_stats import PlayCounted, PlayStatistics
from rvibe_player.playback.queue import Entry, PlayQueue, RepeatMode, ShuffleMode
from rvibe_player.playback.queue_store import QueueStore
from rvibe_player.playback.replaygain import (
    ReplayGainSettings,
    album_key,
    plays_as_album,
    track_gain,
)
from rvibe_player.playback.writer import Writer

log = logging.getLogger(__name__)

SAVE_EVERY = 15.0
"""Seconds of playback between saves of the position (besides every change of track)."""


@dataclass(frozen=True, slots=True)
class NowPlaying:
    """A queue entry became the current one (loaded, or taken over without a gap)."""

    entry_id: int
    track: Track


@dataclass(frozen=True, slots=True)
class Unplayable:
    """A queue entry cannot play; ``message`` names the file and says why."""

    entry_id: int
    track_id: int
    message: str


@dataclass(frozen=True, slots=True)
class QueueChanged:
    """The queue's entries, order or modes changed."""


@dataclass(frozen=True, slots=True)
class PreviewPlaying:
    """A preview (outside the queue) plays now; the queue waits where it was."""

    url: str
    title: str


PREVIEW_KEY = -1
"""The backend key of a preview: no queue entry, no statistics."""

ControllerEvent = (
    BackendEvent | NowPlaying | Unplayable | QueueChanged | PreviewPlaying | PlayCounted
)


class PlaybackController:
    """The player's brain; every method runs on the owner thread."""

    def __init__(
        self,
        backend: Backend,
        library: LibraryDatabase,
        post: Post,
        *,
        store: QueueStore | None = None,
        replaygain: ReplayGainSettings | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        """Create the controller.

        Args:
            backend: plays the items (its listener is added here).
            library: a connection for reading tracks on the owner thread.
            post: runs a function on the owner thread; listeners are called through it.
            store: where the queue is saved (default: ``queue.json`` in the data folder).
            replaygain: the ReplayGain settings.
            rng: the shuffle's random source (seeded in tests).
            clock: monotonic seconds, for time heard.
            wall_clock: epoch seconds, for ``last_played``.
        """
        self.backend = backend
        self.queue = PlayQueue(rng)
        self._library = library
        self._post = post
        self._store = store or QueueStore()
        self._writer = Writer(library.path, self._store)
        self._replaygain = replaygain or ReplayGainSettings()
        self._clock = clock
        self._listeners: list[Callable[[ControllerEvent], None]] = []
        self._stats = PlayStatistics(self._writer, self._emit, clock, wall_clock)
        self._unplayable: set[int] = set()
        self._failures_in_a_row = 0
        self._last_save = 0.0
        self._return_position = 0.0
        """Where the queue's track was when a preview interrupted it."""
        backend.add_listener(self._on_backend_event)

    # -- listeners ---------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[ControllerEvent], None]) -> None:
        """Call ``listener`` on the owner thread with backend and controller events."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[ControllerEvent], None]) -> None:
        """Stop calling ``listener`` (events already on their way are dropped too)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ControllerEvent) -> None:
        def deliver() -> None:
            for listener in list(self._listeners):
                if listener in self._listeners:  # not removed by an earlier one meanwhile
                    listener(event)

        self._post(deliver)

    # -- starting and restoring --------------------------------------------------------------

    def restore(self) -> bool:
        """Take the queue saved last time and load its current track where it was (paused)."""
        position = self._store.restore_into(self.queue)
        if position is None:
            return False
        self._emit(QueueChanged())
        current = self.queue.current()
        if current is not None:
            self._start(current, start=position, play=False)
        return True

    # -- the queue -----------------------------------------------------------------------------

    def _albums(self, track_ids: Sequence[int]) -> list[str | None] | None:
        """Album keys for album shuffle; only read then (a long queue reads slowly)."""
        if self.queue.shuffle is not ShuffleMode.ALBUMS:
            return None
        found = {t.id: album_key(t) for t in self._library.tracks(track_ids)}
        return [found.get(i) for i in track_ids]

    def play_tracks(self, track_ids: Sequence[int], start: int = 0) -> None:
        """Replace the queue with these tracks and play the one at index ``start``."""
        self._leave(by_user=True)
        entry = self.queue.replace(track_ids, start, self._albums(track_ids))
        self._queue_changed()
        if entry is not None:
            self._start(entry)

    def enqueue(self, track_ids: Sequence[int]) -> list[int]:
        """Add tracks at the end of the queue; returns their entry ids."""
        ids = self.queue.add(track_ids, self._albums(track_ids))
        self._queue_changed()
        return ids

    def play_next(self, track_ids: Sequence[int]) -> list[int]:
        """Queue tracks to play right after the current one; returns their entry ids."""
        ids = self.queue.play_next(track_ids, self._albums(track_ids))
        self._queue_changed()
        return ids

    def remove(self, entry_ids: Iterable[int]) -> None:
        """Take entries out of the queue (the current track plays on to its end)."""
        ids = set(entry_ids)
        self.queue.remove(ids)
        self._unplayable -= ids
        self._queue_changed()

    def move(self, entry_ids: Sequence[int], to: int) -> None:
        """Move entries to list index ``to``."""
        self.queue.move(entry_ids, to)
        self._queue_changed()

    def set_shuffle(self, mode: ShuffleMode) -> None:
        """Shuffle off, by track, or by album."""
        if mode is ShuffleMode.ALBUMS:
            ids = list({e.track_id for e in self.queue.entries() if e.album is None})
            self.queue.set_albums({t.id: album_key(t) for t in self._library.tracks(ids)})
        self.queue.set_shuffle(mode)
        self._queue_changed()

    def set_repeat(self, mode: RepeatMode) -> None:
        """Repeat off, one, or all."""
        self.queue.set_repeat(mode)
        self._queue_changed()

    def _queue_changed(self) -> None:
        self._prepare_next()
        self._save()
        self._emit(QueueChanged())

    # -- transport -----------------------------------------------------------------------------

    def jump(self, entry_id: int) -> None:
        """Play this queue entry now."""
        self._leave(by_user=True)
        self._unplayable.discard(entry_id)
        self._start(self.queue.jump(entry_id))

    def play(self) -> None:
        """Resume, or start the current (else the first) entry."""
        if self.backend.current() is not None:
            self.backend.play()
            return
        entry = self.queue.current() or self._advance(auto=False)
        if entry is None and len(self.queue):  # after the end: from the top again
            entry = self.queue.jump(self.queue.play_order()[0].id)
        if entry is not None:
            start, self._return_position = self._return_position, 0.0  # back from a preview
            self._start(entry, start=start)

    def pause(self) -> None:
        """Pause."""
        self.backend.pause()
        self._save()

    def toggle(self) -> None:
        """Pause when playing, else play."""
        if self.backend.state() is PlaybackState.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop; the position is kept as the track's resume position."""
        self._leave(by_user=False, keep_position=True)
        self.backend.stop()
        self._save(position=0.0)

    def next(self) -> None:
        """Go to the next entry (the listener's "next": repeat-one moves on too)."""
        self._leave(by_user=True)
        entry = self._advance(auto=False)
        if entry is None:
            self.backend.stop()
            self._save(position=0.0)
        else:
            self._start(entry)

    def previous(self) -> None:
        """Restart the current track past 3 s, else go to the one before."""
        position = self.backend.position() if self.backend.current() else 0.0
        current = self.queue.current()
        entry = self.queue.previous(position)
        if entry is None:
            return
        if current is not None and entry.id == current.id and self.backend.current():
            self.backend.seek(0.0)
            self.backend.play()
            return
        self._leave(by_user=True)
        self._start(entry)

    def play_preview(self, url: str, title: str) -> None:
        """Stream a preview (a store's sample) now, outside the queue.

        What was playing stops where it is (its resume position and queue place are kept,
        and leaving it is not a skip); play() afterwards goes back to the queue's track.
        """
        current = self.backend.current()
        if current is not None and current.key != PREVIEW_KEY:
            self._return_position = self.backend.position()
        self._leave(by_user=False, keep_position=True)
        self._save()
        self.backend.prepare_next(None)
        self.backend.load(PlayItem(url, self._replaygain.fallback_db, PREVIEW_KEY))
        self.backend.play()
        self._emit(PreviewPlaying(url, title))

    def seek(self, seconds: float) -> None:
        """Jump within the current track (what is skipped is not heard)."""
        self.backend.seek(seconds)

    def set_volume(self, volume: int) -> None:
        """Output volume 0-100."""
        self.backend.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute."""
        self.backend.set_muted(muted)

    def set_replaygain(self, settings: ReplayGainSettings) -> None:
        """Use new ReplayGain settings, for the current track at once."""
        self._replaygain = settings
        current, item = self.queue.current(), self.backend.current()
        if current is not None and item is not None:
            fresh = self._item(current)
            if fresh is not None:
                self.backend.set_gain(fresh.gain_db)
        self._prepare_next()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until statistics and the saved queue are written (for tests and shutdown)."""
        return self._writer.flush(timeout)

    def close(self) -> None:
        """Keep the position, count what was heard, write everything; the backend stays open."""
        self._save()
        self._leave(by_user=False, keep_position=True)
        self._writer.close()

    # -- items -----------------------------------------------------------------------------

    def _item(self, entry: Entry, start: float = 0.0) -> PlayItem | None:
        track = self._library.track(entry.track_id)
        if track is None:
            return None
        neighbours = [e.track_id if e else None for e in self.queue.neighbours(entry.id)]
        found = {t.id: t for t in self._library.tracks([i for i in neighbours if i is not None])}
        before, after = (found.get(i) if i is not None else None for i in neighbours)
        gain = track_gain(track, self._replaygain, plays_as_album(before, track, after))
        return PlayItem(track.path, gain.db, entry.id, start, track.duration)

    def _start(self, entry: Entry, start: float = 0.0, play: bool = True) -> None:
        """Load ``entry`` (and play it), or move past it when it cannot be played."""
        item = self._item(entry, start)
        if item is None:
            self._on_unplayable(entry.id, entry.track_id, _GONE)
            return
        self.backend.load(item)
        if play:
            self.backend.play()
        self._begin_listen(entry, item)
        self._prepare_next()
        self._save(position=start)

    def _begin_listen(self, entry: Entry, item: PlayItem) -> None:
        playing = self.backend.state() is PlaybackState.PLAYING
        self._stats.begin(entry.id, entry.track_id, item.duration, playing)
        track = self._library.track(entry.track_id)
        if track is not None:
            self._emit(NowPlaying(entry.id, track))

    def _advance(self, auto: bool) -> Entry | None:
        """The queue's next entry that has not failed in this round."""
        for _ in range(len(self.queue) + 1):
            entry = self.queue.advance(auto=auto)
            if entry is None or entry.id not in self._unplayable:
                return entry
            auto = False  # repeat-one must not loop on an entry that cannot play
        return None

    def _prepare_next(self) -> None:
        following = next((e for e in self.queue.upcoming(8) if e.id not in self._unplayable), None)
        current = self.queue.current()
        if following is None or current is None or self.backend.current() is None:
            self.backend.prepare_next(None)
            return
        self.backend.prepare_next(self._item(following))

    # -- backend events ------------------------------------------------------------------------

    def _on_backend_event(self, event: BackendEvent) -> None:
        item = getattr(event, "item", None)
        if item is not None and item.key == PREVIEW_KEY:  # a preview: no queue, no statistics
            if isinstance(event, Failed):
                self._emit(Unplayable(PREVIEW_KEY, 0, _preview_failed(event.reason)))
            self._emit(event)
            return
        if isinstance(event, StateChanged):
            self._stats.playing(event.state is PlaybackState.PLAYING)
        elif isinstance(event, PositionChanged):
            self._stats.progressed(event.item.key)
            if self._clock() - self._last_save >= SAVE_EVERY:
                self._save(position=event.position)
        elif isinstance(event, DurationChanged):
            self._stats.duration_known(event.item.key, event.duration)
        elif isinstance(event, Advanced):
            self._on_advanced(event.item)
        elif isinstance(event, Finished):
            self._on_finished()
        elif isinstance(event, Failed):
            self._on_failed(event)
        self._emit(event)

    def _on_advanced(self, item: PlayItem) -> None:
        self._leave(by_user=False)
        self._failures_in_a_row = 0
        entry = self.queue.current()
        for _ in range(len(self.queue) + 1):  # the queue follows what the backend now plays
            if entry is not None and entry.id == item.key:
                break
            entry = self.queue.advance(auto=True)
        if entry is None or entry.id != item.key:
            log.warning("The queue lost track of what plays; it goes on from its own next")
            return
        self._begin_listen(entry, item)
        self._prepare_next()
        self._save(position=0.0)

    def _on_finished(self) -> None:
        self._leave(by_user=False)
        self._failures_in_a_row = 0
        entry = self._advance(auto=True)
        if entry is None:
            self._save(position=0.0)
            return
        self._start(entry)

    def _on_failed(self, event: Failed) -> None:
        current = self.queue.current()
        entry_id = event.item.key
        entry = self.queue.entry(entry_id)
        self._on_unplayable(
            entry_id,
            entry.track_id if entry else 0,
            event.message,
            current=current is not None and current.id == entry_id,
        )

    def _on_unplayable(
        self, entry_id: int, track_id: int, message: str, current: bool = True
    ) -> None:
        self._unplayable.add(entry_id)
        self._emit(Unplayable(entry_id, track_id, message))
        if not current:  # the prepared one: prepare the one after it
            self._prepare_next()
            return
        self._stats.forget()
        self._failures_in_a_row += 1
        if self._failures_in_a_row > len(self.queue):
            log.warning("Nothing in the queue can be played; stopping")
            self.backend.stop()
            return
        entry = self._advance(auto=True)
        if entry is not None:
            self._start(entry)

    # -- statistics ------------------------------------------------------------------------

    def _leave(self, by_user: bool, keep_position: bool = False) -> None:
        """The current entry stops being listened to; count a play, or a skip.

        With ``keep_position`` (stop, quit) the position becomes the track's resume position.
        """
        loaded = self.backend.current() is not None
        length = (self.backend.duration() or 0.0) if keep_position and loaded else None
        self._stats.leave(by_user=by_user, position=self.backend.position(), resume_length=length)

    def _save(self, position: float | None = None) -> None:
        if position is None:
            current = self.backend.current()
            playing_queue = current is not None and current.key != PREVIEW_KEY
            position = self.backend.position() if playing_queue else 0.0
        self._last_save = self._clock()
        self._writer.save_queue(self.queue.frozen(), position)


_GONE = Words("Playback", QT_TRANSLATE_NOOP("Playback", "the track is no longer in the library"))


def _preview_failed(reason: str) -> Words:
    return Words("Playback", QT_TRANSLATE_NOOP("Playback", "The preview cannot play: %1"), reason)
