"""The cached relationship log: objects upserted by ``seq``, tombstones kept, and the cursor.

Entries are applied as upserts of their ``object`` (PROTOCOL.md "Applying entries"), guarded
by ``seq`` so an older write never replaces a newer one and a tombstone stays a tombstone,
whatever order pages and send answers arrive in.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from rvibe_player.core.store_protocol import TOMBSTONE_KINDS
from rvibe_player.core.wire import (
    CuratorAssignedWire,
    CuratorProfileWire,
    MessageWire,
    NoteWire,
    PickWire,
    ReadMarkerWire,
)
from rvibe_player.store_client import intents
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.cache_db import CacheDb, dumps, put_meta

AREAS = {
    "note": ChangeArea.NOTES,
    "pick": ChangeArea.PICKS,
    "message": ChangeArea.MESSAGES,
    "read": ChangeArea.READ,
    "curator": ChangeArea.CURATOR,
    "sharing": ChangeArea.SHARING,
    "sharing-data": ChangeArea.SHARING,
    "library-sharing": ChangeArea.SHARING,
}
"""Which part of the panel an object type belongs to (what a change notification names)."""

log = logging.getLogger(__name__)
_COLUMNS = "key, seq, kind, actor_id, client_id, at, data"


def object_type(key: str) -> str:
    """``note:12`` -> ``note``; ``curator`` -> ``curator``."""
    return key.split(":", 1)[0]


def area_of(kind_type: str) -> ChangeArea | None:
    """The part of the panel objects of this type show in (None: none of ours)."""
    return AREAS.get(kind_type)


def _sort_key(kind_type: str, data: dict[str, Any], seq: int) -> str:
    """Order within a type: messages by their seq, notes and picks by creation time."""
    inner = data.get(kind_type)
    if kind_type == "message" and isinstance(inner, dict):
        return f"{int(inner.get('seq') or seq):020d}"
    if kind_type in ("note", "pick") and isinstance(inner, dict):
        return str(inner.get("created_at") or "")
    return ""


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


def note_of(stored: StoredObject) -> NoteWire:
    """The note a ``note:*`` object holds (as the store wrote it)."""
    return cast(NoteWire, stored.data["note"])


def pick_of(stored: StoredObject) -> PickWire:
    """The pick a ``pick:*`` object holds."""
    return cast(PickWire, stored.data["pick"])


def message_of(stored: StoredObject) -> MessageWire:
    """The message a ``message:*`` object holds."""
    return cast(MessageWire, stored.data["message"])


def curator_of(stored: StoredObject) -> CuratorProfileWire | None:
    """The curator a ``curator`` object names (None: nobody for now)."""
    return cast(CuratorAssignedWire, stored.data)["curator"]


def read_seq_of(stored: StoredObject | None) -> int:
    """How far a ``read:*`` object says its side has read (0 when there is none)."""
    return int(cast(ReadMarkerWire, stored.data)["seq"]) if stored is not None else 0


def _stored(row: tuple[Any, ...]) -> StoredObject:
    return StoredObject(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]))


def upsert(conn: sqlite3.Connection, entry: dict[str, Any], my_id: int | None) -> set[ChangeArea]:
    """Apply one entry inside a transaction; returns the areas that changed.

    An entry I made (``actor_id == my_id``) with a client id settles the outbox row of that
    id: the store has it.
    """
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
            dumps(data),
        ),
    )
    changed: set[ChangeArea] = set()
    area = area_of(kind_type)
    if cursor.rowcount and area is not None:
        changed.add(area)
    if client_id and my_id is not None and actor_id == my_id:
        gone = conn.execute("DELETE FROM outbox WHERE client_id = ?", (client_id,))
        if gone.rowcount:
            changed.add(ChangeArea.OUTBOX)
    return changed


def _resend_lost(
    conn: sqlite3.Connection, entries: Iterable[dict[str, Any]], my_id: int
) -> set[ChangeArea]:
    """My messages the cache has and ``entries`` (the store's whole log) lacks, queued again."""
    from rvibe_player.store_client.outbox_store import requeue  # it builds on this module

    kept = {e.get("client_id") for e in entries if e.get("actor_id") == my_id}
    rows = conn.execute(
        "SELECT client_id, data FROM objects WHERE type = 'message' AND actor_id = ? "
        "AND deleted = 0 AND client_id IS NOT NULL ORDER BY sort_key",
        (my_id,),
    ).fetchall()
    queued = 0
    for client_id, data in rows:
        body = (json.loads(data).get("message") or {}).get("body")
        if client_id in kept or not body:
            continue
        queued += requeue(conn, intents.message(str(body)), str(client_id))
    if queued:
        log.warning("The store lost %d of my messages (restored from a backup): sent again", queued)
    return {ChangeArea.OUTBOX, ChangeArea.MESSAGES} if queued else set()


class LogStore:
    """The log's objects and the sync cursor, over a shared :class:`CacheDb`."""

    def __init__(self, db: CacheDb) -> None:
        self._db = db

    def cursor(self) -> tuple[int, int | None]:
        """``(after, epoch)`` to ask the store for what comes next."""
        with self._db.read() as conn:
            rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('after', 'epoch')"))
        after = json.loads(rows["after"]) if "after" in rows else 0
        epoch = json.loads(rows["epoch"]) if "epoch" in rows else None
        return int(after), epoch

    def apply_page(
        self,
        entries: Iterable[dict[str, Any]],
        next_after: int,
        epoch: int | None,
        my_id: int | None,
        *,
        replace: bool = False,
        resend_lost: bool = False,
    ) -> set[ChangeArea]:
        """Apply a sync page and move the cursor, in one transaction; returns changed areas.

        ``replace`` (a resync) first drops every cached object: the entries are the whole
        log again. The outbox is kept; rows the log shows as done leave it. ``resend_lost``
        (the store went back in time: restored from a backup) first puts my own messages
        the new log lacks back in the outbox under their client ids, so they reach the
        store again, once each.
        """
        entries = list(entries)
        with self._db.write() as conn:
            changed: set[ChangeArea] = set()
            if replace and resend_lost and my_id is not None:
                changed |= _resend_lost(conn, entries, my_id)
            if replace:
                types = {r[0] for r in conn.execute("SELECT DISTINCT type FROM objects")}
                changed |= {a for t in types if (a := area_of(t)) is not None}
                conn.execute("DELETE FROM objects")
            for entry in entries:
                changed |= upsert(conn, entry, my_id)
            put_meta(conn, "after", next_after)
            put_meta(conn, "epoch", epoch)
            return changed

    def apply_entry(self, entry: dict[str, Any], my_id: int | None) -> set[ChangeArea]:
        """Apply one entry a send answered with (the cursor stays where it is)."""
        with self._db.write() as conn:
            return upsert(conn, entry, my_id)

    def objects(self, kind_type: str, *, newest_first: bool = False) -> list[StoredObject]:
        """Live objects of one type (``note``, ``pick``, ``message``...) in their order."""
        order = "DESC" if newest_first else "ASC"
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE type = ? AND deleted = 0 "
                f"ORDER BY sort_key {order}, seq {order}",
                (kind_type,),
            ).fetchall()
        return [_stored(r) for r in rows]

    def object(self, key: str) -> StoredObject | None:
        """One live object by key."""
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM objects WHERE key = ? AND deleted = 0", (key,)
            ).fetchone()
        return None if row is None else _stored(row)

    def max_seq(self) -> int:
        """The highest seq of any cached object (0 for none)."""
        with self._db.read() as conn:
            return int(conn.execute("SELECT coalesce(max(seq), 0) FROM objects").fetchone()[0])
