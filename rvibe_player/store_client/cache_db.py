"""The relationship cache's one SQLite connection: schema, migrations, transactions, meta.

One file per store and account; one :class:`CacheDb` per thread (WAL lets the panel read
while the sync thread writes). The stores over it (:mod:`log_store`, :mod:`outbox_store`,
:mod:`blob_store`) share it, so a sync page, its cursor and the outbox rows it settles
commit in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rvibe_player import paths
from rvibe_player.library.database import transaction

_SCHEMA_V1 = """
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

_OUTBOX_V2 = """
CREATE TABLE outbox_v2 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id  TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at REAL NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT '',
    error_code TEXT NOT NULL DEFAULT ''
)
"""
VERSION = 2


def dumps(value: Any) -> str:
    """Compact JSON, Unicode kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _intent_payload(kind: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """A version-1 outbox row (a route and a body) as the intent it meant."""
    payload = {k: v for k, v in body.items() if k != "client_id"}
    if kind == "feedback":  # the pick was only in the route: /picks/ID/feedback
        payload["pick_id"] = int(path.strip("/").split("/")[1])
    return payload


def _to_v2(conn: sqlite3.Connection) -> None:
    """Outbox rows become intents (kind + payload); only api.py knows routes now."""
    conn.execute(_OUTBOX_V2)
    rows = conn.execute(
        "SELECT id, client_id, kind, path, body, created_at, state, attempts, error, "
        "error_code FROM outbox ORDER BY id"
    ).fetchall()
    for row in rows:
        payload = _intent_payload(row[2], row[3], json.loads(row[4]))
        conn.execute(
            "INSERT INTO outbox_v2 (id, client_id, kind, payload, created_at, state, attempts, "
            "error, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row[0], row[1], row[2], dumps(payload), *row[5:]),
        )
    conn.execute("DROP TABLE outbox")
    conn.execute("ALTER TABLE outbox_v2 RENAME TO outbox")
    conn.execute("CREATE INDEX outbox_by_state ON outbox(state, id)")


class CacheDb:
    """One connection to one relationship cache file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        paths.private_file(path)  # only the user may read their relationship
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(
            path, timeout=15.0, isolation_level=None, check_same_thread=False
        )
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    def _version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self.lock:
            if self._version() >= VERSION:
                return
            with transaction(self.conn):
                version = self._version()  # another connection may have done it meanwhile
                if version < 1:
                    for statement in _SCHEMA_V1.split(";"):
                        if statement.strip():
                            self.conn.execute(statement)
                if version < 2:
                    _to_v2(self.conn)
                self.conn.execute(f"PRAGMA user_version = {VERSION}")

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one ``BEGIN IMMEDIATE`` transaction."""
        with self.lock, transaction(self.conn):
            yield self.conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection, held against other threads' use of this object meanwhile."""
        with self.lock:
            yield self.conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one read transaction: every read sees the same commit, so
        a send settled meanwhile on another thread (its outbox row gone, its entry in the
        log) is seen either wholly before or wholly after."""
        with self.lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    # -- meta: small JSON values beside the log ---------------------------------------------

    def meta(self, key: str, default: Any = None) -> Any:
        """A small JSON value kept beside the log (profile, cursor, listening cursor)."""
        with self.lock:
            value = get_meta(self.conn, key)
        return default if value is None else value

    def set_meta(self, key: str, value: Any) -> None:
        """Keep a small JSON value."""
        with self.write() as conn:
            put_meta(conn, key, value)


def get_meta(conn: sqlite3.Connection, key: str) -> Any:
    """A meta value read inside a transaction (None when absent)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def put_meta(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """A meta value written inside a transaction."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, dumps(value)),
    )
