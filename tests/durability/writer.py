"""A child process that writes without end, printing what it has committed; the kill
tests stop it with SIGKILL at random moments (run as ``python -m tests.durability.writer``).

Each line on stdout is printed only after its transaction committed."""

from __future__ import annotations

import sys
from pathlib import Path

TRACKS = 100
"""Tracks the template library holds (ids 1..100)."""
BATCH = 200


def rating_of(attempt: int) -> tuple[int, int]:
    """The track and the stars of the ``attempt``-th rating change (the same in both processes)."""
    return attempt % TRACKS + 1, (attempt // TRACKS) % 5 + 1


def main(operation: str, path: Path) -> None:
    if operation == "outbox":
        from rvibe_player.store_client import intents
        from rvibe_player.store_client.cache import RelationshipCache

        cache = RelationshipCache(path)
        print("ready", flush=True)
        n = 0
        while True:
            item = cache.outbox.enqueue(intents.message(f"Message {n}, " + "é" * (n % 50)))
            print(item.client_id, flush=True)
            n += 1
    from rvibe_player.library.database import LibraryDatabase, track_row, transaction
    from rvibe_player.library.playlist_store import PlaylistStore
    from rvibe_player.library.tags import TrackTags

    db = LibraryDatabase(path)
    print("ready", flush=True)
    n = 0
    while True:
        if operation == "scan":
            rows = [
                track_row(f"/scan/{n + i:07d}.flac", 1000, 1, f"s{n + i}".encode() * 4,
                          TrackTags(title=f"Found {n + i}", artist="Batch"))
                for i in range(BATCH)
            ]  # fmt: skip
            with transaction(db.conn):
                db.insert_rows(1, rows)
            print(n, flush=True)
            n += BATCH
        elif operation == "rating":
            track, stars = rating_of(n)
            db.set_rating(track, stars)
            print(n, flush=True)
            n += 1
        elif operation == "playlist":
            store = PlaylistStore(db)
            playlist = store.create(f"Saved {n}")
            store.add_tracks(playlist, list(range(1, 51)))
            print(playlist, flush=True)
            n += 1
        else:
            raise SystemExit(f"unknown operation {operation}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
