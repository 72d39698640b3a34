"""The play queue (pure): entries over track ids, the play order, shuffle, repeat and history.

The queue keeps two orders. The *list* is what the user sees and edits (add, play next,
remove, move). The *play order* is the list itself, or with shuffle on a permutation of it;
everything before the cursor has played in this round. Shuffle plays every entry once before
any repeats (a new permutation starts each round under repeat-all), and album shuffle keeps
each album's entries together, in list order. Entries are numbered, so the same track may be
queued twice.
"""

from __future__ import annotations

import enum
import itertools
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

HISTORY_LIMIT = 500
"""Most recent starts remembered in :meth:`PlayQueue.history`."""

RESTART_THRESHOLD = 3.0
"""Seconds into a track after which "previous" restarts it instead of going back."""


class RepeatMode(enum.Enum):
    """What happens at the end of the queue, or of a track."""

    OFF = "off"
    ONE = "one"
    ALL = "all"


class ShuffleMode(enum.Enum):
    """How the play order is made from the list."""

    OFF = "off"
    TRACKS = "tracks"
    ALBUMS = "albums"


class Entry(NamedTuple):
    """One place in the queue: a track, and the album it belongs to (for album shuffle)."""

    id: int
    track_id: int
    album: str | None = None


class PlayQueue:
    """The queue; pure, so its whole state can be saved and restored."""

    def __init__(self, rng: random.Random | None = None) -> None:
        self._rng = rng or random.Random()  # noqa: S311 - shuffling music, not secrets
        self._entries: dict[int, Entry] = {}
        self._list: list[int] = []
        self._order: list[int] = []
        self._cursor = -1  # index into _order of the current entry; -1 before the start
        self._current: int | None = None  # None when nothing plays, or it was removed
        self._next_id = 1
        self._history: list[int] = []  # track ids, most recent last
        self.shuffle = ShuffleMode.OFF
        self.repeat = RepeatMode.OFF

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._list)

    def entries(self) -> list[Entry]:
        """The entries in list order."""
        return [self._entries[i] for i in self._list]

    def play_order(self) -> list[Entry]:
        """The entries in the order they play this round."""
        return [self._entries[i] for i in self._order]

    def current(self) -> Entry | None:
        """The entry playing (or about to), if any."""
        return self._entries.get(self._current) if self._current is not None else None

    def entry(self, entry_id: int) -> Entry | None:
        """An entry by id."""
        return self._entries.get(entry_id)

    def upcoming(self, count: int = 1) -> list[Entry]:
        """The next ``count`` entries that will play when tracks end by themselves.

        It does not change the queue; a new shuffled round is drawn from a copy of the
        random state, so the round that :meth:`advance` draws is the one predicted.
        """
        if self.repeat is RepeatMode.ONE and self._current is not None:
            return [self._entries[self._current]] * count
        ids = self._order[self._cursor + 1 : self._cursor + 1 + count]
        if len(ids) < count and self.repeat is RepeatMode.ALL and self._order:
            if self.shuffle is ShuffleMode.OFF:
                following = self._order
            else:
                state = self._rng.getstate()
                following = self._shuffled_round(avoid=self._order[-1])
                self._rng.setstate(state)
            ids += following[: count - len(ids)]
        return [self._entries[i] for i in ids]

    def neighbours(self, entry_id: int) -> tuple[Entry | None, Entry | None]:
        """The entries before and after ``entry_id`` in this round's play order."""
        try:
            index = self._order.index(entry_id)
        except ValueError:
            return None, None
        before = self._entries[self._order[index - 1]] if index > 0 else None
        after = self._entries[self._order[index + 1]] if index + 1 < len(self._order) else None
        return before, after

    def history(self) -> list[int]:
        """Track ids of recent starts, most recent last."""
        return list(self._history)

    # -- editing ---------------------------------------------------------------------------

    def _new_entries(
        self, track_ids: Iterable[int], albums: Sequence[str | None] | None
    ) -> list[int]:
        tracks = list(track_ids)
        ids = list(range(self._next_id, self._next_id + len(tracks)))
        self._next_id += len(tracks)
        groups = albums if albums is not None else itertools.repeat(None)
        for entry_id, track_id, album in zip(ids, tracks, groups, strict=False):
            self._entries[entry_id] = Entry(entry_id, track_id, album)
        return ids

    def add(
        self, track_ids: Iterable[int], albums: Sequence[str | None] | None = None
    ) -> list[int]:
        """Add tracks at the end of the list; returns their entry ids.

        With shuffle on they join the part of this round still to play, at random places
        (album shuffle: as one block per album).
        """
        ids = self._new_entries(track_ids, albums)
        self._list.extend(ids)
        if self.shuffle is ShuffleMode.OFF:
            self._order.extend(ids)
        else:
            for block in self._blocks(ids):
                bounds = self._block_bounds(self._order[self._cursor + 1 :])
                at = self._cursor + 1 + self._rng.choice(bounds)
                self._order[at:at] = block
        return ids

    def play_next(
        self, track_ids: Iterable[int], albums: Sequence[str | None] | None = None
    ) -> list[int]:
        """Insert tracks right after the current entry, in the list and in the play order."""
        ids = self._new_entries(track_ids, albums)
        if self._current is not None:
            at = self._list.index(self._current) + 1
        else:  # before the start, past the end, or where a removed current entry was
            following = self._order[self._cursor + 1 : self._cursor + 2]
            at = self._list.index(following[0]) if following else len(self._list)
        self._list[at:at] = ids
        self._order[self._cursor + 1 : self._cursor + 1] = ids
        return ids

    def replace(
        self,
        track_ids: Sequence[int],
        start: int = 0,
        albums: Sequence[str | None] | None = None,
    ) -> Entry | None:
        """Queue exactly these tracks and make the one at ``start`` current (an album, a list)."""
        self.clear()
        ids = self._new_entries(track_ids, albums)
        self._list = list(ids)
        if not ids:
            return None
        first = ids[max(0, min(start, len(ids) - 1))]
        self._order = list(ids) if self.shuffle is ShuffleMode.OFF else self._shuffled_round(first)
        return self.jump(first)

    def clear(self) -> None:
        """Empty the queue (the history stays)."""
        self._entries.clear()
        self._list.clear()
        self._order.clear()
        self._cursor = -1
        self._current = None

    def remove(self, entry_ids: Iterable[int]) -> None:
        """Take entries out; removing the current one leaves its place, so "next" goes on."""
        doomed = set(entry_ids) & self._entries.keys()
        kept_before = sum(1 for i in self._order[: max(self._cursor, 0)] if i not in doomed)
        at_cursor = self._order[self._cursor] if 0 <= self._cursor < len(self._order) else None
        if self._cursor >= 0:
            self._cursor = kept_before - (1 if at_cursor in doomed else 0)
        if self._current in doomed:
            self._current = None
        self._list = [i for i in self._list if i not in doomed]
        self._order = [i for i in self._order if i not in doomed]
        for entry_id in doomed:
            del self._entries[entry_id]

    def move(self, entry_ids: Sequence[int], to: int) -> None:
        """Move entries (kept in their order) so the first lands at list index ``to``.

        ``to`` counts in the list as it is before the move. With shuffle off the play order
        follows the list.
        """
        chosen = set(entry_ids)
        moving = [i for i in self._list if i in chosen]
        to = max(0, min(to, len(self._list)))
        to -= sum(1 for i in self._list[:to] if i in chosen)
        rest = [i for i in self._list if i not in chosen]
        rest[to:to] = moving
        self._list = rest
        if self.shuffle is ShuffleMode.OFF:
            self._sync_order_to_list()

    # -- modes -----------------------------------------------------------------------------

    def set_shuffle(self, mode: ShuffleMode) -> None:
        """Change shuffle; a new round starts from the current entry."""
        self.shuffle = mode
        if mode is ShuffleMode.OFF:
            self._sync_order_to_list()
            return
        self._order = self._shuffled_round(first=self._current)
        self._cursor = self._order.index(self._current) if self._current in self._order else -1

    def set_albums(self, albums: Mapping[int, str | None]) -> None:
        """Give entries their album (by track id), for album shuffle."""
        for entry_id, entry in list(self._entries.items()):
            if entry.track_id in albums:
                self._entries[entry_id] = Entry(entry.id, entry.track_id, albums[entry.track_id])

    def set_repeat(self, mode: RepeatMode) -> None:
        """Change repeat."""
        self.repeat = mode

    # -- moving through the queue ------------------------------------------------------------

    def jump(self, entry_id: int) -> Entry:
        """Make an entry current (the user picked it)."""
        if entry_id not in self._entries:
            raise KeyError(entry_id)
        if self.shuffle is ShuffleMode.OFF:
            self._cursor = self._order.index(entry_id)
        else:  # it plays now; the rest of the round stays as it was
            old = self._order.index(entry_id)
            del self._order[old]
            if old <= self._cursor:
                self._cursor -= 1
            self._cursor = min(self._cursor + 1, len(self._order))
            self._order.insert(self._cursor, entry_id)
        return self._start(entry_id)

    def advance(self, auto: bool = False) -> Entry | None:
        """Move to the next entry and return it (None: the end, with nothing to repeat).

        ``auto`` is True when the current track ended by itself: repeat-one then plays it
        again; the user's "next" always moves on.
        """
        if auto and self.repeat is RepeatMode.ONE and self._current is not None:
            return self._start(self._current)
        if self._cursor + 1 < len(self._order):
            self._cursor += 1
            return self._start(self._order[self._cursor])
        if self.repeat is RepeatMode.OFF or not self._order:
            self._cursor = len(self._order) - 1  # past the end: "previous" plays the last
            self._current = None
            return None
        if self.shuffle is not ShuffleMode.OFF:
            self._order = self._shuffled_round(avoid=self._order[-1])
        self._cursor = 0
        return self._start(self._order[0])

    def previous(self, position: float) -> Entry | None:
        """The user's "previous": restart the current track past 3 s, else go back one.

        Returns the entry to play from its start (the current one, when restarting).
        """
        current = self.current()
        if current is not None and position > RESTART_THRESHOLD:
            return current
        if not self._order:
            return None
        if current is None:  # past the end, or the current entry was removed
            self._cursor = max(self._cursor, 0)
        elif self._cursor > 0:
            self._cursor -= 1
        elif self.repeat is RepeatMode.ALL and self.shuffle is ShuffleMode.OFF:
            self._cursor = len(self._order) - 1
        else:
            return self._start(current.id)
        return self._start(self._order[self._cursor])

    def _start(self, entry_id: int) -> Entry:
        self._current = entry_id
        entry = self._entries[entry_id]
        self._history.append(entry.track_id)
        del self._history[:-HISTORY_LIMIT]
        return entry

    # -- helpers -----------------------------------------------------------------------------

    def _sync_order_to_list(self) -> None:
        at_cursor = self._order[self._cursor] if 0 <= self._cursor < len(self._order) else None
        self._order = list(self._list)
        if at_cursor is not None:
            self._cursor = self._order.index(at_cursor)

    def _blocks(self, ids: Sequence[int]) -> list[list[int]]:
        """``ids`` cut into the units shuffle moves: single entries, or album runs."""
        if self.shuffle is not ShuffleMode.ALBUMS:
            return [[i] for i in ids]
        groups: dict[object, list[int]] = {}
        for entry_id in ids:
            album = self._entries[entry_id].album
            groups.setdefault(album if album is not None else ("single", entry_id), []).append(
                entry_id
            )
        return list(groups.values())

    def _block_bounds(self, ids: Sequence[int]) -> list[int]:
        """Indexes in ``ids`` where a block may be inserted without splitting an album."""
        if self.shuffle is not ShuffleMode.ALBUMS:
            return list(range(len(ids) + 1))
        bounds = [0]
        for index in range(1, len(ids)):
            album = self._entries[ids[index]].album
            if album is None or album != self._entries[ids[index - 1]].album:
                bounds.append(index)
        bounds.append(len(ids))
        return bounds

    def _shuffled_round(self, first: int | None = None, avoid: int | None = None) -> list[int]:
        """A new permutation of the list: ``first``'s block leads; ``avoid`` does not lead."""
        if self.shuffle is not ShuffleMode.ALBUMS:  # single entries: no blocks to build
            lead = [first] if first is not None and first in self._entries else []
            rest = [i for i in self._list if i != first]
            self._rng.shuffle(rest)
            if avoid is not None and len(rest) > 1 and rest[0] == avoid:
                swap = self._rng.randrange(1, len(rest))
                rest[0], rest[swap] = rest[swap], rest[0]
            return lead + rest
        blocks = self._blocks(self._list)
        lead = []
        for block in blocks:
            if first in block:  # its album's earlier entries count as played this round
                blocks.remove(block)
                lead = block
                break
        self._rng.shuffle(blocks)
        if avoid is not None and len(blocks) > 1 and avoid in blocks[0]:
            swap = self._rng.randrange(1, len(blocks))
            blocks[0], blocks[swap] = blocks[swap], blocks[0]
        return lead + [i for block in blocks for i in block]

    # -- saving ------------------------------------------------------------------------------

    def frozen(self) -> FrozenQueue:
        """A copy of the state, cheap to take (a long queue's :meth:`snapshot` is not)."""
        return FrozenQueue(
            dict(self._entries), list(self._list), list(self._order), self._cursor,
            self._current, self._next_id, list(self._history), self.shuffle, self.repeat,
        )  # fmt: skip

    def snapshot(self) -> dict[str, Any]:
        """The whole state as plain JSON-ready data."""
        return self.frozen().snapshot()

    def restore(self, data: dict[str, Any]) -> None:
        """Take the state of a :meth:`snapshot` (raises ValueError when it does not fit)."""
        try:
            entries = [
                Entry(int(i), int(t), None if a is None else str(a)) for i, t, a in data["entries"]
            ]
            order = [int(i) for i in data["order"]]
            cursor = int(data["cursor"])
            current = None if data["current"] is None else int(data["current"])
            next_id = int(data["next_id"])
            history = [int(t) for t in data["history"]]
            shuffle = ShuffleMode(data["shuffle"])
            repeat = RepeatMode(data["repeat"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a saved queue: {exc}") from exc
        ids = [e.id for e in entries]
        if sorted(ids) != sorted(order) or len(set(ids)) != len(ids):
            raise ValueError("the saved play order does not match the saved entries")
        if not -1 <= cursor <= len(order) or (current is not None and current not in ids):
            raise ValueError("the saved position is outside the saved queue")
        self._entries = {e.id: e for e in entries}
        self._list = ids
        self._order = order
        self._cursor = cursor
        self._current = current
        self._next_id = max([next_id, *(i + 1 for i in ids)])
        self._history = history[-HISTORY_LIMIT:]
        self.shuffle = shuffle
        self.repeat = repeat


@dataclass(frozen=True, slots=True)
class FrozenQueue:
    """A :class:`PlayQueue`'s state at one moment; another thread may turn it into data."""

    entries: dict[int, Entry]
    list_order: list[int]
    play_order: list[int]
    cursor: int
    current: int | None
    next_id: int
    history: list[int]
    shuffle: ShuffleMode
    repeat: RepeatMode

    def snapshot(self) -> dict[str, Any]:
        """The state as plain JSON-ready data (what :meth:`PlayQueue.restore` takes)."""
        return {
            "entries": [
                [i, self.entries[i].track_id, self.entries[i].album] for i in self.list_order
            ],
            "order": self.play_order,
            "cursor": self.cursor,
            "current": self.current,
            "next_id": self.next_id,
            "history": self.history,
            "shuffle": self.shuffle.value,
            "repeat": self.repeat.value,
        }
