"""The catalog: text search over releases and their tracks, release details, previews.

Search matches every query word as a substring of a folded (lower case, accents removed)
text per release, on both databases. Previews are short WAV files synthesised per track, so
the store serves real audio without shipping any.
"""

from __future__ import annotations

import io
import math
import struct
import unicodedata
import wave
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rvibe_player.store_server.errors import not_found
from rvibe_player.store_server.models import Artist, Release, Track
from rvibe_player.store_server.services.views import release_summary, track_view

PREVIEW_SECONDS = 4
PREVIEW_RATE = 22050
_MAX_WORDS = 8


def fold(text: str) -> str:
    """Lower case without accents, for matching ``Bjork`` to ``Björk``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_text(artist: str, release: str, label: str, genre: str, tracks: list[str]) -> str:
    """The folded words a release is found by."""
    return fold(" ".join([artist, release, label, genre, *tracks]))


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(session: Session, query: str, limit: int, offset: int) -> dict[str, Any]:
    """Releases matching every word of ``query``, by artist then year."""
    words = fold(query).split()[:_MAX_WORDS]
    conditions = [Release.search_text.like(f"%{_escape_like(w)}%", escape="\\") for w in words]
    base = select(Release, Artist).join(Artist, Artist.id == Release.artist_id).where(*conditions)
    rows = session.execute(
        base.order_by(Artist.sort_name, Release.year, Release.id).limit(limit).offset(offset)
    ).all()
    total = session.scalar(select(func.count()).select_from(base.subquery()))
    return {
        "items": [release_summary(r, a) for r, a in rows],
        "total": int(total or 0),
        "offset": offset,
        "limit": limit,
    }


def release_detail(session: Session, release_id: int) -> dict[str, Any]:
    """A release with its tracks and their preview URLs."""
    release = session.get(Release, release_id)
    if release is None:
        raise not_found("release")
    artist = session.get(Artist, release.artist_id)
    assert artist is not None
    tracks = session.scalars(
        select(Track).where(Track.release_id == release.id).order_by(Track.position)
    ).all()
    return release_summary(release, artist) | {
        "tracks": [track_view(t, release.currency) for t in tracks]
    }


def track_exists(session: Session, track_id: int) -> bool:
    """Whether the catalog has this track."""
    return session.get(Track, track_id) is not None


@lru_cache(maxsize=64)
def preview_wav(track_id: int) -> bytes:
    """A short, deterministic, pleasant WAV for ``track_id`` (a three-note arpeggio)."""
    base = 196.0 * 2 ** ((track_id % 12) / 12)
    notes = (base, base * 5 / 4, base * 3 / 2, base * 2)
    frames = PREVIEW_SECONDS * PREVIEW_RATE
    per_note = frames // len(notes)
    samples = bytearray()
    for i in range(frames):
        freq = notes[min(i // per_note, len(notes) - 1)]
        t = i / PREVIEW_RATE
        fade = min(1.0, i / 2000, (frames - i) / 4000)
        value = 0.3 * fade * math.sin(2 * math.pi * freq * t)
        samples += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(PREVIEW_RATE)
        wav.writeframes(bytes(samples))
    return out.getvalue()
