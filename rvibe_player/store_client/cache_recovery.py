"""A damaged relationship cache: kept aside, and what only this computer has salvaged.

Nearly everything in the cache comes back from the store (the log is read again from the
start once its cursor is gone). What does not is the **outbox** (messages, feedback and
sharing changes not yet sent) and a few markers of what was already shared (which plays,
which albums, saved replies): those are copied into a fresh cache, the outbox first. The
outbox rows keep their client ids, so the store takes each exactly once when they are sent.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rvibe_player.core.sqlite_salvage import Repair, inspect, salvage, set_aside
from rvibe_player.store_client.cache_db import CacheDb

log = logging.getLogger(__name__)

SALVAGED_TABLES = ("outbox", "meta")
"""Copied from a damaged cache, the unsent first."""
DERIVED_META = ("after", "epoch", "desk_after", "desk_inbox_extra")
"""Meta values that describe the log: dropped, so that the log is read again in full."""


def check_cache(path: Path) -> Repair | None:
    """Check a cache file before its first connection; repair it when damaged.

    Caches are small (a few MB: every page checked in milliseconds), and this runs on the
    thread that opens the relationship, never the GUI thread. Returns what was done, or
    None when the file is sound or absent.
    """
    problem = inspect(path)
    if problem is None:
        return None
    damaged = set_aside(path)
    fresh = CacheDb(path)
    try:
        counts = salvage(damaged, fresh.conn, SALVAGED_TABLES)
        with fresh.write() as conn:
            marks = ",".join("?" * len(DERIVED_META))
            conn.execute(f"DELETE FROM meta WHERE key IN ({marks})", DERIVED_META)
    finally:
        fresh.close()
    log.warning("Relationship cache was damaged (%s); kept %s from %s", problem, counts, damaged)
    return Repair(damaged, problem, counts)
