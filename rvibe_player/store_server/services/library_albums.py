"""The albums in a listener's library, shared with the curator by a consent of its own.

Off by default and independent of sharing plays. When on, the player sends its album list
(artist, album, MusicBrainz ids; never a path) in batches and keeps it current; the desk
marks "owned" with it and crates leave owned releases out. Turning it off deletes the list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import EntryKind
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.models import Account, ListenerAlbum
from rvibe_player.store_server.services.pick_search import album_key
from rvibe_player.store_server.synclog import append, lock_relationship


def set_library_sharing(
    session: Session, listener: Account, on: bool, client_id: str
) -> dict[str, Any]:
    """Share the albums in my library (or stop, which deletes what was shared)."""
    rel = lock_relationship(session, listener.id)
    if rel.library_sharing == on:
        return {"entry": None, "library_sharing": on, "deleted": 0}
    deleted = 0
    if not on:
        result = session.execute(
            delete(ListenerAlbum).where(ListenerAlbum.listener_id == listener.id)
        )
        deleted = int(getattr(result, "rowcount", 0) or 0)
    rel.library_sharing = on
    entry = append(session, rel, EntryKind.LIBRARY_SHARING_CHANGED, "library-sharing",
                   {"library_sharing": on}, actor_id=listener.id, client_id=client_id)  # fmt: skip
    return {"entry": entry.as_dict(), "library_sharing": on, "deleted": deleted}


def share_albums(
    session: Session, listener: Account, albums: list[dict[str, str | None]], replace: bool
) -> dict[str, Any]:
    """Add a batch of albums to my shared list (``replace``: the first batch of a new list)."""
    rel = lock_relationship(session, listener.id)
    if not rel.library_sharing:
        raise ApiError(403, "library_sharing_off",
                       "Turn on sharing the albums in your library first.")  # fmt: skip
    if replace:
        session.execute(delete(ListenerAlbum).where(ListenerAlbum.listener_id == listener.id))
    rows = {}
    for album in albums:
        artist, title = str(album["artist"] or ""), str(album["album"] or "")
        key = album_key(artist, title)
        rows[key] = {
            "listener_id": listener.id,
            "key": key,
            "artist": artist,
            "album": title,
            "artist_mbid": album.get("artist_mbid") or None,
            "release_mbid": album.get("release_mbid") or None,
        }
    if rows:
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(ListenerAlbum).values(list(rows.values()))
        session.execute(statement.on_conflict_do_nothing(index_elements=["listener_id", "key"]))
    return {"accepted": len(rows)}
