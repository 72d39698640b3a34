"""Sharing the albums in my library with my curator: a consent of its own, off by default.

When the listener turns it on, the player sends its album list (album artist, album and
the MusicBrainz ids the tags carry; never a path, never a file name) through the outbox in
batches, the first one starting a new list at the store. The list is sent again whenever
the library's albums change (after a scan), so the store's copy stays current. Turning it
off drops every batch not yet sent, in the same transaction that queues the change; the
store then deletes what it kept. The sharing dialog shows exactly what would be sent.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from pathlib import Path
from typing import Any

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.core.store_protocol import ALBUMS_BATCH_MAX, CATALOG_TEXT_MAX
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.errors import said
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.listening import BATCH_BYTES_MAX, batches
from rvibe_player.store_client.projector import CacheSnapshot, library_sharing

_NOT_A_LINE = re.compile(r"[\x00-\x1f\x7f]+")
_MBID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
PREVIEW_ALBUMS = 5


def _line(text: str) -> str:
    flat = _NOT_A_LINE.sub(" ", text).encode("utf-8", "replace").decode("utf-8").strip()
    return flat[:CATALOG_TEXT_MAX]


def _mbid(text: str) -> str | None:
    text = text.strip().split("/")[0].strip()  # some taggers join several ids with "/"
    return text.lower() if _MBID.match(text) else None


def album_payloads(library_path: Path) -> list[dict[str, Any]]:
    """The library's albums as they leave this computer, once each, in order."""
    db = LibraryDatabase(library_path)
    try:
        rows = db.album_list()
    finally:
        db.close()
    albums: dict[tuple[str, str], dict[str, Any]] = {}
    for artist, album, artist_mbid, album_mbid in rows:
        who, title = _line(artist), _line(album)
        if title:
            albums.setdefault(
                (who.casefold(), title.casefold()),
                {"artist": who, "album": title, "artist_mbid": _mbid(artist_mbid),
                 "release_mbid": _mbid(album_mbid)},
            )  # fmt: skip
    return list(albums.values())


def library_sharing_on(cache: RelationshipCache) -> bool:
    """My choice as the dialog shows it: a change still in the outbox wins over the store's."""
    snapshot = CacheSnapshot(
        account={},
        me=cache.meta("me") or {},
        library=cache.log.object("library-sharing"),
        outbox=cache.outbox.items(IntentKind.LIBRARY_SHARING, "pending"),
    )
    return library_sharing(snapshot)


def preview(library_path: Path | None, on: bool) -> str:
    """Exactly what sharing the album list sends, in words and as sent."""
    if not on:
        return said(
            QT_TRANSLATE_NOOP(
                "StoreMessage", "Your album list is not sent (and the store deletes any it kept)."
            )
        )
    if library_path is None:
        return said(
            QT_TRANSLATE_NOOP(
                "StoreMessage", "No music library is open here, so no albums would be sent."
            )
        )
    albums = album_payloads(library_path)
    text = said(
        QT_TRANSLATE_NOOP(
            "StoreMessage",
            "The player sends the %1 albums in your library: album artist, album title and "
            "their MusicBrainz ids. No file names, no folders, nothing about plays.",
        ),
        str(len(albums)),
    )
    if albums:
        shown = "\n".join(json.dumps(a, ensure_ascii=False) for a in albums[:PREVIEW_ALBUMS])
        rest = len(albums) - PREVIEW_ALBUMS
        if rest > 0:
            more = QT_TRANSLATE_NOOP("StoreMessage", "%1\n… and %2 more, the same way")
            shown = said(more, shown, str(rest))
        text = said(QT_TRANSLATE_NOOP("StoreMessage", "%1\nExactly as sent:\n%2"), text, shown)
    return text


class AlbumSharer:
    """Queues the album list when sharing is on and the albums changed (outbox thread)."""

    def __init__(self, library_path: Path, batch: int = ALBUMS_BATCH_MAX) -> None:
        self.library_path = library_path
        self.batch = min(batch, ALBUMS_BATCH_MAX)
        self._dirty = threading.Event()
        self._dirty.set()  # look once after start

    def library_changed(self) -> None:
        """The library may have other albums now: compare again at the next idle moment."""
        self._dirty.set()

    def collect(self, cache: RelationshipCache) -> int:
        """Queue the whole list (in batches) when it differs from the one sent; returns how
        many batches were queued."""
        if not self._dirty.is_set() or not library_sharing_on(cache):
            return 0
        self._dirty.clear()
        albums = album_payloads(self.library_path)
        digest = hashlib.sha256(json.dumps(albums, sort_keys=True).encode()).hexdigest()
        if cache.meta("albums_digest") == digest:
            return 0
        parts = batches(albums, self.batch, BATCH_BYTES_MAX) or [[]]
        return cache.outbox.enqueue_albums(parts, digest)
