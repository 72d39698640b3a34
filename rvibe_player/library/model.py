"""Plain records the library hands out: tracks, roots, unreadable files and logged plays."""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, fields

from rvibe_player.core.errors import QT_TRANSLATE_NOOP

_FS_ENCODING = sys.getfilesystemencoding()
_FS_ERRORS = sys.getfilesystemencodeerrors()

UNKNOWN_ARTIST = QT_TRANSLATE_NOOP("Library", "Unknown artist")
"""What the library calls a track with no artist tag (the interface translates it:
``ui.shell.core_words.artist_text``)."""


def path_key(path: str) -> bytes:
    """The exact bytes of a path as stored in the database (round-trips non-UTF-8 names)."""
    return path.encode(_FS_ENCODING, _FS_ERRORS)  # os.fsencode without its type checks


def path_from_key(key: bytes) -> str:
    """A path usable with open() from its stored bytes."""
    return os.fsdecode(key)


def display_path(path: str) -> str:
    """A path as text a person can read: undecodable bytes become U+FFFD."""
    if path.isascii():  # nothing to replace (most paths): the same string, not a copy
        return path
    return os.fsencode(path).decode("utf-8", "replace")


@dataclass(slots=True, frozen=True)
class Track:
    """One track of the library with its tags and statistics."""

    id: int
    path: str
    path_text: str
    status: str
    title: str
    artist: str
    album: str
    albumartist: str
    composer: str
    genre: str
    year: int | None
    tracknumber: int | None
    discnumber: int | None
    duration: float
    codec: str
    bitrate: int | None
    samplerate: int | None
    channels: int | None
    has_cover: bool
    mb_trackid: str
    mb_albumid: str
    mb_artistid: str
    rg_track_gain: float | None
    rg_track_peak: float | None
    rg_album_gain: float | None
    rg_album_peak: float | None
    rating: int | None
    play_count: int
    skip_count: int
    last_played: float | None
    resume_position: float | None
    added_at: float

    @property
    def display_title(self) -> str:
        """The title, or the file name when the file has no title tag."""
        return self.title or os.path.splitext(self.path_text.rsplit("/", 1)[-1])[0]

    @property
    def display_artist(self) -> str:
        """The artist, else the album artist, else a placeholder."""
        return self.artist or self.albumartist or UNKNOWN_ARTIST

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Track:
        """Build from a ``SELECT`` of :data:`TRACK_COLUMNS`."""
        values = dict(zip(TRACK_COLUMNS, row, strict=True))
        values["path"] = path_from_key(values["path"])
        values["has_cover"] = bool(values["has_cover"])
        return cls(**values)


TRACK_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Track))
TRACK_SELECT = "SELECT " + ", ".join(TRACK_COLUMNS) + " FROM tracks"


@dataclass(slots=True, frozen=True)
class Root:
    """A folder the library scans."""

    id: int
    path: str
    path_text: str
    online: bool
    status_note: str
    last_scan: float | None


@dataclass(slots=True, frozen=True)
class UnreadableEntry:
    """A file the scanner could not index (``kind='error'``) or skipped as not audio."""

    path: str
    path_text: str
    reason: str
    kind: str


@dataclass(slots=True, frozen=True)
class LoggedPlay:
    """One counted play from the play log, with the track's tags as they are now."""

    id: int
    played_at: float
    artist: str
    album: str
    title: str
    genre: str


@dataclass(frozen=True, slots=True)
class Album:
    """One album as the library sees it (grouped by title and album artist)."""

    title: str
    artist: str
    year: int | None
    tracks: int
    cover_track: int
    """A track of the album that carries a cover when one does (else its first track)."""
    cover_path: str
    """That track's file, where the cover is read from."""

    @property
    def key(self) -> str:
        """A stable key for caches (covers) and selections."""
        return f"{self.artist}\x1f{self.title}"


@dataclass(frozen=True, slots=True)
class Artist:
    """One artist with how much of the library is theirs."""

    name: str
    albums: int
    tracks: int
