"""Request shapes of the curator's desk and of the listener's shared library (pydantic)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.schemas import (
    ClientId,
    DbId,
    Line,
    NoteBody,
    Reason,
    Strict,
    _plain,
)

Mbid = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F-]{36}$")]
Title = Annotated[
    str, StringConstraints(min_length=1, max_length=p.SAVED_REPLY_TITLE_MAX), _plain(False)
]


class StaffNoteIn(Strict):
    """A note about the listener that only staff see."""

    client_id: ClientId
    body: NoteBody


class SnoozeIn(Strict):
    """Set the listener aside until a moment, or until they write (neither: wake them)."""

    client_id: ClientId
    until: AwareDatetime | None = None
    until_reply: bool = False


class CadenceIn(Strict):
    """Be in touch with this listener every ``days`` days."""

    client_id: ClientId
    days: Annotated[int, Field(ge=p.TOUCH_DAYS_MIN, le=p.TOUCH_DAYS_MAX)]


class PresenceIn(Strict):
    """I have the listener open, am typing to them, or left."""

    state: Literal["viewing", "typing", "gone"]


class PickReasonIn(Strict):
    """A new reason for a pick."""

    client_id: ClientId
    reason: Reason


class SavedReplyIn(Strict):
    """A saved reply: ``{{first_name}}``-style fields, ``[[gaps]]`` to fill before sending."""

    client_id: ClientId
    title: Title
    body: NoteBody


class CrateLine(Strict):
    """One listener of a crate and the line written for them."""

    listener_id: DbId
    reason: Reason


class CrateIn(Strict):
    """Releases for many listeners, a personal line each (one part of a crate)."""

    client_id: ClientId
    releases: Annotated[list[DbId], Field(min_length=1, max_length=p.CRATE_RELEASES_MAX)]
    lines: Annotated[list[CrateLine], Field(min_length=1, max_length=p.CRATE_LISTENERS_MAX)]


class CoverIn(Strict):
    """``by_id`` looks after ``curator_id``'s listeners until ``until`` (admin)."""

    curator_id: DbId
    by_id: DbId
    until: AwareDatetime


class LibrarySharingIn(Strict):
    """Share the albums in my library with my curator (``false``: stop and delete)."""

    client_id: ClientId
    on: bool


class AlbumIn(Strict):
    """One album of the listener's library, as shared: no path, no file."""

    artist: Line
    album: Line
    artist_mbid: Mbid | None = None
    release_mbid: Mbid | None = None


class AlbumsIn(Strict):
    """A batch of albums; ``replace`` starts a new list (the first batch of a full send)."""

    client_id: ClientId
    albums: Annotated[list[AlbumIn], Field(min_length=0, max_length=p.ALBUMS_BATCH_MAX)]
    replace: bool = False
