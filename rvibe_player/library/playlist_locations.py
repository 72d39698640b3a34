"""Where a playlist entry points: paths, file:// URLs, Windows paths and web addresses.

Paths are ``str`` as the OS gives them (non-UTF-8 names on Linux hold surrogate escapes).
A Windows path read on Linux or macOS (``C:\\Music\\a.mp3``, ``\\\\nas\\share\\a.mp3``) cannot
name a local file; it is kept in its Windows form so the library can still match it by its
last folders and file name.
"""

from __future__ import annotations

import logging
import ntpath
import os
import re
from urllib.parse import quote_from_bytes, unquote_to_bytes

log = logging.getLogger(__name__)

_REMOTE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")
_FILE_URL = re.compile(r"^file:", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:(?:[\\/]|$)")
_URL_DRIVE = re.compile(rb"^/?([A-Za-z])[:|](?=/|$)")
_URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
_UNFIT_FOR_LINE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_SPLIT = re.compile(r"[\\/]+")


def _native_windows() -> bool:
    return os.name == "nt"


def is_remote(location: str) -> bool:
    """Whether a location is a web (or other network) address rather than a file."""
    match = _REMOTE.match(location.strip())
    return match is not None and match.group(1).lower() != "file"


def is_windows_path(path: str) -> bool:
    """Whether ``path`` is written the Windows way: a drive (``C:\\``) or a UNC share."""
    return bool(_DRIVE.match(path)) or path.startswith("\\\\")


def is_foreign(path: str) -> bool:
    """Whether ``path`` is a Windows path seen on another OS: it names no local file."""
    return not _native_windows() and is_windows_path(path)


def normalize(path: str) -> str:
    """Collapse ``.``, ``..`` and doubled separators, in the path's own flavour."""
    return ntpath.normpath(path) if is_windows_path(path) else os.path.normpath(path)


def _decode(raw: bytes) -> str:
    """Percent-decoded URL bytes as a path string (exact bytes kept on POSIX)."""
    if _native_windows():
        return raw.decode("utf-8", "replace")
    return os.fsdecode(raw)


def _encode(text: str) -> bytes:
    """The bytes a path string stands for, to percent-encode (the inverse of _decode)."""
    if _native_windows():
        return text.encode("utf-8", "surrogatepass")
    return os.fsencode(text)


def _windows_from_url(raw: bytes) -> str:
    """``C:/Music/a.mp3`` (bytes from a URL) as a normalized Windows path."""
    text = _decode(raw)
    return ntpath.normpath(text[0] + ":" + text[2:])


def _file_url_path(url: str, base_dir: str | None) -> str | None:
    rest = url[len("file:") :]
    if rest.startswith("//"):
        authority, slash, tail = rest[2:].partition("/")
        raw_tail = unquote_to_bytes(slash + tail)
        if authority.lower() not in ("", "localhost"):
            if re.fullmatch(r"[A-Za-z][:|]", authority):  # file://C:/Music/a.mp3
                return _windows_from_url(authority[0].encode() + b":" + raw_tail)
            share = _decode(unquote_to_bytes(authority) + raw_tail).replace("/", "\\")
            return ntpath.normpath("\\\\" + share)
        raw = raw_tail
    else:
        raw = unquote_to_bytes(rest)
    drive = _URL_DRIVE.match(raw)
    if drive:
        return _windows_from_url(raw[drive.start(1) :])
    return _local_path(_decode(raw), base_dir)


def _local_path(text: str, base_dir: str | None) -> str | None:
    if is_windows_path(text):
        return ntpath.normpath(text)
    if os.path.isabs(text):
        return os.path.normpath(text)
    if base_dir is None:
        return None
    if not _native_windows() and "\\" in text:
        literal = os.path.join(base_dir, text)
        if not os.path.lexists(literal):  # a Windows-style relative path such as ..\a.mp3
            text = text.replace("\\", "/")
    return os.path.normpath(os.path.join(base_dir, text))


def resolve_location(
    location: str, base_dir: str | None, *, uri_reference: bool = False
) -> str | None:
    """The absolute path a playlist location names, or None (a web address, or unusable).

    Args:
        location: the text of the entry as the playlist file has it.
        base_dir: the playlist's folder, for relative locations (None: relative is unusable).
        uri_reference: the format holds URIs (XSPF), so a location without a scheme is a
            percent-encoded relative or absolute reference; text that is not valid URI syntax
            (spaces, backslashes, non-ASCII) is taken as a plain path, as lenient players do.
    """
    text = location.strip()
    if not text or is_remote(text):
        return None
    if _FILE_URL.match(text):
        return _file_url_path(text, base_dir)
    if uri_reference and not is_windows_path(text) and _URI_REFERENCE.match(text):
        text = _decode(unquote_to_bytes(text))
    return _local_path(text, base_dir)


def path_to_uri(path: str) -> str:
    """A ``file://`` URL for an absolute path, percent-encoding its exact bytes."""
    if is_windows_path(path):
        slashed = normalize(path).replace("\\", "/")
        if slashed.startswith("//"):
            return "file:" + quote_from_bytes(_encode(slashed), safe="/")
        return "file:///" + slashed[:2] + quote_from_bytes(_encode(slashed[2:]), safe="/")
    if _native_windows():  # a rooted path without a drive, such as \Music\a.mp3
        path = path.replace("\\", "/")
    return "file://" + quote_from_bytes(_encode(path), safe="/")


def relative_to(path: str, base_dir: str) -> str | None:
    """``path`` relative to ``base_dir`` when it lies inside that folder tree, else None."""
    if is_foreign(path):
        return None
    try:
        if os.path.commonpath([path, base_dir]) != os.path.normpath(base_dir):
            return None
        return os.path.relpath(path, base_dir)
    except ValueError:  # different drives on Windows
        return None


def line_location(path: str, base_dir: str | None) -> str:
    """How a line-based playlist (M3U, PLS) writes ``path``, so reading gives it back.

    Relative when inside ``base_dir``'s tree, else absolute; a path that a text line cannot
    hold faithfully (line breaks, surrogate-escaped bytes, edge spaces) becomes a file URL.
    """
    path = normalize(path)
    candidates: list[str] = []
    rel = relative_to(path, base_dir) if base_dir is not None else None
    if rel is not None:
        candidates.append("./" + rel if rel.startswith("#") else rel)
    candidates.append(path)
    for text in candidates:
        fits = text == text.strip() and not _UNFIT_FOR_LINE.search(text)
        if fits and resolve_location(text, base_dir) == path:
            return text
    return path_to_uri(path)


def uri_location(path: str, base_dir: str | None) -> str:
    """How a URI-based playlist (XSPF) writes ``path``: a relative reference or a file URL."""
    path = normalize(path)
    rel = relative_to(path, base_dir) if base_dir is not None else None
    if rel is not None:
        if _native_windows():
            rel = rel.replace("\\", "/")
        return quote_from_bytes(_encode(rel), safe="/")
    return path_to_uri(path)


def stored_location(path: str) -> str:
    """``path`` as text fit for the database's location column (read back by resolve)."""
    return line_location(path, None)


def path_parts(path: str) -> list[str]:
    """The folder and file names of a path, without drive, share root or empty parts."""
    if is_windows_path(path) or _native_windows():
        parts = _SPLIT.split(path)
        if parts and re.fullmatch(r"[A-Za-z]:", parts[0]):
            parts = parts[1:]
    else:
        parts = path.split("/")
    return [p for p in parts if p and p != "."]
