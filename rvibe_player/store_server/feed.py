"""The curators' stream: one ordered feed per curator of everything about their listeners.

Every entry appended to a listener's log gets a row in the feed of each curator looking
after that listener (the assigned one, and whoever covers for them), in the same
transaction; desk events that are no log entry (a colleague opens the listener, a
staff-only note) get a row too, with the event in ``data``. A curator's desk follows one
cursor (the feed's id) with the same long-poll, heartbeat and resync rules as ``/v1/sync``
(PROTOCOL.md "The staff stream"), instead of one long-poll per listener.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text, tuple_
from sqlalchemy.orm import Session

from rvibe_player.store_server.database import record_log_change
from rvibe_player.store_server.models import Cover, Relationship, StaffFeed, SyncEntry, utcnow
from rvibe_player.store_server.notifier import CHANNEL


def stream_key(curator_id: int) -> int:
    """The notifier's key for a curator's stream (listeners' logs use their positive ids)."""
    return -curator_id


def looking_after(session: Session, curator_id: int | None, now: datetime) -> list[int]:
    """Who follows a listener of ``curator_id``: that curator and whoever covers them now."""
    if curator_id is None:
        return []
    covering = session.scalars(
        select(Cover.by_id).where(
            Cover.curator_id == curator_id, Cover.starts_at <= now, Cover.ends_at > now
        )
    )
    return [curator_id, *(c for c in covering if c != curator_id)]


def visible_curators(session: Session, staff_id: int, now: datetime) -> list[int]:
    """Whose listeners ``staff_id`` may see: their own, and those of whom they cover now."""
    covered = session.scalars(
        select(Cover.curator_id).where(
            Cover.by_id == staff_id, Cover.starts_at <= now, Cover.ends_at > now
        )
    )
    return [staff_id, *(c for c in covered if c != staff_id)]


def _add(
    session: Session, curator_id: int, listener_id: int, seq: int, kind: str, data: str
) -> None:
    row = StaffFeed(
        curator_id=curator_id,
        listener_id=listener_id,
        seq=seq,
        kind=kind,
        data=data,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    key = stream_key(curator_id)
    record_log_change(session, key, row.id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": f"{key}:{row.id}"},
        )


def feed_entry(session: Session, rel: Relationship, seq: int, kind: str) -> None:
    """A listener's log grew: tell each curator looking after them."""
    for curator_id in looking_after(session, rel.curator_id, utcnow()):
        _add(session, curator_id, rel.listener_id, seq, kind, "")


def feed_event(
    session: Session,
    rel: Relationship,
    kind: str,
    data: dict[str, Any],
    *,
    except_id: int | None = None,
) -> None:
    """A desk event about a listener (no log entry): tell those looking after them."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for curator_id in looking_after(session, rel.curator_id, utcnow()):
        if curator_id != except_id:
            _add(session, curator_id, rel.listener_id, 0, kind, payload)


@dataclass(frozen=True)
class FeedPage:
    """Stream items after a cursor, ready to send (the same shape of answer as a log page)."""

    entries_json: list[str]
    next_after: int
    latest: int

    @property
    def has_more(self) -> bool:
        """Whether items after ``next_after`` existed when this page was read."""
        return self.next_after < self.latest

    def body(self, *, timed_out: bool = False) -> str:
        """The JSON body of a stream answer."""
        tail = json.dumps(
            {
                "next_after": self.next_after,
                "has_more": self.has_more,
                "epoch": 1,
                **({"timed_out": True} if timed_out else {}),
            }
        )
        return '{"entries":[' + ",".join(self.entries_json) + "]," + tail[1:]


@dataclass(frozen=True)
class FeedResync:
    """The cursor is past the stream's end (a store started afresh): read from 0."""

    reason: str
    latest_seq: int


def read_feed(session: Session, staff_id: int, after: int, limit: int) -> FeedPage | FeedResync:
    """Up to ``limit`` stream items after ``after`` for ``staff_id``, of listeners they may
    still see (a hand-over takes the earlier items with it)."""
    latest = session.scalar(
        select(StaffFeed.id)
        .where(StaffFeed.curator_id == staff_id)
        .order_by(StaffFeed.id.desc())
        .limit(1)
    )
    latest = int(latest or 0)
    if after > latest:
        return FeedResync("cursor_ahead", latest)
    rows = list(
        session.scalars(
            select(StaffFeed)
            .where(StaffFeed.curator_id == staff_id, StaffFeed.id > after)
            .order_by(StaffFeed.id)
            .limit(limit)
        )
    )
    visible = set(visible_curators(session, staff_id, utcnow()))
    listeners = {r.listener_id for r in rows}
    owners: dict[int, int | None] = {}
    if listeners:
        pairs = session.execute(
            select(Relationship.listener_id, Relationship.curator_id).where(
                Relationship.listener_id.in_(listeners)
            )
        )
        owners = {row[0]: row[1] for row in pairs}
    wanted = [(r.listener_id, r.seq) for r in rows if r.seq > 0]
    entries: dict[tuple[int, int], SyncEntry] = {}
    if wanted:
        found = session.scalars(
            select(SyncEntry).where(tuple_(SyncEntry.listener_id, SyncEntry.seq).in_(wanted))
        )
        entries = {(e.listener_id, e.seq): e for e in found}
    out = []
    for row in rows:
        if owners.get(row.listener_id) not in visible:
            continue  # handed over since: no longer mine to read
        entry = entries.get((row.listener_id, row.seq))
        out.append(_item(row, entry))
    next_after = rows[-1].id if rows else after
    return FeedPage(out, next_after, latest)


def _item(row: StaffFeed, entry: SyncEntry | None) -> str:
    from rvibe_player.store_server.synclog import entry_json

    head = json.dumps(
        {"id": row.id, "listener_id": row.listener_id, "kind": row.kind, "seq": row.seq},
        ensure_ascii=False,
    )
    if entry is not None:
        body = entry_json(entry)
        return f'{head[:-1]},"entry":{body},"event":null}}'
    event = row.data or "null"
    return f'{head[:-1]},"entry":null,"event":{event}}}'
