"""Picks resolved against the local library: owned (tracks to play), partly owned, or not.

MusicBrainz ids decide whenever both sides have them (the same name on two artists, or two
editions of an album, stay apart); otherwise artist, album and title are compared by their
normalized keys (``core.text_keys``: case, accents, "The", "feat." credits, punctuation). A
title alone never matches: the artist must agree too.

:class:`LibraryIndex` holds only the tracks that could answer the picks at hand (a
:class:`MatchScope`: their artists and MusicBrainz ids), found by SQLite, so building it does
not walk a 100k-track library in Python while the GUI thread waits for the GIL (bench/ui.py).
A pick outside the scope (it arrived after the build) asks for a rebuild. Matching a pick is a
few dictionary look-ups.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rvibe_player.core.text_keys import album_key, artist_key, title_key
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.store_client.model import Ownership, PickItem, PickMatch

_COLUMNS = (
    "id, title, artist, albumartist, album, mb_trackid, mb_albumid, mb_artistid, mb_albumartistid"
)


@dataclass(frozen=True, slots=True)
class IndexedTrack:
    """What matching needs of one library track."""

    id: int
    title: str
    """Normalized title."""
    mb_trackid: str
    mb_albumid: str
    mb_artistids: frozenset[str]


def _lower(value: str | None) -> str:
    return (value or "").strip().lower()


@dataclass(frozen=True, slots=True)
class MatchScope:
    """What an index must hold to answer some picks: artist keys and MusicBrainz ids."""

    artists: frozenset[str]
    track_mbids: frozenset[str]
    release_mbids: frozenset[str]

    @classmethod
    def of(cls, items: Iterable[PickItem]) -> MatchScope:
        """The scope that answers every one of ``items``."""
        listed = list(items)
        return cls(
            frozenset(k for k in (artist_key(i.artist) for i in listed) if k),
            frozenset(m for m in (_lower(i.track_mbid) for i in listed) if m),
            frozenset(m for m in (_lower(i.release_mbid) for i in listed) if m),
        )

    def covers(self, item: PickItem) -> bool:
        """True when an index of this scope answers ``item`` as the whole library would."""
        artist = artist_key(item.artist)
        track, release = _lower(item.track_mbid), _lower(item.release_mbid)
        return (
            (not artist or artist in self.artists)
            and (not track or track in self.track_mbids)
            and (not release or release in self.release_mbids)
        )


_SEP = "\x1f"  # joins the parts of an index key (a plain str: the GC never tracks it)


class LibraryIndex:
    """Library tracks by MusicBrainz id and by normalized artist with title or album.

    Built from a 100k-track library on a background thread, so it is kept in objects the
    garbage collector does not track (strings, ints, tuples of those): an index of lists and
    objects made Python's full collections run during the build, each stopping every thread,
    the GUI's included, for 60-140 ms (seen in bench/ui.py).
    """

    def __init__(self, rows: Iterable[Sequence[Any]], scope: MatchScope | None = None) -> None:
        self.scope = scope
        """What this index answers; None: the whole library."""
        self._tracks: dict[int, tuple[str, str, str, tuple[str, ...]]] = {}
        self._keys: dict[str, int | tuple[int, ...]] = {}
        for n, row in enumerate(rows, 1):
            self._add(*row)
            if not n % 64:  # let the GUI thread in: it waits for the GIL otherwise
                time.sleep(0.001)

    @classmethod
    def build(cls, db: LibraryDatabase, scope: MatchScope | None = None) -> LibraryIndex:
        """Index the tracks still in the library (offline disks included), in album order.

        With a ``scope``, only the tracks by its artists (as track or album artist) or with
        its MusicBrainz ids: the artist names in the library are keyed once each, and SQLite
        picks the rows, so a 100k-track library costs milliseconds, not a Python pass.
        """
        order = "ORDER BY discnumber, tracknumber, id"
        if scope is None:
            sql = f"SELECT {_COLUMNS} FROM tracks WHERE status != 'removed' {order}"
            return cls(db.conn.execute(sql))
        wanted: list[str] = []
        if scope.artists:  # every distinct name keyed once (and cached: rebuilds are cheap)
            names = db.conn.execute(
                "SELECT artist FROM tracks WHERE status != 'removed' "
                "UNION SELECT albumartist FROM tracks WHERE status != 'removed'"
            )
            for n, (name,) in enumerate(names, 1):
                if name and artist_key(name) in scope.artists:
                    wanted.append(name)
                if not n % 256:  # let the GUI thread in, as above
                    time.sleep(0.001)
        listed = "IN (SELECT value FROM json_each(?{}))"
        rows = db.conn.execute(
            f"SELECT {_COLUMNS} FROM tracks WHERE status != 'removed' AND ("
            f"artist {listed.format(1)} OR albumartist {listed.format(1)} "
            f"OR (mb_trackid != '' AND lower(mb_trackid) {listed.format(2)}) "
            f"OR (mb_albumid != '' AND lower(mb_albumid) {listed.format(3)})) {order}",
            (
                json.dumps(wanted),
                json.dumps(sorted(scope.track_mbids)),
                json.dumps(sorted(scope.release_mbids)),
            ),
        )
        return cls(rows, scope)

    def covers(self, item: PickItem) -> bool:
        """True when this index answers ``item`` as an index of the whole library would."""
        return self.scope is None or self.scope.covers(item)

    def _put(self, key: str, track_id: int) -> None:
        held = self._keys.get(key)
        if held is None:
            self._keys[key] = track_id
        elif isinstance(held, int):
            self._keys[key] = (held, track_id)
        else:
            self._keys[key] = (*held, track_id)

    def _add(
        self,
        track_id: int,
        title: str,
        artist: str,
        albumartist: str,
        album: str,
        mb_trackid: str,
        mb_albumid: str,
        mb_artistid: str,
        mb_albumartistid: str,
    ) -> None:
        mb_track, mb_album = _lower(mb_trackid), _lower(mb_albumid)
        artist_ids: tuple[str, ...] = ()
        if mb_artistid or mb_albumartistid:
            # Picard writes several artist ids separated by "/" or ";" for joint credits.
            joined = f"{mb_artistid}/{mb_albumartistid}".lower().replace(";", "/")
            artist_ids = tuple(sorted({p.strip() for p in joined.split("/") if p.strip()}))
        title_k = title_key(title)
        self._tracks[track_id] = (title_k, mb_track, mb_album, artist_ids)
        if mb_track:
            self._put(f"t{_SEP}{mb_track}", track_id)
        if mb_album:
            self._put(f"r{_SEP}{mb_album}", track_id)
        album_k = album_key(album) if album else ""
        for credit in {artist_key(a) for a in (artist, albumartist) if a}:
            if not credit:
                continue
            if title_k:
                self._put(f"at{_SEP}{credit}{_SEP}{title_k}", track_id)
            if album_k:
                self._put(f"ar{_SEP}{credit}{_SEP}{album_k}", track_id)

    def _find(self, key: str) -> list[IndexedTrack]:
        held = self._keys.get(key, ())
        ids = (held,) if isinstance(held, int) else held
        return [self.track(i) for i in dict.fromkeys(ids)]

    def track(self, track_id: int) -> IndexedTrack:
        """What matching needs of one indexed track."""
        title, mb_track, mb_album, artist_ids = self._tracks[track_id]
        return IndexedTrack(track_id, title, mb_track, mb_album, frozenset(artist_ids))

    def by_mb_track(self, mbid: str) -> list[IndexedTrack]:
        """Tracks with this MusicBrainz recording id (lower case)."""
        return self._find(f"t{_SEP}{mbid}")

    def by_mb_album(self, mbid: str) -> list[IndexedTrack]:
        """Tracks of the release with this MusicBrainz id (lower case)."""
        return self._find(f"r{_SEP}{mbid}")

    def by_artist_title(self, artist: str, title: str) -> list[IndexedTrack]:
        """Tracks by normalized artist and title keys."""
        return self._find(f"at{_SEP}{artist}{_SEP}{title}")

    def by_artist_album(self, artist: str, album: str) -> list[IndexedTrack]:
        """Tracks by normalized artist and album keys."""
        return self._find(f"ar{_SEP}{artist}{_SEP}{album}")

    def __len__(self) -> int:
        return len(self._tracks)


def _same_artist(track: IndexedTrack, item: PickItem) -> bool:
    """False only when both sides carry artist ids and none agree."""
    wanted = _lower(item.artist_mbid)
    return not (wanted and track.mb_artistids) or wanted in track.mb_artistids


def _same_recording(track: IndexedTrack, mbid: str, title: str) -> bool:
    """The same track: by MusicBrainz id when both have one, else by normalized title."""
    wanted = _lower(mbid)
    if wanted and track.mb_trackid:
        return wanted == track.mb_trackid
    return bool(title) and track.title == title_key(title)


class PickMatcher:
    """Answers "do I own this?" for picks, against one :class:`LibraryIndex`."""

    def __init__(self, index: LibraryIndex) -> None:
        self.index = index

    def match(
        self, item: PickItem, release_tracks: list[dict[str, Any]] | None = None
    ) -> PickMatch:
        """Resolve a pick; ``release_tracks`` (the catalog's track list) tells partly-owned."""
        if item.type == "track":
            return self._match_track(item)
        return self._match_release(item, release_tracks)

    def _match_track(self, item: PickItem) -> PickMatch:
        mbid = _lower(item.track_mbid)
        by_id = self.index.by_mb_track(mbid) if mbid else []
        if by_id:
            return PickMatch(Ownership.OWNED, tuple(t.id for t in by_id), "musicbrainz", 1, 1)
        found = [
            t
            for t in self.index.by_artist_title(
                artist_key(item.artist), title_key(item.track_title)
            )
            if _same_artist(t, item) and _same_recording(t, item.track_mbid, item.track_title)
        ]
        if not found:
            return PickMatch(Ownership.NOT_OWNED, total=1)
        return PickMatch(Ownership.OWNED, tuple(t.id for t in found), "text", 1, 1)

    def _match_release(
        self, item: PickItem, release_tracks: list[dict[str, Any]] | None
    ) -> PickMatch:
        mbid = _lower(item.release_mbid)
        candidates = self.index.by_mb_album(mbid) if mbid else []
        how = "musicbrainz"
        if not candidates:
            how = "text"
            key = (artist_key(item.artist), album_key(item.release_title))
            candidates = [
                t
                for t in self.index.by_artist_album(*key)
                if _same_artist(t, item) and not (mbid and t.mb_albumid and t.mb_albumid != mbid)
            ]
        if not candidates:
            total = len(release_tracks) if release_tracks is not None else None
            return PickMatch(Ownership.NOT_OWNED, total=total)
        if release_tracks is None:
            ids = tuple(t.id for t in candidates)
            return PickMatch(Ownership.OWNED, ids, how, len(ids), None)
        ordered: list[int] = []
        for wanted in release_tracks:
            title, track_mbid = str(wanted.get("title") or ""), str(wanted.get("mbid") or "")
            hit = next((t for t in candidates if _same_recording(t, track_mbid, title)), None)
            if hit is not None:
                ordered.append(hit.id)
        total = len(release_tracks)
        if not ordered:
            # The album is there under this name, but none of its titles: count it as partly.
            ids = tuple(t.id for t in candidates)
            return PickMatch(Ownership.PARTLY_OWNED, ids, how, 0, total)
        ownership = Ownership.OWNED if len(ordered) >= total else Ownership.PARTLY_OWNED
        return PickMatch(ownership, tuple(ordered), how, len(ordered), total)
