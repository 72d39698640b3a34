"""Picks resolved against the local library: owned (tracks to play), partly owned, or not.

MusicBrainz ids decide whenever both sides have them (the same name on two artists, or two
editions of an album, stay apart); otherwise artist, album and title are compared by their
normalized keys (``core.text_keys``: case, accents, "The", "feat." credits, punctuation). A
title alone never matches: the artist must agree too.

:class:`LibraryIndex` is built from one query (on a background thread: a 100k-track library
takes a moment); matching a pick against it is a few dictionary look-ups.
"""

from __future__ import annotations

from collections import defaultdict
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


_NO_IDS: frozenset[str] = frozenset()


def _lower(value: str | None) -> str:
    return (value or "").strip().lower()


class LibraryIndex:
    """Library tracks by MusicBrainz id and by normalized artist with title or album."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self.tracks: dict[int, IndexedTrack] = {}
        self.by_mb_track: dict[str, list[int]] = defaultdict(list)
        self.by_mb_album: dict[str, list[int]] = defaultdict(list)
        self.by_artist_title: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_artist_album: dict[tuple[str, str], list[int]] = defaultdict(list)
        for row in rows:
            self._add(*row)

    @classmethod
    def build(cls, db: LibraryDatabase) -> LibraryIndex:
        """Index every track still in the library (offline disks included), in album order."""
        rows = db.conn.execute(
            f"SELECT {_COLUMNS} FROM tracks WHERE status != 'removed' "
            "ORDER BY discnumber, tracknumber, id"
        )
        return cls(rows)

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
        artist_ids = _NO_IDS
        if mb_artistid or mb_albumartistid:
            # Picard writes several artist ids separated by "/" or ";" for joint credits.
            joined = f"{mb_artistid}/{mb_albumartistid}".lower().replace(";", "/")
            artist_ids = frozenset(p.strip() for p in joined.split("/") if p.strip())
        track = IndexedTrack(track_id, title_key(title), mb_track, mb_album, artist_ids)
        self.tracks[track_id] = track
        if mb_track:
            self.by_mb_track[mb_track].append(track_id)
        if mb_album:
            self.by_mb_album[mb_album].append(track_id)
        album_k = album_key(album) if album else ""
        for credit in {artist_key(a) for a in (artist, albumartist) if a}:
            if not credit:
                continue
            if track.title:
                self.by_artist_title[(credit, track.title)].append(track_id)
            if album_k:
                self.by_artist_album[(credit, album_k)].append(track_id)

    def __len__(self) -> int:
        return len(self.tracks)


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

    def _tracks(self, ids: Iterable[int]) -> list[IndexedTrack]:
        return [self.index.tracks[i] for i in dict.fromkeys(ids)]

    def _match_track(self, item: PickItem) -> PickMatch:
        mbid = _lower(item.track_mbid)
        by_id = self._tracks(self.index.by_mb_track.get(mbid, ())) if mbid else []
        if by_id:
            return PickMatch(Ownership.OWNED, tuple(t.id for t in by_id), "musicbrainz", 1, 1)
        key = (artist_key(item.artist), title_key(item.track_title))
        found = [
            t
            for t in self._tracks(self.index.by_artist_title.get(key, ()))
            if _same_artist(t, item) and _same_recording(t, item.track_mbid, item.track_title)
        ]
        if not found:
            return PickMatch(Ownership.NOT_OWNED, total=1)
        return PickMatch(Ownership.OWNED, tuple(t.id for t in found), "text", 1, 1)

    def _match_release(
        self, item: PickItem, release_tracks: list[dict[str, Any]] | None
    ) -> PickMatch:
        mbid = _lower(item.release_mbid)
        candidates = self._tracks(self.index.by_mb_album.get(mbid, ())) if mbid else []
        how = "musicbrainz"
        if not candidates:
            how = "text"
            key = (artist_key(item.artist), album_key(item.release_title))
            candidates = [
                t
                for t in self._tracks(self.index.by_artist_album.get(key, ()))
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
