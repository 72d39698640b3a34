"""The curator's desk: the staff stream, the inbox by need, staff-only notes, snoozes,
cadence, presence, pick search, a pick's reason, crates and saved replies.

Every route under ``/v1/staff/listeners/{listener_id}`` depends on ``assigned_listener``
(the curator's own listener, or one of a curator they cover for). Changes are idempotent
under the client's id, so the desk sends them through its outbox like any other.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.deps import AssignedListener, CuratorOnly, StoreDep
from rvibe_player.store_server.desk_schemas import (
    CadenceIn,
    CrateIn,
    CratePreviewIn,
    PickReasonIn,
    PresenceIn,
    SavedReplyIn,
    SnoozeIn,
    StaffNoteIn,
)
from rvibe_player.store_server.feed import read_feed, stream_key, visible_curators
from rvibe_player.store_server.models import Account, Relationship, utcnow
from rvibe_player.store_server.routes.common import (
    ERRORS,
    SEND_RESPONSES,
    SYNC_RESPONSES,
    After,
    ItemId,
    Offset,
    PageLimit,
    SyncLimit,
    Wait,
    as_account,
    idempotent,
    wait_for_page,
)
from rvibe_player.store_server.services import crates, desk, desk_actions
from rvibe_player.store_server.services.desk_context import messages_before
from rvibe_player.store_server.services.pick_search import pick_search
from rvibe_player.store_server.shared_reads import in_threads

router = APIRouter(prefix="/v1/staff", tags=["staff"])

Search = Annotated[str, Query(max_length=p.SEARCH_QUERY_MAX, description="Words of a name")]
Before = Annotated[int | None, Query(ge=1, le=2**62, description="Messages before this seq")]


def _changed(answer: dict[str, Any]) -> bool:
    return True


@router.get("/sync", response_model=None, responses=SYNC_RESPONSES)
async def staff_sync(
    curator: CuratorOnly,
    store: StoreDep,
    after: After = 0,
    limit: SyncLimit = p.SYNC_PAGE_DEFAULT,
    wait: Wait = 0,
) -> Response:
    """Everything about my listeners after ``after``, in one stream (PROTOCOL.md)."""

    def read() -> Any:
        with store.db.read() as session:
            return read_feed(session, curator.account_id, after, limit)

    me = curator.account_id
    return await wait_for_page(
        store, me, stream_key(me), after, wait, in_threads(read), asked=("feed", after, limit)
    )


@router.get("/inbox", responses=ERRORS)
def inbox(
    curator: CuratorOnly,
    store: StoreDep,
    filter: desk.InboxFilter = desk.InboxFilter.ALL,
    q: Search = "",
    limit: PageLimit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """My listeners (and those I cover for) by need: waiting, due, new, the rest, snoozed."""
    with store.db.read() as session:
        visible = visible_curators(session, curator.account_id, utcnow())
        return desk.inbox(
            session, visible, kind=filter, query=q, limit=limit, offset=offset,
            viewer_id=curator.account_id,
        )  # fmt: skip


@router.get("/stats", responses=ERRORS)
def stats(curator: CuratorOnly, store: StoreDep) -> dict[str, Any]:
    """My figures: median first reply today and over 30 days, how many wait, are due."""
    with store.db.read() as session:
        figures = desk.figures(session, curator.account_id)
    return figures | {"waiting_now": figures["waiting"]}


@router.get("/listeners/{listener_id}/messages", responses=ERRORS)
def older_messages(
    target: AssignedListener, store: StoreDep, before: Before = None, limit: PageLimit = 50
) -> dict[str, Any]:
    """A page of the conversation before ``before`` (oldest first), as the curator scrolls."""
    with store.db.read() as session:
        return messages_before(session, target.listener_id, before, limit)


@router.get("/listeners/{listener_id}/catalog", responses=ERRORS)
def catalog_for(
    target: AssignedListener, store: StoreDep, q: Search = "", limit: PageLimit = 30
) -> dict[str, Any]:
    """Releases for this listener: owned and already-picked marked, closest to their taste
    first, each with why."""
    with store.db.read() as session:
        rel = session.get(Relationship, target.listener_id)
        assert rel is not None
        return pick_search(session, rel, q, limit)


@router.post("/listeners/{listener_id}/staff-notes", status_code=201, response_model=None,
             responses=SEND_RESPONSES)  # fmt: skip
def add_staff_note(body: StaffNoteIn, target: AssignedListener, store: StoreDep) -> Response:
    """A note about the listener only staff see (never in the listener's log)."""
    lid = target.listener_id
    return idempotent(
        store, target.curator, body, f"staff-note:{lid}",
        lambda s, me: desk_actions.add_staff_note(s, lid, me, body.body), created=_changed,
    )  # fmt: skip


@router.put("/listeners/{listener_id}/staff-notes/{note_id}", response_model=None,
            responses=SEND_RESPONSES)  # fmt: skip
def edit_staff_note(
    body: StaffNoteIn, target: AssignedListener, store: StoreDep, note_id: ItemId
) -> Response:
    """Change a staff-only note."""
    lid = target.listener_id
    return idempotent(
        store, target.curator, body, f"staff-note-edit:{lid}:{note_id}",
        lambda s, me: desk_actions.edit_staff_note(s, lid, note_id, me, body.body),
    )  # fmt: skip


@router.delete("/listeners/{listener_id}/staff-notes/{note_id}", responses=ERRORS)
def delete_staff_note(target: AssignedListener, store: StoreDep, note_id: ItemId) -> dict[str, Any]:
    """Delete a staff-only note; deleting again changes nothing."""
    lid = target.listener_id
    return as_account(
        store, target.curator, lambda s, me: desk_actions.delete_staff_note(s, lid, note_id, me)
    )


@router.put("/listeners/{listener_id}/snooze", response_model=None, responses=SEND_RESPONSES)
def snooze(body: SnoozeIn, target: AssignedListener, store: StoreDep) -> Response:
    """Set the listener aside until a moment or until they write; neither wakes them."""
    lid = target.listener_id
    return idempotent(
        store, target.curator, body, f"snooze:{lid}",
        lambda s, me: desk_actions.set_snooze(s, lid, me, body.until, body.until_reply),
    )  # fmt: skip


@router.put("/listeners/{listener_id}/cadence", response_model=None, responses=SEND_RESPONSES)
def cadence(body: CadenceIn, target: AssignedListener, store: StoreDep) -> Response:
    """Be in touch with the listener every so many days."""
    lid = target.listener_id
    return idempotent(
        store, target.curator, body, f"cadence:{lid}",
        lambda s, me: desk_actions.set_cadence(s, lid, me, body.days),
    )  # fmt: skip


@router.put("/listeners/{listener_id}/presence", responses=ERRORS)
def presence(body: PresenceIn, target: AssignedListener, store: StoreDep) -> dict[str, Any]:
    """I have the listener open, am typing to them, or left (colleagues see it)."""
    lid = target.listener_id
    return as_account(
        store, target.curator, lambda s, me: desk_actions.set_presence(s, lid, me, body.state)
    )


@router.patch("/listeners/{listener_id}/picks/{pick_id}", response_model=None,
              responses=SEND_RESPONSES)  # fmt: skip
def edit_pick(
    body: PickReasonIn, target: AssignedListener, store: StoreDep, pick_id: ItemId
) -> Response:
    """A better reason for a pick; the listener's log gets the updated pick."""
    lid = target.listener_id
    return idempotent(
        store, target.curator, body, f"pick-reason:{lid}:{pick_id}",
        lambda s, me: desk_actions.edit_pick_reason(s, lid, pick_id, me, body.reason,
                                                    body.client_id),
    )  # fmt: skip


@router.post("/crates", status_code=201, response_model=None, responses=SEND_RESPONSES)
def send_crate(body: CrateIn, curator: CuratorOnly, store: StoreDep) -> Response:
    """One part of a crate: the releases for each listener with their own line."""

    def action(session: Any, me: Account) -> dict[str, Any]:
        visible = visible_curators(session, me.id, utcnow())
        lines = [(line.listener_id, line.reason) for line in body.lines]
        return crates.send_crate(session, me, visible, body.releases, lines, body.client_id)

    return idempotent(store, curator, body, "crate", action, created=lambda a: a["picks"] > 0)


@router.post("/crates/preview", responses=ERRORS)
def preview_crate(body: CratePreviewIn, curator: CuratorOnly, store: StoreDep) -> dict[str, Any]:
    """What a crate would leave out for each listener (owned, already picked); sends nothing."""
    with store.db.read() as session:
        visible = visible_curators(session, curator.account_id, utcnow())
        return crates.preview(session, visible, body.releases, body.listener_ids)


@router.get("/saved-replies", responses=ERRORS)
def saved_replies(curator: CuratorOnly, store: StoreDep) -> dict[str, Any]:
    """My saved replies."""
    with store.db.read() as session:
        return {"items": desk_actions.saved_replies(session, curator.account_id)}


@router.post("/saved-replies", status_code=201, response_model=None, responses=SEND_RESPONSES)
def add_saved_reply(body: SavedReplyIn, curator: CuratorOnly, store: StoreDep) -> Response:
    """Save a reply to start from (``{{first_name}}`` fields, ``[[gaps]]`` to fill)."""
    return idempotent(
        store, curator, body, "saved-reply",
        lambda s, me: desk_actions.save_reply(s, me.id, body.title, body.body), created=_changed,
    )  # fmt: skip


@router.put("/saved-replies/{reply_id}", response_model=None, responses=SEND_RESPONSES)
def edit_saved_reply(
    body: SavedReplyIn, curator: CuratorOnly, store: StoreDep, reply_id: ItemId
) -> Response:
    """Change one of my saved replies."""
    return idempotent(
        store, curator, body, f"saved-reply:{reply_id}",
        lambda s, me: desk_actions.save_reply(s, me.id, body.title, body.body, reply_id),
    )  # fmt: skip


@router.delete("/saved-replies/{reply_id}", responses=ERRORS)
def delete_saved_reply(curator: CuratorOnly, store: StoreDep, reply_id: ItemId) -> dict[str, Any]:
    """Delete one of my saved replies."""
    return as_account(store, curator, lambda s, me: desk_actions.delete_reply(s, me.id, reply_id))
