"""Libraries built straight in the database (no audio files), for tests of what is stored."""

from __future__ import annotations

from pathlib import Path

from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.tags import TrackTags


def library_with_tracks(
    path: Path, count: int, start: int = 0
) -> tuple[LibraryDatabase, list[int]]:
    """The library at ``path`` (made or opened) with ``count`` more tracks under ``/music``
    (``/music/NNNNNN.flac``, title ``Song N``, artist ``Artist N % 97``); their ids."""
    db = LibraryDatabase(path)
    root = db.add_root("/music")
    with transaction(db.conn):
        ids = [
            db.insert_track(
                root, f"/music/{i:06d}.flac", 1000 + i, i, f"fp{i}".encode() * 4,
                TrackTags(title=f"Song {i}", artist=f"Artist {i % 97}", album=f"Album {i % 301}"),
            )
            for i in range(start, start + count)
        ]  # fmt: skip
    return db, ids
