"""The listener's routes: sync, messages, pick feedback, read marker, sharing, access record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session

from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.deps import ListenerOnly, StoreDep
from rvibe_player.store_server.models import Account
from rvibe_player.store_server.routes.common import (
    ERRORS,
    SEND_RESPONSES,
    SYNC_RESPONSES,
    After,
    Epoch,
    ItemId,
    Offset,
    PageLimit,
    SyncLimit,
    Wait,
    as_account,
    idempotent,
    long_poll,
)
from rvibe_player.store_server.schemas import (
    FeedbackIn,
    ListeningIn,
    MessageIn,
    Paged,
    ReadIn,
    SharingIn,
)
from rvibe_player.store_server.services import relationship, sharing, staff

router = APIRouter(prefix="/v1", tags=["listener"])


@router.get("/sync", response_model=None, responses=SYNC_RESPONSES)
async def sync(
    principal: ListenerOnly,
    store: StoreDep,
    after: After = 0,
    limit: SyncLimit = p.SYNC_PAGE_DEFAULT,
    wait: Wait = 0,
    epoch: Epoch = None,
) -> Response:
    """My relationship log after ``after``, oldest first; see PROTOCOL.md.

    With ``wait`` and nothing new, the answer comes when an entry arrives or after ``wait``
    seconds with no entries and ``timed_out: true`` (the heartbeat). 410 means resync.
    """
    me = principal.account_id
    return await long_poll(store, me, me, after, limit, wait, epoch)


@router.post("/messages", status_code=201, response_model=None, responses=SEND_RESPONSES)
def send_message(body: MessageIn, principal: ListenerOnly, store: StoreDep) -> Response:
    """Write to my curator."""
    return idempotent(
        store,
        principal,
        body,
        "message",
        lambda s, me: relationship.send_message(s, me.id, me, body.body, body.client_id),
    )


@router.post(
    "/picks/{pick_id}/feedback", status_code=201, response_model=None, responses=SEND_RESPONSES
)
def pick_feedback(
    body: FeedbackIn,
    principal: ListenerOnly,
    store: StoreDep,
    pick_id: ItemId,
) -> Response:
    """Tell my curator what I made of a pick: seen, played, loved or dismissed."""
    return idempotent(
        store,
        principal,
        body,
        f"feedback:{pick_id}",
        lambda s, me: relationship.pick_feedback(s, me, pick_id, body.feedback, body.client_id),
    )


@router.post("/read", status_code=201, response_model=None, responses=SEND_RESPONSES)
def mark_read(body: ReadIn, principal: ListenerOnly, store: StoreDep) -> Response:
    """I have read my log up to ``seq`` (markers only move forward)."""
    return idempotent(
        store,
        principal,
        body,
        "read",
        lambda s, me: relationship.mark_read(s, me.id, me, body.seq, body.client_id),
    )


@router.put("/me/sharing", status_code=201, response_model=None, responses=SEND_RESPONSES)
def set_sharing(body: SharingIn, principal: ListenerOnly, store: StoreDep) -> Response:
    """Choose how much listening my curator may see; lowering it deletes what is above it."""
    return idempotent(
        store,
        principal,
        body,
        "sharing",
        lambda s, me: sharing.set_level(s, me, body.level, body.client_id),
    )


@router.post("/me/listening", response_model=None, responses=SEND_RESPONSES)
def share_listening(body: ListeningIn, principal: ListenerOnly, store: StoreDep) -> Response:
    """Send plays; they are kept only at my sharing level (403 while sharing is off)."""
    plays = [sharing.Play(x.played_at, x.artist, x.album, x.title, x.genre) for x in body.plays]

    def action(session: Session, me: Account) -> dict[str, Any]:
        return {"entry": None} | sharing.record_plays(session, me, plays)

    return idempotent(store, principal, body, "listening", action)


@router.delete("/me/listening", responses=ERRORS)
def delete_listening(principal: ListenerOnly, store: StoreDep) -> dict[str, Any]:
    """Delete all my shared listening data (the sharing level stays as it is)."""
    return as_account(store, principal, sharing.delete_all)


@router.get("/me/access-log", response_model=Paged, responses=ERRORS)
def access_log(
    principal: ListenerOnly, store: StoreDep, limit: PageLimit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """When staff looked at my relationship, newest first."""
    with store.db.read() as session:
        return staff.access_records(session, principal.account_id, limit, offset)
