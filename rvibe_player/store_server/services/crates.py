"""A crate: the same releases for many listeners, each with a line of their own.

Each listener gets their own pick entries (one per release) with the curator's line for
them as the reason; a release the listener owns (their shared library) or was already
picked for them is left out for that listener, and the answer says so. A crate is sent in
parts (at most ``CRATE_LISTENERS_MAX`` listeners a request), each part idempotent under
its client id, so a retry after a lost answer changes nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import EntryKind
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.models import Account, Artist, Pick, Relationship, Release, utcnow
from rvibe_player.store_server.services import desk
from rvibe_player.store_server.services.pick_search import is_owned, owned_keys, picked_releases
from rvibe_player.store_server.services.views import pick_view
from rvibe_player.store_server.synclog import append, lock_relationship


def send_crate(
    session: Session,
    curator: Account,
    visible: list[int],
    release_ids: list[int],
    lines: list[tuple[int, str]],
    client_id: str,
) -> dict[str, Any]:
    """Picks of ``release_ids`` for each listener of ``lines`` (listener id, reason)."""
    releases = session.execute(
        select(Release, Artist)
        .join(Artist, Artist.id == Release.artist_id)
        .where(Release.id.in_(release_ids))
    ).all()
    by_id = {r.id: (r, a) for r, a in releases}
    missing = [i for i in release_ids if i not in by_id]
    if missing:
        raise not_found(f"release {missing[0]}")
    rows = session.execute(
        select(Relationship.listener_id, Relationship.curator_id)
        .join(Account, Account.id == Relationship.listener_id)
        .where(
            Relationship.listener_id.in_([lid for lid, _r in lines]),
            Account.disabled.is_(False),
        )
    )
    owners = {row[0]: row[1] for row in rows}
    strangers = [lid for lid, _r in lines if owners.get(lid) not in visible]
    if strangers:  # one answer for unknown and not-mine ids, as everywhere
        raise not_found(f"listener {strangers[0]} among yours")
    now = utcnow()
    results = []
    made = 0
    for listener_id, reason in lines:
        rel = lock_relationship(session, listener_id)
        owned = owned_keys(session, rel)
        already = picked_releases(session, listener_id)
        sent, skipped = [], []
        for release_id in release_ids:
            release, artist = by_id[release_id]
            if is_owned(release, artist, owned):
                skipped.append({"release_id": release_id, "why": "owned"})
                continue
            if release_id in already:
                skipped.append({"release_id": release_id, "why": "already_picked"})
                continue
            pick = Pick(listener_id=listener_id, curator_id=curator.id, release_id=release_id,
                        track_id=None, reason=reason, feedback=None, feedback_at=None,
                        created_at=now, withdrawn_at=None)  # fmt: skip
            session.add(pick)
            session.flush()
            view = pick_view(session, pick, curator)
            part_id = f"{client_id}.{listener_id}.{release_id}"[:64]
            append(session, rel, EntryKind.PICK_SENT, f"pick:{pick.id}", {"pick": view},
                   actor_id=curator.id, client_id=part_id)  # fmt: skip
            sent.append({"release_id": release_id, "pick_id": pick.id})
            made += 1
        if sent:
            desk.touch(rel, now)
        results.append({"listener_id": listener_id, "sent": sent, "skipped": skipped})
    if not lines:
        raise ApiError(422, "invalid_request", "A crate needs at least one listener.")
    return {"listeners": results, "picks": made}
