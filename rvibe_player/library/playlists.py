"""Playlist files: reading and writing M3U, M3U8, PLS and XSPF, with no database involved.

Reading is lenient: an entry that makes no sense is kept with what could be read (its
location text, title, duration) and never aborts the read; only a file that is not a playlist
at all raises :class:`PlaylistFormatError`. Writing is strict: every format is written so
that reading it back gives the same paths, titles and (whole-second) durations.
"""

from __future__ import annotations

import logging
import math
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, playlist_error
from rvibe_player.library.playlist_locations import (
    is_remote,
    line_location,
    resolve_location,
    uri_location,
)
from rvibe_player.library.xspf import XspfTrack, parse_xspf, write_xspf

log = logging.getLogger(__name__)

MAX_PLAYLIST_BYTES = 64 * 1024 * 1024
"""Larger files are refused: a playlist of 100,000 entries is a few megabytes."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PLS_KEY = re.compile(r"(file|title|length)(\d+)")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "surrogateescape"),
    (b"\xff\xfe", "utf-16-le", "replace"),
    (b"\xfe\xff", "utf-16-be", "replace"),
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


class PlaylistFormat(StrEnum):
    """The playlist file formats, named by their usual file extension."""

    M3U = "m3u"
    M3U8 = "m3u8"
    PLS = "pls"
    XSPF = "xspf"

    @classmethod
    def for_path(cls, path: str | os.PathLike[str]) -> PlaylistFormat | None:
        """The format a file name's extension says, or None for another extension."""
        suffix = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
        try:
            return cls(suffix)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class PlaylistEntry:
    """One entry of a playlist file.

    ``location`` is the text the file has (or will have); ``path`` the absolute path it names,
    which for a Windows path read elsewhere is kept in Windows form. ``path`` is None for a
    web address or a location that names no file.
    """

    location: str
    path: str | None = None
    title: str = ""
    duration: float | None = None
    artist: str = ""
    album: str = ""

    @classmethod
    def for_file(
        cls,
        path: str,
        title: str = "",
        duration: float | None = None,
        artist: str = "",
        album: str = "",
    ) -> PlaylistEntry:
        """An entry naming a file, for writing."""
        return cls(path, path, title, duration, artist, album)

    @property
    def remote(self) -> bool:
        """Whether the entry is a web address (a stream or a remote file)."""
        return self.path is None and is_remote(self.location)


@dataclass(slots=True)
class Playlist:
    """What a playlist file holds."""

    format: PlaylistFormat
    title: str = ""
    entries: list[PlaylistEntry] = field(default_factory=list)


# -- text ---------------------------------------------------------------------------------------


def _decode_text(data: bytes, *, utf8_only: bool) -> str:
    """The text of a line-based playlist, whatever encoding it came in.

    A byte-order mark wins (UTF-8 or UTF-16). M3U8 is UTF-8 by definition; undecodable bytes
    (a non-UTF-8 file name written raw on Linux) stay as surrogate escapes, so such a path
    still names its file. Other files are UTF-8 when they decode as such, else the legacy
    Windows-1252 (Latin-1 for the few bytes it leaves undefined).
    """
    for bom, codec, errors in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if utf8_only or _mostly_utf8(data):
        return data.decode("utf-8", "surrogateescape")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_utf8(data: bytes) -> bool:
    """Whether some non-ASCII line is valid UTF-8: then stray bytes are raw file names, not
    a legacy encoding (legacy text almost never happens to form UTF-8 sequences)."""
    for line in data.splitlines():
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _encode_m3u(text: str) -> bytes:
    """An M3U's bytes: Windows-1252 when everything fits, else UTF-8."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def readable(text: str) -> str:
    """Text for people and the database: bytes kept as surrogate escapes become U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def _one_line(text: str) -> str:
    """Text fit for one line of a playlist: control characters become spaces, no edge spaces."""
    return _CONTROL.sub(" ", readable(text)).strip()


# -- reading ------------------------------------------------------------------------------------


def read_playlist(path: str | os.PathLike[str], fmt: PlaylistFormat | None = None) -> Playlist:
    """Read a playlist file; relative locations are taken from the file's folder.

    Args:
        path: the playlist file.
        fmt: its format; by default from the extension, else guessed from the content.

    Raises:
        PlaylistFormatError: the file cannot be opened or is not a playlist at all.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as stream:
            data = stream.read(MAX_PLAYLIST_BYTES + 1)
    except OSError as exc:
        raise playlist_error(
            QT_TRANSLATE_NOOP("PlaylistError", "Could not open the playlist '%1': %2."),
            readable(name),
            exc.strerror or str(exc),
        ) from exc
    if len(data) > MAX_PLAYLIST_BYTES:
        raise playlist_error(
            QT_TRANSLATE_NOOP(
                "PlaylistError", "'%1' is larger than %2 MB, too large for a playlist."
            ),
            readable(name),
            str(MAX_PLAYLIST_BYTES // 2**20),
        )
    base_dir = os.path.dirname(os.path.abspath(name))
    return parse_playlist(data, fmt or PlaylistFormat.for_path(name) or _sniff(data), base_dir)


def _sniff(data: bytes) -> PlaylistFormat:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        return PlaylistFormat.XSPF
    if head.startswith(b"[playlist]"):
        return PlaylistFormat.PLS
    if head.startswith(b"#extm3u"):
        return PlaylistFormat.M3U
    raise playlist_error(
        QT_TRANSLATE_NOOP(
            "PlaylistError",
            "This file is not a playlist rVibe Player knows (M3U, M3U8, PLS or XSPF).",
        )
    )


def parse_playlist(data: bytes, fmt: PlaylistFormat, base_dir: str) -> Playlist:
    """Parse the bytes of a playlist file.

    Raises:
        PlaylistFormatError: the data is not a playlist of that format at all.
    """
    if fmt is PlaylistFormat.XSPF:
        title, tracks = parse_xspf(data)
        entries = [
            PlaylistEntry(
                t.location,
                resolve_location(t.location, base_dir, uri_reference=True),
                t.title,
                t.duration,
                t.creator,
                t.album,
            )
            for t in tracks
        ]
        return Playlist(fmt, title, entries)
    text = _decode_text(data, utf8_only=fmt is PlaylistFormat.M3U8)
    if "\x00" in text:
        raise playlist_error(
            QT_TRANSLATE_NOOP("PlaylistError", "This file holds binary data, not a text playlist.")
        )
    lines = [line.strip() for line in _LINE_BREAK.split(text)]
    if fmt is PlaylistFormat.PLS:
        return _parse_pls(lines, base_dir)
    return _parse_m3u(lines, base_dir, fmt)


def _number(text: str) -> float | None:
    """A duration in seconds from text; None when absent, negative or not a number."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value >= 0 and math.isfinite(value) else None


def _parse_m3u(lines: Iterable[str], base_dir: str, fmt: PlaylistFormat) -> Playlist:
    playlist = Playlist(fmt)
    title, duration = "", None
    for line in lines:
        if not line:
            continue
        if line.startswith("#"):
            upper = line.upper()
            if upper.startswith("#EXTINF:"):
                info, _, title = line[len("#EXTINF:") :].partition(",")
                title = readable(title.strip())
                parts = info.split()
                duration = _number(parts[0]) if parts else None
            elif upper.startswith("#PLAYLIST:"):
                playlist.title = readable(line[len("#PLAYLIST:") :].strip())
            continue
        path = resolve_location(line, base_dir)
        playlist.entries.append(PlaylistEntry(line, path, title, duration))
        title, duration = "", None
    return playlist


def _parse_pls(lines: Iterable[str], base_dir: str) -> Playlist:
    fields: dict[int, dict[str, str]] = {}
    has_header = False
    for line in lines:
        if line.lower() == "[playlist]":
            has_header = True
            continue
        key, sep, value = line.partition("=")
        match = _PLS_KEY.fullmatch(key.strip().lower())
        if sep and match:
            fields.setdefault(int(match.group(2)), {})[match.group(1)] = value.strip()
    if not has_header and not fields:
        raise playlist_error(
            QT_TRANSLATE_NOOP(
                "PlaylistError", "This PLS playlist has no [playlist] section and no File entries."
            )
        )
    playlist = Playlist(PlaylistFormat.PLS)
    for number in sorted(fields):
        entry = fields[number]
        location = entry.get("file", "")
        if not location:
            log.info("PLS entry %d has a title or length but no file; left out", number)
            continue
        path = resolve_location(location, base_dir)
        duration = _number(entry.get("length", ""))
        title = readable(entry.get("title", ""))
        playlist.entries.append(PlaylistEntry(location, path, title, duration))
    return playlist


# -- writing ------------------------------------------------------------------------------------


def _where(entry: PlaylistEntry, base_dir: str | None) -> str:
    """The location to write for an entry in a line-based format ('' when it has none)."""
    if entry.path is not None:
        return line_location(entry.path, base_dir)
    return _one_line(entry.location)


def _label(entry: PlaylistEntry) -> str:
    """The one-line title of M3U and PLS: ``Artist - Title`` when both are known."""
    title = _one_line(entry.title)
    artist = _one_line(entry.artist)
    return f"{artist} - {title}" if artist and title else title


def _seconds(duration: float | None) -> int:
    return -1 if duration is None else round(duration)


def format_playlist(
    entries: Sequence[PlaylistEntry], fmt: PlaylistFormat, base_dir: str | None, title: str = ""
) -> bytes:
    """The bytes of a playlist file placed in ``base_dir`` (None: absolute paths only).

    M3U8 and PLS are UTF-8; M3U is Windows-1252 (what older players expect) when all of it
    fits, else UTF-8 (which current players detect); XSPF is UTF-8 XML with URL locations.
    """
    if fmt is PlaylistFormat.XSPF:
        tracks = [
            XspfTrack(
                uri_location(e.path, base_dir) if e.path is not None else _one_line(e.location),
                e.title,
                e.artist,
                e.album,
                e.duration,
            )
            for e in entries
        ]
        return write_xspf(tracks, title)
    written = [(e, _where(e, base_dir)) for e in entries]
    skipped = sum(1 for _, where in written if not where)
    if skipped:
        log.warning("%d playlist entries have no location and are left out of the file", skipped)
    written = [(e, where) for e, where in written if where]
    if fmt is PlaylistFormat.PLS:
        lines = ["[playlist]"]
        for number, (entry, where) in enumerate(written, start=1):
            lines.append(f"File{number}={where}")
            if label := _label(entry):
                lines.append(f"Title{number}={label}")
            lines.append(f"Length{number}={_seconds(entry.duration)}")
        lines += [f"NumberOfEntries={len(written)}", "Version=2", ""]
        return "\n".join(lines).encode("utf-8")
    lines = ["#EXTM3U"]
    if title := _one_line(title):
        lines.append(f"#PLAYLIST:{title}")
    for entry, where in written:
        label = _label(entry)
        if label or entry.duration is not None:
            lines.append(f"#EXTINF:{_seconds(entry.duration)},{label}")
        lines.append(where)
    text = "\n".join([*lines, ""])
    return _encode_m3u(text) if fmt is PlaylistFormat.M3U else text.encode("utf-8")


def write_playlist(
    path: str | os.PathLike[str],
    entries: Sequence[PlaylistEntry],
    fmt: PlaylistFormat | None = None,
    title: str = "",
) -> None:
    """Write a playlist file (atomically: a reader never sees half of it).

    Entries under the file's folder are written relative to it, others absolute; an entry
    without a path is written by its location (a web address, or text kept from an import).

    Raises:
        PlaylistFormatError: no format was given and the extension names none.
        OSError: the file could not be written.
    """
    target = Path(os.path.abspath(os.fspath(path)))
    fmt = fmt or PlaylistFormat.for_path(target)
    if fmt is None:
        raise playlist_error(
            QT_TRANSLATE_NOOP(
                "PlaylistError",
                "Cannot tell which playlist format to write for '%1': "
                "name it .m3u, .m3u8, .pls or .xspf.",
            ),
            readable(target.name),
        )
    data = format_playlist(entries, fmt, str(target.parent), title)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    # 0o666 less the umask, like any new file (mkstemp would make it private to its owner)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
