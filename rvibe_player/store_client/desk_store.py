"""The desk's part of the local cache: each listener's log objects, the inbox as last read,
listener contexts, and the staff stream's cursor.

It lives in the same file as a relationship cache (one connection: the outbox, the meta and
these tables), so a stream page and its cursor, or a send's answer and its outbox row,
commit together. Objects are upserted by ``seq`` per listener, exactly as the listener's
own cache does, so pages and send answers converge in any order.
"""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from rvibe_player.core.store_protocol import TOMBSTONE_KINDS
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.cache_db import CacheDb, dumps, get_meta, put_meta
from rvibe_player.store_client.intents import AREA_OF_KIND
from rvibe_player.store_client.log_store import StoredObject, object_type
from rvibe_player.store_client.outbox_store import OutboxItem

_SCHEMA = """
CREATE TABLE IF NOT EXISTS desk_objects (
    listener_id INTEGER NOT NULL,
    key         TEXT NOT NULL,
    type        TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    actor_id    INTEGER,
    client_id   TEXT,
    at          TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL,
    PRIMARY KEY (listener_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS desk_objects_by_type ON desk_objects(listener_id, type, deleted, seq);
CREATE TABLE IF NOT EXISTS desk_inbox (
    position    INTEGER PRIMARY KEY,
    listener_id INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS desk_contexts (
    listener_id INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    fetched_at  REAL NOT NULL
);
"""

_COLUMNS = "key, seq, kind, actor_id, client_id, at, data"


def ensure_schema(db: CacheDb) -> None:
    """Create the desk's tables in a cache file (once; harmless after)."""
    with db.write() as conn:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)


def _upsert(conn: sqlite3.Connection, listener_id: int, entry: dict[str, Any]) -> bool:
    key = str(entry["object"])
    kind = str(entry["kind"])
    cursor = conn.execute(
        "INSERT INTO desk_objects (listener_id, key, type, seq, kind, deleted, actor_id, "
        "client_id, at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(listener_id, key) DO UPDATE SET seq = excluded.seq, kind = excluded.kind, "
        "deleted = excluded.deleted, actor_id = excluded.actor_id, "
        "client_id = excluded.client_id, at = excluded.at, data = excluded.data "
        "WHERE excluded.seq > desk_objects.seq",
        (
            listener_id,
            key,
            object_type(key),
            int(entry["seq"]),
            kind,
            int(kind in TOMBSTONE_KINDS),
            entry.get("actor_id"),
            entry.get("client_id"),
            str(entry.get("at") or ""),
            dumps(entry.get("data") or {}),
        ),
    )
    return bool(cursor.rowcount)


class DeskStore:
    """The desk's tables over a shared :class:`CacheDb`."""

    def __init__(self, db: CacheDb) -> None:
        self._db = db

    # -- the stream ----------------------------------------------------------------------------

    def cursor(self) -> int:
        """The last staff-stream item applied."""
        return int(self._db.meta("desk_after", 0))

    def apply_stream(self, items: list[dict[str, Any]], next_after: int) -> set[ChangeArea]:
        """A page of the staff stream and its cursor, in one transaction."""
        changed: set[ChangeArea] = set()
        with self._db.write() as conn:
            for item in items:
                entry = item.get("entry")
                if entry is not None:
                    if _upsert(conn, int(item["listener_id"]), entry):
                        changed |= {ChangeArea.CONVERSATION, ChangeArea.INBOX}
                elif str(item.get("kind", "")).startswith("staff_note"):
                    changed.add(ChangeArea.STAFF_NOTES)
                elif item.get("kind") == "desk.presence":
                    changed.add(ChangeArea.PRESENCE)
                else:
                    changed.add(ChangeArea.INBOX)
            put_meta(conn, "desk_after", next_after)
        return changed

    def reset(self) -> None:
        """Forget the stream's cursor (the store asked for a resync)."""
        self._db.set_meta("desk_after", 0)

    def apply_entries(self, listener_id: int, entries: list[dict[str, Any]]) -> bool:
        """Entries read another way (a context's messages, an older page)."""
        with self._db.write() as conn:
            changed = [_upsert(conn, listener_id, e) for e in entries]  # every one, not the first
        return any(changed)

    def complete(self, item: OutboxItem, entry: dict[str, Any] | None) -> set[ChangeArea]:
        """A desk send went through: keep what it answered and drop the row, together."""
        with self._db.write() as conn:
            listener = item.payload.get("listener_id")
            if entry is not None and listener is not None:
                _upsert(conn, int(listener), entry)
            conn.execute("DELETE FROM outbox WHERE client_id = ?", (item.client_id,))
        done = AREA_OF_KIND.get(item.kind, ChangeArea.CONVERSATION)
        return {ChangeArea.OUTBOX, ChangeArea.CONVERSATION, ChangeArea.INBOX, done}

    # -- what the desk reads -------------------------------------------------------------------

    def objects(self, listener_id: int, kind_type: str) -> list[StoredObject]:
        """A listener's live objects of one type, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM desk_objects WHERE listener_id = ? AND type = ? "
                "AND deleted = 0 ORDER BY seq",
                (listener_id, kind_type),
            ).fetchall()
        return [StoredObject(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows]

    def put_inbox(self, rows: list[dict[str, Any]], extra: dict[str, Any]) -> None:
        """The first page(s) of the inbox as last read, for reading offline."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM desk_inbox")
            conn.executemany(
                "INSERT INTO desk_inbox (position, listener_id, data) VALUES (?, ?, ?)",
                [(n, int(r["listener"]["id"]), dumps(r)) for n, r in enumerate(rows)],
            )
            put_meta(conn, "desk_inbox_extra", extra)

    def inbox(self) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """The inbox rows as last read, and the counts read with them."""
        with self._db.read() as conn:
            rows = [json.loads(r[0]) for r in
                    conn.execute("SELECT data FROM desk_inbox ORDER BY position")]  # fmt: skip
            extra = get_meta(conn, "desk_inbox_extra") or {}
        return rows, extra

    def put_context(self, listener_id: int, context: dict[str, Any]) -> None:
        """A listener's context as last read."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO desk_contexts (listener_id, data, fetched_at) "
                "VALUES (?, ?, ?)",
                (listener_id, dumps(context), time.time()),
            )

    def context(self, listener_id: int) -> dict[str, Any] | None:
        """A listener's context as last read, or None."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT data FROM desk_contexts WHERE listener_id = ?", (listener_id,)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))
