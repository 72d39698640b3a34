"""The local copy of the relationship (SQLite): log objects, sync cursor, outbox, fetched files.

Entries are applied as upserts of their ``object`` (PROTOCOL.md "Applying entries"), guarded
by ``seq`` so an older write never replaces a newer one and a tombstone stays a tombstone,
whatever order pages and send answers arrive in. A page, its cursor and the outbox rows it
settles commit in one transaction, so a crash leaves either all of it or none.

One file per store and account; one :class:`RelationshipCache` per thread (WAL lets the
panel read while the sync thread writes).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rvibe_player import paths
from rvibe_player.core.store_protocol import TOMBSTONE_KINDS
from rvibe_player.library.database import transaction

LISTENING_KIND = "listening"
"""The outbox kind of a batch of shared plays."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE objects (
    key       TEXT PRIMARY KEY,
    type      TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    deleted   INTEGER NOT NULL DEFAULT 0,
    sort_key  TEXT NOT NULL DEFAULT '',
    actor_id  INTEGER,
    client_id TEXT,
    at        TEXT NOT NULL DEFAULT '',
    data      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX objects_by_type ON objects(type, deleted, sort_key);

CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    method     TEXT NOT NULL,
    path       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at REAL NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    error_code TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_by_state ON outbox(state, id);

CREATE TABLE releases (id INTEGER PRIMARY KEY, detail TEXT NOT NULL, fetched_at REAL NOT NULL);

CREATE TABLE files (
    url          TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    data         BLOB NOT NULL,
    fetched_at   REAL NOT NULL
) WITHOUT ROWID;
"""
_VERSION = 1

AREAS = {
    "note": "notes",
    "pick": "picks",
    "message": "messages",
    "read": "read",
    "curator": "curator",
    "sharing": "sharing",
    "sharing-data": "sharing",
}
"""Which part of the panel an object type belongs to (what a change notification names)."""


def object_type(key: str) -> str:
    """``note:12`` -> ``note``; ``curator`` -> ``curator``."""
    return key.split(":", 1)[0]


def _sort_key(kind_type: str, data: dict[str, Any], seq: int) -> str:
    """Order within a type: messages by their seq, notes and picks by creation time."""
    inner = data.get(kind_type)
    if kind_type == "message" and isinstance(inner, dict):
        return f"{int(inner.get('seq') or seq):020d}"
    if kind_type in ("note", "pick") and isinstance(inner, dict):
        return str(inner.get("created_at") or "")
    return ""


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class StoredObject:
    """An object of the log as the cache holds it."""

    key: str
    seq: int
    kind: str
    actor_id: int | None
    client_id: str | None
    at: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A send written locally first; ``client_id`` makes every attempt the same request."""

    id: int
    client_id: str
    kind: str
    method: str
    path: str
    body: dict[str, Any]
    created_at: float
    state: str
    attempts: int
    error: str
    error_code: str


_OUTBOX_COLUMNS = (
    "id, client_id, kind, method, path, body, created_at, state, attempts, error, error_code"
)


def _outbox_item(row: tuple[Any, ...]) -> OutboxItem:
    return OutboxItem(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), *row[6:])


def new_client_id() -> str:
    """A fresh idempotency key for one send (a UUID fits the store's rules)."""
    return uuid.uuid4().hex


class RelationshipCache:
    """One connection to one relationship cache file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        paths.private_file(path)  # only the user may read their relationship
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(
            path, timeout=15.0, isolation_level=None, check_same_thread=False
        )
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        with self._lock:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= _VERSION:
                return
            with transaction(self.conn):
                if self.conn.execute("PRAGMA user_version").fetchone()[0] < _VERSION:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {_VERSION}")

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, transaction(self.conn):
            yield self.conn

    # -- meta ------------------------------------------------------------------------------

    def meta(self, key: str, default: Any = None) -> Any:
        """A small JSON value kept beside the log (account, profile, cursor)."""
        with self._lock:
            value = self._get_meta(self.conn, key)
        return default if value is None else value

    def set_meta(self, key: str, value: Any) -> None:
        """Keep a small JSON value."""
        with self._write() as conn:
            self._put_meta(conn, key, value)

    @staticmethod
    def _get_meta(conn: sqlite3.Connection, key: str) -> Any:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    @staticmethod
    def _put_meta(conn: sqlite3.Connection, key: str, value: Any) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, _dumps(value)),
        )

    def cursor(self) -> tuple[int, int | None]:
        """``(after, epoch)`` to ask the store for what comes next."""
        with self._lock:
            rows = dict(
                self.conn.execute("SELECT key, value FROM meta WHERE key IN ('after', 'epoch')")
            )
        after = json.loads(rows["after"]) if "after" in rows else 0
        epoch = json.loads(rows["epoch"]) if "epoch" in rows else None
        return int(after), epoch

    # -- applying the log ------------------------------------------------------------------

    def apply_page(
        self,
        entries: Iterable[dict[str, Any]],
        next_after: int,
        epoch: int | None,
        my_id: int | None,
        *,
        replace: bool = False,
    ) -> set[str]:
        """Apply a sync page and move the cursor, in one transaction; returns changed areas.

        ``replace`` (a resync) first drops every cached object: the entries are the whole
        log again. The outbox is kept; rows the log shows as done leave it.
        """
        with self._write() as conn:
            changed: set[str] = set()
            if replace:
                types = {r[0] for r in conn.execute("SELECT DISTINCT type FROM objects")}
                changed |= {AREAS.get(t, t) for t in types}
                conn.execute("DELETE FROM objects")
            for entry in entries:
                changed |= self._upsert(conn, entry, my_id)
            self._put_meta(conn, "after", next_after)
            self._put_meta(conn, "epoch", epoch)
            return changed

    def apply_entry(self, entry: dict[str, Any], my_id: int | None) -> set[str]:
        """Apply one entry a send answered with (the cursor stays where it is)."""
        with self._write() as conn:
            return self._upsert(conn, entry, my_id)

    def _upsert(
        self, conn: sqlite3.Connection, entry: dict[str, Any], my_id: int | None
    ) -> set[str]:
        key = str(entry["object"])
        kind = str(entry["kind"])
        seq = int(entry["seq"])
        data = entry.get("data") or {}
        kind_type = object_type(key)
        deleted = kind in TOMBSTONE_KINDS
        client_id = entry.get("client_id")
        actor_id = entry.get("actor_id")
        cursor = conn.execute(
            "INSERT INTO objects (key, type, seq, kind, deleted, sort_key, actor_id, client_id, "
            "at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET seq = excluded.seq, kind = excluded.kind, "
            "deleted = excluded.deleted, sort_key = CASE WHEN excluded.deleted THEN "
            "objects.sort_key ELSE excluded.sort_key END, actor_id = excluded.actor_id, "
            "client_id = excluded.client_id, at = excluded.at, data = excluded.data "
            "WHERE excluded.seq > objects.seq",
            (
                key,
                kind_type,
                seq,
                kind,
                int(deleted),
                "" if deleted else _sort_key(kind_type, data, seq),
                actor_id,
                client_id,
                str(entry.get("at") or ""),
                _dumps(data),
            ),
        )
        changed = {AREAS.get(kind_type, kind_type)} if cursor.rowcount else set()
        if client_id and my_id is not None and actor_id == my_id:
            gone = conn.execute("DELETE FROM outbox WHERE client_id = ?", (client_id,))
            if gone.rowcount:
                changed.add("outbox")
        return changed

    # -- reading the log -------------------------------------------------------------------

    def objects(self, kind_type: str, *, newest_first: bool = False) -> list[StoredObject]:
        """Live objects of one type (``note``, ``pick``, ``message``...) in their order."""
        order = "DESC" if newest_first else "ASC"
        with self._lock:
            rows = self.conn.execute(
                "SELECT key, seq, kind, actor_id, client_id, at, data FROM objects "
                f"WHERE type = ? AND deleted = 0 ORDER BY sort_key {order}, seq {order}",
                (kind_type,),
            ).fetchall()
        return [StoredObject(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows]

    def object(self, key: str) -> StoredObject | None:
        """One live object by key."""
        with self._lock:
            row = self.conn.execute(
                "SELECT key, seq, kind, actor_id, client_id, at, data FROM objects "
                "WHERE key = ? AND deleted = 0",
                (key,),
            ).fetchone()
        if row is None:
            return None
        return StoredObject(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]))

    def max_seq(self) -> int:
        """The highest seq of any cached object (0 for none)."""
        with self._lock:
            return int(self.conn.execute("SELECT coalesce(max(seq), 0) FROM objects").fetchone()[0])

    def count_after(self, seq: int, types: tuple[str, ...], not_actor: int | None) -> int:
        """Live objects of ``types`` written after ``seq`` by someone other than ``not_actor``."""
        marks = ",".join("?" * len(types))
        with self._lock:
            row = self.conn.execute(
                f"SELECT count(*) FROM objects WHERE type IN ({marks}) AND deleted = 0 "
                "AND seq > ? AND (actor_id IS NULL OR actor_id != ?)",
                (*types, seq, -1 if not_actor is None else not_actor),
            ).fetchone()
        return int(row[0])

    # -- the outbox ------------------------------------------------------------------------

    def enqueue(
        self, kind: str, method: str, path: str, body: dict[str, Any], client_id: str | None = None
    ) -> OutboxItem:
        """Write a send to the outbox before any attempt; its client id is fixed from now on."""
        with self._write() as conn:
            return self._insert_outbox(conn, kind, method, path, body, client_id)

    @staticmethod
    def _insert_outbox(
        conn: sqlite3.Connection,
        kind: str,
        method: str,
        path: str,
        body: dict[str, Any],
        client_id: str | None = None,
    ) -> OutboxItem:
        client_id = client_id or new_client_id()
        payload = {"client_id": client_id, **body}
        row = conn.execute(
            "INSERT INTO outbox (client_id, kind, method, path, body, created_at) "
            f"VALUES (?, ?, ?, ?, ?, ?) RETURNING {_OUTBOX_COLUMNS}",
            (client_id, kind, method, path, _dumps(payload), time.time()),
        ).fetchone()
        return _outbox_item(row)

    # -- listening shared with the store (store_client/listening.py) -----------------------

    def enqueue_sharing(
        self, method: str, path: str, level: str, sharing_since: float | None
    ) -> OutboxItem:
        """A sharing level change and what it means for plays, in one transaction.

        ``sharing_since=None`` (off) drops every listening upload not yet sent, at once;
        otherwise plays from ``sharing_since`` on are shared (unless sharing was on already).
        """
        with self._write() as conn:
            if sharing_since is None:
                conn.execute(
                    "DELETE FROM outbox WHERE kind = ? AND state = 'pending'", (LISTENING_KIND,)
                )
                self._put_meta(conn, "listening_since", None)
            elif self._get_meta(conn, "listening_since") is None:
                self._put_meta(conn, "listening_since", sharing_since)
            return self._insert_outbox(conn, "sharing", method, path, {"level": level})

    def start_listening(self, since: float) -> float:
        """When sharing started: the one noted, else ``since`` (noted now)."""
        with self._write() as conn:
            noted = self._get_meta(conn, "listening_since")
            if noted is None:
                self._put_meta(conn, "listening_since", since)
            return float(since if noted is None else noted)

    def enqueue_listening(
        self, method: str, path: str, body: dict[str, Any], last_play_id: int
    ) -> OutboxItem | None:
        """Queue a batch of plays and move the play cursor past it, in one transaction.

        None (nothing queued, cursor kept) when sharing was turned off meanwhile.
        """
        with self._write() as conn:
            if self._get_meta(conn, "listening_since") is None:
                return None
            item = self._insert_outbox(conn, LISTENING_KIND, method, path, body)
            self._put_meta(conn, "listening_after", last_play_id)
            return item

    def enqueue_read(self, seq: int, path: str) -> OutboxItem | None:
        """A read marker up to ``seq``; replaces untried lower markers (they add nothing)."""
        with self._write() as conn:
            higher = conn.execute(
                "SELECT 1 FROM outbox WHERE kind = 'read' AND state = 'pending' "
                "AND json_extract(body, '$.seq') >= ?",
                (seq,),
            ).fetchone()
            if higher:
                return None
            conn.execute(
                "DELETE FROM outbox WHERE kind = 'read' AND state = 'pending' AND attempts = 0"
            )
            client_id = new_client_id()
            row = conn.execute(
                "INSERT INTO outbox (client_id, kind, method, path, body, created_at) "
                f"VALUES (?, 'read', 'POST', ?, ?, ?) RETURNING {_OUTBOX_COLUMNS}",
                (client_id, path, _dumps({"client_id": client_id, "seq": seq}), time.time()),
            ).fetchone()
        return _outbox_item(row)

    def outbox(self, kind: str | None = None, state: str | None = None) -> list[OutboxItem]:
        """Outbox rows in the order they were written."""
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if state is not None:
            where.append("state = ?")
            params.append(state)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox {clause} ORDER BY id", params
            ).fetchall()
        return [_outbox_item(r) for r in rows]

    def next_pending(self) -> OutboxItem | None:
        """The oldest send still to go out."""
        with self._lock:
            row = self.conn.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1"
            ).fetchone()
        return None if row is None else _outbox_item(row)

    def record_attempt(self, client_id: str) -> None:
        """Count an attempt (so an untried read marker can still be folded into a newer one)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE outbox SET attempts = attempts + 1 WHERE client_id = ?", (client_id,)
            )

    def complete(self, client_id: str, entry: dict[str, Any] | None, my_id: int | None) -> set[str]:
        """The store has it: apply what it answered and drop the row, in one transaction."""
        with self._write() as conn:
            changed = {"outbox"}
            if entry is not None:
                changed |= self._upsert(conn, entry, my_id)
            conn.execute("DELETE FROM outbox WHERE client_id = ?", (client_id,))
            return changed

    def fail(self, client_id: str, error: str, code: str) -> None:
        """The store refused it for good: keep it, marked failed, with the store's words."""
        with self._write() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'failed', error = ?, error_code = ? WHERE client_id = ?",
                (error, code, client_id),
            )

    def retry(self, client_id: str) -> None:
        """Put a failed send back in line (same client id: the store never made it)."""
        with self._write() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'pending', error = '', error_code = '' "
                "WHERE client_id = ? AND state = 'failed'",
                (client_id,),
            )

    def discard(self, client_id: str) -> bool:
        """Drop a failed send; pending ones stay (they may be on their way already)."""
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM outbox WHERE client_id = ? AND state = 'failed'", (client_id,)
            )
            return bool(cursor.rowcount)

    # -- catalog details and files ---------------------------------------------------------

    def release(self, release_id: int) -> dict[str, Any] | None:
        """A catalog release with its track list, as fetched before."""
        with self._lock:
            row = self.conn.execute(
                "SELECT detail FROM releases WHERE id = ?", (release_id,)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def releases(self) -> dict[int, dict[str, Any]]:
        """Every fetched release, by id."""
        with self._lock:
            rows = self.conn.execute("SELECT id, detail FROM releases").fetchall()
        return {int(r[0]): json.loads(r[1]) for r in rows}

    def put_release(self, release_id: int, detail: dict[str, Any]) -> None:
        """Keep a release's details for matching offline."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO releases (id, detail, fetched_at) VALUES (?, ?, ?)",
                (release_id, _dumps(detail), time.time()),
            )

    def file(self, url: str) -> tuple[bytes, str] | None:
        """A fetched file (avatar) and its content type."""
        with self._lock:
            row = self.conn.execute(
                "SELECT data, content_type FROM files WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else (bytes(row[0]), str(row[1]))

    def put_file(self, url: str, data: bytes, content_type: str) -> None:
        """Keep a fetched file for offline use."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO files (url, content_type, data, fetched_at) "
                "VALUES (?, ?, ?, ?)",
                (url, content_type, data, time.time()),
            )
