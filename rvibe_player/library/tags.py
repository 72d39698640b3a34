"""Tag and stream reading for every format mutagen knows; the only module importing mutagen.

``read_tags`` turns a file into a flat :class:`TrackTags` (canonical keys, whatever the
container) or raises :class:`UnreadableFileError` with a reason a person can act on.
"""

from __future__ import annotations

import base64
import math
import os
import re
import struct
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import mutagen
from mutagen.aac import AAC
from mutagen.aiff import AIFF
from mutagen.asf import ASF
from mutagen.dsf import DSF
from mutagen.flac import FLAC, Picture
from mutagen.id3 import TCON
from mutagen.monkeysaudio import MonkeysAudio
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.musepack import Musepack
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggtheora import OggTheora
from mutagen.oggvorbis import OggVorbis
from mutagen.trueaudio import TrueAudio
from mutagen.wave import WAVE
from mutagen.wavpack import WavPack

from rvibe_player.library import reasons
from rvibe_player.library.formats import AUDIO_EXTENSIONS
from rvibe_player.library.reasons import reason

MAX_TEXT = 1024
"""Longest text kept per value: a megabyte of lyrics in a title tag must not bloat the library."""
MAX_VALUES = 32
"""Most values kept per multi-valued tag."""


_TEXT_KEYS = ("title", "artist", "album", "albumartist", "composer", "genre", "date")
_ID_KEYS = (
    "musicbrainz_trackid",
    "musicbrainz_releasetrackid",
    "musicbrainz_albumid",
    "musicbrainz_artistid",
    "musicbrainz_albumartistid",
)
_GAIN_KEYS = (
    "replaygain_track_gain",
    "replaygain_track_peak",
    "replaygain_album_gain",
    "replaygain_album_peak",
    "r128_track_gain",
    "r128_album_gain",
)
_CANONICAL = frozenset(
    (*_TEXT_KEYS, *_ID_KEYS, *_GAIN_KEYS, "tracknumber", "tracktotal", "discnumber", "disctotal")
)

# Vorbis comments and APEv2 use (almost) canonical names; these are the usual variants.
_ALIASES = {
    "album artist": "albumartist",
    "album_artist": "albumartist",
    "totaltracks": "tracktotal",
    "totaldiscs": "disctotal",
    "track": "tracknumber",
    "disc": "discnumber",
    "year": "date",
}

_ID3_FRAMES = {
    "TIT2": "title",
    "TPE1": "artist",
    "TALB": "album",
    "TPE2": "albumartist",
    "TCOM": "composer",
    "TDRC": "date",
    "TRCK": "tracknumber",
    "TPOS": "discnumber",
}
_ID3_TXXX = {
    "musicbrainz album id": "musicbrainz_albumid",
    "musicbrainz artist id": "musicbrainz_artistid",
    "musicbrainz album artist id": "musicbrainz_albumartistid",
    "musicbrainz release track id": "musicbrainz_releasetrackid",
    "replaygain_track_gain": "replaygain_track_gain",
    "replaygain_track_peak": "replaygain_track_peak",
    "replaygain_album_gain": "replaygain_album_gain",
    "replaygain_album_peak": "replaygain_album_peak",
}
_MP4_ATOMS = {
    "\xa9nam": "title",
    "\xa9ART": "artist",
    "\xa9alb": "album",
    "aART": "albumartist",
    "\xa9wrt": "composer",
    "\xa9gen": "genre",
    "\xa9day": "date",
}
_MP4_FREEFORM = {
    "musicbrainz track id": "musicbrainz_trackid",
    **_ID3_TXXX,
}
_ASF_ATTRS = {
    "title": "title",
    "author": "artist",
    "wm/albumtitle": "album",
    "wm/albumartist": "albumartist",
    "wm/composer": "composer",
    "wm/genre": "genre",
    "wm/year": "date",
    "wm/tracknumber": "tracknumber",
    "wm/partofset": "discnumber",
    "musicbrainz/track id": "musicbrainz_trackid",
    "musicbrainz/album id": "musicbrainz_albumid",
    "musicbrainz/artist id": "musicbrainz_artistid",
    "musicbrainz/album artist id": "musicbrainz_albumartistid",
    "musicbrainz/release track id": "musicbrainz_releasetrackid",
}
_CODECS = {
    "FLAC": "FLAC",
    "OggFLAC": "FLAC",
    "OggVorbis": "Vorbis",
    "OggOpus": "Opus",
    "OggSpeex": "Speex",
    "OggTheora": "Theora",
    "MonkeysAudio": "APE",
    "WavPack": "WavPack",
    "Musepack": "Musepack",
    "TrueAudio": "TTA",
    "OptimFROG": "OptimFROG",
    "TAK": "TAK",
    "WAVE": "PCM",
    "AIFF": "PCM",
    "DSF": "DSD",
    "DSDIFF": "DSD",
    "SMF": "MIDI",
    "AAC": "AAC",
    "AC3": "AC-3",
    "ASF": "WMA",
}

_OGG = [OggVorbis, OggOpus, OggFLAC, OggSpeex, OggTheora]
_MP3, _WAVE, _AIFF = [MP3], [WAVE], [AIFF]
_ID3_KINDS = (_MP3, _WAVE, _AIFF)
"""The formats whose tags are ID3 (see :func:`_with_id3`)."""
_KINDS_BY_EXTENSION: dict[str, list[Any]] = {
    ".mp3": _MP3, ".mp2": _MP3, ".mp1": _MP3, ".mpga": _MP3,
    ".flac": [FLAC], ".fla": [FLAC],
    ".ogg": _OGG, ".oga": _OGG, ".opus": [OggOpus], ".spx": [OggSpeex],
    ".m4a": [MP4], ".m4b": [MP4], ".m4p": [MP4], ".mp4": [MP4], ".alac": [MP4],
    ".aac": [AAC], ".wma": [ASF], ".asf": [ASF], ".ape": [MonkeysAudio], ".wv": [WavPack],
    ".mpc": [Musepack], ".mp+": [Musepack], ".tta": [TrueAudio], ".dsf": [DSF],
    ".wav": _WAVE, ".wave": _WAVE, ".aif": _AIFF, ".aiff": _AIFF, ".aifc": _AIFF,
}  # fmt: skip

_LEADING_NUMBER = re.compile(r"\s*([+-]?\d+(?:[.,]\d+)?)")
_YEAR = re.compile(r"(\d{4})")
_DIGITS = re.compile(r"\s*(\d{1,6})")


class UnreadableFileError(Exception):
    """A file the tag reader cannot index; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class TrackTags:
    """Everything the library keeps about one file's content."""

    title: str = ""
    artist: str = ""
    album: str = ""
    albumartist: str = ""
    composer: str = ""
    genre: str = ""
    date: str = ""
    year: int | None = None
    tracknumber: int | None = None
    tracktotal: int | None = None
    discnumber: int | None = None
    disctotal: int | None = None
    duration: float = 0.0
    codec: str = ""
    bitrate: int | None = None
    samplerate: int | None = None
    channels: int | None = None
    has_cover: bool = False
    mb_trackid: str = ""
    mb_releasetrackid: str = ""
    mb_albumid: str = ""
    mb_artistid: str = ""
    mb_albumartistid: str = ""
    rg_track_gain: float | None = None
    rg_track_peak: float | None = None
    rg_album_gain: float | None = None
    rg_album_peak: float | None = None
    artists: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)


def read_tags(path: str) -> TrackTags:
    """Read one file's tags and stream information.

    Raises:
        UnreadableFileError: the file is empty, damaged, not audio, or cannot be opened.
    """
    try:
        with open(path, "rb") as handle:
            return read_tags_from(handle, path)
    except PermissionError as exc:
        raise UnreadableFileError(reason(reasons.FILE_PERMISSION)) from exc
    except OSError as exc:
        raise UnreadableFileError(reason(reasons.CANNOT_READ, exc.strerror or str(exc))) from exc


def read_tags_from(handle: BinaryIO, path: str) -> TrackTags:
    """Like :func:`read_tags`, on a file already open for reading (at any position).

    The file's extension picks the tag reader directly, so the format sniffing of
    ``mutagen.File`` only runs when the extension is unknown or lies.
    """
    handle.seek(0, os.SEEK_END)
    if handle.tell() == 0:
        raise UnreadableFileError(reason(reasons.EMPTY_FILE))
    ext = os.path.splitext(path)[1].lower()
    audio = None
    first_error: Exception | None = None
    likely = _KINDS_BY_EXTENSION.get(ext)
    if likely is not None:
        try:
            handle.seek(0)
            if likely in _ID3_KINDS:
                audio = _with_id3(likely[0], handle)
            else:
                audio = mutagen.File(handle, options=likely)
        except Exception as exc:  # damaged, or the extension lied: sniff the format below
            first_error = exc
    if audio is None:
        handle.seek(0)
        audio = _sniff(handle)
    if audio is None:
        if first_error is not None:
            raise UnreadableFileError(reason(reasons.DAMAGED, _describe(first_error)))
        if ext in AUDIO_EXTENSIONS:
            raise UnreadableFileError(reason(reasons.UNSUPPORTED_FORMAT, ext))
        raise UnreadableFileError(
            reason(reasons.NOT_AUDIO_FORMAT, ext or reason(reasons.NO_EXTENSION))
        )
    try:
        return _from_mutagen(audio)
    except Exception as exc:  # a tag mutagen parsed but we cannot interpret
        raise UnreadableFileError(reason(reasons.DAMAGED_TAGS, _describe(exc))) from exc


_ID3_OLD_FRAMES = frozenset(
    {"TYER", "TDAT", "TIME", "TORY", "IPLS", "RVAD", "EQUA", "TRDA", "TSIZ"}
)
"""Frames of ID3 before 2.4 that mutagen's translation turns into 2.4 ones (TYER -> TDRC)."""


def _with_id3(kind: Any, handle: BinaryIO) -> Any:
    """A file with an ID3 tag (MP3, WAVE, AIFF), translated to 2.4 only when it is not 2.4.

    mutagen translates every tag by default, 2.4 ones too (genres rewritten, every frame
    looked through four times): that was a fifth of reading an MP3 (205 against 150 us a
    file) and a tenth of a WAVE. Our reading of 2.4 frames needs none of it; an older tag,
    or a 2.4 one holding older frames (some taggers write TYER), is translated as before."""
    audio: Any = kind(handle, translate=False)
    tags: Any = audio.tags
    if tags is not None and (
        tags.version < (2, 4, 0) or any(key[:4] in _ID3_OLD_FRAMES for key in tags)
    ):
        tags.update_to_v24()
    return audio


def _sniff(handle: BinaryIO) -> Any:
    try:
        return mutagen.File(handle)
    except OSError as exc:
        raise UnreadableFileError(reason(reasons.CANNOT_READ, exc.strerror or str(exc))) from exc
    except MemoryError as exc:
        raise UnreadableFileError(reason(reasons.IMPOSSIBLE_SIZE)) from exc
    except Exception as exc:  # mutagen raises many types on damaged files
        raise UnreadableFileError(reason(reasons.DAMAGED, _describe(exc))) from exc


def _describe(exc: BaseException) -> str:
    """The first line of an exception's message (its type name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def _from_mutagen(audio: Any) -> TrackTags:
    raw: dict[str, list[str]] = {}
    tags = audio.tags
    kind = type(audio).__name__
    has_cover = False
    if tags is not None:
        tag_kind = type(tags).__name__
        if "ID3" in tag_kind:
            has_cover = _collect_id3(tags, raw)
        elif tag_kind == "MP4Tags":
            has_cover = _collect_mp4(tags, raw)
        elif tag_kind == "ASFTags":
            has_cover = _collect_asf(tags, raw)
        elif tag_kind == "APEv2":
            has_cover = _collect_ape(tags, raw)
        else:  # Vorbis comments in every Ogg and FLAC flavour
            has_cover = _collect_vorbis(tags, raw)
    if getattr(audio, "pictures", None):
        has_cover = True
    return _build(raw, audio.info, kind, has_cover)


_SEQUENCES = (list, tuple)
"""A tag's values, several (``list | tuple`` made a new union object at every call)."""


def _add(raw: dict[str, list[str]], key: str, values: Any) -> None:
    key = _ALIASES.get(key, key)
    if key not in _CANONICAL:
        return
    if not isinstance(values, _SEQUENCES):
        values = (values,)
    bucket = raw.get(key)
    if bucket is None:
        bucket = raw[key] = []
    for value in values:
        if len(bucket) >= MAX_VALUES:
            return
        # Most values are short text without NULs: one strip (every file has about a dozen).
        if type(value) is str and len(value) <= MAX_TEXT and "\x00" not in value:
            text = value.strip()
        else:
            text = _clean(value)
        if text:
            bucket.append(text)


def _clean(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).replace("\x00", " ").strip()[:MAX_TEXT]


def _collect_id3(tags: Any, raw: dict[str, list[str]]) -> bool:
    has_cover = False
    for frame in tags.values():
        fid = frame.FrameID
        if fid in _ID3_FRAMES:
            _add(raw, _ID3_FRAMES[fid], frame.text)  # str, or a date that _clean makes one
        elif fid == "TCON":
            _add(raw, "genre", list(frame.genres))
        elif fid == "TXXX":
            key = _ID3_TXXX.get(frame.desc.lower())
            if key:
                _add(raw, key, list(frame.text))
        elif fid == "UFID" and frame.owner == "http://musicbrainz.org":
            _add(raw, "musicbrainz_trackid", frame.data)
        elif fid == "RVA2" and frame.channel == 1:
            scope = "album" if frame.desc.lower() == "album" else "track"
            raw.setdefault(f"replaygain_{scope}_gain", []).append(f"{frame.gain}")
            raw.setdefault(f"replaygain_{scope}_peak", []).append(f"{frame.peak}")
        elif fid == "APIC":
            has_cover = True
    return has_cover


def _collect_mp4(tags: Any, raw: dict[str, list[str]]) -> bool:
    for atom, values in tags.items():
        if atom in _MP4_ATOMS:
            _add(raw, _MP4_ATOMS[atom], list(values))
        elif atom in ("trkn", "disk") and values:
            number, total = values[0]
            name = "track" if atom == "trkn" else "disc"
            _add(raw, f"{name}number", str(number) if number else "")
            _add(raw, f"{name}total", str(total) if total else "")
        elif atom == "gnre" and not tags.get("\xa9gen"):
            _add(raw, "genre", [_id3_genre(v) for v in values])
        elif atom.startswith("----:"):
            key = _MP4_FREEFORM.get(atom.rsplit(":", 1)[-1].lower())
            if key:
                _add(raw, key, [bytes(v) for v in values])
    return bool(tags.get("covr"))


def _id3_genre(number: int) -> str:
    names = TCON(text=[f"({number - 1})"]).genres  # type: ignore[no-untyped-call]
    return names[0] if names else ""


def _collect_asf(tags: Any, raw: dict[str, list[str]]) -> bool:
    has_cover = False
    for name, values in tags.items():
        lower = name.lower()
        if lower == "wm/picture":
            has_cover = True
        key = _ASF_ATTRS.get(lower) or (lower if lower in _GAIN_KEYS else None)
        if key:
            _add(raw, key, [_asf_value(v) for v in values])
    return has_cover


def _asf_value(value: Any) -> str:
    inner = getattr(value, "value", value)
    return _clean(inner)


def _collect_ape(tags: Any, raw: dict[str, list[str]]) -> bool:
    has_cover = False
    for name, value in tags.items():
        lower = name.lower()
        if lower.startswith("cover art"):
            has_cover = True
            continue
        if getattr(value, "kind", 0) != 0:  # binary or external item
            continue
        _add(raw, lower, list(value))
    return has_cover


def _collect_vorbis(tags: Any, raw: dict[str, list[str]]) -> bool:
    has_cover = False
    for name, value in tags:
        lower = name.lower()
        if lower in ("metadata_block_picture", "coverart"):
            has_cover = True
            continue
        _add(raw, lower, value)
    return has_cover


def _number_pair(values: list[str] | None) -> tuple[int | None, int | None]:
    if not values:
        return None, None
    first, _, second = values[0].partition("/")
    return _int(first), _int(second)


def _int(text: str | None) -> int | None:
    if not text:
        return None
    match = _DIGITS.match(text)
    return int(match.group(1)) if match else None


def _float(values: list[str] | None) -> float | None:
    if not values:
        return None
    match = _LEADING_NUMBER.match(values[0])
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    return number if -100.0 < number < 100.0 else None


def _build(raw: dict[str, list[str]], info: Any, kind: str, has_cover: bool) -> TrackTags:
    def first(key: str) -> str:
        values = raw.get(key)
        return values[0] if values else ""

    track, track_total = _number_pair(raw.get("tracknumber"))
    disc, disc_total = _number_pair(raw.get("discnumber"))
    date = first("date")
    year_match = _YEAR.search(date)
    artists = raw.get("artist", [])
    genres = raw.get("genre", [])
    result = TrackTags(
        title=first("title"),
        artist="; ".join(artists),
        album=first("album"),
        albumartist=first("albumartist"),
        composer="; ".join(raw.get("composer", [])),
        genre="; ".join(genres),
        date=date,
        year=int(year_match.group(1)) if year_match else None,
        tracknumber=track,
        tracktotal=track_total or _int(first("tracktotal")),
        discnumber=disc,
        disctotal=disc_total or _int(first("disctotal")),
        has_cover=has_cover,
        mb_trackid=first("musicbrainz_trackid")[:64],
        mb_releasetrackid=first("musicbrainz_releasetrackid")[:64],
        mb_albumid=first("musicbrainz_albumid")[:64],
        mb_artistid=first("musicbrainz_artistid")[:64],
        mb_albumartistid=first("musicbrainz_albumartistid")[:64],
        rg_track_gain=_float(raw.get("replaygain_track_gain")),
        rg_track_peak=_float(raw.get("replaygain_track_peak")),
        rg_album_gain=_float(raw.get("replaygain_album_gain")),
        rg_album_peak=_float(raw.get("replaygain_album_peak")),
        artists=artists,
        genres=genres,
    )
    # Opus stores loudness as R128 gains (Q7.8 relative to -23 LUFS); ReplayGain is -18 LUFS.
    if result.rg_track_gain is None and (r128 := _float(raw.get("r128_track_gain"))) is not None:
        result.rg_track_gain = r128 / 256.0 + 5.0
    if result.rg_album_gain is None and (r128 := _float(raw.get("r128_album_gain"))) is not None:
        result.rg_album_gain = r128 / 256.0 + 5.0
    _fill_stream(result, info, kind)
    return result


def _fill_stream(result: TrackTags, info: Any, kind: str) -> None:
    length = getattr(info, "length", 0.0) or 0.0
    result.duration = float(length) if math.isfinite(length) and length >= 0 else 0.0
    bitrate = getattr(info, "bitrate", None)
    result.bitrate = int(bitrate) if bitrate else None
    result.samplerate = getattr(info, "sample_rate", None) or None
    result.channels = getattr(info, "channels", None) or None
    if kind == "MP3":
        result.codec = f"MP{getattr(info, 'layer', 3)}"
    elif kind in ("MP4", "EasyMP4"):
        codec = str(getattr(info, "codec", "") or "")
        result.codec = "ALAC" if codec == "alac" else "AAC" if codec.startswith("mp4a") else codec
    elif kind == "ASF":
        result.codec = str(getattr(info, "codec_name", "") or "WMA")
    else:
        result.codec = _CODECS.get(kind, kind)


def read_cover(path: str) -> tuple[bytes, str] | None:
    """The first embedded picture (front cover preferred) and its MIME type, or None."""
    try:
        audio = mutagen.File(path)
    except Exception:
        return None
    if audio is None:
        return None
    pictures: list[tuple[int, bytes, str]] = []
    tags = audio.tags
    for pic in getattr(audio, "pictures", []) or []:
        pictures.append((pic.type, pic.data, pic.mime))
    if tags is not None:
        tag_kind = type(tags).__name__
        if "ID3" in tag_kind:
            pictures += [(f.type, f.data, f.mime) for f in tags.getall("APIC")]
        elif tag_kind == "MP4Tags":
            pictures += [(3, bytes(c), _mp4_mime(c)) for c in tags.get("covr", [])]
        elif tag_kind == "APEv2":
            for name, value in tags.items():
                if name.lower().startswith("cover art") and getattr(value, "kind", 0) == 1:
                    data = bytes(value.value).split(b"\x00", 1)[-1]
                    pictures.append((3 if "front" in name.lower() else 0, data, ""))
        elif tag_kind == "ASFTags":
            pictures += _asf_pictures(tags)
        elif tag_kind != "ASFTags":
            for name, value in tags:
                if name.lower() == "metadata_block_picture":
                    try:
                        pic = Picture(base64.b64decode(value))  # type: ignore[no-untyped-call]
                    except Exception:  # noqa: S112 - a damaged picture is simply skipped
                        continue
                    pictures.append((pic.type, pic.data, pic.mime))
    if not pictures:
        return None
    pictures.sort(key=lambda p: p[0] != 3)  # front cover first
    _, data, mime = pictures[0]
    return data, mime


def _mp4_mime(cover: Any) -> str:
    return "image/png" if getattr(cover, "imageformat", 0) == 14 else "image/jpeg"


def _asf_pictures(tags: Any) -> list[tuple[int, bytes, str]]:
    # WM/Picture: type (1 byte), size (4 bytes LE), MIME and description as UTF-16 with a
    # two-byte terminator, then the image bytes.
    found = []
    for value in tags.get("WM/Picture", []):
        data = bytes(value.value)
        try:
            pic_type, size = struct.unpack_from("<BI", data)
            mime, pos = _utf16z(data, 5)
            _, pos = _utf16z(data, pos)
        except (struct.error, ValueError):
            continue
        found.append((pic_type, data[pos : pos + size], mime))
    return found


def _utf16z(data: bytes, pos: int) -> tuple[str, int]:
    """A NUL-terminated UTF-16-LE string at ``pos`` and the offset just after it."""
    end = pos
    while data[end : end + 2] != b"\x00\x00":
        if end + 2 > len(data):
            raise ValueError("unterminated string")
        end += 2
    return data[pos:end].decode("utf-16-le", "replace"), end + 2
