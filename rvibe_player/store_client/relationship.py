"""The relationship panel's one entry point: sign-in, state from the cache, sends, sync.

Headless (no Qt). A thin façade over the parts that do the work: the account book
(:mod:`account`), the cache (:mod:`cache`), the two loops (:mod:`loops`), the pick
matching (:mod:`pick_matching`) and the state projector (:mod:`projector`). The panel:

- reads :meth:`Relationship.state` whenever ``on_change`` names an area it shows (fast, from
  the local cache, so it works offline; call it on the GUI thread);
- sends through :meth:`send_message`, :meth:`pick_feedback`, :meth:`mark_read` and
  :meth:`set_sharing`, which only write the outbox (no network, fast) and return at once;
- calls the blocking network operations (:meth:`sign_in`, :meth:`sign_out`,
  :meth:`access_log`, :meth:`delete_shared_listening`) off the GUI thread, for example with
  :meth:`in_background`, which returns a ``concurrent.futures.Future``.

Threads: ``on_change(areas)`` and ``on_status(status)`` are called on the sync thread, the
outbox thread, the background workers, or (for a send) the caller's thread -- never assume
the GUI thread. ``areas`` is a frozenset of :class:`ChangeArea`.

A panel's life::

    relationship = Relationship(url, store_key=key, library_path=library_db,
                                on_change=..., on_status=...)
    relationship.start()                        # resume a kept session (keyring), sync
    state = relationship.state()                # draw: curator, notes, picks, messages
    relationship.in_background(relationship.sign_in, name, password, remember=True)
    relationship.send_message(text)             # a pending bubble at once
    relationship.pick_feedback(pick.id, "seen") # when a new pick has been shown
    relationship.mark_read()                    # when the conversation is on screen
    relationship.library_changed()              # after a scan: "in your library" again
    relationship.close()                        # on quit

With no store configured, ``rvibe_player.app.relationship_setup`` starts the embedded
store, signs the demo listener in and returns the same object.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.core.store_protocol import (
    MESSAGE_MAX,
    SYNC_WAIT_MAX_S,
    PickFeedback,
    Role,
    SharingLevel,
    plain_text_problem,
)
from rvibe_player.core.wire import ReleaseDetailWire
from rvibe_player.store_client import intents, library_sharing
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.errors import said
from rvibe_player.store_client.library_sharing import AlbumSharer
from rvibe_player.store_client.listening import ListeningUploader
from rvibe_player.store_client.log_store import pick_of
from rvibe_player.store_client.loops import LoopOptions, RelationshipLoops
from rvibe_player.store_client.model import (
    Message,
    PickItem,
    RelationshipState,
    ReleaseDetail,
    SyncStatus,
)
from rvibe_player.store_client.pick_matching import PickMatching
from rvibe_player.store_client.projector import (
    pending_message,
    project,
    read_snapshot,
    readable,
)
from rvibe_player.store_client.signed_in import SignedInClient

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

SIGN_IN_PROMPT = said(
    QT_TRANSLATE_NOOP("StoreMessage", "Sign in to the store to hear from your curator.")
)


class Relationship(SignedInClient):
    """One listener's relationship with their curator at one store."""

    ROLE = Role.LISTENER
    SIGN_IN_PROMPT = SIGN_IN_PROMPT
    WRONG_ROLE = QT_TRANSLATE_NOOP(
        "StoreMessage",
        "%1 is a %2 account; the relationship panel is for listeners (staff use the curator desk).",
    )

    def __init__(
        self,
        store_url: str,
        *,
        store_key: str | None = None,
        data_dir: Path | None = None,
        credentials: Credentials | None = None,
        library_path: Path | None = None,
        on_change: Callable[[frozenset[ChangeArea]], None] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        wait_s: float = SYNC_WAIT_MAX_S,
        api_options: dict[str, Any] | None = None,
        backoff_s: tuple[float, float] = (0.5, 10.0),
    ) -> None:
        """Open the cached relationship of the last account signed in to this store.

        Args:
            store_url: the store's base URL (https, or http on loopback).
            store_key: what identifies the store across restarts (default: the URL); the
                embedded store, whose port changes, passes a fixed key such as "embedded".
            data_dir: where caches live (default: ``paths.data_dir() / "relationship"``).
            credentials: the token keeper (default: the OS keyring).
            library_path: the library database to match picks against (None: no matching).
            on_change: called with the areas that changed (any thread).
            on_status: called when the connection state changes (any thread).
            wait_s: long-poll length; api_options, backoff_s: for tests and benchmarks.
        """
        super().__init__(
            store_url,
            store_key=store_key,
            data_dir=data_dir,
            credentials=credentials,
            on_change=on_change,
            on_status=on_status,
            api_options=api_options,
        )
        self.library_path = library_path
        self._listening = ListeningUploader(library_path) if library_path is not None else None
        self._albums = AlbumSharer(library_path) if library_path is not None else None
        self._loops = RelationshipLoops(
            LoopOptions(wait_s, backoff_s),
            self._changed,
            self._set_status,
            self._unauthorized,
            self._collect if library_path is not None else None,
        )
        self._matching = PickMatching(
            library_path, self._picked_items, lambda: self._changed({ChangeArea.MATCHES})
        )

    def _collect(self, cache: RelationshipCache) -> int:
        """Sends made from the library while the outbox is idle: plays, the album list."""
        queued = self._listening.collect(cache) if self._listening is not None else 0
        return queued + (self._albums.collect(cache) if self._albums is not None else 0)

    def _start_loops(self, token: str) -> None:
        with self._lock:
            if self._closed or self.account is None or self._cache is None:
                return
            path, my_id = self._cache.path, int(self.account["id"])
        self._loops.start(path, my_id, lambda: self._api(token))
        if self.library_path is not None and not self._matching.ready:
            self.library_changed()

    def _stop_loops(self) -> None:
        self._loops.stop()

    def wake(self) -> None:
        """Try the store again now (e.g. the network came back); no effect when signed out."""
        self._loops.wake()

    def close(self) -> None:
        """Stop syncing and close the cache (the outbox keeps what has not gone out).

        Returns at once even while a sign-in waits on the network: that call ends on its own
        and starts nothing once closed.
        """
        super().close()
        self._matching.close()

    # -- sends (outbox first; never blocks on the network) ---------------------------------

    def send_message(self, body: str) -> Message:
        """Queue a message to the curator; it shows at once as pending and goes out in order.

        Raises ValueError (in words) for an empty, too long or unprintable message.
        """
        if not body.strip():
            raise ValueError("Write something first: the message is empty.")
        if len(body) > MESSAGE_MAX:
            raise ValueError(
                f"A message holds up to {MESSAGE_MAX:,} characters; this has {len(body):,}."
            )
        problem = plain_text_problem(body, multiline=True)
        if problem:
            raise ValueError(f"The message {problem}.")
        with self._writable_cache() as cache:
            item = cache.outbox.enqueue(intents.message(body))
            author = str((self.account or {}).get("name") or "")
        self._kick({ChangeArea.MESSAGES, ChangeArea.OUTBOX})
        return pending_message(item.client_id, body, item.created_at, "", "pending", author)

    def pick_feedback(self, pick_id: int, feedback: PickFeedback | str) -> None:
        """Tell the curator what I made of a pick (shown at once, sent in order)."""
        answer = PickFeedback(feedback)
        with self._writable_cache() as cache:
            cache.outbox.enqueue(intents.feedback(pick_id, answer.value))
        self._kick({ChangeArea.PICKS, ChangeArea.OUTBOX})

    def mark_read(self, up_to_seq: int | None = None) -> None:
        """Mark the conversation read up to ``up_to_seq`` (default: everything cached)."""
        with self._writable_cache() as cache:
            seq = cache.log.max_seq() if up_to_seq is None else up_to_seq
            if seq <= self._read_seq(cache) or cache.outbox.enqueue_read(seq) is None:
                return
        self._kick({ChangeArea.READ, ChangeArea.MESSAGES, ChangeArea.OUTBOX})

    def _read_seq(self, cache: RelationshipCache) -> int:
        from rvibe_player.store_client.projector import CacheSnapshot, read_marker

        snapshot = CacheSnapshot(
            account={},
            my_read=cache.log.object("read:listener"),
            outbox=cache.outbox.items(intents.IntentKind.READ),
        )
        return read_marker(snapshot)

    def set_sharing(self, level: SharingLevel | str) -> None:
        """Choose how much listening the curator may see (``off``, ``summary``, ``full``).

        Turning it on shares plays from now on; turning it off drops unsent plays at once.
        """
        chosen = SharingLevel(level)
        since = None if chosen is SharingLevel.OFF else time.time()
        with self._writable_cache() as cache:
            cache.outbox.enqueue_sharing(chosen.value, since)
        self._kick({ChangeArea.SHARING, ChangeArea.OUTBOX})

    def sharing_preview(self, level: SharingLevel | str) -> str:
        """Exactly what sharing at ``level`` sends, in words and as sent (reads the library)."""
        if self._listening is None:
            return said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage", "No music library is open here, so no plays would be sent."
                )
            )
        return self._listening.preview(level)

    def set_library_sharing(self, on: bool) -> None:
        """Share the albums in my library with my curator, or stop (the store deletes them)."""
        with self._writable_cache() as cache:
            cache.outbox.enqueue_library_sharing(on)
        if self._albums is not None:
            self._albums.library_changed()  # on: the whole list goes out
        self._kick({ChangeArea.SHARING, ChangeArea.OUTBOX})

    def library_preview(self, on: bool) -> str:
        """Exactly what sharing the album list sends (reads the library)."""
        return library_sharing.preview(self.library_path, on)

    def share_new_plays(self) -> None:
        """Plays were logged: have the outbox collect them now rather than at its next check."""
        self._loops.send_now()

    def retry_send(self, key: str) -> None:
        """Send a failed message again (``key`` is the bubble's key, its client id)."""
        with self._writable_cache() as cache:
            cache.outbox.retry(key)
        self._kick({ChangeArea.MESSAGES, ChangeArea.OUTBOX})

    def discard_send(self, key: str) -> None:
        """Drop a failed message from the outbox."""
        with self._writable_cache() as cache:
            discarded = cache.outbox.discard(key)
        if discarded:
            self._changed({ChangeArea.MESSAGES, ChangeArea.OUTBOX})

    def _kick(self, areas: set[ChangeArea]) -> None:
        self._loops.send_now()
        self._changed(areas)

    # -- online-only calls (blocking) ------------------------------------------------------

    def access_log(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """When staff looked at my relationship (blocking; needs the store)."""
        return self._online(lambda api: api.access_log(limit, offset))

    def delete_shared_listening(self) -> dict[str, Any]:
        """Delete every play I shared with the store (blocking; needs the store)."""
        return self._online(lambda api: api.delete_listening())

    def avatar(self, url: str) -> tuple[bytes, str] | None:
        """A picture the sync fetched (``CuratorCard.avatar_url``): bytes and content type."""
        with self._lock:
            return self._cache.blobs.file(url) if self._cache is not None else None

    def release(self, release_id: int) -> ReleaseDetail | None:
        """A picked release's catalog details (track list, prices, previews), as fetched
        (kept for offline use); None when it has not been fetched or cannot be read."""
        with self._lock:
            detail = self._cache.blobs.release(release_id) if self._cache is not None else None
        if detail is None:
            return None
        try:
            return ReleaseDetail.from_wire(cast(ReleaseDetailWire, detail), self._absolute)
        except (KeyError, TypeError, ValueError):
            log.info("release %s as cached cannot be read", release_id)
            return None

    # -- matching and the state the panel shows --------------------------------------------

    def library_changed(self) -> Future[None]:
        """Compare picks with the library again (after a scan); ``matches`` changes when done.

        A shared album list is compared too, and sent again when the albums changed."""
        if self._albums is not None:
            self._albums.library_changed()
            self._loops.send_now()
        return self._matching.rebuild()

    def _picked_items(self) -> list[PickItem]:
        with self._lock:
            stored = self._cache.log.objects("pick") if self._cache is not None else []
        return readable(stored, lambda s: PickItem.from_wire(pick_of(s)["item"], self._absolute))

    def state(self) -> RelationshipState:
        """Everything the panel shows, from the local cache (fast; works offline)."""
        with self._lock:
            cache, account = self._cache, self.account
            if cache is None or account is None:
                return RelationshipState(account=None, curator=None)
            snapshot = read_snapshot(cache, account)
        return project(snapshot, self._matching.match, self._absolute)
