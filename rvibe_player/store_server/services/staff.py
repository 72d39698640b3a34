"""What curators see: the inbox, a listener's context (recorded), reply-time figures.

The inbox reads only the denormalised ``relationships`` row per listener (kept current by the
writes in ``relationship``), so it costs one indexed query whatever the history's size.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rvibe_player.store_server.models import (
    AccessRecord,
    Account,
    Assignment,
    Message,
    Note,
    Pick,
    Relationship,
    ReplyWait,
    utcnow,
)
from rvibe_player.store_server.services.sharing import shared_summary
from rvibe_player.store_server.services.views import (
    maybe_person,
    message_view,
    note_view,
    people_for,
    person,
    pick_view,
)
from rvibe_player.store_server.synclog import iso

REPLY_WINDOW = timedelta(days=30)
CONTEXT_MESSAGES = 100


def inbox(session: Session, curator_id: int, limit: int, offset: int) -> dict[str, Any]:
    """The curator's listeners, whoever waits longest for a reply first, then most recent."""
    now = utcnow()
    rows = session.execute(
        select(Relationship, Account)
        .join(Account, Account.id == Relationship.listener_id)
        .where(Relationship.curator_id == curator_id)
        .order_by(
            Relationship.waiting_since.asc().nulls_last(),
            Relationship.last_activity_at.desc().nulls_last(),
            Relationship.listener_id,
        )
        .limit(limit)
        .offset(offset)
    ).all()
    total, unread, waiting = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(Relationship.unread_by_curator), 0),
            func.count(Relationship.waiting_since),
        ).where(Relationship.curator_id == curator_id)
    ).one()
    items = []
    for rel, account in rows:
        waited = (now - rel.waiting_since).total_seconds() if rel.waiting_since else None
        items.append(
            {
                "listener": person(account) | {"username": account.username},
                "waiting_since": iso(rel.waiting_since),
                "waiting_seconds": waited,
                "unread": rel.unread_by_curator,
                "last_activity_at": iso(rel.last_activity_at),
                "last_message": None
                if rel.last_message_at is None
                else {
                    "at": iso(rel.last_message_at),
                    "from": rel.last_message_from,
                    "excerpt": rel.last_message_excerpt,
                },
                "sharing_level": rel.sharing_level,
                "latest_seq": rel.last_seq,
            }
        )
    return {
        "items": items,
        "total": int(total),
        "unread_total": int(unread),
        "waiting": int(waiting),
        "offset": offset,
        "limit": limit,
    }


def record_access(
    session: Session,
    listener_id: int,
    staff_id: int,
    action: str,
    *,
    coalesce: timedelta | None = None,
) -> None:
    """Record that staff looked; with ``coalesce``, one record per window and action."""
    now = utcnow()
    if coalesce is not None:
        recent = session.scalar(
            select(AccessRecord.id)
            .where(
                AccessRecord.listener_id == listener_id,
                AccessRecord.staff_id == staff_id,
                AccessRecord.action == action,
                AccessRecord.at > now - coalesce,
            )
            .limit(1)
        )
        if recent is not None:
            return
    session.add(AccessRecord(listener_id=listener_id, staff_id=staff_id, action=action, at=now))


def access_records(session: Session, listener_id: int, limit: int, offset: int) -> dict[str, Any]:
    """The listener's ledger of staff views, newest first."""
    rows = session.scalars(
        select(AccessRecord)
        .where(AccessRecord.listener_id == listener_id)
        .order_by(AccessRecord.at.desc(), AccessRecord.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    staff = people_for(session, {r.staff_id for r in rows})
    total = session.scalar(
        select(func.count())
        .select_from(AccessRecord)
        .where(AccessRecord.listener_id == listener_id)
    )
    return {
        "items": [
            {"at": iso(r.at), "action": r.action, "staff": maybe_person(staff.get(r.staff_id or 0))}
            for r in rows
        ],
        "total": int(total or 0),
        "offset": offset,
        "limit": limit,
    }


def context(session: Session, listener: Account, rel: Relationship) -> dict[str, Any]:
    """Everything a curator needs on one screen about one listener."""
    notes = session.scalars(
        select(Note)
        .where(Note.listener_id == listener.id, Note.deleted_at.is_(None))
        .order_by(Note.created_at.desc(), Note.id.desc())
    ).all()
    picks = session.scalars(
        select(Pick).where(Pick.listener_id == listener.id).order_by(Pick.id.desc()).limit(200)
    ).all()
    messages = list(
        session.scalars(
            select(Message)
            .where(Message.listener_id == listener.id)
            .order_by(Message.seq.desc())
            .limit(CONTEXT_MESSAGES + 1)
        )
    )
    older = len(messages) > CONTEXT_MESSAGES
    messages = list(reversed(messages[:CONTEXT_MESSAGES]))
    ids = (
        {n.author_id for n in notes} | {n.edited_by for n in notes} | {p.curator_id for p in picks}
    )
    people = people_for(session, ids | {m.author_id for m in messages})
    assigned = session.scalar(
        select(Assignment.started_at)
        .where(Assignment.listener_id == listener.id, Assignment.ended_at.is_(None))
        .limit(1)
    )
    feedback = {"seen": 0, "played": 0, "loved": 0, "dismissed": 0, "none": 0}
    for pick in picks:
        feedback[pick.feedback or "none"] += 1
    return {
        "listener": person(listener)
        | {"username": listener.username, "member_since": iso(listener.created_at)},
        "assigned_since": iso(assigned),
        "sharing": shared_summary(session, listener.id, rel.sharing_level, utcnow().date()),
        "picks": [
            pick_view(session, p, people.get(p.curator_id or 0))
            | {"withdrawn_at": iso(p.withdrawn_at)}
            for p in picks
        ],
        "pick_feedback": feedback,
        "notes": [
            note_view(n, people.get(n.author_id or 0), people.get(n.edited_by or 0)) for n in notes
        ],
        "conversation": {
            "messages": [message_view(m, people.get(m.author_id or 0)) for m in messages],
            "has_older": older,
            "waiting_since": iso(rel.waiting_since),
            "unread": rel.unread_by_curator,
            "listener_read_seq": rel.listener_read_seq,
            "curator_read_seq": rel.curator_read_seq,
        },
        "latest_seq": rel.last_seq,
    }


def reply_figures(session: Session, curator_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Median first-reply time over the last 30 days, and who waits now."""
    now = now or utcnow()
    seconds = list(
        session.scalars(
            select(ReplyWait.seconds).where(
                ReplyWait.curator_id == curator_id, ReplyWait.replied_at >= now - REPLY_WINDOW
            )
        )
    )
    waiting, oldest = session.execute(
        select(func.count(Relationship.waiting_since), func.min(Relationship.waiting_since)).where(
            Relationship.curator_id == curator_id
        )
    ).one()
    oldest_s = None
    if oldest is not None:
        # min() over a TypeDecorator column comes back as the raw value on some backends.
        oldest_dt = oldest if isinstance(oldest, datetime) else datetime.fromisoformat(str(oldest))
        if oldest_dt.tzinfo is None:
            oldest_dt = oldest_dt.replace(tzinfo=now.tzinfo)
        oldest_s = (now - oldest_dt).total_seconds()
    return {
        "window_days": REPLY_WINDOW.days,
        "first_replies": len(seconds),
        "median_first_reply_seconds": statistics.median(seconds) if seconds else None,
        "waiting_now": int(waiting),
        "longest_wait_seconds": oldest_s,
    }


def median_first_reply(session: Session, curator_id: int) -> float | None:
    """The curator's 30-day median first reply in seconds (None without replies)."""
    value: float | None = reply_figures(session, curator_id)["median_first_reply_seconds"]
    return value
