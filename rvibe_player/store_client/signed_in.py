"""What the relationship panel and the curator's desk share: an account signed in to one
store, its token in the keyring, its cache, its status, and a worker for blocking calls.

A subclass says which role it serves (:attr:`SignedInClient.ROLE`), starts and stops its
background loops (:meth:`_start_loops`, :meth:`_stop_loops`) and what a sign-in or out
changes. Everything here is headless and thread-safe; callbacks come on any thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from rvibe_player import paths
from rvibe_player.core.errors import QT_TRANSLATE_NOOP, error_words
from rvibe_player.core.store_protocol import Role
from rvibe_player.store_client.account import Account, AccountBook
from rvibe_player.store_client.address import store_address
from rvibe_player.store_client.areas import EVERYTHING, ChangeArea
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.cache_recovery import check_cache
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    StoreError,
    StoreRejectedError,
    StoreUnauthorizedError,
    said,
)
from rvibe_player.store_client.model import Connection, SyncStatus

if TYPE_CHECKING:
    from rvibe_player.core.sqlite_salvage import Repair
    from rvibe_player.store_client.api import StoreApi

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class SignedInClient:
    """One account of one role at one store: sign-in, kept session, cache, status."""

    ROLE: Role = Role.LISTENER
    SIGN_IN_PROMPT: str = said(QT_TRANSLATE_NOOP("StoreMessage", "Sign in to the store."))
    WRONG_ROLE: str = QT_TRANSLATE_NOOP(
        "StoreMessage", "%1 is a %2 account; this part of the player is for another role."
    )
    """A template: %1 the account's name, %2 its role."""

    def __init__(
        self,
        store_url: str,
        *,
        store_key: str | None = None,
        data_dir: Path | None = None,
        credentials: Credentials | None = None,
        on_change: Callable[[frozenset[ChangeArea]], None] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        api_options: dict[str, Any] | None = None,
    ) -> None:
        self.store_url = store_address(store_url)
        self.store_key = store_key or self.store_url
        self.accounts = AccountBook(data_dir or paths.data_dir() / "relationship")
        self.data_dir = self.accounts.data_dir
        self.credentials = credentials or Credentials()
        self._on_change = on_change
        self._on_status = on_status
        self.api_options = api_options or {}
        self._lock = threading.RLock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-worker")
        self._closed = False
        self._status = SyncStatus(Connection.SIGNED_OUT, self.SIGN_IN_PROMPT)
        self._cache: RelationshipCache | None = None
        self.cache_repair: Repair | None = None
        """What was done to a damaged cache file when it was opened (None: it was sound)."""
        self.account: Account | None = self.accounts.account(self.store_key)
        if self.account is not None:
            self._cache = self._open_cache(self._cache_path(int(self.account["id"])))

    def _open_cache(self, path: Path) -> RelationshipCache:
        """The cache at ``path``, checked (and repaired if damaged) before first use."""
        self.cache_repair = check_cache(path) or self.cache_repair
        return RelationshipCache(path)

    def _cache_path(self, account_id: int) -> Path:
        return self.accounts.cache_path(self.store_key, account_id)

    def _api(self, token: str | None = None, **overrides: Any) -> StoreApi:
        from rvibe_player.store_client.api import StoreApi  # requests: only once it is needed

        return StoreApi(self.store_url, token, **(self.api_options | overrides))

    # -- status and notifications ------------------------------------------------------------

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

    # -- the loops a subclass runs -------------------------------------------------------------

    def _start_loops(self, token: str) -> None:
        """Start following the store with ``token`` (the cache and account are set)."""
        raise NotImplementedError

    def _stop_loops(self) -> None:
        """Stop following the store (safe when not started)."""
        raise NotImplementedError

    # -- signing in and out --------------------------------------------------------------------

    def start(self) -> Future[None]:
        """Resume the last session (token from the keyring, on the worker) and follow it."""
        return self._worker.submit(self._resume)

    def _resume(self) -> None:
        token = self.credentials.load(self.store_key) if self.account is not None else None
        if token is None:
            self._set_status(SyncStatus(Connection.SIGNED_OUT, self.SIGN_IN_PROMPT))
            return
        self._begin(token)

    def _begin(self, token: str) -> None:
        with self._lock:
            if self._closed or self.account is None or self._cache is None:
                return
        self._start_loops(token)

    def sign_in(self, username: str, password: str, *, remember: bool = True) -> Account:
        """Sign in (blocking: network and keyring) and follow the store; returns the account.

        Raises StoreUnauthorizedError for a wrong password, TooManyAttemptsError, or
        StoreUnreachableError; StoreRejectedError for an account of another role.
        """
        signed = self._api().login(username, password)
        role = signed.account.get("role")
        if role != self.ROLE:
            with contextlib.suppress(StoreError):
                self._api(signed.token, retries=0).logout()
            name = signed.account.get("name") or username
            raise StoreRejectedError(
                said(self.WRONG_ROLE, str(name), str(role)), 403, f"not_a_{self.ROLE.value}"
            )
        self._stop_loops()
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
            self._cache = self._open_cache(self._cache_path(int(account["id"])))
        self._begin(signed.token)
        self._changed(EVERYTHING)
        return account

    def sign_out(self, *, forget_local_copy: bool = False) -> None:
        """End the session here and at the store (blocking, a few seconds at most offline).

        The token leaves the keyring. The cached copy and unsent sends stay for the next
        sign-in of this account unless ``forget_local_copy``.
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
            cache, self._cache = self._cache, None
            if cache is not None:
                cache.close()
                if forget_local_copy:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{cache.path}{suffix}").unlink(missing_ok=True)
            self.accounts.remember(self.store_key, None)
            self.account = None
        self._set_status(SyncStatus(Connection.SIGNED_OUT, self.SIGN_IN_PROMPT))
        self._changed(EVERYTHING)

    def _unauthorized(self, exc: StoreUnauthorizedError) -> None:
        """The store no longer accepts the token: forget it; the view asks to sign in."""
        log.warning("the store ended the session: %s", exc)
        self.credentials.delete(self.store_key)
        self._set_status(SyncStatus(Connection.SIGNED_OUT, error_words(exc)))

    def close(self) -> None:
        """Stop following the store and close the cache (the outbox keeps what has not gone
        out). Returns at once even while a sign-in waits on the network."""
        self._closed = True
        self._stop_loops()
        self._worker.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._cache is not None:
                self._cache.close()
                self._cache = None

    def in_background(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Run a blocking call (sign_in, sign_out, a fetch...) on the worker thread."""
        return self._worker.submit(fn, *args, **kwargs)

    # -- helpers for subclasses ----------------------------------------------------------------

    @contextlib.contextmanager
    def _writable_cache(self) -> Iterator[RelationshipCache]:
        """The cache, held against a sign-out closing it meanwhile."""
        with self._lock:
            if self._cache is None or self.account is None:
                raise StoreUnauthorizedError(self.SIGN_IN_PROMPT)
            yield self._cache

    def _online_api(self) -> StoreApi:
        token = self.credentials.load(self.store_key)
        if token is None:
            raise StoreUnauthorizedError(self.SIGN_IN_PROMPT)
        return self._api(token)

    def _online(self, call: Callable[[StoreApi], R]) -> R:
        """A blocking call that needs the store, with a fresh connection."""
        api = self._online_api()
        try:
            return call(api)
        finally:
            api.close()

    def _absolute(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.store_url + path
