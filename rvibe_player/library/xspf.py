"""XSPF (XML Shareable Playlist Format): parsing with defusedxml, and writing.

Untrusted files are only ever parsed by defusedxml, which refuses entity expansion (the
"billion laughs" bomb) and external references. Reading tolerates what real players write:
no namespace, locations that are plain paths instead of URLs, durations with decimals.
"""

from __future__ import annotations

import io
import logging
import re
import xml.etree.ElementTree as ET  # builds and serializes only; parsing is defusedxml's
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, playlist_error

log = logging.getLogger(__name__)

NAMESPACE = "http://xspf.org/ns/0/"
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class XspfTrack:
    """One ``<track>`` as written in the file: its location is a URL or URI reference."""

    location: str
    title: str = ""
    creator: str = ""
    album: str = ""
    duration: float | None = None  # seconds


def _local(tag: Any) -> str:
    """An element's name without its namespace (comments and the like give '')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> Iterator[Any]:
    return (child for child in element if _local(child.tag) == name)


def _text(element: Any, name: str) -> str:
    for child in _children(element, name):
        text = "".join(child.itertext()).strip()
        if text:
            return text
    return ""


def _duration(text: str) -> float | None:
    try:
        milliseconds = float(text)
    except ValueError:
        return None
    return milliseconds / 1000 if 0 <= milliseconds < float("inf") else None


def parse_xspf(data: bytes) -> tuple[str, list[XspfTrack]]:
    """The title and tracks of an XSPF file.

    Raises:
        PlaylistFormatError: the XML is malformed, dangerous (entity expansion, external
            references) or not an XSPF playlist.
    """
    try:
        root = SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise playlist_error(
            QT_TRANSLATE_NOOP(
                "PlaylistError",
                "This XSPF playlist uses XML features refused for safety "
                "(entities or external references): %1.",
            ),
            type(exc).__name__,
        ) from exc
    except SafeET.ParseError as exc:
        raise playlist_error(
            QT_TRANSLATE_NOOP("PlaylistError", "This XSPF playlist is not valid XML: %1."), str(exc)
        ) from exc
    if _local(root.tag) != "playlist":
        raise playlist_error(
            QT_TRANSLATE_NOOP(
                "PlaylistError", "This XML file is not an XSPF playlist (it starts with <%1>)."
            ),
            _local(root.tag),
        )
    tracks: list[XspfTrack] = []
    track_lists = list(_children(root, "trackList")) or [root]
    for track_list in track_lists:
        for track in _children(track_list, "track"):
            location = _text(track, "location")
            if not location:
                log.info("XSPF track without a location (%r)", _text(track, "title"))
            tracks.append(
                XspfTrack(
                    location,
                    _text(track, "title"),
                    _text(track, "creator"),
                    _text(track, "album"),
                    _duration(_text(track, "duration")),
                )
            )
    return _text(root, "title"), tracks


def _xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: control characters and lone surrogates removed."""
    return _NOT_XML.sub("", text).strip()


def write_xspf(tracks: Sequence[XspfTrack], title: str = "") -> bytes:
    """An XSPF document (UTF-8) for the tracks; empty fields are left out."""
    root = ET.Element("playlist", {"version": "1", "xmlns": NAMESPACE})
    if title := _xml_text(title):
        ET.SubElement(root, "title").text = title
    track_list = ET.SubElement(root, "trackList")
    for track in tracks:
        element = ET.SubElement(track_list, "track")
        fields = (
            ("location", _xml_text(track.location)),
            ("title", _xml_text(track.title)),
            ("creator", _xml_text(track.creator)),
            ("album", _xml_text(track.album)),
        )
        for name, value in fields:
            if value:
                ET.SubElement(element, name).text = value
        if track.duration is not None and track.duration >= 0:
            ET.SubElement(element, "duration").text = str(round(track.duration * 1000))
    ET.indent(root)
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    buffer.write(b"\n")
    return buffer.getvalue()
