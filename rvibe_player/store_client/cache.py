"""The local copy of one relationship (SQLite): the log, the outbox and fetched details.

A :class:`RelationshipCache` is one connection (:mod:`cache_db`) with a store for each
part over it: :attr:`~RelationshipCache.log` (objects and cursor), :attr:`outbox` (sends as
intents) and :attr:`blobs` (release details, avatars). Sharing the connection is what lets
a page, its cursor and the outbox rows it settles commit together. One file per store and
account; one cache object per thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rvibe_player.store_client.blob_store import BlobStore
from rvibe_player.store_client.cache_db import CacheDb
from rvibe_player.store_client.log_store import LogStore
from rvibe_player.store_client.outbox_store import OutboxStore


class RelationshipCache:
    """The log, outbox and blobs of one relationship cache file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = CacheDb(path)
        self.log = LogStore(self.db)
        self.outbox = OutboxStore(self.db)
        self.blobs = BlobStore(self.db)

    def meta(self, key: str, default: Any = None) -> Any:
        """A small JSON value kept beside the log (profile, listening cursor)."""
        return self.db.meta(key, default)

    def set_meta(self, key: str, value: Any) -> None:
        """Keep a small JSON value."""
        self.db.set_meta(key, value)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()
