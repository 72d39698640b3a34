"""The relationship panel's one entry point: sign-in, state from the cache, sends, sync.

Headless (no Qt). The panel holds one :class:`Relationship` and:

- reads :meth:`Relationship.state` whenever ``on_change`` names an area it shows (fast, from
  the local cache, so it works offline; call it on the GUI thread);
- sends through :meth:`send_message`, :meth:`pick_feedback`, :meth:`mark_read` and
  :meth:`set_sharing`, which only write the outbox (no network, fast) and return at once;
- calls the blocking network operations (:meth:`sign_in`, :meth:`sign_out`,
  :meth:`access_log`, :meth:`delete_shared_listening`) off the GUI thread, for example with
  :meth:`in_background`, which returns a ``concurrent.futures.Future``.

Threads: ``on_change(areas)`` and ``on_status(status)`` are called on the sync thread, the
outbox thread, the background workers, or (for a send) the caller's thread -- never assume
the GUI thread; turn them into queued Qt signals. ``areas`` is a frozenset of ``"notes"``,
``"picks"``, ``"messages"``, ``"read"``, ``"curator"``, ``"sharing"``, ``"account"``,
``"outbox"``, ``"matches"``, ``"resync"``.

A panel's life::

    relationship = Relationship(url, store_key=key, library_path=library_db,
                                on_change=bridge.changed.emit, on_status=bridge.status.emit)
    relationship.start()                        # resume a kept session (keyring), sync
    state = relationship.state()                # draw: curator, notes, picks, messages
    relationship.in_background(relationship.sign_in, name, password, remember=True)
    relationship.send_message(text)             # a pending bubble at once
    relationship.pick_feedback(pick.id, "seen") # when a new pick has been shown
    relationship.mark_read()                    # when the conversation is on screen
    relationship.library_changed()              # after a scan: "in your library" again
    relationship.close()                        # on quit

With no store configured, ``EmbeddedStore().open_relationship(...)`` (``embedded.py``, on a
worker thread) starts the store, signs the demo listener in and returns the same object.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from rvibe_player import paths
from rvibe_player.core.store_protocol import (
    MESSAGE_MAX,
    SYNC_WAIT_MAX_S,
    PickFeedback,
    Role,
    SharingLevel,
    plain_text_problem,
)
from rvibe_player.store_client.address import store_address
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    StoreError,
    StoreRejectedError,
    StoreUnauthorizedError,
)
from rvibe_player.store_client.listening import ListeningUploader, sharing_level
from rvibe_player.store_client.matching import LibraryIndex, MatchScope, PickMatcher
from rvibe_player.store_client.model import (
    Connection,
    CuratorCard,
    Message,
    MessageState,
    Note,
    Ownership,
    Pick,
    PickItem,
    PickMatch,
    RelationshipState,
    SyncStatus,
    parse_time,
)
from rvibe_player.store_client.outbox import (
    feedback_route,
    message_route,
    read_route,
    sharing_route,
)

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi
    from rvibe_player.store_client.outbox import OutboxDrainer
    from rvibe_player.store_client.sync import SyncLoop

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

SIGN_IN_PROMPT = "Sign in to the store to hear from your curator."
_UNREAD_TYPES = ("message", "note", "pick")


def _key_slug(store_key: str) -> str:
    return hashlib.sha256(store_key.encode()).hexdigest()[:16]


class Relationship:
    """One listener's relationship with their curator at one store."""

    def __init__(
        self,
        store_url: str,
        *,
        store_key: str | None = None,
        data_dir: Path | None = None,
        credentials: Credentials | None = None,
        library_path: Path | None = None,
        on_change: Callable[[frozenset[str]], None] | None = None,
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
        self.store_url = store_address(store_url)
        self.store_key = store_key or self.store_url
        self.data_dir = data_dir or paths.data_dir() / "relationship"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.credentials = credentials or Credentials()
        self.library_path = library_path
        self._listening = ListeningUploader(library_path) if library_path is not None else None
        self._on_change = on_change
        self._on_status = on_status
        self.wait_s = wait_s
        self.api_options = api_options or {}
        self.backoff_s = backoff_s
        self._lock = threading.RLock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-worker")
        self._matching = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-matching")
        self._widening = False
        self._closed = False
        self._sync: SyncLoop | None = None
        self._outbox: OutboxDrainer | None = None  # (imported when signing in)
        self._matcher: PickMatcher | None = None
        self._status = SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT)
        self._cache: RelationshipCache | None = None
        self.account: dict[str, Any] | None = self._accounts().get(self.store_key)
        if self.account is not None:
            self._cache = RelationshipCache(self._cache_path(int(self.account["id"])))

    # -- where things are kept -------------------------------------------------------------

    def _accounts_file(self) -> Path:
        return self.data_dir / "accounts.json"

    def _accounts(self) -> dict[str, Any]:
        """Which account was last signed in to each store (ids and names, no secrets)."""
        try:
            data = json.loads(self._accounts_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save_account(self, account: dict[str, Any] | None) -> None:
        accounts = self._accounts()
        if account is None:
            accounts.pop(self.store_key, None)
        else:
            accounts[self.store_key] = account
        fd, tmp = tempfile.mkstemp(dir=self.data_dir, prefix=".accounts-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(accounts, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self._accounts_file())

    def _cache_path(self, account_id: int) -> Path:
        return self.data_dir / f"relationship-{_key_slug(self.store_key)}-{account_id}.sqlite3"

    def _api(self, token: str | None = None, **overrides: Any) -> StoreApi:
        from rvibe_player.store_client.api import StoreApi  # requests: only once it is needed

        return StoreApi(self.store_url, token, **(self.api_options | overrides))

    # -- status and notifications ----------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        """Signed out, connecting, online or offline, with what went wrong in words."""
        return self._status

    @property
    def keyring_problem(self) -> str | None:
        """Why the session will not survive a restart (no keyring), or None."""
        return self.credentials.problem

    @property
    def signed_in(self) -> bool:
        """True while a session token is held."""
        return self._status.connection is not Connection.SIGNED_OUT

    def _changed(self, areas: set[str] | frozenset[str]) -> None:
        if self._on_change is None or not areas:
            return
        try:
            self._on_change(frozenset(areas))
        except Exception:
            log.exception("on_change failed")

    def _set_status(self, status: SyncStatus) -> None:
        self._status = status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("on_status failed")

    def _sync_status(self, status: SyncStatus) -> None:
        outbox = self._outbox
        if status.connection is Connection.ONLINE and outbox and outbox.last_error:
            status = SyncStatus(status.connection, str(outbox.last_error), status.since)
        self._set_status(status)

    def _outbox_trouble(self, error: StoreError | None) -> None:
        sync = self._sync
        if sync is not None and sync.status.connection is Connection.ONLINE:
            self._set_status(SyncStatus(Connection.ONLINE, str(error or ""), sync.status.since))

    # -- signing in and out ----------------------------------------------------------------

    def start(self) -> Future[None]:
        """Resume the last session (token from the keyring, on the worker) and start syncing."""
        return self._worker.submit(self._resume)

    def _resume(self) -> None:
        if self.account is None:
            self._set_status(SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT))
            return
        token = self.credentials.load(self.store_key)
        if token is None:
            self._set_status(SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT))
            return
        self._start_loops(token)

    def sign_in(self, username: str, password: str, *, remember: bool = True) -> dict[str, Any]:
        """Sign in (blocking: network and keyring) and start syncing; returns the account.

        Raises StoreUnauthorizedError for a wrong password, TooManyAttemptsError, or
        StoreUnreachableError; StoreRejectedError for an account that is not a listener's.
        """
        signed = self._api().login(username, password)
        if signed.account.get("role") != Role.LISTENER:
            with contextlib.suppress(StoreError):
                self._api(signed.token, retries=0).logout()
            raise StoreRejectedError(
                f"{signed.account.get('name') or username} is a {signed.account.get('role')} "
                "account; the relationship panel is for listeners (staff use staff mode).",
                403,
                "not_a_listener",
            )
        self._stop_loops()
        account: dict[str, Any] = {
            key: signed.account.get(key) for key in ("username", "name", "role", "bio")
        }
        account["id"] = int(signed.account["id"])
        self.credentials.delete(self.store_key)
        if remember:
            self.credentials.save(self.store_key, signed.token)
        else:
            self.credentials.hold(self.store_key, signed.token)
        with self._lock:
            if self._closed:
                raise CallInterruptedError("The player closed the store connection.")
            self._save_account(account)
            if self._cache is not None:
                self._cache.close()
            self.account = account
            self._cache = RelationshipCache(self._cache_path(int(account["id"])))
        self._start_loops(signed.token)
        self._changed({"account", "curator", "notes", "picks", "messages", "sharing", "outbox"})
        return account

    def sign_out(self, *, forget_local_copy: bool = False) -> None:
        """End the session here and at the store (blocking, a few seconds at most offline).

        The token leaves the keyring. The cached relationship and unsent messages stay for
        the next sign-in of this account unless ``forget_local_copy``.
        """
        token = self.credentials.load(self.store_key)
        self._stop_loops()
        if token is not None:
            try:
                self._api(token, retries=0, connect_timeout_s=2.0, read_timeout_s=3.0).logout()
            except StoreError as exc:  # offline: the token still leaves this machine
                log.info("could not end the session at the store: %s", exc)
        self.credentials.delete(self.store_key)
        with self._lock:
            if forget_local_copy and self._cache is not None:
                path = self._cache.path
                self._cache.close()
                self._cache = None
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            self._save_account(None)
            self.account = None
            if self._cache is not None:
                self._cache.close()
                self._cache = None
        self._set_status(SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT))
        self._changed({"account", "curator", "notes", "picks", "messages", "sharing", "outbox"})

    def _start_loops(self, token: str) -> None:
        from rvibe_player.store_client.outbox import OutboxDrainer
        from rvibe_player.store_client.sync import SyncLoop

        self._stop_loops()
        with self._lock:
            if self._closed:
                return
            assert self.account is not None and self._cache is not None
            my_id = int(self.account["id"])
            path = self._cache.path
            self._outbox = OutboxDrainer(
                path,
                self._api(token),
                my_id,
                self._changed,
                on_unauthorized=self._unauthorized,
                on_trouble=self._outbox_trouble,
                on_idle=self._listening.collect if self._listening is not None else None,
                backoff=Backoff(*self.backoff_s),
            )
            outbox = self._outbox
            self._sync = SyncLoop(
                path,
                self._api(token),
                my_id,
                self._changed,
                on_status=self._sync_status,
                on_unauthorized=self._unauthorized,
                on_online=outbox.wake,
                wait_s=self.wait_s,
                backoff=Backoff(*self.backoff_s),
            )
            self._set_status(SyncStatus(Connection.CONNECTING))
            self._outbox.start()
            self._sync.start()
        if self.library_path is not None and self._matcher is None:
            self.library_changed()

    def _stop_loops(self) -> None:
        with self._lock:
            loops = [loop for loop in (self._sync, self._outbox) if loop is not None]
            self._sync = self._outbox = None
        for loop in loops:
            loop.stop()

    def _unauthorized(self, exc: StoreUnauthorizedError) -> None:
        """The store no longer accepts the token: forget it; the panel asks to sign in."""
        log.warning("the store ended the session: %s", exc)
        self.credentials.delete(self.store_key)
        self._stop_loops()
        self._set_status(SyncStatus(Connection.SIGNED_OUT, str(exc)))

    def wake(self) -> None:
        """Try the store again now (e.g. the network came back); no effect when signed out."""
        for loop in (self._sync, self._outbox):
            if loop is not None:
                loop.wake()

    def close(self) -> None:
        """Stop syncing and close the cache (the outbox keeps what has not gone out).

        Returns at once even while a sign-in waits on the network: that call ends on its own
        and starts nothing once closed.
        """
        self._closed = True
        self._stop_loops()
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._matching.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._cache is not None:
                self._cache.close()
                self._cache = None

    def in_background(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Run a blocking call (sign_in, sign_out, access_log...) on the worker thread."""
        return self._worker.submit(fn, *args, **kwargs)

    # -- sends (outbox first; never blocks on the network) ---------------------------------

    @contextlib.contextmanager
    def _writable_cache(self) -> Iterator[RelationshipCache]:
        """The cache, held against a sign-out closing it meanwhile."""
        with self._lock:
            if self._cache is None or self.account is None:
                raise StoreUnauthorizedError(SIGN_IN_PROMPT)
            yield self._cache

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
            item = cache.enqueue("message", *message_route(), {"body": body})
        self._kick({"messages", "outbox"})
        return self._pending_message(item.client_id, body, item.created_at, "", "pending")

    def pick_feedback(self, pick_id: int, feedback: PickFeedback | str) -> None:
        """Tell the curator what I made of a pick (shown at once, sent in order)."""
        answer = PickFeedback(feedback)
        with self._writable_cache() as cache:
            cache.enqueue("feedback", *feedback_route(pick_id), {"feedback": answer.value})
        self._kick({"picks", "outbox"})

    def mark_read(self, up_to_seq: int | None = None) -> None:
        """Mark the conversation read up to ``up_to_seq`` (default: everything cached)."""
        with self._writable_cache() as cache:
            seq = cache.max_seq() if up_to_seq is None else up_to_seq
            if seq <= self._read_seq(cache) or cache.enqueue_read(seq, read_route()[1]) is None:
                return
        self._kick({"read", "messages", "outbox"})

    def set_sharing(self, level: SharingLevel | str) -> None:
        """Choose how much listening the curator may see (``off``, ``summary``, ``full``).

        Turning it on shares plays from now on; turning it off drops unsent plays at once.
        """
        chosen = SharingLevel(level)
        since = None if chosen is SharingLevel.OFF else time.time()
        with self._writable_cache() as cache:
            cache.enqueue_sharing(*sharing_route(), chosen.value, since)
        self._kick({"sharing", "outbox"})

    def sharing_preview(self, level: SharingLevel | str) -> str:
        """Exactly what sharing at ``level`` sends, in words and as sent (reads the library)."""
        if self._listening is None:
            return "No music library is open here, so no plays would be sent."
        return self._listening.preview(level)

    def share_new_plays(self) -> None:
        """Plays were logged: have the outbox collect them now rather than at its next check."""
        if self._outbox is not None:
            self._outbox.wake()

    def retry_send(self, key: str) -> None:
        """Send a failed message again (``key`` is the bubble's key, its client id)."""
        with self._writable_cache() as cache:
            cache.retry(key)
        self._kick({"messages", "outbox"})

    def discard_send(self, key: str) -> None:
        """Drop a failed message from the outbox."""
        with self._writable_cache() as cache:
            discarded = cache.discard(key)
        if discarded:
            self._changed({"messages", "outbox"})

    def _kick(self, areas: set[str]) -> None:
        outbox = self._outbox
        if outbox is not None:
            outbox.wake()
        self._changed(areas)

    # -- online-only calls (blocking) ------------------------------------------------------

    def _online_api(self) -> StoreApi:
        token = self.credentials.load(self.store_key)
        if token is None:
            raise StoreUnauthorizedError(SIGN_IN_PROMPT)
        return self._api(token)

    def access_log(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """When staff looked at my relationship (blocking; needs the store)."""
        api = self._online_api()
        try:
            return api.access_log(limit, offset)
        finally:
            api.close()

    def delete_shared_listening(self) -> dict[str, Any]:
        """Delete every play I shared with the store (blocking; needs the store)."""
        api = self._online_api()
        try:
            return api.delete_listening()
        finally:
            api.close()

    def avatar(self, url: str) -> tuple[bytes, str] | None:
        """A picture the sync fetched (``CuratorCard.avatar_url``): bytes and content type."""
        with self._lock:
            return self._cache.file(url) if self._cache is not None else None

    def release(self, release_id: int) -> dict[str, Any] | None:
        """A picked release's catalog details (track list, prices, previews), as fetched."""
        with self._lock:
            return self._cache.release(release_id) if self._cache is not None else None

    # -- matching --------------------------------------------------------------------------

    def library_changed(self) -> Future[None]:
        """Compare picks with the library again (after a scan); ``matches`` changes when done."""
        return self._matching.submit(self._rebuild_index)

    def _rebuild_index(self) -> None:
        if self.library_path is None:
            return
        from rvibe_player.library.database import LibraryDatabase

        self._widening = False  # a pick that arrives from now on asks for another build
        with self._lock:
            cache = self._cache
            stored = cache.objects("pick") if cache is not None else []
            scope = MatchScope.of(self._item_of(s.data["pick"]) for s in stored)
        db = LibraryDatabase(self.library_path)
        try:
            self._matcher = PickMatcher(LibraryIndex.build(db, scope))
        finally:
            db.close()
        self._changed({"matches", "picks"})

    def _widen_index(self) -> None:
        """A pick the index was not built for arrived: build it again (once per burst)."""
        if self._widening:
            return
        self._widening = True
        with contextlib.suppress(RuntimeError):  # closing: nothing more to match
            self._matching.submit(self._rebuild_index)

    # -- the state the panel shows ---------------------------------------------------------

    def state(self) -> RelationshipState:
        """Everything the panel shows, from the local cache (fast; works offline)."""
        with self._lock:
            cache, account = self._cache, self.account
            if cache is None or account is None:
                return RelationshipState(account=None, curator=None)
            my_id = int(account["id"])
            me = cache.meta("me") or {}
            profile = me.get("relationship") or {}
            curator = self._curator(cache, profile)
            notes = [self._note(o.data["note"]) for o in cache.objects("note", newest_first=True)]
            picks = self._picks(cache)
            read_seq = self._read_seq(cache)
            messages = self._messages(cache, read_seq)
            outbox = cache.outbox()
            return RelationshipState(
                account=account,
                curator=curator,
                notes=notes,
                picks=picks,
                messages=messages,
                unread=cache.count_after(read_seq, _UNREAD_TYPES, my_id),
                sharing_level=sharing_level(cache).value,
                waiting_to_send=sum(1 for i in outbox if i.state == "pending"),
                failed_to_send=sum(1 for i in outbox if i.state == "failed"),
                latest_seq=cache.max_seq(),
            )

    def _curator(self, cache: RelationshipCache, profile: dict[str, Any]) -> CuratorCard | None:
        logged = cache.object("curator")
        card = (logged.data.get("curator") if logged else None) or profile.get("curator")
        if not card:
            return None
        same = (profile.get("curator") or {}).get("id") == card.get("id")
        median = (profile.get("curator") or {}).get("median_first_reply_seconds") if same else None
        avatar = card.get("avatar_url")
        return CuratorCard(
            id=int(card["id"]),
            name=str(card.get("name") or ""),
            bio=str(card.get("bio") or ""),
            avatar_url=self._absolute(str(avatar)) if avatar else "",
            median_first_reply_seconds=median,
        )

    @staticmethod
    def _note(note: dict[str, Any]) -> Note:
        return Note(
            id=int(note["id"]),
            body=str(note.get("body", "")),
            author=str((note.get("author") or {}).get("name") or ""),
            created_at=parse_time(note.get("created_at")),
            updated_at=parse_time(note.get("updated_at")),
        )

    def _absolute(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.store_url + path

    def _picks(self, cache: RelationshipCache) -> list[Pick]:
        pending: dict[int, str] = {}
        for queued in cache.outbox("feedback", "pending"):
            pending[int(queued.path.split("/")[2])] = str(queued.body.get("feedback"))
        releases = cache.releases() if self._matcher is not None else {}
        picks = []
        for stored in cache.objects("pick", newest_first=True):
            data = stored.data["pick"]
            item = self._item_of(data)
            feedback = data.get("feedback")
            waiting = pending.get(int(data["id"]))
            shown_pending = waiting is not None and not (
                waiting == PickFeedback.SEEN and feedback is not None
            )
            picks.append(
                Pick(
                    id=int(data["id"]),
                    reason=str(data.get("reason", "")),
                    curator=str((data.get("curator") or {}).get("name") or ""),
                    created_at=parse_time(data.get("created_at")),
                    item=item,
                    feedback=waiting if shown_pending else feedback,
                    feedback_pending=shown_pending,
                    match=self._match(item, releases),
                )
            )
        return picks

    def _item_of(self, pick: dict[str, Any]) -> PickItem:
        """What a pick from the log points at (a release or a track)."""
        return PickItem.from_wire(pick.get("item") or {}, self._absolute)

    def _match(self, item: PickItem, releases: dict[int, dict[str, Any]]) -> PickMatch:
        matcher = self._matcher
        if matcher is None:
            return PickMatch(Ownership.UNKNOWN)
        if not matcher.index.covers(item):
            self._widen_index()
            return PickMatch(Ownership.UNKNOWN)
        detail = releases.get(item.release_id)
        tracks = detail.get("tracks") if detail else None
        return matcher.match(item, tracks if isinstance(tracks, list) else None)

    @staticmethod
    def _read_seq(cache: RelationshipCache) -> int:
        """My read marker: the store's, or a higher one still in the outbox."""
        marker = cache.object("read:listener")
        seq = int(marker.data.get("seq", 0)) if marker else 0
        for item in cache.outbox("read"):
            seq = max(seq, int(item.body.get("seq", 0)))
        return seq

    def _messages(self, cache: RelationshipCache, read_seq: int) -> list[Message]:
        theirs_read = cache.object("read:curator")
        curator_read = int(theirs_read.data.get("seq", 0)) if theirs_read else 0
        my_name = str((self.account or {}).get("name") or "")
        messages = []
        for stored in cache.objects("message"):
            data = stored.data["message"]
            seq = int(data.get("seq") or stored.seq)
            mine = data.get("from") == "listener"
            if mine:
                state = MessageState.READ if seq <= curator_read else MessageState.SENT
            else:
                state = MessageState.READ if seq <= read_seq else MessageState.UNREAD
            messages.append(
                Message(
                    key=stored.client_id if mine and stored.client_id else stored.key,
                    id=int(data["id"]),
                    seq=seq,
                    body=str(data.get("body", "")),
                    mine=mine,
                    author=str((data.get("author") or {}).get("name") or ""),
                    created_at=parse_time(data.get("created_at")),
                    state=state,
                )
            )
        for item in cache.outbox("message"):
            messages.append(
                self._pending_message(
                    item.client_id,
                    str(item.body.get("body", "")),
                    item.created_at,
                    item.error,
                    item.state,
                    my_name,
                )
            )
        return messages

    def _pending_message(
        self, key: str, body: str, created: float, error: str, state: str, author: str = ""
    ) -> Message:
        return Message(
            key=key,
            id=None,
            seq=None,
            body=body,
            mine=True,
            author=author or str((self.account or {}).get("name") or ""),
            created_at=datetime.fromtimestamp(created, UTC),
            state=MessageState.FAILED if state == "failed" else MessageState.PENDING,
            error=error,
        )
