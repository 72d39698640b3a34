"""How the relationship's objects look on the wire: one typed vocabulary for both sides.

The store builds these (``store_server/services/views.py``) and the player reads them once,
into its own records (``store_client/model.py``), so mypy checks each key on both sides.
They are the payloads of the relationship log's entries (PROTOCOL.md "Entries") and of the
staff views. Plain ``TypedDict`` declarations: no I/O, no validation here.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class PersonWire(TypedDict):
    """Who wrote or sent something."""

    id: int
    name: str
    role: str
    avatar_url: str | None


class CuratorProfileWire(TypedDict):
    """A curator as their listeners see them."""

    id: int
    name: str
    bio: str
    avatar_url: str
    median_first_reply_seconds: float | None


class NoteWire(TypedDict):
    """A live note from a curator (``edited_by``: who changed it last, None if nobody)."""

    id: int
    body: str
    author: PersonWire | None
    edited_by: NotRequired[PersonWire | None]
    created_at: str | None
    updated_at: str | None


MessageWire = TypedDict(
    "MessageWire",
    {
        "id": int,
        "seq": int,
        "body": str,
        "from": Literal["listener", "curator"],
        "author": PersonWire | None,
        "created_at": str | None,
    },
)
"""A conversation message (``from`` says which side wrote it)."""


class PriceWire(TypedDict):
    """A price in the store's currency (``cents`` None: not for sale alone)."""

    cents: int | None
    currency: str


class ArtistRefWire(TypedDict):
    """An artist as a release names it."""

    id: int
    name: str
    mbid: str | None


class ReleaseSummaryWire(TypedDict):
    """A release in search results and picks."""

    id: int
    title: str
    artist: ArtistRefWire
    year: int | None
    genre: str
    label: str
    mbid: str | None
    price: PriceWire


class TrackWire(TypedDict):
    """A track of a release."""

    id: int
    position: int
    title: str
    duration_ms: int | None
    mbid: str | None
    price: PriceWire
    preview_url: str


class ReleaseDetailWire(ReleaseSummaryWire):
    """A release with its tracks (``GET /v1/catalog/releases/{id}``)."""

    tracks: list[TrackWire]


class PickItemWire(TypedDict):
    """What a pick points at, with what a client needs to match its own library."""

    type: Literal["release", "track"]
    release: ReleaseSummaryWire
    track: TrackWire | None
    preview_url: str | None


class PickWire(TypedDict):
    """A live pick with its item, reason and the listener's answer."""

    id: int
    reason: str
    item: PickItemWire
    curator: PersonWire | None
    feedback: str | None
    feedback_at: str | None
    created_at: str | None


class ReadMarkerWire(TypedDict):
    """How far one side has read (object ``read:listener`` or ``read:curator``)."""

    reader: Literal["listener", "curator"]
    seq: int


class CuratorAssignedWire(TypedDict):
    """The listener's curator changed (None: nobody for now)."""

    curator: CuratorProfileWire | None
    previous_curator_id: int | None


class SharingChangedWire(TypedDict):
    """The listener's sharing level changed."""

    level: str
    previous: str


class NoteEntryWire(TypedDict):
    """``note.created`` / ``note.edited`` data."""

    note: NoteWire


class PickEntryWire(TypedDict):
    """``pick.sent`` / ``pick.updated`` data."""

    pick: PickWire


class MessageEntryWire(TypedDict):
    """``message.sent`` data."""

    message: MessageWire


class EntryWire(TypedDict):
    """One entry of a listener's relationship log."""

    seq: int
    kind: str
    object: str
    at: str
    actor_id: int | None
    client_id: str | None
    data: dict[str, object]
