"""Routes anyone may call: health, catalog search and releases, previews, avatars."""

from __future__ import annotations

import hashlib
import hmac
import re
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from pydantic import AfterValidator

from rvibe_player import appinfo
from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.deps import MaybeAuthenticated, StoreDep
from rvibe_player.store_server.errors import not_found
from rvibe_player.store_server.models import Account
from rvibe_player.store_server.routes.common import ERRORS, ItemId, Offset, PageLimit
from rvibe_player.store_server.schemas import Health, Paged, safe_line
from rvibe_player.store_server.services import catalog

router = APIRouter(prefix="/v1", tags=["public"])

_CACHE = {"Cache-Control": "public, max-age=86400"}


@router.get("/health", response_model=Health, response_model_exclude_none=True)
async def health(store: StoreDep, caller: MaybeAuthenticated) -> dict[str, Any]:
    """The service and its database answer; an admin also sees how many long-polls wait.

    The database is asked as :class:`~rvibe_player.store_server.health.DatabaseProbe`
    says: on its own thread, one question at a time, an answer good for a second.
    """
    await store.health.check()
    answer: dict[str, Any] = {
        "status": "ok",
        "database": store.db.url.get_backend_name(),
        "version": appinfo.VERSION,
    }
    if caller is not None and caller.role is p.Role.ADMIN:
        answer["waiting_long_polls"] = store.notifier.waiting()
    return answer


@router.get("/catalog/search", response_model=Paged, responses=ERRORS)
def search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(max_length=p.SEARCH_QUERY_MAX, description="Words to find"),
        AfterValidator(safe_line),
    ] = "",
    limit: PageLimit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Releases whose artist, title, label, genre or track titles contain every word."""
    with store.db.read() as session:
        return catalog.search(session, q, limit, offset)


@router.get("/catalog/releases/{release_id}", responses=ERRORS)
def release(release_id: ItemId, store: StoreDep) -> dict[str, Any]:
    """A release with its tracks, prices and preview URLs."""
    with store.db.read() as session:
        return catalog.release_detail(session, release_id)


@router.get(
    "/catalog/tracks/{track_id}/preview.wav",
    response_class=Response,
    responses={200: {"content": {"audio/wav": {}}}, **ERRORS},
)
def preview(track_id: ItemId, store: StoreDep) -> Response:
    """A few seconds of audio for the track (WAV)."""
    with store.db.read() as session:
        if not catalog.track_exists(session, track_id):
            raise not_found("track")
    return Response(catalog.preview_wav(track_id), media_type="audio/wav", headers=_CACHE)


_COLOURS = ("#5b6ee1", "#d9774b", "#3f9e7a", "#b65db0", "#c4a43a", "#4a90b8")


AvatarId = Annotated[str, Path(max_length=40, description="As in an avatar_url")]
_AVATAR_ID = re.compile(r"([0-9]{1,9})-([0-9a-f]{16})")


@router.get(
    "/avatars/{avatar_id}.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}, **ERRORS},
)
def avatar(avatar_id: AvatarId, store: StoreDep) -> Response:
    """A generated picture (initials on a colour) of a staff member.

    Its URL (in ``avatar_url`` answers) carries a random key: without it every id answers
    the same 404, so nobody can find out which ids are staff.
    """
    found = _AVATAR_ID.fullmatch(avatar_id)
    if found is None:
        raise not_found("avatar")  # the same answer as for a wrong key: nothing to learn
    account_id, key = int(found[1]), found[2]
    with store.db.read() as session:
        account = session.get(Account, account_id)
        if (
            account is None
            or account.role == p.Role.LISTENER
            or not hmac.compare_digest(account.avatar_key, key)
        ):
            raise not_found("avatar")
        name = account.display_name
    initials = "".join(w[0] for w in name.split()[:2]).upper() or "?"
    colour = _COLOURS[int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(_COLOURS)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">'
        f'<rect width="128" height="128" rx="64" fill="{colour}"/>'
        '<text x="64" y="80" font-family="sans-serif" font-size="48" fill="#fff" '
        f'text-anchor="middle">{escape(initials)}</text></svg>'
    )
    return Response(svg, media_type="image/svg+xml", headers=_CACHE)
