"""Writes a planned track's tags into a copy of a base audio file, the way each format expects.

- mp3: ID3v2.4 (multi-valued frames, ``UFID`` for the MusicBrainz recording id, ``TXXX`` for
  the other ids and ReplayGain, ``APIC`` cover); wav: the same frames in an ``id3`` chunk.
- flac, ogg, opus: Vorbis comments with Picard's names; covers as a FLAC picture block or a
  base64 ``METADATA_BLOCK_PICTURE`` comment; opus also gets ``R128_*_GAIN`` (RFC 7845).
- m4a: iTunes atoms, ``----:com.apple.iTunes:`` freeform atoms and ``covr``.

Everything happens in memory on a ``BytesIO`` copy of the base file, so a track costs one
file write; the output depends only on the base bytes and the spec.
"""

# mypy: disallow-untyped-calls=False
# (mutagen's frame, atom and file constructors carry no annotations)

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from typing import Any

from mutagen.flac import FLAC, Picture
from mutagen.id3 import (
    APIC,
    TALB,
    TCON,
    TDRC,
    TIT2,
    TPE1,
    TPE2,
    TPOS,
    TRCK,
    TXXX,
    UFID,
    Encoding,
    Frame,
    PictureType,
)
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4, AtomDataType, MP4Cover, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from scripts.corpus_plan import TrackSpec

COVER_SIZE = 64
"""Width and height of the cover JPEGs, in pixels."""

_MB_NAMES = (  # (spec field, Vorbis comment, ID3 TXXX / MP4 freeform description)
    ("mb_trackid", "MUSICBRAINZ_TRACKID", "MusicBrainz Track Id"),
    ("mb_releasetrackid", "MUSICBRAINZ_RELEASETRACKID", "MusicBrainz Release Track Id"),
    ("mb_albumid", "MUSICBRAINZ_ALBUMID", "MusicBrainz Album Id"),
    ("mb_artistid", "MUSICBRAINZ_ARTISTID", "MusicBrainz Artist Id"),
    ("mb_albumartistid", "MUSICBRAINZ_ALBUMARTISTID", "MusicBrainz Album Artist Id"),
)


def retag(base: bytes, spec: TrackSpec, cover: bytes | None) -> bytes:
    """The bytes of ``base`` (an untagged file of ``spec.format``) carrying ``spec``'s tags.

    Args:
        base: the encoded base file for the spec's format.
        spec: the track to write.
        cover: JPEG bytes of the track's cover when ``spec.cover`` is set.
    """
    buffer = io.BytesIO(base)
    _WRITERS[spec.format](buffer, spec, cover if spec.cover else None)
    return buffer.getvalue()


def _save(audio: Any, buffer: io.BytesIO, **options: Any) -> None:
    buffer.seek(0)  # loading left the position at the end; mutagen saves from where it is
    audio.save(buffer, **options)


def _replaygain(spec: TrackSpec) -> list[tuple[str, str]]:
    """(upper-case name, value) of each ReplayGain tag the spec carries."""
    values = []
    if spec.rg_track_gain is not None and spec.rg_track_peak is not None:
        values += [
            ("REPLAYGAIN_TRACK_GAIN", f"{spec.rg_track_gain:.2f} dB"),
            ("REPLAYGAIN_TRACK_PEAK", f"{spec.rg_track_peak:.6f}"),
        ]
    if spec.rg_album_gain is not None and spec.rg_album_peak is not None:
        values += [
            ("REPLAYGAIN_ALBUM_GAIN", f"{spec.rg_album_gain:.2f} dB"),
            ("REPLAYGAIN_ALBUM_PEAK", f"{spec.rg_album_peak:.6f}"),
        ]
    return values


def _number(number: int | None, total: int | None) -> str:
    return f"{number}/{total}" if total else f"{number}"


def _id3_frames(spec: TrackSpec, cover: bytes | None) -> list[Frame]:
    utf8 = Encoding.UTF8
    frames: list[Frame] = [
        TIT2(encoding=utf8, text=[spec.title]),
        TPE1(encoding=utf8, text=list(spec.artists)),
        TALB(encoding=utf8, text=[spec.album]),
        TRCK(encoding=utf8, text=[_number(spec.tracknumber, spec.tracktotal)]),
        TDRC(encoding=utf8, text=[spec.date]),
        TCON(encoding=utf8, text=list(spec.genres)),
    ]
    if spec.albumartist:
        frames.append(TPE2(encoding=utf8, text=[spec.albumartist]))
    if spec.discnumber is not None:
        frames.append(TPOS(encoding=utf8, text=[_number(spec.discnumber, spec.disctotal)]))
    if spec.mb_trackid:
        frames.append(UFID(owner="http://musicbrainz.org", data=spec.mb_trackid.encode()))
    for field, _, desc in _MB_NAMES[1:]:
        if value := getattr(spec, field):
            frames.append(TXXX(encoding=utf8, desc=desc, text=[value]))
    for name, value in _replaygain(spec):
        frames.append(TXXX(encoding=utf8, desc=name, text=[value]))
    if cover is not None:
        front = PictureType.COVER_FRONT
        frames.append(APIC(encoding=utf8, mime="image/jpeg", type=front, desc="", data=cover))
    return frames


def _write_id3(audio: Any, buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    if audio.tags is None:
        audio.add_tags()
    tags = audio.tags
    tags.clear()
    for frame in _id3_frames(spec, cover):
        tags.add(frame)
    _save(audio, buffer, v2_version=4)


def _write_mp3(buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    _write_id3(MP3(buffer), buffer, spec, cover)


def _write_wav(buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    _write_id3(WAVE(buffer), buffer, spec, cover)


def _vorbis_comments(spec: TrackSpec) -> list[tuple[str, list[str]]]:
    comments = [
        ("TITLE", [spec.title]),
        ("ARTIST", list(spec.artists)),
        ("ALBUM", [spec.album]),
        ("TRACKNUMBER", [str(spec.tracknumber)]),
        ("TRACKTOTAL", [str(spec.tracktotal)]),
        ("DATE", [spec.date]),
        ("GENRE", list(spec.genres)),
    ]
    if spec.albumartist:
        comments.append(("ALBUMARTIST", [spec.albumartist]))
    if spec.discnumber is not None:
        comments.append(("DISCNUMBER", [str(spec.discnumber)]))
        if spec.disctotal:
            comments.append(("DISCTOTAL", [str(spec.disctotal)]))
    comments += [(name, [getattr(spec, f)]) for f, name, _ in _MB_NAMES if getattr(spec, f)]
    comments += [(name, [value]) for name, value in _replaygain(spec)]
    return comments


def _picture(cover: bytes) -> Picture:
    picture = Picture()
    picture.type = PictureType.COVER_FRONT
    picture.mime = "image/jpeg"
    picture.width = picture.height = COVER_SIZE
    picture.depth = 24
    picture.data = cover
    return picture


def _write_flac(buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    audio: Any = FLAC(buffer)
    if audio.tags is None:
        audio.add_tags()
    audio.tags.clear()
    for name, values in _vorbis_comments(spec):
        audio.tags[name] = values
    audio.clear_pictures()
    if cover is not None:
        audio.add_picture(_picture(cover))
    _save(audio, buffer)


def _write_ogg(buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    is_opus = spec.format == "opus"
    audio: Any = (OggOpus if is_opus else OggVorbis)(buffer)
    audio.tags.clear()
    for name, values in _vorbis_comments(spec):
        audio.tags[name] = values
    if is_opus:
        # R128 gains are Q7.8 fixed point relative to -23 LUFS; ReplayGain's reference is -18.
        for scope, gain in (("TRACK", spec.rg_track_gain), ("ALBUM", spec.rg_album_gain)):
            if gain is not None:
                audio.tags[f"R128_{scope}_GAIN"] = [str(round((gain - 5.0) * 256))]
    if cover is not None:
        encoded = base64.b64encode(_picture(cover).write()).decode("ascii")
        audio.tags["METADATA_BLOCK_PICTURE"] = [encoded]
    _save(audio, buffer)


def _write_m4a(buffer: io.BytesIO, spec: TrackSpec, cover: bytes | None) -> None:
    audio: Any = MP4(buffer)
    if audio.tags is None:
        audio.add_tags()
    tags = audio.tags
    tags.clear()
    tags["\xa9nam"] = [spec.title]
    tags["\xa9ART"] = list(spec.artists)
    tags["\xa9alb"] = [spec.album]
    tags["trkn"] = [(spec.tracknumber, spec.tracktotal)]
    tags["\xa9day"] = [spec.date]
    tags["\xa9gen"] = list(spec.genres)
    if spec.albumartist:
        tags["aART"] = [spec.albumartist]
    if spec.discnumber is not None:
        tags["disk"] = [(spec.discnumber, spec.disctotal or 0)]
    freeform = [(desc, getattr(spec, f)) for f, _, desc in _MB_NAMES if getattr(spec, f)]
    freeform += [(name.lower(), value) for name, value in _replaygain(spec)]
    for desc, value in freeform:
        text = MP4FreeForm(value.encode(), dataformat=AtomDataType.UTF8)
        tags[f"----:com.apple.iTunes:{desc}"] = [text]
    if cover is not None:
        jpeg = MP4Cover(cover, imageformat=MP4Cover.FORMAT_JPEG)
        tags["covr"] = [jpeg]
    _save(audio, buffer)


_WRITERS: dict[str, Callable[[io.BytesIO, TrackSpec, bytes | None], None]] = {
    "mp3": _write_mp3,
    "wav": _write_wav,
    "flac": _write_flac,
    "ogg": _write_ogg,
    "opus": _write_ogg,
    "m4a": _write_m4a,
}
