"""The curator's routes: inbox, a listener's context and log, notes, picks, replies, figures.

Every route under ``/v1/staff/listeners/{listener_id}`` depends on ``assigned_listener``: the
listener must be assigned to the calling curator. Reading a listener's context or log is
written to the access record the listener can read.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.deps import AssignedListener, StoreDep
from rvibe_player.store_server.errors import not_found
from rvibe_player.store_server.models import Account, Relationship
from rvibe_player.store_server.routes.common import (
    ERRORS,
    SEND_RESPONSES,
    SYNC_RESPONSES,
    After,
    Epoch,
    ItemId,
    SyncLimit,
    Wait,
    as_account,
    idempotent,
    long_poll,
)
from rvibe_player.store_server.schemas import MessageIn, NoteIn, PickIn, ReadIn
from rvibe_player.store_server.services import relationship, staff
from rvibe_player.store_server.services.desk_actions import refuse_unfilled_gaps
from rvibe_player.store_server.services.desk_context import desk_context

router = APIRouter(prefix="/v1/staff", tags=["staff"])


@router.get("/listeners/{listener_id}/context", responses=ERRORS)
def listener_context(target: AssignedListener, store: StoreDep) -> dict[str, Any]:
    """One listener on one screen: profile, shared listening, picks, notes, conversation.

    Recorded in the listener's access record.
    """
    with store.db.write() as session:
        listener = session.get(Account, target.listener_id)
        rel = session.get(Relationship, target.listener_id)
        if listener is None or rel is None:
            raise not_found("listener")
        staff.record_access(session, listener.id, target.curator.account_id, "context.viewed")
        return desk_context(session, staff.context(session, listener, rel), rel,
                            target.curator.account_id)  # fmt: skip


@router.get("/listeners/{listener_id}/sync", response_model=None, responses=SYNC_RESPONSES)
async def listener_sync(
    target: AssignedListener,
    store: StoreDep,
    after: After = 0,
    limit: SyncLimit = p.SYNC_PAGE_DEFAULT,
    wait: Wait = 0,
    epoch: Epoch = None,
) -> Response:
    """The listener's log, as the listener's own sync (recorded, once per 10 minutes)."""

    def record() -> None:
        with store.db.write() as session:
            staff.record_access(
                session,
                target.listener_id,
                target.curator.account_id,
                "log.read",
                coalesce=store.config.access_coalesce,
            )

    await run_in_threadpool(record)
    caller = target.curator.account_id
    return await long_poll(store, caller, target.listener_id, after, limit, wait, epoch)


@router.post(
    "/listeners/{listener_id}/messages",
    status_code=201,
    response_model=None,
    responses=SEND_RESPONSES,
)
def reply(body: MessageIn, target: AssignedListener, store: StoreDep) -> Response:
    """Write to the listener (never with a saved reply's ``[[gap]]`` left unfilled)."""
    refuse_unfilled_gaps(body.body)
    lid = target.listener_id
    return idempotent(
        store,
        target.curator,
        body,
        f"reply:{lid}",
        lambda s, me: relationship.send_message(s, lid, me, body.body, body.client_id),
    )


@router.post(
    "/listeners/{listener_id}/notes", status_code=201, response_model=None, responses=SEND_RESPONSES
)
def create_note(body: NoteIn, target: AssignedListener, store: StoreDep) -> Response:
    """A note for the listener."""
    lid = target.listener_id
    return idempotent(
        store,
        target.curator,
        body,
        f"note:{lid}",
        lambda s, me: relationship.create_note(s, lid, me, body.body, body.client_id),
    )


@router.patch(
    "/listeners/{listener_id}/notes/{note_id}", response_model=None, responses=SEND_RESPONSES
)
def edit_note(body: NoteIn, target: AssignedListener, store: StoreDep, note_id: ItemId) -> Response:
    """Change a note; the listener's log gets the whole new note."""
    lid = target.listener_id
    return idempotent(
        store,
        target.curator,
        body,
        f"edit:{lid}:{note_id}",
        lambda s, me: relationship.edit_note(s, lid, note_id, me, body.body, body.client_id),
    )


@router.delete("/listeners/{listener_id}/notes/{note_id}", responses=ERRORS)
def delete_note(target: AssignedListener, store: StoreDep, note_id: ItemId) -> dict[str, Any]:
    """Delete a note (a tombstone in the log); deleting again changes nothing."""
    return as_account(
        store,
        target.curator,
        lambda s, me: relationship.delete_note(s, target.listener_id, note_id, me),
    )


@router.post(
    "/listeners/{listener_id}/picks", status_code=201, response_model=None, responses=SEND_RESPONSES
)
def send_pick(body: PickIn, target: AssignedListener, store: StoreDep) -> Response:
    """Pick a release or a track for the listener, with the reason."""
    lid = target.listener_id
    return idempotent(
        store,
        target.curator,
        body,
        f"pick:{lid}",
        lambda s, me: relationship.send_pick(
            s,
            lid,
            me,
            release_id=body.release_id,
            track_id=body.track_id,
            reason=body.reason,
            client_id=body.client_id,
        ),
    )


@router.delete("/listeners/{listener_id}/picks/{pick_id}", responses=ERRORS)
def withdraw_pick(target: AssignedListener, store: StoreDep, pick_id: ItemId) -> dict[str, Any]:
    """Withdraw a pick (a tombstone in the log); withdrawing again changes nothing."""
    return as_account(
        store,
        target.curator,
        lambda s, me: relationship.withdraw_pick(s, target.listener_id, pick_id, me),
    )


@router.post(
    "/listeners/{listener_id}/read", status_code=201, response_model=None, responses=SEND_RESPONSES
)
def mark_read(body: ReadIn, target: AssignedListener, store: StoreDep) -> Response:
    """I have read this listener's log up to ``seq``; clears the inbox's unread count."""
    lid = target.listener_id
    return idempotent(
        store,
        target.curator,
        body,
        f"read:{lid}",
        lambda s, me: relationship.mark_read(s, lid, me, body.seq, body.client_id),
    )
