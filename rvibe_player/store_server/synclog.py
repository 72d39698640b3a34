"""The relationship log: appending entries with per-listener ``seq``, reading pages, compaction.

Why a counter row per listener rather than one global sequence: ``relationships.last_seq`` is
incremented inside the writing transaction, whose row lock (PostgreSQL) or write lock (SQLite)
is held until commit. So per listener, ``seq`` is gapless and entries become visible in ``seq``
order: a reader that saw ``seq = n`` can never later find a committed ``n - 1`` it skipped,
which a global sequence (allocated before commit, committed out of order) would allow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import TOMBSTONE_KINDS, EntryKind
from rvibe_player.store_server.database import record_log_change
from rvibe_player.store_server.errors import not_found
from rvibe_player.store_server.feed import feed_entry
from rvibe_player.store_server.models import Relationship, SyncEntry, utcnow
from rvibe_player.store_server.notifier import CHANNEL


def iso(moment: datetime | None) -> str | None:
    """An aware UTC timestamp as ISO 8601 with ``Z``."""
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def lock_relationship(session: Session, listener_id: int) -> Relationship:
    """The listener's relationship row, locked for this transaction (404 when unknown)."""
    rel = session.get(Relationship, listener_id, with_for_update=True)
    if rel is None:
        raise not_found("listener")
    return rel


@dataclass(frozen=True)
class Appended:
    """An entry just appended, as the client will receive it."""

    seq: int
    json: str

    def as_dict(self) -> dict[str, Any]:
        """The entry as a JSON object."""
        parsed: dict[str, Any] = json.loads(self.json)
        return parsed


def append(
    session: Session,
    rel: Relationship,
    kind: EntryKind,
    object_key: str,
    data: dict[str, Any],
    *,
    actor_id: int | None,
    client_id: str | None = None,
) -> Appended:
    """Append an entry to ``rel``'s log (``rel`` must be locked by :func:`lock_relationship`)."""
    now = utcnow()
    rel.last_seq += 1
    rel.last_activity_at = now
    entry = SyncEntry(
        listener_id=rel.listener_id,
        seq=rel.last_seq,
        kind=kind.value,
        object_key=object_key,
        actor_id=actor_id,
        client_id=client_id,
        created_at=now,
        data=dumps(data),
    )
    session.add(entry)
    session.flush()
    record_log_change(session, rel.listener_id, rel.last_seq)
    feed_entry(session, rel, rel.last_seq, kind.value)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{rel.listener_id}:{rel.last_seq}"},
        )
    return Appended(
        rel.last_seq,
        _entry_json(entry.seq, entry.kind, object_key, now, actor_id, client_id, entry.data),
    )


def entry_json(entry: SyncEntry) -> str:
    """A stored entry as the JSON a client receives."""
    return _entry_json(
        entry.seq,
        entry.kind,
        entry.object_key,
        entry.created_at,
        entry.actor_id,
        entry.client_id,
        entry.data,
    )


def _entry_json(
    seq: int,
    kind: str,
    object_key: str,
    at: datetime,
    actor_id: int | None,
    client_id: str | None,
    data: str,
) -> str:
    head = dumps(
        {
            "seq": seq,
            "kind": kind,
            "object": object_key,
            "at": iso(at),
            "actor_id": actor_id,
            "client_id": client_id,
        }
    )
    return f'{head[:-1]},"data":{data}}}'


@dataclass(frozen=True)
class Page:
    """Entries after a cursor, ready to send."""

    entries_json: list[str]
    next_after: int
    latest_seq: int
    epoch: int

    @property
    def has_more(self) -> bool:
        """Whether entries after ``next_after`` existed when this page was read."""
        return self.next_after < self.latest_seq

    def body(self, *, timed_out: bool = False) -> str:
        """The JSON body of a sync answer."""
        tail = dumps(
            {
                "next_after": self.next_after,
                "has_more": self.has_more,
                "latest_seq": self.latest_seq,
                "epoch": self.epoch,
                "timed_out": timed_out,
            }
        )
        return '{"entries":[' + ",".join(self.entries_json) + "]," + tail[1:]


@dataclass(frozen=True)
class Resync:
    """The cursor is no longer served: the client must drop its copy and read from 0."""

    reason: str
    latest_seq: int


# Built once: the statement's cache key and compiled form are then reused as they are
# (``async_reads`` runs its PostgreSQL form on the event loop). One statement, so the log's
# end and the entries come from the same snapshot (reads run in autocommit on PostgreSQL):
# the relationship row, outer-joined to its entries.
PAGE = (
    select(
        Relationship.last_seq,
        Relationship.resync_below,
        Relationship.log_epoch,
        SyncEntry.seq,
        SyncEntry.kind,
        SyncEntry.object_key,
        SyncEntry.created_at,
        SyncEntry.actor_id,
        SyncEntry.client_id,
        SyncEntry.data,
    )
    .select_from(Relationship)
    .outerjoin(
        SyncEntry,
        (SyncEntry.listener_id == Relationship.listener_id)
        & (SyncEntry.seq > bindparam("after"))
        & (SyncEntry.seq <= Relationship.last_seq),
    )
    .where(Relationship.listener_id == bindparam("listener_id"))
    .order_by(SyncEntry.seq)
    .limit(bindparam("limit", type_=Integer))
)


def read_page(
    connection: Connection,
    listener_id: int,
    after: int,
    limit: int,
    epoch: int | None = None,
) -> Page | Resync:
    """Entries with ``seq > after``, oldest first, at most ``limit``; or why to resync.

    ``epoch`` is the one the client's previous page carried: a cursor below ``resync_below``
    is only trusted when it was read in the current epoch (after the compaction).
    ``connection``: a Core connection (``Database.read_connection``): less than half the
    time of an ORM session here.
    """
    rows = connection.execute(
        PAGE, {"after": after, "listener_id": listener_id, "limit": limit}
    ).all()
    return page_from_rows(rows, after, limit, epoch)


def page_from_rows(
    rows: Sequence[Sequence[Any]], after: int, limit: int, epoch: int | None
) -> Page | Resync:
    """The answer to :data:`PAGE`'s rows (``created_at`` aware, in UTC)."""
    if not rows:
        raise not_found("listener")
    latest, resync_below, current_epoch = rows[0][:3]
    if after > latest:
        return Resync("cursor_ahead", latest)
    if 0 < after < resync_below and epoch != current_epoch:
        return Resync("compacted", latest)
    entries = [
        _entry_json(seq, kind, key, at, actor, client_id, data)
        for _l, _r, _e, seq, kind, key, at, actor, client_id, data in rows
        if seq is not None
    ]
    # Compaction may have removed every remaining entry below ``latest``: then we are current.
    next_after = rows[-1][3] if len(entries) == limit else max(after, latest)
    return Page(entries, next_after, latest, current_epoch)


@dataclass(frozen=True)
class Compaction:
    """What compacting one listener's log did."""

    removed: int
    resync_below: int


def compact(session: Session, listener_id: int, tombstones_before: datetime) -> Compaction:
    """Drop superseded entries, and tombstones older than ``tombstones_before``.

    Every object keeps its newest entry, so any cursor still converges; only dropping a
    tombstone raises ``resync_below`` (a client behind it may still hold the object) and
    starts a new epoch, so cursors read from the compacted log are told apart from old ones.
    """
    rel = lock_relationship(session, listener_id)
    rows = session.execute(
        select(SyncEntry.seq, SyncEntry.object_key, SyncEntry.kind, SyncEntry.created_at)
        .where(SyncEntry.listener_id == listener_id)
        .order_by(SyncEntry.seq)
    ).all()
    newest: dict[str, int] = {}
    for seq, key, _kind, _at in rows:
        newest[key] = seq
    doomed = [seq for seq, key, _kind, _at in rows if newest[key] != seq]
    purged = False
    for seq, key, kind, at in rows:
        if newest[key] == seq and kind in TOMBSTONE_KINDS and at < tombstones_before:
            doomed.append(seq)
            rel.resync_below = max(rel.resync_below, seq)
            purged = True
    if purged:
        rel.log_epoch += 1
    for chunk in _chunks(sorted(doomed), 500):
        session.execute(
            delete(SyncEntry).where(SyncEntry.listener_id == listener_id, SyncEntry.seq.in_(chunk))
        )
    return Compaction(len(doomed), rel.resync_below)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def count_entries(session: Session, listener_id: int) -> int:
    """How many entries the listener's log holds now."""
    return int(
        session.scalar(
            select(func.count()).select_from(SyncEntry).where(SyncEntry.listener_id == listener_id)
        )
        or 0
    )
