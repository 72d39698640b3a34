"""Finds the library track a playlist file's entry means: by exact path, else by its ending.

A playlist made on another computer names files where they were there
(``C:\\Music\\Artist\\Album\\01 x.mp3``); the same file here lives elsewhere
(``/home/me/Music/Artist/Album/01 x.mp3``). When the exact path is not in the library, the
entry matches the one track whose path ends with the most of the same folder and file names
(compared without case, in one Unicode normal form), provided at least the parent folder and
the file name agree. A tie, or only a file name in common, leaves the entry unresolved.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.model import path_from_key
from rvibe_player.library.playlist_locations import is_foreign, path_parts
from rvibe_player.library.playlists import PlaylistEntry

log = logging.getLogger(__name__)

_Parts = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnresolvedEntry:
    """A playlist file's entry that matched no track: where it pointed, and why."""

    position: int
    location: str
    title: str
    reason: str


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _tail(names: list[str]) -> _Parts:
    """The folded parent folder and file name: what a match must at least agree on."""
    return tuple(_fold(n) for n in names[-2:])


def _reversed_folded(names: list[str]) -> _Parts:
    return tuple(_fold(n) for n in reversed(names))


def _common_tail(a: _Parts, b: _Parts) -> int:
    """How many names at the end of two (reversed) part lists agree."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


class PlaylistMatcher:
    """Matches the entries of one import; remembers the ones it could not match."""

    def __init__(self, db: LibraryDatabase) -> None:
        self.db = db
        self.unresolved: list[UnresolvedEntry] = []
        self.by_suffix = 0
        self._index_cache: (
            tuple[dict[str, list[int]], dict[_Parts, list[tuple[int, str]]]] | None
        ) = None

    def match(self, position: int, entry: PlaylistEntry) -> int | None:
        """The id of the track the entry means, or None (then it is added to ``unresolved``)."""
        reason = self._why_not(entry)
        if reason is None:
            assert entry.path is not None
            if not is_foreign(entry.path):
                track = self.db.track_by_path(entry.path)
                if track is not None:
                    return track.id
            track_id, reason = self._match_tail(entry.path)
            if track_id is not None:
                self.by_suffix += 1
                return track_id
        self.unresolved.append(UnresolvedEntry(position, entry.location, entry.title, reason))
        return None

    @staticmethod
    def _why_not(entry: PlaylistEntry) -> str | None:
        """Why an entry cannot be a library track at all, or None if it may be one."""
        if entry.remote:
            return _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch",
                    "a web address, not a file in your library; it is kept as it is",
                )
            )
        if entry.path is None:
            return _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch", "the playlist gives no usable file location for this entry"
                )
            )
        return None

    def _index(self) -> tuple[dict[str, list[int]], dict[_Parts, list[tuple[int, str]]]]:
        """Present tracks by folded file name, and by folded parent folder and file name.

        Built once per import, and only when some entry's exact path is not in the library.
        """
        if self._index_cache is None:
            by_name: dict[str, list[int]] = defaultdict(list)
            by_tail: dict[_Parts, list[tuple[int, str]]] = defaultdict(list)
            rows = self.db.conn.execute("SELECT id, path FROM tracks WHERE status != 'removed'")
            for track_id, key in rows:
                path = path_from_key(key)
                names = path_parts(path)
                if names:
                    by_name[_fold(names[-1])].append(track_id)
                    by_tail[_tail(names)].append((track_id, path))
            self._index_cache = (by_name, by_tail)
        return self._index_cache

    def _match_tail(self, path: str) -> tuple[int | None, str]:
        """The one track whose path ends like ``path``, or None and the reason."""
        names = path_parts(path)
        if not names:
            return None, _why(QT_TRANSLATE_NOOP("PlaylistMatch", "the location names no file"))
        by_name, by_tail = self._index()
        same_name = by_name.get(_fold(names[-1]), [])
        if not same_name:
            return None, _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch", "no track in your library has this path or this file name"
                )
            )
        if len(names) == 1:
            if len(same_name) == 1:
                return same_name[0], ""
            return None, _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch",
                    "%1 tracks in your library are named “%2”; it is left for you to choose",
                ),
                str(len(same_name)),
                names[-1],
            )
        group = by_tail.get(_tail(names), [])
        if not group:
            return None, _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch",
                    "tracks named “%1” are in your library, but in other folders; "
                    "it is left for you to choose",
                ),
                names[-1],
            )
        wanted = _reversed_folded(names)
        scored = [
            (_common_tail(wanted, _reversed_folded(path_parts(p))), track_id)
            for track_id, p in group
        ]
        best = max(score for score, _ in scored)
        winners = [track_id for score, track_id in scored if score == best]
        ending = "/".join(names[-best:])
        if len(winners) > 1:
            return None, _why(
                QT_TRANSLATE_NOOP(
                    "PlaylistMatch",
                    "%1 tracks in your library end with “%2”; it is left for you to choose",
                ),
                str(len(winners)),
                ending,
            )
        log.debug("matched %r by its ending %r", path, ending)
        return winners[0], ""


def _why(template: str, *words: str) -> Words:
    """Why an entry matched no track, in the user's language when shown (``core_words``)."""
    return Words("PlaylistMatch", template, *words)
