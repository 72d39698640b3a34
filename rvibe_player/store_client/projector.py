"""What the panel shows, worked out from the cached rows: a pure function of a snapshot.

:func:`read_snapshot` takes everything the panel needs from the cache in one go (under the
cache's lock); :func:`project` turns it into a :class:`RelationshipState` without touching a
thread, a file or the network, so it is tested on plain values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from rvibe_player.core.store_protocol import PickFeedback, SharingLevel
from rvibe_player.core.wire import CuratorProfileWire
from rvibe_player.store_client.account import Account
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.log_store import (
    StoredObject,
    curator_of,
    message_of,
    note_of,
    pick_of,
    read_seq_of,
)
from rvibe_player.store_client.model import (
    CuratorCard,
    Message,
    MessageState,
    Note,
    Pick,
    PickItem,
    PickMatch,
    RelationshipState,
)
from rvibe_player.store_client.outbox_store import OutboxItem

log = logging.getLogger(__name__)
T = TypeVar("T")

UNREAD_TYPES = ("message", "note", "pick")
"""What counts as news from the curator."""

Matcher = Callable[[PickItem, dict[str, Any] | None], PickMatch]
"""What the library holds of a pick, given its release's details when fetched."""


@dataclass(frozen=True, slots=True)
class CacheSnapshot:
    """The cached rows the panel is drawn from, read at one moment."""

    account: Account
    me: dict[str, Any] = field(default_factory=dict)
    """``/v1/me`` as last fetched (profile, curator card with reply time)."""
    curator: StoredObject | None = None
    sharing: StoredObject | None = None
    library: StoredObject | None = None
    """The listener's choice to share the albums in their library, as logged."""
    my_read: StoredObject | None = None
    their_read: StoredObject | None = None
    notes: list[StoredObject] = field(default_factory=list)
    """Newest first."""
    picks: list[StoredObject] = field(default_factory=list)
    """Newest first."""
    messages: list[StoredObject] = field(default_factory=list)
    """Oldest first."""
    outbox: list[OutboxItem] = field(default_factory=list)
    releases: dict[int, dict[str, Any]] = field(default_factory=dict)
    latest_seq: int = 0


def read_snapshot(cache: RelationshipCache, account: Account) -> CacheSnapshot:
    """Everything :func:`project` needs, read in one transaction (one consistent view)."""
    log = cache.log
    with cache.db.snapshot():
        return CacheSnapshot(
            account=account,
            me=cache.meta("me") or {},
            curator=log.object("curator"),
            sharing=log.object("sharing"),
            library=log.object("library-sharing"),
            my_read=log.object("read:listener"),
            their_read=log.object("read:curator"),
            notes=log.objects("note", newest_first=True),
            picks=log.objects("pick", newest_first=True),
            messages=log.objects("message"),
            outbox=cache.outbox.items(),
            releases=cache.blobs.releases(),
            latest_seq=log.max_seq(),
        )


def project(
    snapshot: CacheSnapshot, matcher: Matcher, absolute: Callable[[str], str]
) -> RelationshipState:
    """The panel's state from a snapshot; ``absolute`` turns store paths into URLs."""
    my_id = int(snapshot.account["id"])
    read_seq = read_marker(snapshot)
    pending = [i for i in snapshot.outbox if i.state == "pending"]
    unread = sum(
        1
        for o in (*snapshot.notes, *snapshot.picks, *snapshot.messages)
        if o.seq > read_seq and o.actor_id != my_id
    )
    return RelationshipState(
        account=snapshot.account,
        curator=_curator(snapshot, absolute),
        notes=readable(snapshot.notes, lambda o: Note.from_wire(note_of(o))),
        picks=_picks(snapshot, matcher, absolute),
        messages=_messages(snapshot, read_seq),
        unread=unread,
        sharing_level=sharing_level(snapshot).value,
        library_sharing=library_sharing(snapshot),
        waiting_to_send=len(pending),
        failed_to_send=sum(1 for i in snapshot.outbox if i.state == "failed"),
        latest_seq=snapshot.latest_seq,
    )


def read_marker(snapshot: CacheSnapshot) -> int:
    """My read marker: the store's, or a higher one still in the outbox."""
    seq = read_seq_of(snapshot.my_read)
    for item in snapshot.outbox:
        if item.kind is IntentKind.READ:
            seq = max(seq, int(item.payload.get("seq", 0)))
    return seq


def library_sharing(snapshot: CacheSnapshot) -> bool:
    """Whether I share my album list: a change still in the outbox wins over the store's."""
    if snapshot.library is not None:
        on = bool(snapshot.library.data.get("library_sharing"))
    else:
        on = bool((snapshot.me.get("relationship") or {}).get("library_sharing"))
    for item in snapshot.outbox:
        if item.kind is IntentKind.LIBRARY_SHARING and item.state == "pending":
            on = bool(item.payload.get("on"))
    return on


def sharing_level(snapshot: CacheSnapshot) -> SharingLevel:
    """My level as the panel shows it: a change still in the outbox wins over the store's."""
    profile = snapshot.me.get("relationship") or {}
    logged = snapshot.sharing.data.get("level") if snapshot.sharing else None
    level = logged or profile.get("sharing_level")
    for item in snapshot.outbox:
        if item.kind is IntentKind.SHARING and item.state == "pending":
            level = item.payload.get("level", level)
    try:
        return SharingLevel(level or SharingLevel.OFF)
    except ValueError:
        return SharingLevel.OFF


def _curator(snapshot: CacheSnapshot, absolute: Callable[[str], str]) -> CuratorCard | None:
    profile = snapshot.me.get("relationship") or {}
    known: CuratorProfileWire | None = profile.get("curator")
    logged = curator_of(snapshot.curator) if snapshot.curator else None
    # The profile is fetched fresh after each reconnection; the log's card wins only when it
    # names another curator (a hand-over since then).
    same = known is not None and (logged is None or logged["id"] == known["id"])
    card = known if same else logged
    if not card:
        return None
    avatar = card["avatar_url"]
    return CuratorCard(
        id=int(card["id"]),
        name=str(card["name"] or ""),
        bio=str(card["bio"] or ""),
        avatar_url=absolute(str(avatar)) if avatar else "",
        median_first_reply_seconds=card["median_first_reply_seconds"] if same else None,
    )


def readable(objects: list[StoredObject], parse: Callable[[StoredObject], T]) -> list[T]:
    """Each object parsed; one the store sent in a shape this player cannot read is left
    out (and logged) so the rest still shows."""
    parsed = []
    for stored in objects:
        try:
            parsed.append(parse(stored))
        except (KeyError, TypeError, ValueError) as exc:
            log.debug("left out %s, which this player cannot read: %r", stored.key, exc)
    return parsed


def _picks(snapshot: CacheSnapshot, matcher: Matcher, absolute: Callable[[str], str]) -> list[Pick]:
    waiting: dict[int, str] = {}
    for queued in snapshot.outbox:
        if queued.kind is IntentKind.FEEDBACK and queued.state == "pending":
            waiting[int(queued.payload["pick_id"])] = str(queued.payload.get("feedback"))

    def parse(stored: StoredObject) -> Pick:
        data = pick_of(stored)
        item = PickItem.from_wire(data["item"], absolute)
        feedback = data["feedback"]
        answer = waiting.get(int(data["id"]))
        shown_pending = answer is not None and not (
            answer == PickFeedback.SEEN and feedback is not None
        )
        return Pick.from_wire(
            data,
            item,
            feedback=answer if shown_pending else feedback,
            feedback_pending=shown_pending,
            match=matcher(item, snapshot.releases.get(item.release_id)),
        )

    return readable(snapshot.picks, parse)


def _messages(snapshot: CacheSnapshot, read_seq: int) -> list[Message]:
    curator_read = read_seq_of(snapshot.their_read)
    my_name = str(snapshot.account.get("name") or "")

    def parse(stored: StoredObject) -> Message:
        data = message_of(stored)
        seq = int(data["seq"] or stored.seq)
        mine = data["from"] == "listener"
        if mine:
            state = MessageState.READ if seq <= curator_read else MessageState.SENT
        else:
            state = MessageState.READ if seq <= read_seq else MessageState.UNREAD
        key = stored.client_id if mine and stored.client_id else stored.key
        return Message.from_wire(data, key=key, seq=seq, mine=mine, state=state)

    messages = readable(snapshot.messages, parse)
    for item in snapshot.outbox:
        if item.kind is IntentKind.MESSAGE:
            messages.append(
                pending_message(
                    item.client_id,
                    str(item.payload.get("body", "")),
                    item.created_at,
                    item.error,
                    item.state,
                    my_name,
                )
            )
    return messages


def pending_message(
    key: str, body: str, created: float, error: str, state: str, author: str
) -> Message:
    """A bubble of mine still in the outbox (waiting, or refused with the store's words)."""
    return Message(
        key=key,
        id=None,
        seq=None,
        body=body,
        mine=True,
        author=author,
        created_at=datetime.fromtimestamp(created, UTC),
        state=MessageState.FAILED if state == "failed" else MessageState.PENDING,
        error=error,
    )
