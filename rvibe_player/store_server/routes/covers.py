"""Covers: an admin lets one curator look after another's listeners for a while."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.deps import AdminOnly, StoreDep
from rvibe_player.store_server.desk_schemas import CoverIn
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.models import Account, Cover, utcnow
from rvibe_player.store_server.routes.common import ERRORS, ItemId
from rvibe_player.store_server.synclog import iso

router = APIRouter(prefix="/v1/admin", tags=["admin"])


def _view(cover: Cover) -> dict[str, Any]:
    return {"id": cover.id, "curator_id": cover.curator_id, "by_id": cover.by_id,
            "starts_at": iso(cover.starts_at), "ends_at": iso(cover.ends_at)}  # fmt: skip


@router.post("/covers", status_code=201, responses=ERRORS)
def add_cover(body: CoverIn, _admin: AdminOnly, store: StoreDep) -> dict[str, Any]:
    """``by_id`` looks after ``curator_id``'s listeners from now until ``until``."""
    now = utcnow()
    if body.until <= now:
        raise ApiError(422, "invalid_request", "A cover ends at a moment still to come.")
    if body.by_id == body.curator_id:
        raise ApiError(422, "invalid_request", "A curator cannot cover for themselves.")
    with store.db.write() as session:
        for account_id in (body.curator_id, body.by_id):
            account = session.get(Account, account_id)
            if account is None or account.role != Role.CURATOR or account.disabled:
                raise not_found("curator")
        cover = Cover(curator_id=body.curator_id, by_id=body.by_id, starts_at=now,
                      ends_at=body.until)  # fmt: skip
        session.add(cover)
        session.flush()
        return {"cover": _view(cover)}


@router.get("/covers", responses=ERRORS)
def covers(_admin: AdminOnly, store: StoreDep) -> dict[str, Any]:
    """Covers that have not ended."""
    with store.db.read() as session:
        rows = session.scalars(
            select(Cover).where(Cover.ends_at > utcnow()).order_by(Cover.ends_at)
        )
        return {"items": [_view(c) for c in rows]}


@router.delete("/covers/{cover_id}", responses=ERRORS)
def end_cover(_admin: AdminOnly, store: StoreDep, cover_id: ItemId) -> dict[str, Any]:
    """End a cover now."""
    with store.db.write() as session:
        cover = session.get(Cover, cover_id)
        if cover is None:
            raise not_found("cover")
        cover.ends_at = min(cover.ends_at, utcnow())
        return {"cover": _view(cover)}
