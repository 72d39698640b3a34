"""The outbox in the cache: sends written as intents before any attempt, in order.

A row's client id is fixed when it is written and kept through every retry and restart,
so the store can answer a replay with the first result. The listening cursor and the
sharing level's effects on queued plays change in the same transactions as the rows.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from typing import Any

from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.cache_db import CacheDb, dumps, get_meta, put_meta
from rvibe_player.store_client.intents import Intent, IntentKind
from rvibe_player.store_client.intents import sharing as sharing_intent
from rvibe_player.store_client.log_store import upsert

_COLUMNS = "id, client_id, kind, payload, created_at, state, attempts, error, error_code"


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A send written locally first; ``client_id`` makes every attempt the same request."""

    id: int
    client_id: str
    kind: IntentKind
    payload: dict[str, Any]
    created_at: float
    state: str
    attempts: int
    error: str
    error_code: str

    @property
    def intent(self) -> Intent:
        """What the row asks for."""
        return Intent(self.kind, self.payload)


def _item(row: tuple[Any, ...]) -> OutboxItem:
    return OutboxItem(row[0], row[1], IntentKind(row[2]), json.loads(row[3]), *row[4:])


def new_client_id() -> str:
    """A fresh idempotency key for one send (a UUID fits the store's rules)."""
    return uuid.uuid4().hex


def _insert(conn: sqlite3.Connection, intent: Intent, client_id: str | None = None) -> OutboxItem:
    row = conn.execute(
        "INSERT INTO outbox (client_id, kind, payload, created_at) "
        f"VALUES (?, ?, ?, ?) RETURNING {_COLUMNS}",
        (client_id or new_client_id(), intent.kind.value, dumps(intent.payload), time.time()),
    ).fetchone()
    return _item(row)


def requeue(conn: sqlite3.Connection, intent: Intent, client_id: str) -> int:
    """Queue ``intent`` under a client id it had before, unless it is queued already (1/0)."""
    if conn.execute("SELECT 1 FROM outbox WHERE client_id = ?", (client_id,)).fetchone():
        return 0
    _insert(conn, intent, client_id)
    return 1


class OutboxStore:
    """Outbox rows over a shared :class:`CacheDb`."""

    def __init__(self, db: CacheDb) -> None:
        self._db = db

    def enqueue(self, intent: Intent, client_id: str | None = None) -> OutboxItem:
        """Write a send before any attempt; its client id is fixed from now on."""
        with self._db.write() as conn:
            return _insert(conn, intent, client_id)

    def items(self, kind: IntentKind | None = None, state: str | None = None) -> list[OutboxItem]:
        """Rows in the order they were written."""
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind.value)
        if state is not None:
            where.append("state = ?")
            params.append(state)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox {clause} ORDER BY id", params
            ).fetchall()
        return [_item(r) for r in rows]

    def next_pending(self) -> OutboxItem | None:
        """The oldest send still to go out."""
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1"
            ).fetchone()
        return None if row is None else _item(row)

    # -- sends with effects on other rows ----------------------------------------------------

    def enqueue_read(self, seq: int) -> OutboxItem | None:
        """A read marker up to ``seq``; replaces untried lower markers (they add nothing)."""
        with self._db.write() as conn:
            higher = conn.execute(
                "SELECT 1 FROM outbox WHERE kind = 'read' AND state = 'pending' "
                "AND json_extract(payload, '$.seq') >= ?",
                (seq,),
            ).fetchone()
            if higher:
                return None
            conn.execute(
                "DELETE FROM outbox WHERE kind = 'read' AND state = 'pending' AND attempts = 0"
            )
            return _insert(conn, Intent(IntentKind.READ, {"seq": seq}))

    def enqueue_sharing(self, level: str, sharing_since: float | None) -> OutboxItem:
        """A sharing level change and what it means for plays, in one transaction.

        ``sharing_since=None`` (off) drops every listening upload not yet sent, at once;
        otherwise plays from ``sharing_since`` on are shared (unless sharing was on already).
        """
        with self._db.write() as conn:
            if sharing_since is None:
                conn.execute(
                    "DELETE FROM outbox WHERE kind = ? AND state = 'pending'",
                    (IntentKind.LISTENING.value,),
                )
                put_meta(conn, "listening_since", None)
            elif get_meta(conn, "listening_since") is None:
                put_meta(conn, "listening_since", sharing_since)
            return _insert(conn, sharing_intent(level))

    def enqueue_library_sharing(self, on: bool) -> OutboxItem:
        """Share the albums in my library or stop, in one transaction with what it means:
        off drops every album batch not yet sent; either way the next list goes out whole."""
        with self._db.write() as conn:
            if not on:
                conn.execute(
                    "DELETE FROM outbox WHERE kind = ? AND state = 'pending'",
                    (IntentKind.ALBUMS.value,),
                )
            put_meta(conn, "albums_digest", None)
            return _insert(conn, Intent(IntentKind.LIBRARY_SHARING, {"on": on}))

    def enqueue_albums(self, parts: list[list[dict[str, Any]]], digest: str) -> int:
        """The whole album list in batches (the first starts a new list at the store),
        replacing batches of an older list not yet sent; notes which list it is."""
        with self._db.write() as conn:
            conn.execute(
                "DELETE FROM outbox WHERE kind = ? AND state = 'pending' AND attempts = 0",
                (IntentKind.ALBUMS.value,),
            )
            for n, part in enumerate(parts):
                _insert(conn, Intent(IntentKind.ALBUMS, {"albums": part, "replace": n == 0}))
            put_meta(conn, "albums_digest", digest)
        return len(parts)

    def start_listening(self, since: float) -> float:
        """When sharing started: the one noted, else ``since`` (noted now)."""
        with self._db.write() as conn:
            noted = get_meta(conn, "listening_since")
            if noted is None:
                put_meta(conn, "listening_since", since)
            return float(since if noted is None else noted)

    def enqueue_listening(self, intent: Intent, last_play_id: int) -> OutboxItem | None:
        """Queue a batch of plays and move the play cursor past it, in one transaction.

        None (nothing queued, cursor kept) when sharing was turned off meanwhile.
        """
        with self._db.write() as conn:
            if get_meta(conn, "listening_since") is None:
                return None
            item = _insert(conn, intent)
            put_meta(conn, "listening_after", last_play_id)
            return item

    # -- what happened to a send -------------------------------------------------------------

    def record_attempt(self, client_id: str) -> None:
        """Count an attempt (so an untried read marker can still be folded into a newer one)."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE outbox SET attempts = attempts + 1 WHERE client_id = ?", (client_id,)
            )

    def complete(
        self, client_id: str, entry: dict[str, Any] | None, my_id: int | None
    ) -> set[ChangeArea]:
        """The store has it: apply what it answered and drop the row, in one transaction."""
        with self._db.write() as conn:
            changed = {ChangeArea.OUTBOX}
            if entry is not None:
                changed |= upsert(conn, entry, my_id)
            conn.execute("DELETE FROM outbox WHERE client_id = ?", (client_id,))
            return changed

    def fail(self, client_id: str, error: str, code: str) -> None:
        """The store refused it for good: keep it, marked failed, with the store's words."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'failed', error = ?, error_code = ? WHERE client_id = ?",
                (error, code, client_id),
            )

    def retry(self, client_id: str) -> None:
        """Put a failed send back in line (same client id: the store never made it)."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'pending', error = '', error_code = '' "
                "WHERE client_id = ? AND state = 'failed'",
                (client_id,),
            )

    def discard(self, client_id: str) -> bool:
        """Drop a failed send; pending ones stay (they may be on their way already)."""
        with self._db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM outbox WHERE client_id = ? AND state = 'failed'", (client_id,)
            )
            return bool(cursor.rowcount)
