"""The listener's own library, shared with their curator by a consent of its own."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session

from rvibe_player.store_server.deps import ListenerOnly, StoreDep
from rvibe_player.store_server.desk_schemas import AlbumsIn, LibrarySharingIn
from rvibe_player.store_server.models import Account
from rvibe_player.store_server.routes.common import SEND_RESPONSES, idempotent
from rvibe_player.store_server.services import library_albums

router = APIRouter(prefix="/v1", tags=["listener"])


@router.put("/me/library-sharing", response_model=None, responses=SEND_RESPONSES)
def set_library_sharing(
    body: LibrarySharingIn, principal: ListenerOnly, store: StoreDep
) -> Response:
    """Share the albums in my library with my curator (off: stop and delete the list)."""
    return idempotent(
        store, principal, body, "library-sharing",
        lambda s, me: library_albums.set_library_sharing(s, me, body.on, body.client_id),
    )  # fmt: skip


@router.post("/me/albums", response_model=None, responses=SEND_RESPONSES)
def share_albums(body: AlbumsIn, principal: ListenerOnly, store: StoreDep) -> Response:
    """A batch of the albums in my library (403 while library sharing is off)."""
    albums = [a.model_dump() for a in body.albums]

    def action(session: Session, me: Account) -> dict[str, Any]:
        return {"entry": None} | library_albums.share_albums(session, me, albums, body.replace)

    return idempotent(store, principal, body, "albums", action)
