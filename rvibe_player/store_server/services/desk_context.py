"""One listener on one screen for the curator's desk, bounded by what the listener shares.

On top of the profile, picks, notes and the newest of the conversation
(``staff.context``), the desk shows: listening this month against last month and the
artists new to them (only at the level the listener chose: nothing when off), the albums in
their library (only with that separate consent), how each pick fared (their answer, and
how often they played it where their sharing tells), the curators' staff-only notes (never
in the listener's log), and who else has the listener open.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import SharingLevel
from rvibe_player.store_server.models import (
    ListenerAlbum,
    ListeningDay,
    ListeningPlay,
    Message,
    Pick,
    Relationship,
    Release,
    StaffNote,
    utcnow,
)
from rvibe_player.store_server.services.desk import _others_present
from rvibe_player.store_server.services.views import message_view, people_for, person
from rvibe_player.store_server.synclog import iso

CONVERSATION_PAGE = 50
"""Messages in the context (older ones come by page, as the curator scrolls)."""
OWNED_SHOWN = 200
MONTH = timedelta(days=30)


def _top(counts: Counter[str], n: int = 10) -> list[dict[str, Any]]:
    return [{"name": k, "plays": v} for k, v in sorted(counts.items(), key=lambda i: (-i[1], i[0]))
            if k][:n]  # fmt: skip


def listening(session: Session, listener_id: int, level: str, today: date) -> dict[str, Any]:
    """This month against last month, and artists new to the listener this month."""
    if level == SharingLevel.OFF:
        return {"level": level, "this_month": None, "last_month": None, "new_artists": []}
    rows = session.execute(
        select(ListeningDay.day, ListeningDay.artist, ListeningDay.genre, ListeningDay.plays).where(
            ListeningDay.listener_id == listener_id,
            ListeningDay.day >= today - timedelta(days=365),
        )
    ).all()
    month_start, last_start = today - MONTH, today - 2 * MONTH
    months: dict[str, tuple[Counter[str], Counter[str]]] = {
        "this": (Counter(), Counter()),
        "last": (Counter(), Counter()),
    }
    before: set[str] = set()
    for day, artist, genre, plays in rows:
        which = "this" if day > month_start else "last" if day > last_start else None
        if which is not None:
            months[which][0][artist] += plays
            months[which][1][genre] += plays
        if day <= month_start:
            before.add(artist.casefold())
    this_artists = months["this"][0]
    new = [a for a, _n in this_artists.most_common() if a and a.casefold() not in before]

    def month(which: str) -> dict[str, Any]:
        artists, genres = months[which]
        return {"plays": sum(artists.values()), "top_artists": _top(artists),
                "top_genres": _top(genres)}  # fmt: skip

    return {
        "level": level,
        "this_month": month("this"),
        "last_month": month("last"),
        "new_artists": new[:10],
    }


def owned_albums(session: Session, rel: Relationship) -> dict[str, Any] | None:
    """The albums in the listener's library, with their consent (None without it)."""
    if not rel.library_sharing:
        return None
    total = session.scalar(
        select(func.count())
        .select_from(ListenerAlbum)
        .where(ListenerAlbum.listener_id == rel.listener_id)
    )
    rows = session.scalars(
        select(ListenerAlbum)
        .where(ListenerAlbum.listener_id == rel.listener_id)
        .order_by(ListenerAlbum.artist, ListenerAlbum.album)
        .limit(OWNED_SHOWN)
    )
    return {
        "total": int(total or 0),
        "albums": [{"artist": a.artist, "album": a.album} for a in rows],
    }


def pick_outcomes(session: Session, rel: Relationship, picks: list[Pick]) -> dict[int, Any]:
    """Per pick: the listener's answer and, with full sharing, how often they played the
    picked release since (by album name; a summary cannot tell one album from another)."""
    outcomes: dict[int, Any] = {}
    for pick in picks:
        plays: int | None = None
        release = session.get(Release, pick.release_id) if pick.release_id else None
        if release is not None and rel.sharing_level == SharingLevel.FULL:
            plays = int(
                session.scalar(
                    select(func.count())
                    .select_from(ListeningPlay)
                    .where(
                        ListeningPlay.listener_id == rel.listener_id,
                        ListeningPlay.played_at >= pick.created_at,
                        func.lower(ListeningPlay.album) == release.title.casefold(),
                    )
                )
                or 0
            )
        outcomes[pick.id] = {"feedback": pick.feedback, "plays": plays}
    return outcomes


def staff_notes(session: Session, listener_id: int) -> list[dict[str, Any]]:
    """Curators' own notes about the listener, newest first (never in their log)."""
    notes = list(
        session.scalars(
            select(StaffNote)
            .where(StaffNote.listener_id == listener_id, StaffNote.deleted_at.is_(None))
            .order_by(StaffNote.created_at.desc(), StaffNote.id.desc())
        )
    )
    people = people_for(session, {n.author_id for n in notes})
    return [
        {
            "id": n.id,
            "body": n.body,
            "author": person(people[n.author_id]) if n.author_id in people else None,
            "created_at": iso(n.created_at),
            "updated_at": iso(n.updated_at),
        }
        for n in notes
    ]


def messages_before(
    session: Session, listener_id: int, before_seq: int | None, limit: int = CONVERSATION_PAGE
) -> dict[str, Any]:
    """A page of the conversation, newest ``limit`` before ``before_seq`` (oldest first)."""
    query = select(Message).where(Message.listener_id == listener_id)
    if before_seq is not None:
        query = query.where(Message.seq < before_seq)
    rows = list(session.scalars(query.order_by(Message.seq.desc()).limit(limit + 1)))
    older = len(rows) > limit
    rows = list(reversed(rows[:limit]))
    people = people_for(session, {m.author_id for m in rows})
    return {
        "messages": [message_view(m, people.get(m.author_id or 0)) for m in rows],
        "has_older": older,
    }


def desk_context(
    session: Session, base: dict[str, Any], rel: Relationship, viewer_id: int
) -> dict[str, Any]:
    """The desk's additions to the context (``base`` is ``staff.context``'s answer)."""
    now = utcnow()
    picks = list(
        session.scalars(select(Pick).where(Pick.listener_id == rel.listener_id).limit(200))
    )
    outcomes = pick_outcomes(session, rel, picks)
    for view in base["picks"]:
        view["outcome"] = outcomes.get(view["id"])
    page = messages_before(session, rel.listener_id, None)
    conversation = base["conversation"] | page
    return base | {
        "listening": listening(session, rel.listener_id, rel.sharing_level, now.date()),
        "owned": owned_albums(session, rel),
        "staff_notes": staff_notes(session, rel.listener_id),
        "conversation": conversation,
        "touch": {
            "last_touch_at": iso(rel.last_touch_at),
            "every_days": rel.touch_every_days,
            "due_at": iso(rel.touch_due_at),
            "snoozed_until": iso(rel.snoozed_until),
            "snooze_until_reply": rel.snooze_until_reply,
        },
        "others": _others_present(session, [rel.listener_id], viewer_id, now).get(
            rel.listener_id, []
        ),
    }
