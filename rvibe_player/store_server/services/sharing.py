"""Listening sharing: the listener's consent level, uploads kept only at that level, deletion.

Off by default. ``summary`` keeps plays counted per day, artist and genre; ``full`` also keeps
each play. Lowering the level deletes what the new level would not have collected (so
revoking is real), and "delete my shared data" deletes everything at any level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, desc, func, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import SHARING_ORDER, EntryKind, SharingLevel
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.models import Account, ListeningDay, ListeningPlay
from rvibe_player.store_server.synclog import append, iso, lock_relationship

SUMMARY_DAYS = 30
RECENT_PLAYS = 50


@dataclass(frozen=True)
class Play:
    """One play the listener's player reports."""

    played_at: datetime
    artist: str
    album: str
    title: str
    genre: str


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _delete_data(session: Session, listener_id: int, *, days: bool) -> dict[str, int]:
    plays = _rowcount(
        session.execute(delete(ListeningPlay).where(ListeningPlay.listener_id == listener_id))
    )
    summary = 0
    if days:
        summary = _rowcount(
            session.execute(delete(ListeningDay).where(ListeningDay.listener_id == listener_id))
        )
    return {"plays": plays, "day_counts": summary}


def set_level(
    session: Session, listener: Account, level: SharingLevel, client_id: str
) -> dict[str, Any]:
    """Change the consent level; lowering it deletes the data above the new level."""
    rel = lock_relationship(session, listener.id)
    previous = SharingLevel(rel.sharing_level)
    if previous is level:
        return {"entry": None, "level": level.value, "deleted": {"plays": 0, "day_counts": 0}}
    deleted = {"plays": 0, "day_counts": 0}
    if SHARING_ORDER.index(level) < SHARING_ORDER.index(previous):
        deleted = _delete_data(session, listener.id, days=level is SharingLevel.OFF)
    rel.sharing_level = level.value
    entry = append(
        session,
        rel,
        EntryKind.SHARING_CHANGED,
        "sharing",
        {"level": level.value, "previous": previous.value},
        actor_id=listener.id,
        client_id=client_id,
    )
    return {"entry": entry.as_dict(), "level": level.value, "deleted": deleted}


def delete_all(session: Session, listener: Account) -> dict[str, Any]:
    """Delete every shared play and count; the level stays as it is."""
    rel = lock_relationship(session, listener.id)
    deleted = _delete_data(session, listener.id, days=True)
    entry = append(
        session,
        rel,
        EntryKind.SHARING_DATA_DELETED,
        "sharing-data",
        {"deleted": deleted},
        actor_id=listener.id,
    )
    return {"entry": entry.as_dict(), "level": rel.sharing_level, "deleted": deleted}


def record_plays(session: Session, listener: Account, plays: list[Play]) -> dict[str, Any]:
    """Keep the uploaded plays at the listener's level; refused while sharing is off."""
    rel = lock_relationship(session, listener.id)  # one upload at a time per listener
    level = SharingLevel(rel.sharing_level)
    if level is SharingLevel.OFF:
        raise ApiError(
            403,
            "sharing_off",
            "Listening sharing is off; turn it on before sending plays.",
        )
    counts = Counter((p.played_at.date(), p.artist, p.genre) for p in plays)
    for (day, artist, genre), n in counts.items():
        row = session.get(ListeningDay, (listener.id, day, artist, genre))
        if row is None:
            session.add(
                ListeningDay(listener_id=listener.id, day=day, artist=artist, genre=genre, plays=n)
            )
        else:
            row.plays += n
    if level is SharingLevel.FULL:
        session.add_all(
            ListeningPlay(
                listener_id=listener.id,
                played_at=p.played_at,
                artist=p.artist,
                album=p.album,
                title=p.title,
                genre=p.genre,
            )
            for p in plays
        )
    return {"accepted": len(plays), "level": level.value}


def shared_summary(session: Session, listener_id: int, level: str, today: date) -> dict[str, Any]:
    """What the curator may see of the listener's listening, at the listener's level."""
    if level == SharingLevel.OFF:
        return {"level": level, "top_artists": [], "top_genres": [], "recent_plays": []}
    since = today - timedelta(days=SUMMARY_DAYS)
    top = []
    for column, name in ((ListeningDay.artist, "top_artists"), (ListeningDay.genre, "top_genres")):
        plays = func.sum(ListeningDay.plays).label("plays")
        rows = session.execute(
            select(column, plays)
            .where(ListeningDay.listener_id == listener_id, ListeningDay.day >= since, column != "")
            .group_by(column)
            .order_by(desc(plays), column)
            .limit(10)
        ).all()
        top.append((name, [{"name": r[0], "plays": int(r[1])} for r in rows]))
    recent: list[dict[str, Any]] = []
    if level == SharingLevel.FULL:
        rows_p = session.scalars(
            select(ListeningPlay)
            .where(ListeningPlay.listener_id == listener_id)
            .order_by(ListeningPlay.played_at.desc())
            .limit(RECENT_PLAYS)
        )
        recent = [
            {
                "played_at": iso(p.played_at),
                "artist": p.artist,
                "album": p.album,
                "title": p.title,
                "genre": p.genre,
            }
            for p in rows_p
        ]
    return {"level": level, "days": SUMMARY_DAYS, **dict(top), "recent_plays": recent}
