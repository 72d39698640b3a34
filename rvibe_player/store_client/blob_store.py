"""What the cache keeps beside the log: picked releases' details and fetched files (avatars)."""

from __future__ import annotations

import json
import time
from typing import Any

from rvibe_player.store_client.cache_db import CacheDb, dumps


class BlobStore:
    """Release details and files, over a shared :class:`CacheDb`."""

    def __init__(self, db: CacheDb) -> None:
        self._db = db

    def release(self, release_id: int) -> dict[str, Any] | None:
        """A catalog release with its track list, as fetched before."""
        with self._db.read() as conn:
            row = conn.execute("SELECT detail FROM releases WHERE id = ?", (release_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def releases(self) -> dict[int, dict[str, Any]]:
        """Every fetched release, by id."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT id, detail FROM releases").fetchall()
        return {int(r[0]): json.loads(r[1]) for r in rows}

    def put_release(self, release_id: int, detail: dict[str, Any]) -> None:
        """Keep a release's details for matching offline."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO releases (id, detail, fetched_at) VALUES (?, ?, ?)",
                (release_id, dumps(detail), time.time()),
            )

    def file(self, url: str) -> tuple[bytes, str] | None:
        """A fetched file (avatar) and its content type."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT data, content_type FROM files WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else (bytes(row[0]), str(row[1]))

    def put_file(self, url: str, data: bytes, content_type: str) -> None:
        """Keep a fetched file for offline use."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO files (url, content_type, data, fetched_at) "
                "VALUES (?, ?, ?, ?)",
                (url, content_type, data, time.time()),
            )
