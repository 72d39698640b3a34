"""Plain records the relationship panel shows: curator, notes, picks, messages, status.

Built from the local cache (so they read the same offline) by :mod:`relationship`. Every
text field came over the network: show it as plain text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from rvibe_player.core.wire import (
    MessageWire,
    NoteWire,
    PersonWire,
    PickItemWire,
    PickWire,
    ReleaseDetailWire,
)


def parse_time(text: object) -> datetime | None:
    """A store timestamp (ISO 8601 with ``Z``) as an aware datetime; None when absent."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _name(person: PersonWire | None) -> str:
    """A person's shown name ("" for a deleted account)."""
    return str(person["name"]) if person is not None else ""


class Connection(StrEnum):
    """Where the sync stands."""

    SIGNED_OUT = "signed-out"
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The sync loop's state and, when something is wrong, what and what to do (in words)."""

    connection: Connection
    error: str = ""
    since: float = 0.0
    """``time.monotonic()`` when this state began."""


@dataclass(frozen=True, slots=True)
class CuratorCard:
    """The listener's curator as the panel introduces them."""

    id: int
    name: str
    bio: str
    avatar_url: str
    """Absolute URL of their picture (fetch it with ``Relationship.avatar``)."""
    median_first_reply_seconds: float | None
    """Seconds the curator usually takes to answer (None: no figure yet); the panel words it."""


@dataclass(frozen=True, slots=True)
class Note:
    """A note from the curator."""

    id: int
    body: str
    author: str
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def from_wire(cls, note: NoteWire) -> Note:
        """From a note as the store sends it."""
        return cls(
            id=int(note["id"]),
            body=str(note["body"]),
            author=_name(note["author"]),
            created_at=parse_time(note["created_at"]),
            updated_at=parse_time(note["updated_at"]),
        )

    @property
    def edited(self) -> bool:
        """True when the curator changed it after writing it."""
        return (
            self.created_at is not None
            and self.updated_at is not None
            and self.updated_at > self.created_at
        )


class Ownership(StrEnum):
    """How much of a pick the listener's library already holds."""

    OWNED = "owned"
    PARTLY_OWNED = "partly-owned"
    NOT_OWNED = "not-owned"
    UNKNOWN = "unknown"
    """The library has not been compared yet."""


@dataclass(frozen=True, slots=True)
class PickMatch:
    """A pick resolved against the local library."""

    ownership: Ownership
    track_ids: tuple[int, ...] = ()
    """Library tracks to play, in release order where known."""
    how: str = ""
    """``musicbrainz`` or ``text``: what the match rests on."""
    owned: int = 0
    """Tracks of the pick found in the library."""
    total: int | None = None
    """Tracks the pick has (None when the release's track list is not known yet)."""


@dataclass(frozen=True, slots=True)
class PickItem:
    """What was picked: a release, or one track of it."""

    type: str
    release_id: int
    release_title: str
    artist: str
    artist_mbid: str
    release_mbid: str
    year: int | None
    genre: str
    label: str
    price_cents: int | None
    currency: str
    track_id: int | None
    track_title: str
    track_mbid: str
    preview_url: str
    """Absolute URL of a short preview the player can stream ("" when there is none)."""
    catalog_url: str
    """The store's description of the release (JSON: tracks, prices, previews); the store has
    no web page for it, so "Open in store" shows this in the panel."""

    @classmethod
    def from_wire(cls, item: PickItemWire, absolute: Callable[[str], str]) -> PickItem:
        """From a pick's ``item``; ``absolute`` turns the store's paths into URLs."""
        release = item["release"]
        artist = release["artist"]
        track = item["track"]
        price = track["price"] if track is not None else release["price"]
        preview = item["preview_url"] or ""
        release_id = int(release["id"])
        return cls(
            type=item["type"],
            release_id=release_id,
            release_title=release["title"],
            artist=artist["name"],
            artist_mbid=artist["mbid"] or "",
            release_mbid=release["mbid"] or "",
            year=release["year"],
            genre=release["genre"] or "",
            label=release["label"] or "",
            price_cents=price["cents"],
            currency=price["currency"] or "",
            track_id=track["id"] if track is not None else None,
            track_title=track["title"] if track is not None else "",
            track_mbid=(track["mbid"] or "") if track is not None else "",
            preview_url=absolute(preview) if preview else "",
            catalog_url=absolute(f"/v1/catalog/releases/{release_id}"),
        )


@dataclass(frozen=True, slots=True)
class ReleaseTrack:
    """One track of a release in the store."""

    position: int
    title: str
    seconds: float | None
    price_cents: int | None
    preview_url: str
    """Absolute URL of its short preview."""


@dataclass(frozen=True, slots=True)
class ReleaseDetail:
    """A release as the store describes it: what a "view in the store" shows."""

    id: int
    title: str
    artist: str
    year: int | None
    genre: str
    label: str
    price_cents: int | None
    currency: str
    tracks: tuple[ReleaseTrack, ...]

    @classmethod
    def from_wire(cls, release: ReleaseDetailWire, absolute: Callable[[str], str]) -> ReleaseDetail:
        """From the store's release detail; ``absolute`` turns its paths into URLs."""
        return cls(
            id=int(release["id"]),
            title=release["title"],
            artist=release["artist"]["name"],
            year=release["year"],
            genre=release["genre"] or "",
            label=release["label"] or "",
            price_cents=release["price"]["cents"],
            currency=release["price"]["currency"] or "",
            tracks=tuple(
                ReleaseTrack(
                    position=int(track["position"]),
                    title=track["title"],
                    seconds=track["duration_ms"] / 1000 if track["duration_ms"] else None,
                    price_cents=track["price"]["cents"],
                    preview_url=absolute(track["preview_url"]) if track["preview_url"] else "",
                )
                for track in release["tracks"]
            ),
        )


@dataclass(frozen=True, slots=True)
class Pick:
    """A pick from the curator, with the listener's answer and what the library holds of it."""

    id: int
    reason: str
    curator: str
    created_at: datetime | None
    item: PickItem
    feedback: str | None
    """``seen``, ``played``, ``loved``, ``dismissed`` or None (new: show it as new)."""
    feedback_pending: bool
    """The feedback shown is still in the outbox."""
    match: PickMatch

    @classmethod
    def from_wire(
        cls,
        pick: PickWire,
        item: PickItem,
        *,
        feedback: str | None,
        feedback_pending: bool,
        match: PickMatch,
    ) -> Pick:
        """From a pick as the store sends it, with the answer and match worked out here."""
        return cls(
            id=int(pick["id"]),
            reason=str(pick["reason"]),
            curator=_name(pick["curator"]),
            created_at=parse_time(pick["created_at"]),
            item=item,
            feedback=feedback,
            feedback_pending=feedback_pending,
            match=match,
        )

    @property
    def is_new(self) -> bool:
        """Not seen yet: mark it until it is."""
        return self.feedback is None


class MessageState(StrEnum):
    """Where a message stands, as its bubble shows it."""

    PENDING = "pending"
    """Mine, waiting in the outbox ("waiting to send")."""
    FAILED = "failed"
    """Mine, refused by the store for good; ``error`` says why."""
    SENT = "sent"
    """Mine, at the store, not read by the curator yet."""
    READ = "read"
    """Mine read by the curator, or theirs read by me."""
    UNREAD = "unread"
    """Theirs, not read by me yet."""


@dataclass(frozen=True, slots=True)
class Message:
    """One bubble of the conversation."""

    key: str
    """Stable across the pending -> sent change: the client id for mine, else ``message:ID``."""
    id: int | None
    seq: int | None
    body: str
    mine: bool
    author: str
    created_at: datetime | None
    state: MessageState
    error: str = ""

    @classmethod
    def from_wire(
        cls, message: MessageWire, *, key: str, seq: int, mine: bool, state: MessageState
    ) -> Message:
        """From a message as the store sends it (``key``, ``seq``, ``state`` worked out)."""
        return cls(
            key=key,
            id=int(message["id"]),
            seq=seq,
            body=str(message["body"]),
            mine=mine,
            author=_name(message["author"]),
            created_at=parse_time(message["created_at"]),
            state=state,
        )


@dataclass(frozen=True, slots=True)
class RelationshipState:
    """Everything the panel shows, read from the cache in one go."""

    account: dict[str, Any] | None
    curator: CuratorCard | None
    notes: list[Note] = field(default_factory=list)
    """Newest first."""
    picks: list[Pick] = field(default_factory=list)
    """Newest first."""
    messages: list[Message] = field(default_factory=list)
    """Oldest first, pending ones last."""
    unread: int = 0
    """Notes, picks and messages from the curator after my read marker."""
    sharing_level: str = "off"
    library_sharing: bool = False
    """Whether the albums in my library are shared with my curator."""
    waiting_to_send: int = 0
    failed_to_send: int = 0
    latest_seq: int = 0
