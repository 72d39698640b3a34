"""Sharing my listening with my curator: plays after I opted in, at my level, via the outbox.

Off by default. The player logs each counted play in the library (``plays``). Once the
listener turns sharing on, the moment is noted in the relationship cache; from then on new
plays are read in batches after a per-account cursor and written to the outbox as
``POST /me/listening`` sends, drained in order with every other send (so a level change and
the uploads around it reach the store in the order they were made). At ``summary`` level
only the day, the artist and the genre of each play leave this computer; ``full`` adds the
title, the album and the time. Turning sharing off drops every batch not yet sent, at once,
in the same transaction that queues the change (the store then deletes what it kept).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.core.store_protocol import CATALOG_TEXT_MAX, LISTENING_PLAYS_MAX, SharingLevel
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.model import LoggedPlay
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.errors import said
from rvibe_player.store_client.intents import IntentKind, listening
from rvibe_player.store_client.projector import CacheSnapshot
from rvibe_player.store_client.projector import sharing_level as projected_level

T = TypeVar("T", bound=Mapping[str, Any])
_NOT_A_LINE = re.compile(r"[\x00-\x1f\x7f]+")


def sharing_level(cache: RelationshipCache) -> SharingLevel:
    """My level as the panel shows it: a change still in the outbox wins over the store's."""
    snapshot = CacheSnapshot(
        account={},
        me=cache.meta("me") or {},
        sharing=cache.log.object("sharing"),
        outbox=cache.outbox.items(IntentKind.SHARING, "pending"),
    )
    return projected_level(snapshot)


def _line(text: str) -> str:
    """Tag text as the store takes it: one line, valid Unicode, not too long."""
    flat = _NOT_A_LINE.sub(" ", text).encode("utf-8", "replace").decode("utf-8").strip()
    return flat[:CATALOG_TEXT_MAX]


def play_payload(play: LoggedPlay, level: SharingLevel) -> dict[str, str]:
    """What one play looks like on the wire at ``level`` (``summary``: day, artist, genre)."""
    when = datetime.fromtimestamp(play.played_at, UTC)
    if level is SharingLevel.FULL:
        return {
            "played_at": when.isoformat(timespec="seconds"),
            "artist": _line(play.artist),
            "album": _line(play.album),
            "title": _line(play.title),
            "genre": _line(play.genre),
        }
    day = when.replace(hour=0, minute=0, second=0, microsecond=0)
    return {
        "played_at": day.isoformat(timespec="seconds"),
        "artist": _line(play.artist),
        "title": "",
        "genre": _line(play.genre),
    }


BATCH_BYTES_MAX = 192 * 1024
"""Bytes of plays in one upload: under the store's 256 KiB body limit with room to spare
(500 plays with long non-Latin tags come to about 500 KB)."""


def _encoded_size(play: Mapping[str, object]) -> int:
    return len(json.dumps(play, ensure_ascii=False).encode()) + 1


def batches(plays: list[T], count: int, size: int) -> list[list[T]]:
    """Items in order (plays, albums), cut into batches of at most ``count`` items and
    ``size`` bytes as JSON."""
    out: list[list[T]] = []
    batch: list[T] = []
    used = 0
    for play in plays:
        cost = _encoded_size(play)
        if batch and (len(batch) >= count or used + cost > size):
            out.append(batch)
            batch, used = [], 0
        batch.append(play)
        used += cost
    if batch:
        out.append(batch)
    return out


class ListeningUploader:
    """Turns new plays into outbox batches; runs on the outbox thread when it is idle."""

    def __init__(
        self, library_path: Path, batch: int = LISTENING_PLAYS_MAX, size: int = BATCH_BYTES_MAX
    ) -> None:
        self.library_path = library_path
        self.batch = min(batch, LISTENING_PLAYS_MAX)
        self.size = size

    def collect(self, cache: RelationshipCache) -> int:
        """Queue the plays logged since the cursor; returns how many were queued."""
        level = sharing_level(cache)
        if level is SharingLevel.OFF:
            return 0
        # Turned on at the store (another device, an admin): shared from the moment seen.
        since = cache.outbox.start_listening(datetime.now(UTC).timestamp())
        after = int(cache.meta("listening_after", 0))
        queued = 0
        db = LibraryDatabase(self.library_path)
        try:
            while logged := db.plays_after(after, float(since), self.batch):
                payloads = [play_payload(p, level) for p in logged]
                taken = batches(payloads, self.batch, self.size)[0]  # the rest: next round
                last = logged[len(taken) - 1].id
                if cache.outbox.enqueue_listening(listening(taken), last) is None:
                    break  # turned off meanwhile
                queued += len(taken)
                after = last
        finally:
            db.close()
        return queued

    def preview(self, level: SharingLevel | str) -> str:
        """Exactly what would be sent at ``level``, in words and as sent, for the dialog."""
        chosen = SharingLevel(level)
        if chosen is SharingLevel.OFF:
            return said(QT_TRANSLATE_NOOP("StoreMessage", "Nothing about your listening is sent."))
        db = LibraryDatabase(self.library_path)
        try:
            last = db.last_play_id()
            plays = db.plays_after(last - 1, 0.0, 1) if last else []
        finally:
            db.close()
        text = said(
            QT_TRANSLATE_NOOP(
                "StoreMessage",
                "From now on the player sends each song you play: when, the title, artist, "
                "album and genre; nothing played before.",
            )
            if chosen is SharingLevel.FULL
            else QT_TRANSLATE_NOOP(
                "StoreMessage",
                "From now on the player sends for each play only the day, the artist and the "
                "genre; nothing played before.",
            )
        )
        if plays:
            sample = json.dumps(play_payload(plays[0], chosen), ensure_ascii=False)
            text = said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage", "%1\nYour latest play would be sent exactly as:\n%2"
                ),
                text,
                sample,
            )
        return text
