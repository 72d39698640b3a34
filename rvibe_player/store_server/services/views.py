"""How store objects look on the wire: notes, picks, messages and people.

The shapes are declared once in ``core/wire.py`` (the client reads the same ones); the same
values go into log entries and into staff views, so a client sees one shape.
"""

from __future__ import annotations

from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import API_PREFIX, Role
from rvibe_player.core.wire import (
    CuratorProfileWire,
    MessageWire,
    NoteWire,
    PersonWire,
    PickItemWire,
    PickWire,
    ReleaseSummaryWire,
    TrackWire,
)
from rvibe_player.store_server.models import (
    Account,
    Artist,
    Message,
    Note,
    Pick,
    Release,
    Track,
)
from rvibe_player.store_server.synclog import iso


def avatar_path(account: Account) -> str:
    """The store-served avatar of a staff account (its key makes the URL unguessable)."""
    return f"{API_PREFIX}/avatars/{account.id}-{account.avatar_key}.svg"


def person(account: Account) -> PersonWire:
    """Who wrote or sent something: id, name, role and picture."""
    return {
        "id": account.id,
        "name": account.display_name,
        "role": account.role,
        "avatar_url": account.avatar_url
        or (None if account.role == Role.LISTENER else avatar_path(account)),
    }


def maybe_person(account: Account | None) -> PersonWire | None:
    """:func:`person`, or None for a deleted account."""
    return None if account is None else person(account)


def curator_profile(account: Account, median_reply_s: float | None) -> CuratorProfileWire:
    """A curator as their listeners see them."""
    return {
        "id": account.id,
        "name": account.display_name,
        "bio": account.bio,
        "avatar_url": account.avatar_url or avatar_path(account),
        "median_first_reply_seconds": median_reply_s,
    }


def people_for(session: Session, ids: set[int | None]) -> dict[int, Account]:
    """Accounts by id, for rendering many objects at once."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {a.id: a for a in session.scalars(select(Account).where(Account.id.in_(wanted)))}


def note_view(note: Note, author: Account | None, editor: Account | None) -> NoteWire:
    """A live note; ``edited_by`` is who changed it last (None: never edited)."""
    return {
        "id": note.id,
        "body": note.body,
        "author": maybe_person(author),
        "edited_by": maybe_person(editor),
        "created_at": iso(note.created_at),
        "updated_at": iso(note.updated_at),
    }


def message_view(message: Message, author: Account | None) -> MessageWire:
    """A conversation message."""
    return {
        "id": message.id,
        "seq": message.seq,
        "body": message.body,
        "from": cast(Literal["listener", "curator"], message.author_role),
        "author": maybe_person(author),
        "created_at": iso(message.created_at),
    }


def preview_path(track_id: int) -> str:
    """Where the store serves a track's short preview."""
    return f"{API_PREFIX}/catalog/tracks/{track_id}/preview.wav"


def release_summary(release: Release, artist: Artist) -> ReleaseSummaryWire:
    """A release in search results and picks."""
    return {
        "id": release.id,
        "title": release.title,
        "artist": {"id": artist.id, "name": artist.name, "mbid": artist.mbid},
        "year": release.year,
        "genre": release.genre,
        "label": release.label,
        "mbid": release.mbid,
        "price": {"cents": release.price_cents, "currency": release.currency},
    }


def track_view(track: Track, currency: str) -> TrackWire:
    """A track of a release."""
    return {
        "id": track.id,
        "position": track.position,
        "title": track.title,
        "duration_ms": track.duration_ms,
        "mbid": track.mbid,
        "price": {"cents": track.price_cents, "currency": currency},
        "preview_url": preview_path(track.id),
    }


def pick_item(session: Session, pick: Pick) -> PickItemWire:
    """The catalog item of a pick, with what the client needs to match its own library."""
    if pick.track_id is not None:
        track = session.get(Track, pick.track_id)
        assert track is not None
        release = session.get(Release, track.release_id)
    else:
        track = None
        release = session.get(Release, pick.release_id)
    assert release is not None
    artist = session.get(Artist, release.artist_id)
    assert artist is not None
    if track is not None:
        return {
            "type": "track",
            "release": release_summary(release, artist),
            "track": track_view(track, release.currency),
            "preview_url": preview_path(track.id),
        }
    first = session.scalar(
        select(Track).where(Track.release_id == release.id).order_by(Track.position).limit(1)
    )
    return {
        "type": "release",
        "release": release_summary(release, artist),
        "track": None,
        "preview_url": preview_path(first.id) if first else None,
    }


def pick_view(session: Session, pick: Pick, curator: Account | None) -> PickWire:
    """A live pick with its item, reason and the listener's feedback."""
    return {
        "id": pick.id,
        "reason": pick.reason,
        "item": pick_item(session, pick),
        "curator": maybe_person(curator),
        "feedback": pick.feedback,
        "feedback_at": iso(pick.feedback_at),
        "created_at": iso(pick.created_at),
    }
