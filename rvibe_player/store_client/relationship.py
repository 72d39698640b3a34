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

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from rvibe_player import paths
from rvibe_player.core.store_protocol import (
    MESSAGE_MAX,
    SYNC_WAIT_MAX_S,
    PickFeedback,
    Role,
    SharingLevel,
    plain_text_problem,
)
from rvibe_player.core.wire import ReleaseDetailWire
from rvibe_player.store_client import intents
from rvibe_player.store_client.account import Account, AccountBook
from rvibe_player.store_client.address import store_address
from rvibe_player.store_client.areas import EVERYTHING, ChangeArea
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    StoreError,
    StoreRejectedError,
    StoreUnauthorizedError,
)
from rvibe_player.store_client.listening import ListeningUploader
from rvibe_player.store_client.log_store import pick_of
from rvibe_player.store_client.loops import LoopOptions, RelationshipLoops
from rvibe_player.store_client.model import (
    Connection,
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

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

SIGN_IN_PROMPT = "Sign in to the store to hear from your curator."


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
        self.store_url = store_address(store_url)
        self.store_key = store_key or self.store_url
        self.accounts = AccountBook(data_dir or paths.data_dir() / "relationship")
        self.data_dir = self.accounts.data_dir
        self.credentials = credentials or Credentials()
        self.library_path = library_path
        self._listening = ListeningUploader(library_path) if library_path is not None else None
        self._on_change = on_change
        self._on_status = on_status
        self.api_options = api_options or {}
        self._lock = threading.RLock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-worker")
        self._closed = False
        self._status = SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT)
        self._loops = RelationshipLoops(
            LoopOptions(wait_s, backoff_s),
            self._changed,
            self._set_status,
            self._unauthorized,
            self._listening.collect if self._listening is not None else None,
        )
        self._matching = PickMatching(
            library_path, self._picked_items, lambda: self._changed({ChangeArea.MATCHES})
        )
        self._cache: RelationshipCache | None = None
        self.account: Account | None = self.accounts.account(self.store_key)
        if self.account is not None:
            self._cache = RelationshipCache(self._cache_path(int(self.account["id"])))

    def _cache_path(self, account_id: int) -> Path:
        return self.accounts.cache_path(self.store_key, account_id)

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

    def _changed(self, areas: set[ChangeArea] | frozenset[ChangeArea]) -> None:
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

    # -- signing in and out ----------------------------------------------------------------

    def start(self) -> Future[None]:
        """Resume the last session (token from the keyring, on the worker) and start syncing."""
        return self._worker.submit(self._resume)

    def _resume(self) -> None:
        token = self.credentials.load(self.store_key) if self.account is not None else None
        if token is None:
            self._set_status(SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT))
            return
        self._start_loops(token)

    def sign_in(self, username: str, password: str, *, remember: bool = True) -> Account:
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
        self._loops.stop()
        account: Account = {
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
            self.accounts.remember(self.store_key, account)
            if self._cache is not None:
                self._cache.close()
            self.account = account
            self._cache = RelationshipCache(self._cache_path(int(account["id"])))
        self._start_loops(signed.token)
        self._changed(EVERYTHING)
        return account

    def sign_out(self, *, forget_local_copy: bool = False) -> None:
        """End the session here and at the store (blocking, a few seconds at most offline).

        The token leaves the keyring. The cached relationship and unsent messages stay for
        the next sign-in of this account unless ``forget_local_copy``.
        """
        token = self.credentials.load(self.store_key)
        self._loops.stop()
        if token is not None:
            try:
                self._api(token, retries=0, connect_timeout_s=2.0, read_timeout_s=3.0).logout()
            except StoreError as exc:  # offline: the token still leaves this machine
                log.info("could not end the session at the store: %s", exc)
        self.credentials.delete(self.store_key)
        with self._lock:
            cache, self._cache = self._cache, None
            if cache is not None:
                cache.close()
                if forget_local_copy:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{cache.path}{suffix}").unlink(missing_ok=True)
            self.accounts.remember(self.store_key, None)
            self.account = None
        self._set_status(SyncStatus(Connection.SIGNED_OUT, SIGN_IN_PROMPT))
        self._changed(EVERYTHING)

    def _start_loops(self, token: str) -> None:
        with self._lock:
            if self._closed or self.account is None or self._cache is None:
                return
            path, my_id = self._cache.path, int(self.account["id"])
        self._loops.start(path, my_id, lambda: self._api(token))
        if self.library_path is not None and not self._matching.ready:
            self.library_changed()

    def _unauthorized(self, exc: StoreUnauthorizedError) -> None:
        """The store no longer accepts the token: forget it; the panel asks to sign in."""
        log.warning("the store ended the session: %s", exc)
        self.credentials.delete(self.store_key)
        self._set_status(SyncStatus(Connection.SIGNED_OUT, str(exc)))

    def wake(self) -> None:
        """Try the store again now (e.g. the network came back); no effect when signed out."""
        self._loops.wake()

    def close(self) -> None:
        """Stop syncing and close the cache (the outbox keeps what has not gone out).

        Returns at once even while a sign-in waits on the network: that call ends on its own
        and starts nothing once closed.
        """
        self._closed = True
        self._loops.stop()
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._matching.close()
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
            return "No music library is open here, so no plays would be sent."
        return self._listening.preview(level)

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
        """Compare picks with the library again (after a scan); ``matches`` changes when done."""
        return self._matching.rebuild()

    def _absolute(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.store_url + path

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
