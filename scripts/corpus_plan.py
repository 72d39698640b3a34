"""Plans a synthetic music library from a seed: artists, albums, every track's tags and path.

Planning is pure (no I/O) and streams: :func:`plan_tracks` yields tracks one by one and keeps
only a few dozen recent artists and the set of album folders in memory. Each album is drawn
whole from the seeded generator before its first track is yielded, and nothing drawn depends
on the number of tracks asked for, so the first N tracks of a seed are the same whatever N:
a 20k corpus is a prefix of the 100k one (its last album may be cut short; its track totals
still say how long the album is).
"""

from __future__ import annotations

import itertools
import random
import re
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from scripts.corpus_words import (
    COMPILATION_ARTIST,
    COMPILATION_MBID,
    CONNECTORS,
    COVER_COLOURS,
    FIRST_NAMES,
    GENRES,
    LAST_NAMES,
    NAMED_ARTISTS,
    ODD_TITLES,
    SMALL_WORDS,
    WORDS,
)

FORMATS: tuple[str, ...] = ("mp3", "flac", "m4a", "ogg", "opus", "wav")
"""Every format the generator writes, by file extension."""

_FORMAT_WEIGHTS = {"mp3": 35, "flac": 25, "m4a": 20, "ogg": 8, "opus": 7, "wav": 5}
_WORD_WEIGHTS = list(itertools.accumulate(1.0 / (rank + 8) ** 0.9 for rank in range(len(WORDS))))
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"{port}{i}" for port in ("COM", "LPT") for i in range(1, 10))]
)
NAME_LIMIT = 80
"""Most characters kept per path component (80 CJK characters are 240 UTF-8 bytes)."""


@dataclass(frozen=True, slots=True)
class TrackSpec:
    """One generated track: where it is, its format, and every tag written into it.

    Empty strings and None mean "not written". ``mb_trackid`` is the MusicBrainz recording id
    (the ``MUSICBRAINZ_TRACKID`` / ID3 ``UFID`` convention), ``mb_releasetrackid`` the track id.
    ReplayGain gains are in dB, rounded to 0.01; peaks are linear, rounded to 1e-6.
    """

    path: str
    format: str
    title: str
    artists: tuple[str, ...]
    album: str
    albumartist: str
    tracknumber: int
    tracktotal: int
    discnumber: int | None
    disctotal: int | None
    date: str
    genres: tuple[str, ...]
    mb_trackid: str = ""
    mb_releasetrackid: str = ""
    mb_albumid: str = ""
    mb_artistid: str = ""
    mb_albumartistid: str = ""
    rg_track_gain: float | None = None
    rg_track_peak: float | None = None
    rg_album_gain: float | None = None
    rg_album_peak: float | None = None
    cover: str = ""
    """Name of the embedded cover's colour (a key of ``COVER_COLOURS``), "" for no cover."""

    @property
    def has_cover(self) -> bool:
        """Whether the file carries an embedded front cover."""
        return bool(self.cover)

    @property
    def year(self) -> int:
        """The year part of ``date``."""
        return int(self.date[:4])

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of every field plus the derived ``has_cover`` and ``year``."""
        data = asdict(self)
        data["artists"] = list(self.artists)
        data["genres"] = list(self.genres)
        data["has_cover"] = self.has_cover
        data["year"] = self.year
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrackSpec:
        """Rebuild from :meth:`to_json` output (derived keys are ignored)."""
        values = {k: v for k, v in data.items() if k not in ("has_cover", "year")}
        values["artists"] = tuple(values["artists"])
        values["genres"] = tuple(values["genres"])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class _Artist:
    name: str
    mbid: str


@dataclass(frozen=True, slots=True)
class _Album:
    """What every track of one album shares."""

    format: str
    artist: _Artist | None  # None on compilations: each track draws its own
    albumartist: _Artist  # name "" when the album artist tag is left out
    title: str
    date: str
    genres: tuple[str, ...]
    discs: list[int]  # tracks per disc
    picard: bool  # tagged with MusicBrainz ids
    mbid: str
    cover: str
    gain: tuple[float, float] | None  # album ReplayGain (gain, peak)
    folder: str  # "Artist/Album", sanitized and unique


def safe_name(text: str, limit: int = NAME_LIMIT) -> str:
    """``text`` as a file or folder name every common file system accepts.

    Characters Windows refuses (``<>:"/\\|?*`` and control characters) become ``_``; leading
    dots (hidden files) and trailing dots and spaces are dropped; reserved device names such as
    ``CON`` get a ``_`` prefix; the result is at most ``limit`` characters and never empty.
    """
    name = _ILLEGAL.sub("_", text)[:limit].strip(" .")
    if not name:
        return "_"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name


def plan_tracks(count: int, seed: int = 1, formats: Sequence[str] = FORMATS) -> Iterator[TrackSpec]:
    """The first ``count`` tracks of the library planned from ``seed`` (prefix-stable)."""
    return itertools.islice(Planner(seed, formats).tracks(), count)


class Planner:
    """Draws albums one after another from one seeded generator."""

    def __init__(self, seed: int, formats: Sequence[str] = FORMATS) -> None:
        unknown = sorted(set(formats) - set(FORMATS))
        if unknown or not formats:
            raise ValueError(f"formats must be some of {', '.join(FORMATS)}; got {unknown}")
        self._rng = random.Random(seed)
        self._formats = tuple(dict.fromkeys(formats))
        self._format_weights = [_FORMAT_WEIGHTS[f] for f in self._formats]
        self._recent: deque[_Artist] = deque(maxlen=48)
        self._named: dict[str, _Artist] = {}
        self._album_folders: dict[str, set[str]] = {}
        self._albums = 0

    def tracks(self) -> Iterator[TrackSpec]:
        """Every track, album after album, without end."""
        while True:
            yield from self._album()

    def _album(self) -> list[TrackSpec]:
        index = self._albums
        self._albums += 1
        # The first album of each format is a small showcase carrying every optional tag (ids,
        # ReplayGain, a cover, discs, a guest artist), so even a tiny corpus exercises each
        # tag mechanism of each format.
        showcase = index < len(self._formats)
        album = self._album_traits(index, showcase)
        return [
            self._track(album, disc, number, showcase and number == 1)
            for disc, size in enumerate(album.discs, 1)
            for number in range(1, size + 1)
        ]

    def _album_traits(self, index: int, showcase: bool) -> _Album:
        rng = self._rng
        if showcase:
            fmt = self._formats[index]
        else:
            fmt = rng.choices(self._formats, weights=self._format_weights)[0]
        compilation = not showcase and rng.random() < 0.08
        artist = None if compilation else self._pick_artist()
        title = self._title(max_words=4, odd_chance=0.03)
        date = self._date(index % 3 if showcase else None)
        two_genres = self._roll(0.15, showcase and index % 2 == 1)
        genres = tuple(rng.sample(GENRES, 2 if two_genres else 1))
        discs = self._disc_sizes() if not showcase else [2, 2] if index % 2 else [3 + index % 3]
        picard = self._roll(0.4, showcase)
        mbid = self._uuid() if picard else ""
        cover = rng.choice(sorted(COVER_COLOURS)) if self._roll(0.3, showcase) else ""
        gain: tuple[float, float] | None = None
        if self._roll(0.35, showcase):
            gain = (round(rng.uniform(-12.0, 3.0), 2), round(rng.uniform(0.5, 1.0), 6))
        if artist is None:
            albumartist = _Artist(COMPILATION_ARTIST, COMPILATION_MBID)
        elif self._roll(0.65, showcase or len(discs) > 1):
            albumartist = artist
        else:
            albumartist = _Artist("", "")
        artist_folder = safe_name(albumartist.name or (artist.name if artist else ""))
        folder = f"{artist_folder}/{self._album_folder(artist_folder, title)}"
        return _Album(
            fmt, artist, albumartist, title, date, genres, discs, picard, mbid, cover, gain, folder
        )

    def _track(self, album: _Album, disc: int, number: int, with_guest: bool) -> TrackSpec:
        rng = self._rng
        performers = self._performers(album.artist, with_guest)
        title = self._title(max_words=5, odd_chance=0.05)
        multi_disc = len(album.discs) > 1
        numbered_disc = multi_disc or album.picard  # Picard writes 1/1 on single discs
        prefix = f"{disc}-{number:02d}" if multi_disc else f"{number:02d}"
        track_gain = track_peak = None
        if album.gain is not None:
            track_gain = round(album.gain[0] + rng.uniform(-2.0, 2.0), 2)
            track_peak = round(album.gain[1] * rng.uniform(0.6, 1.0), 6)
        return TrackSpec(
            path=f"{album.folder}/{prefix} {safe_name(title)}.{album.format}",
            format=album.format,
            title=title,
            artists=tuple(p.name for p in performers),
            album=album.title,
            albumartist=album.albumartist.name,
            tracknumber=number,
            tracktotal=album.discs[disc - 1],
            discnumber=disc if numbered_disc else None,
            disctotal=len(album.discs) if numbered_disc else None,
            date=album.date,
            genres=album.genres,
            mb_trackid=self._uuid() if album.picard else "",
            mb_releasetrackid=self._uuid() if album.picard else "",
            mb_albumid=album.mbid,
            mb_artistid=performers[0].mbid if album.picard else "",
            mb_albumartistid=album.albumartist.mbid if album.picard else "",
            rg_track_gain=track_gain,
            rg_track_peak=track_peak,
            rg_album_gain=album.gain[0] if album.gain else None,
            rg_album_peak=album.gain[1] if album.gain else None,
            cover=album.cover,
        )

    def _pick_artist(self) -> _Artist:
        rng = self._rng
        roll = rng.random()
        if roll < 0.06:
            name = rng.choice(NAMED_ARTISTS)
            if name not in self._named:
                self._named[name] = _Artist(name, self._uuid())
            return self._named[name]
        if roll < 0.5 and self._recent:
            return rng.choice(self._recent)
        artist = _Artist(self._artist_name(), self._uuid())
        self._recent.append(artist)
        return artist

    def _roll(self, chance: float, forced: bool = False) -> bool:
        """True with probability ``chance``, or always (drawing nothing) when ``forced``."""
        return forced or self._rng.random() < chance

    def _performers(self, artist: _Artist | None, with_guest: bool) -> tuple[_Artist, ...]:
        main = artist or self._pick_artist()
        if self._roll(0.1, with_guest):
            guest = self._pick_artist()
            while guest.name == main.name:
                guest = self._pick_artist()
            return main, guest
        return (main,)

    def _artist_name(self) -> str:
        rng = self._rng
        roll = rng.random()
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if roll < 0.3:
            return person
        if roll < 0.5:
            return "The " + " ".join(self._words(2))
        if roll < 0.7:
            return " ".join(self._words(2))
        if roll < 0.8:
            return self._words(1)[0]
        if roll < 0.9:
            return f"{person} & the {self._words(1)[0]}"
        return " of ".join(self._words(2))

    def _title(self, max_words: int, odd_chance: float) -> str:
        rng = self._rng
        if rng.random() < odd_chance:
            first, second = self._words(2)
            return rng.choice(ODD_TITLES).format(w=first, v=second, n=rng.randint(1, 4))
        words = self._words(rng.randint(1, max_words))
        if len(words) >= 3 and rng.random() < 0.4:
            words.insert(rng.randint(1, len(words) - 1), rng.choice(CONNECTORS))
        return " ".join(words)

    def _words(self, count: int) -> list[str]:
        drawn = self._rng.choices(WORDS, cum_weights=_WORD_WEIGHTS, k=count)
        return [w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(drawn)]

    def _date(self, precision: int | None) -> str:
        """A year, year-month or full date (``precision`` 0, 1, 2; None draws one)."""
        rng = self._rng
        year = rng.randint(1955, 2024)
        roll = rng.random() if precision is None else (0.0, 0.6, 0.9)[precision]
        if roll < 0.5:
            return f"{year}"
        month = rng.randint(1, 12)
        if roll < 0.7:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"

    def _disc_sizes(self) -> list[int]:
        rng = self._rng
        roll = rng.random()
        if roll < 0.15:
            return [rng.randint(1, 3)]  # a single
        if roll < 0.35:
            return [rng.randint(4, 6)]  # an EP
        if roll < 0.9:
            return [rng.randint(7, 14)]
        if roll < 0.96:
            return [rng.randint(15, 24)]
        return [rng.randint(6, 14) for _ in range(rng.randint(2, 3))]

    def _album_folder(self, artist_folder: str, album: str) -> str:
        # Case-insensitively unique per artist folder, as on Windows and macOS.
        used = self._album_folders.setdefault(artist_folder.casefold(), set())
        base = name = safe_name(album)
        suffix = 2
        while name.casefold() in used:
            name = f"{base} ({suffix})"
            suffix += 1
        used.add(name.casefold())
        return name

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
