"""Changes to one listener's relationship, each appended to their log in the same transaction.

Every function here runs inside a write session, locks the listener's relationship row first
(which orders appends, see ``synclog``), changes the tables and appends the entry; it returns
the JSON body the route answers with.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import EntryKind, PickFeedback, Role
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.models import (
    Account,
    Message,
    Note,
    Pick,
    Relationship,
    Release,
    ReplyWait,
    Track,
    utcnow,
)
from rvibe_player.store_server.services import desk
from rvibe_player.store_server.services.rows import listener_row, live_row
from rvibe_player.store_server.services.views import message_view, note_view, pick_view
from rvibe_player.store_server.synclog import append, lock_relationship

_EXCERPT = 140


def _logged(
    session: Session,
    rel: Relationship,
    kind: EntryKind,
    object_key: str,
    payload: dict[str, Any],
    actor: Account,
    client_id: str | None,
) -> dict[str, Any]:
    """Append the entry and answer with it and the payload (the send's response body)."""
    entry = append(session, rel, kind, object_key, payload, actor_id=actor.id, client_id=client_id)
    return {"entry": entry.as_dict(), **payload}


def _account(session: Session, account_id: int | None) -> Account | None:
    return session.get(Account, account_id) if account_id is not None else None


def send_message(
    session: Session, listener_id: int, author: Account, body: str, client_id: str
) -> dict[str, Any]:
    """A conversation message from the listener or their curator."""
    rel = lock_relationship(session, listener_id)
    now = utcnow()
    from_role = "listener" if author.role == Role.LISTENER else "curator"
    message = Message(
        listener_id=listener_id,
        author_id=author.id,
        author_role=from_role,
        body=body,
        created_at=now,
        seq=rel.last_seq + 1,
    )
    session.add(message)
    session.flush()
    if from_role == "listener":
        rel.unread_by_curator += 1
        desk.listener_wrote(rel)
        if rel.waiting_since is None:
            rel.waiting_since = now
    else:
        desk.touch(rel, now)
    if from_role != "listener" and rel.waiting_since is not None:
        session.add(
            ReplyWait(
                listener_id=listener_id,
                curator_id=author.id,
                started_at=rel.waiting_since,
                replied_at=now,
                seconds=(now - rel.waiting_since).total_seconds(),
            )
        )
        rel.waiting_since = None
    rel.last_message_at = now
    rel.last_message_from = from_role
    rel.last_message_excerpt = body[:_EXCERPT]
    view = message_view(message, author)
    key = f"message:{message.id}"
    return _logged(session, rel, EntryKind.MESSAGE_SENT, key, {"message": view}, author, client_id)


def create_note(
    session: Session, listener_id: int, author: Account, body: str, client_id: str
) -> dict[str, Any]:
    """A new note from the curator."""
    rel = lock_relationship(session, listener_id)
    now = utcnow()
    note = Note(
        listener_id=listener_id,
        author_id=author.id,
        body=body,
        created_at=now,
        updated_at=now,
        deleted_at=None,
    )
    session.add(note)
    session.flush()
    desk.touch(rel, now)
    view = note_view(note, author, None)
    return _logged(
        session, rel, EntryKind.NOTE_CREATED, f"note:{note.id}", {"note": view}, author, client_id
    )


def _tombstone(
    session: Session, rel: Relationship, row: Note | Pick, kind: EntryKind, actor: Account
) -> dict[str, Any]:
    """A note deleted or a pick withdrawn: stamped, with a tombstone entry (its ``actor_id``
    says who); doing it again answers the same without a new entry."""
    name, stamp = ("note", "deleted_at") if isinstance(row, Note) else ("pick", "withdrawn_at")
    field = f"{name}_id"
    if getattr(row, stamp) is not None:
        return {"entry": None, field: row.id}
    setattr(row, stamp, utcnow())
    return _logged(session, rel, kind, f"{name}:{row.id}", {field: row.id}, actor, None)


def edit_note(
    session: Session, listener_id: int, note_id: int, editor: Account, body: str, client_id: str
) -> dict[str, Any]:
    """A changed note: the entry carries the whole note, with who edited it.

    The listener's curator may edit any note of the relationship, also one a previous
    curator wrote (notes stay with the listener across a hand-over); ``edited_by`` says who.
    """
    rel = lock_relationship(session, listener_id)
    note = live_row(session, Note, note_id, listener_id, "note", "deleted_at")
    note.body = body
    note.updated_at = utcnow()
    note.edited_by = editor.id
    view = note_view(note, _account(session, note.author_id), editor)
    return _logged(
        session, rel, EntryKind.NOTE_EDITED, f"note:{note.id}", {"note": view}, editor, client_id
    )


def delete_note(
    session: Session, listener_id: int, note_id: int, editor: Account
) -> dict[str, Any]:
    """A deleted note (a tombstone). Like edits, open to the listener's curator for any note."""
    rel = lock_relationship(session, listener_id)
    note = listener_row(session, Note, note_id, listener_id, "note")
    return _tombstone(session, rel, note, EntryKind.NOTE_DELETED, editor)


def send_pick(
    session: Session,
    listener_id: int,
    curator: Account,
    *,
    release_id: int | None,
    track_id: int | None,
    reason: str,
    client_id: str,
) -> dict[str, Any]:
    """A catalog item picked for the listener, with the curator's reason."""
    if (release_id is None) == (track_id is None):
        raise ApiError(422, "invalid_request", "Pick exactly one of release_id or track_id.")
    if release_id is not None and session.get(Release, release_id) is None:
        raise not_found("release")
    if track_id is not None and session.get(Track, track_id) is None:
        raise not_found("track")
    rel = lock_relationship(session, listener_id)
    pick = Pick(
        listener_id=listener_id,
        curator_id=curator.id,
        release_id=release_id,
        track_id=track_id,
        reason=reason,
        feedback=None,
        feedback_at=None,
        created_at=utcnow(),
        withdrawn_at=None,
    )
    session.add(pick)
    session.flush()
    desk.touch(rel, pick.created_at)
    view = pick_view(session, pick, curator)
    return _logged(
        session, rel, EntryKind.PICK_SENT, f"pick:{pick.id}", {"pick": view}, curator, client_id
    )


def withdraw_pick(
    session: Session, listener_id: int, pick_id: int, curator: Account
) -> dict[str, Any]:
    """A withdrawn pick (a tombstone)."""
    rel = lock_relationship(session, listener_id)
    pick = listener_row(session, Pick, pick_id, listener_id, "pick")
    return _tombstone(session, rel, pick, EntryKind.PICK_WITHDRAWN, curator)


def pick_feedback(
    session: Session, listener: Account, pick_id: int, feedback: PickFeedback, client_id: str
) -> dict[str, Any]:
    """The listener's answer to a pick; ``seen`` never replaces a stronger answer."""
    rel = lock_relationship(session, listener.id)
    pick = live_row(session, Pick, pick_id, listener.id, "pick", "withdrawn_at")
    unchanged = pick.feedback == feedback.value or (
        feedback is PickFeedback.SEEN and pick.feedback is not None
    )
    if not unchanged:
        pick.feedback = feedback.value
        pick.feedback_at = utcnow()
    view = pick_view(session, pick, _account(session, pick.curator_id))
    if unchanged:
        return {"entry": None, "pick": view}
    key = f"pick:{pick.id}"
    return _logged(session, rel, EntryKind.PICK_UPDATED, key, {"pick": view}, listener, client_id)


def mark_read(
    session: Session, listener_id: int, reader: Account, seq: int, client_id: str
) -> dict[str, Any]:
    """Move the reader's read marker forward to ``seq`` (never back)."""
    rel = lock_relationship(session, listener_id)
    if seq > rel.last_seq:
        raise ApiError(
            409, "beyond_log", f"Cannot mark {seq} read: the log ends at {rel.last_seq}."
        )
    who = "listener" if reader.role == Role.LISTENER else "curator"
    current = rel.listener_read_seq if who == "listener" else rel.curator_read_seq
    if seq <= current:
        return {"entry": None, "reader": who, "read_seq": current}
    if who == "listener":
        rel.listener_read_seq = seq
    else:
        rel.curator_read_seq = seq
        rel.unread_by_curator = int(
            session.scalar(
                select(func.count())
                .select_from(Message)
                .where(
                    Message.listener_id == listener_id,
                    Message.author_role == "listener",
                    Message.seq > seq,
                )
            )
            or 0
        )
    return _logged(
        session,
        rel,
        EntryKind.READ_UPDATED,
        f"read:{who}",
        {"reader": who, "seq": seq},
        reader,
        client_id,
    )
