"""What a curator does at the desk besides writing to a listener: staff-only notes, snoozes,
cadence, presence, saved replies, and editing a pick's reason.

Staff-only notes never enter the listener's log; colleagues looking after the listener
hear of them (and of snoozes and presence) through the staff stream (``feed``).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import EntryKind
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.feed import feed_event
from rvibe_player.store_server.models import (
    Account,
    Pick,
    Relationship,
    SavedReply,
    StaffNote,
    StaffPresence,
    utcnow,
)
from rvibe_player.store_server.services import desk
from rvibe_player.store_server.services.rows import listener_row, live_row
from rvibe_player.store_server.services.views import person, pick_view
from rvibe_player.store_server.synclog import append, iso, lock_relationship

PRESENCE_FOR = {"viewing": timedelta(seconds=45), "typing": timedelta(seconds=12)}
"""How long a presence holds without being renewed (the desk renews it while it lasts)."""

GAP = re.compile(r"\[\[[^\]\n]{0,200}\]\]")
"""A gap a saved reply leaves for the curator to fill: ``[[what they loved about it]]``."""


def refuse_unfilled_gaps(body: str) -> None:
    """A curator's message must not go out with a saved reply's gap still in it."""
    gap = GAP.search(body)
    if gap is not None:
        raise ApiError(
            422,
            "unfilled_gap",
            f"Fill in {gap.group(0)} before sending: a saved reply is a start, not a form letter.",
        )


# -- staff-only notes ----------------------------------------------------------------------


def _staff_note_view(note: StaffNote, author: Account | None) -> dict[str, Any]:
    return {
        "id": note.id,
        "body": note.body,
        "author": person(author) if author else None,
        "created_at": iso(note.created_at),
        "updated_at": iso(note.updated_at),
    }


def add_staff_note(
    session: Session, listener_id: int, author: Account, body: str
) -> dict[str, Any]:
    """A note about the listener for staff only."""
    rel = lock_relationship(session, listener_id)
    now = utcnow()
    note = StaffNote(
        listener_id=listener_id, author_id=author.id, body=body, created_at=now,
        updated_at=now, deleted_at=None,
    )  # fmt: skip
    session.add(note)
    session.flush()
    view = _staff_note_view(note, author)
    feed_event(session, rel, "staff_note.saved", {"staff_note": view}, except_id=author.id)
    return {"staff_note": view}


def edit_staff_note(
    session: Session, listener_id: int, note_id: int, editor: Account, body: str
) -> dict[str, Any]:
    """Change a staff-only note."""
    rel = lock_relationship(session, listener_id)
    note = live_row(session, StaffNote, note_id, listener_id, "staff note", "deleted_at")
    note.body = body
    note.updated_at = utcnow()
    author = session.get(Account, note.author_id) if note.author_id else None
    view = _staff_note_view(note, author)
    feed_event(session, rel, "staff_note.saved", {"staff_note": view}, except_id=editor.id)
    return {"staff_note": view}


def delete_staff_note(
    session: Session, listener_id: int, note_id: int, editor: Account
) -> dict[str, Any]:
    """Delete a staff-only note (kept as deleted; deleting again changes nothing)."""
    rel = lock_relationship(session, listener_id)
    note = listener_row(session, StaffNote, note_id, listener_id, "staff note")
    if note.deleted_at is None:
        note.deleted_at = utcnow()
        feed_event(session, rel, "staff_note.deleted", {"staff_note_id": note.id},
                   except_id=editor.id)  # fmt: skip
    return {"staff_note_id": note.id, "deleted": True}


# -- snooze, cadence, presence -------------------------------------------------------------


def set_snooze(
    session: Session,
    listener_id: int,
    curator: Account,
    until: datetime | None,
    until_reply: bool,
) -> dict[str, Any]:
    """Set the listener aside until ``until`` or until they write (neither: wake them)."""
    rel = lock_relationship(session, listener_id)
    if until is not None and until <= utcnow():
        raise ApiError(422, "invalid_request", "Snooze until a moment still to come.")
    desk.snooze(rel, until, until_reply)
    state = {"snoozed_until": iso(until), "snooze_until_reply": until_reply}
    feed_event(session, rel, "desk.snoozed", state, except_id=curator.id)
    return {"listener_id": listener_id, **state}


def set_cadence(session: Session, listener_id: int, curator: Account, days: int) -> dict[str, Any]:
    """How often to be in touch with this listener."""
    rel = lock_relationship(session, listener_id)
    desk.set_cadence(rel, days)
    state = {"touch_every_days": days, "touch_due_at": iso(rel.touch_due_at)}
    feed_event(session, rel, "desk.cadence", state, except_id=curator.id)
    return {"listener_id": listener_id, **state}


def set_presence(session: Session, listener_id: int, staff: Account, state: str) -> dict[str, Any]:
    """I have the listener open (``viewing``), am ``typing`` to them, or left (``gone``)."""
    rel = session.get(Relationship, listener_id)
    assert rel is not None
    now = utcnow()
    session.execute(
        delete(StaffPresence).where(
            StaffPresence.listener_id == listener_id, StaffPresence.staff_id == staff.id
        )
    )
    until = None
    if state != "gone":
        until = now + PRESENCE_FOR[state]
        session.add(StaffPresence(listener_id=listener_id, staff_id=staff.id, state=state,
                                  until=until))  # fmt: skip
    event = {"staff": person(staff), "state": state, "until": iso(until)}
    feed_event(session, rel, "desk.presence", event, except_id=staff.id)
    return {"listener_id": listener_id, "state": state, "until": iso(until)}


# -- picks ---------------------------------------------------------------------------------


def edit_pick_reason(
    session: Session, listener_id: int, pick_id: int, curator: Account, reason: str,
    client_id: str,
) -> dict[str, Any]:  # fmt: skip
    """A better reason for a pick; the listener's log gets the updated pick."""
    rel = lock_relationship(session, listener_id)
    pick = live_row(session, Pick, pick_id, listener_id, "pick", "withdrawn_at")
    if pick.reason == reason:
        return {
            "entry": None,
            "pick": pick_view(session, pick, session.get(Account, pick.curator_id or 0)),
        }
    pick.reason = reason
    view = pick_view(session, pick, session.get(Account, pick.curator_id or 0))
    entry = append(session, rel, EntryKind.PICK_UPDATED, f"pick:{pick.id}", {"pick": view},
                   actor_id=curator.id, client_id=client_id)  # fmt: skip
    return {"entry": entry.as_dict(), "pick": view}


# -- saved replies -------------------------------------------------------------------------


def _reply_view(reply: SavedReply) -> dict[str, Any]:
    return {"id": reply.id, "title": reply.title, "body": reply.body,
            "updated_at": iso(reply.updated_at)}  # fmt: skip


def saved_replies(session: Session, curator_id: int) -> list[dict[str, Any]]:
    """The curator's saved replies, by title."""
    rows = session.scalars(
        select(SavedReply).where(SavedReply.curator_id == curator_id).order_by(SavedReply.title)
    )
    return [_reply_view(r) for r in rows]


def save_reply(
    session: Session, curator_id: int, title: str, body: str, reply_id: int | None = None
) -> dict[str, Any]:
    """Create a saved reply, or change one of mine."""
    now = utcnow()
    if reply_id is None:
        reply = SavedReply(curator_id=curator_id, title=title, body=body, created_at=now,
                           updated_at=now)  # fmt: skip
        session.add(reply)
        session.flush()
    else:
        found = session.get(SavedReply, reply_id)
        if found is None or found.curator_id != curator_id:
            raise not_found("saved reply")
        reply = found
        reply.title, reply.body, reply.updated_at = title, body, now
    return {"saved_reply": _reply_view(reply)}


def delete_reply(session: Session, curator_id: int, reply_id: int) -> dict[str, Any]:
    """Delete one of my saved replies."""
    found = session.get(SavedReply, reply_id)
    if found is None or found.curator_id != curator_id:
        raise not_found("saved reply")
    session.delete(found)
    return {"deleted": reply_id}
