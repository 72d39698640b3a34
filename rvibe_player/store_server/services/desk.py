"""The curator's inbox, ordered by need, and the figures on top of it.

Need, in this order: a listener whose message waits for a reply (longest wait first); a
listener whose personal touch is due (the curator's cadence for them, 30 days unless set;
most overdue first); a new listener never contacted (longest assigned first); everyone
else (soonest due first); snoozed listeners last. Ties break by listener id, so the order
is stable between two reads. Everything reads the denormalised ``relationships`` row of
each listener, kept current by the writes (``touch`` and ``listener_wrote`` below), so a
page of 10,000 listeners is one indexed query.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, not_, or_, select
from sqlalchemy.orm import Session

from rvibe_player.store_server.models import (
    Account,
    Assignment,
    Relationship,
    ReplyWait,
    StaffPresence,
    utcnow,
)
from rvibe_player.store_server.services.views import person
from rvibe_player.store_server.synclog import iso

DEFAULT_CADENCE_DAYS = 30
REPLY_WINDOW = timedelta(days=30)


class InboxFilter(StrEnum):
    """Which listeners the inbox lists."""

    ALL = "all"
    WAITING = "waiting"
    DUE = "due"
    NEW = "new"
    SNOOZED = "snoozed"


class Need(StrEnum):
    """Why a listener is where they are in the inbox."""

    WAITING = "waiting"
    DUE = "due"
    NEW = "new"
    FINE = "fine"
    SNOOZED = "snoozed"


_RANK = {Need.WAITING: 0, Need.DUE: 1, Need.NEW: 2, Need.FINE: 3, Need.SNOOZED: 4}


def touch(rel: Relationship, now: datetime) -> None:
    """A personal touch from the curator (a message, note or pick): the next one is due
    a cadence from now."""
    rel.last_touch_at = now
    rel.touch_due_at = now + timedelta(days=rel.touch_every_days or DEFAULT_CADENCE_DAYS)


def listener_wrote(rel: Relationship) -> None:
    """The listener wrote: a snooze "until they write" ends."""
    if rel.snooze_until_reply:
        rel.snooze_until_reply = False
        rel.snoozed_until = None


def set_cadence(rel: Relationship, days: int) -> None:
    """Be in touch every ``days`` days; the due date follows from the last touch."""
    rel.touch_every_days = days
    if rel.last_touch_at is not None:
        rel.touch_due_at = rel.last_touch_at + timedelta(days=days)


def snooze(rel: Relationship, until: datetime | None, until_reply: bool) -> None:
    """Set aside until a moment, or until the listener writes; both None/False: wake."""
    rel.snoozed_until = until
    rel.snooze_until_reply = until_reply


def _snoozed(now: datetime) -> ColumnElement[bool]:
    """Snoozed now; never NULL (a NULL would make ``NOT snoozed`` drop the row)."""
    return or_(
        Relationship.snooze_until_reply.is_(True),
        and_(Relationship.snoozed_until.is_not(None), Relationship.snoozed_until > now),
    )


def _rank(now: datetime) -> Any:
    """The need as a number in SQL (see the module docstring)."""
    return case(
        (_snoozed(now), literal(_RANK[Need.SNOOZED])),
        (Relationship.waiting_since.is_not(None), literal(_RANK[Need.WAITING])),
        (Relationship.touch_due_at <= now, literal(_RANK[Need.DUE])),
        (Relationship.last_touch_at.is_(None), literal(_RANK[Need.NEW])),
        else_=literal(_RANK[Need.FINE]),
    )


def _filter(kind: InboxFilter, now: datetime) -> ColumnElement[bool] | None:
    awake = not_(_snoozed(now))
    if kind is InboxFilter.WAITING:
        return and_(awake, Relationship.waiting_since.is_not(None))
    if kind is InboxFilter.DUE:
        return and_(awake, Relationship.waiting_since.is_(None), Relationship.touch_due_at <= now)
    if kind is InboxFilter.NEW:
        return and_(
            awake, Relationship.waiting_since.is_(None), Relationship.last_touch_at.is_(None)
        )
    if kind is InboxFilter.SNOOZED:
        return _snoozed(now)
    return None


def need_of(rel: Relationship, now: datetime) -> Need:
    """The same need as the SQL's, for one row (what the inbox row says)."""
    if rel.snooze_until_reply or (rel.snoozed_until is not None and rel.snoozed_until > now):
        return Need.SNOOZED
    if rel.waiting_since is not None:
        return Need.WAITING
    if rel.touch_due_at is not None and rel.touch_due_at <= now:
        return Need.DUE
    if rel.last_touch_at is None:
        return Need.NEW
    return Need.FINE


def inbox(
    session: Session,
    curator_ids: list[int],
    *,
    kind: InboxFilter = InboxFilter.ALL,
    query: str = "",
    limit: int = 50,
    offset: int = 0,
    viewer_id: int | None = None,
) -> dict[str, Any]:
    """A page of the listeners of ``curator_ids`` (mine, and those I cover), by need."""
    now = utcnow()
    assigned = (
        select(func.min(Assignment.started_at))
        .where(Assignment.listener_id == Relationship.listener_id, Assignment.ended_at.is_(None))
        .scalar_subquery()
    )
    rank = _rank(now)
    key = case(
        (rank == _RANK[Need.WAITING], Relationship.waiting_since),
        (rank == _RANK[Need.DUE], Relationship.touch_due_at),
        (rank == _RANK[Need.NEW], assigned),
        (rank == _RANK[Need.SNOOZED], Relationship.snoozed_until),
        else_=Relationship.touch_due_at,
    )
    where: list[ColumnElement[bool]] = [
        Relationship.curator_id.in_(curator_ids),
        Account.disabled.is_(False),
    ]
    chosen = _filter(kind, now)
    if chosen is not None:
        where.append(chosen)
    if query.strip():
        words = query.strip().casefold()
        where.append(
            or_(
                func.lower(Account.display_name).contains(words, autoescape=True),
                func.lower(Account.username).contains(words, autoescape=True),
            )
        )
    rows = session.execute(
        select(Relationship, Account, assigned)
        .join(Account, Account.id == Relationship.listener_id)
        .where(*where)
        .order_by(rank, key.asc().nulls_last(), Relationship.listener_id)
        .limit(limit)
        .offset(offset)
    ).all()
    total = session.scalar(
        select(func.count())
        .select_from(Relationship)
        .join(Account, Account.id == Relationship.listener_id)
        .where(*where)
    )
    others = _others_present(session, [rel.listener_id for rel, _a, _s in rows], viewer_id, now)
    items = [
        _row(rel, account, since, now, others.get(rel.listener_id, []))
        for rel, account, since in rows
    ]
    return {
        "items": items,
        "total": int(total or 0),
        "filter": kind.value,
        "offset": offset,
        "limit": limit,
        **counts(session, curator_ids, now),
    }


def _row(
    rel: Relationship, account: Account, since: datetime | None, now: datetime, others: list[Any]
) -> dict[str, Any]:
    waited = (now - rel.waiting_since).total_seconds() if rel.waiting_since else None
    return {
        "listener": person(account) | {"username": account.username},
        "need": need_of(rel, now).value,
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
        "library_sharing": rel.library_sharing,
        "last_touch_at": iso(rel.last_touch_at),
        "touch_every_days": rel.touch_every_days,
        "touch_due_at": iso(rel.touch_due_at),
        "snoozed_until": iso(rel.snoozed_until),
        "snooze_until_reply": rel.snooze_until_reply,
        "assigned_since": iso(since),
        "latest_seq": rel.last_seq,
        "others": others,
    }


def counts(session: Session, curator_ids: list[int], now: datetime) -> dict[str, int]:
    """How many wait, are due, are new, are snoozed, and the unread total."""
    awake = not_(_snoozed(now))
    row = session.execute(
        select(
            func.count(case((and_(awake, Relationship.waiting_since.is_not(None)), 1))),
            func.count(
                case(
                    (
                        and_(
                            awake,
                            Relationship.waiting_since.is_(None),
                            Relationship.touch_due_at <= now,
                        ),
                        1,
                    )
                )
            ),
            func.count(
                case(
                    (
                        and_(
                            awake,
                            Relationship.waiting_since.is_(None),
                            Relationship.last_touch_at.is_(None),
                        ),
                        1,
                    )
                )
            ),
            func.count(case((_snoozed(now), 1))),
            func.coalesce(func.sum(Relationship.unread_by_curator), 0),
        )
        .join(Account, Account.id == Relationship.listener_id)
        .where(Relationship.curator_id.in_(curator_ids), Account.disabled.is_(False))
    ).one()
    waiting, due, new, snoozed, unread = (int(v or 0) for v in row)
    return {"waiting": waiting, "due": due, "new": new, "snoozed": snoozed, "unread_total": unread}


def _others_present(
    session: Session, listener_ids: list[int], viewer_id: int | None, now: datetime
) -> dict[int, list[Any]]:
    """Other staff with these listeners open or typing to them now."""
    if not listener_ids:
        return {}
    rows = session.execute(
        select(StaffPresence, Account)
        .join(Account, Account.id == StaffPresence.staff_id)
        .where(
            StaffPresence.listener_id.in_(listener_ids),
            StaffPresence.until > now,
            StaffPresence.staff_id != (viewer_id or 0),
        )
    ).all()
    found: dict[int, list[Any]] = {}
    for presence, account in rows:
        found.setdefault(presence.listener_id, []).append(
            {"staff": person(account), "state": presence.state, "until": iso(presence.until)}
        )
    return found


def figures(session: Session, curator_id: int, now: datetime | None = None) -> dict[str, Any]:
    """The curator's own figures: median first reply today and over 30 days, and counts."""
    now = now or utcnow()
    since_midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    waits = session.execute(
        select(ReplyWait.seconds, ReplyWait.replied_at).where(
            ReplyWait.curator_id == curator_id, ReplyWait.replied_at >= now - REPLY_WINDOW
        )
    ).all()
    month = [seconds for seconds, _at in waits]
    today = [seconds for seconds, at in waits if at >= since_midnight]
    oldest = session.scalar(
        select(func.min(Relationship.waiting_since)).where(
            Relationship.curator_id == curator_id, not_(_snoozed(now))
        )
    )
    longest = None
    if oldest is not None:
        # min() over a TypeDecorator column comes back raw on some backends.
        moment = oldest if isinstance(oldest, datetime) else datetime.fromisoformat(str(oldest))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=now.tzinfo)
        longest = (now - moment).total_seconds()
    return {
        "window_days": REPLY_WINDOW.days,
        "first_replies": len(month),
        "median_first_reply_seconds": statistics.median(month) if month else None,
        "first_replies_today": len(today),
        "median_first_reply_today_seconds": statistics.median(today) if today else None,
        "longest_wait_seconds": longest,
        **counts(session, [curator_id], now),
    }
