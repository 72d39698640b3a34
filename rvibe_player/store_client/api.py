"""The store's HTTP API on one requests Session: timeouts, retries, TLS, errors in words.

The only module that imports requests. One :class:`StoreApi` belongs to one thread at a time
(a requests Session is not meant to be shared); the sync loop, the outbox and foreground
calls each hold their own. :meth:`StoreApi.interrupt` may be called from any thread: it cuts
the calls in flight (a 25-second long-poll included) so a stopping thread ends at once.

Retries: idempotent calls only -- GETs, and sends carrying a client id (the store answers a
replay with the first result, see PROTOCOL.md) -- on network errors and 5xx, with exponential
back-off and jitter. Sign-in and sign-out are never repeated behind the caller's back.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import weakref
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool

from rvibe_player import appinfo
from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.core.store_protocol import API_PREFIX, SYNC_PAGE_DEFAULT, SYNC_WAIT_MAX_S
from rvibe_player.store_client.address import fetchable, is_loopback_host, store_address
from rvibe_player.store_client.backoff import jittered
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    StoreError,
    StoreServerError,
    StoreUnreachableError,
    said,
)
from rvibe_player.store_client.intents import Intent, IntentKind
from rvibe_player.store_client.refusals import status_error

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 15.0
LONG_POLL_GRACE_S = 5.0
"""A long-poll's read timeout is its ``wait`` plus this (the store answers within ``wait``)."""


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: the bearer token and the account it belongs to."""

    token: str
    expires_at: str
    account: dict[str, Any]


@dataclass(frozen=True)
class SendResult:
    """What a send answered: 201 made a log entry (``entry``), 200 changed nothing."""

    status: int
    body: dict[str, Any]
    replayed: bool

    @property
    def entry(self) -> dict[str, Any] | None:
        """The log entry the send appended (None when nothing changed)."""
        entry = self.body.get("entry")
        return entry if isinstance(entry, dict) else None


def route(intent: Intent) -> tuple[str, str, dict[str, Any]]:
    """``(method, path, body)`` of the request an outbox intent becomes."""
    payload = intent.payload
    kind = intent.kind
    if kind is IntentKind.MESSAGE:
        return "POST", "/messages", {"body": payload["body"]}
    if kind is IntentKind.FEEDBACK:
        return (
            "POST",
            f"/picks/{int(payload['pick_id'])}/feedback",
            {"feedback": payload["feedback"]},
        )
    if kind is IntentKind.READ:
        return "POST", "/read", {"seq": payload["seq"]}
    if kind is IntentKind.SHARING:
        return "PUT", "/me/sharing", {"level": payload["level"]}
    if kind is IntentKind.LISTENING:
        return "POST", "/me/listening", {"plays": payload["plays"]}
    if kind is IntentKind.LIBRARY_SHARING:
        return "PUT", "/me/library-sharing", {"on": payload["on"]}
    if kind is IntentKind.ALBUMS:
        return "POST", "/me/albums", {"albums": payload["albums"], "replace": payload["replace"]}
    if kind is IntentKind.CRATE:
        return "POST", "/staff/crates", {"releases": payload["releases"], "lines": payload["lines"]}
    return _staff_route(intent)


_STAFF_ROUTES: dict[IntentKind, tuple[str, str, tuple[str, ...]]] = {
    IntentKind.STAFF_MESSAGE: ("POST", "/messages", ("body",)),
    IntentKind.STAFF_NOTE: ("POST", "/notes", ("body",)),
    IntentKind.STAFF_PICK: ("POST", "/picks", ("release_id", "reason")),
    IntentKind.PICK_REASON: ("PATCH", "/picks/{pick_id}", ("reason",)),
    IntentKind.NOTE_EDIT: ("PATCH", "/notes/{note_id}", ("body",)),
    IntentKind.STAFF_ONLY_NOTE: ("POST", "/staff-notes", ("body",)),
    IntentKind.SNOOZE: ("PUT", "/snooze", ("until", "until_reply")),
    IntentKind.CADENCE: ("PUT", "/cadence", ("days",)),
    IntentKind.STAFF_READ: ("POST", "/read", ("seq",)),
}


def _staff_route(intent: Intent) -> tuple[str, str, dict[str, Any]]:
    """A curator's send about one listener: under ``/staff/listeners/{id}``."""
    if intent.kind not in _STAFF_ROUTES:
        raise ValueError(f"no route for {intent.kind}")
    method, tail, fields = _STAFF_ROUTES[intent.kind]
    payload = intent.payload
    path = f"/staff/listeners/{int(payload['listener_id'])}" + tail.format(**payload)
    return method, path, {name: payload[name] for name in fields}


class _SocketRegistry:
    """The sockets a Session has opened, so another thread can shut them down."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()

    def add(self, sock: socket.socket | None) -> None:
        if sock is not None:
            with self._lock:
                self._sockets.add(sock)

    def shutdown_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


def _tracking(base: type[HTTPConnection], registry: _SocketRegistry) -> type[HTTPConnection]:
    class Tracked(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            registry.add(self.sock)

    return Tracked


class _InterruptibleAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections register their sockets in a :class:`_SocketRegistry`."""

    def __init__(self, registry: _SocketRegistry) -> None:
        self._registry = registry
        super().__init__(max_retries=0)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        registry = self._registry
        http_cls = _tracking(HTTPConnection, registry)
        https_cls = _tracking(HTTPSConnection, registry)

        class Manager(PoolManager):
            def _new_pool(
                self,
                scheme: str,
                host: str,
                port: int,
                request_context: dict[str, Any] | None = None,
            ) -> HTTPConnectionPool:
                pool = super()._new_pool(scheme, host, port, request_context)
                pool.ConnectionCls = https_cls if scheme == "https" else http_cls
                return pool

        self.poolmanager = Manager(
            num_pools=connections, maxsize=maxsize, block=block, **pool_kwargs
        )


class _Bearer(requests.auth.AuthBase):
    """``Authorization: Bearer`` (as an auth object, so no .netrc entry can replace it)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class StoreApi:
    """Calls to one store, as one account (or none, to sign in)."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        retries: int = 3,
        backoff_s: float = 0.2,
        backoff_max_s: float = 3.0,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
        read_timeout_s: float = READ_TIMEOUT_S,
    ) -> None:
        self.base_url = store_address(base_url)
        self.token = token
        self.retries = retries
        self.backoff_s = backoff_s
        self.backoff_max_s = backoff_max_s
        self.connect_timeout_s = connect_timeout_s
        self.read_timeout_s = read_timeout_s
        host = urlsplit(self.base_url).hostname or ""
        self._where = urlsplit(self.base_url).netloc
        self._interrupted = threading.Event()
        self._registry = _SocketRegistry()
        self._session = requests.Session()
        # Proxies and CA bundles from the environment apply to a remote store; the loopback
        # store is reached directly whatever HTTP(S)_PROXY says.
        self._session.trust_env = not is_loopback_host(host)
        self._session.verify = True
        self._session.headers.update(
            {"User-Agent": appinfo.user_agent(), "Accept": "application/json"}
        )
        adapter = _InterruptibleAdapter(self._registry)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    # -- life ------------------------------------------------------------------------------

    def interrupt(self) -> None:
        """Cut every call in flight, refuse new ones (from any thread): CallInterruptedError."""
        self._interrupted.set()
        self._registry.shutdown_all()

    @property
    def interrupted(self) -> bool:
        """True once :meth:`interrupt` was called."""
        return self._interrupted.is_set()

    def close(self) -> None:
        """Interrupt and release the connections."""
        self.interrupt()
        self._session.close()

    def url(self, path: str) -> str:
        """An absolute URL for a path the store handed out (avatars, previews)."""
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- the routes ------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """``GET /v1/health`` (no token needed)."""
        return self._json("GET", "/health", idempotent=True, auth=False)

    def login(self, username: str, password: str) -> SignedIn:
        """Sign in; the answer's token is not kept here (pass it to a new StoreApi)."""
        body = self._json(
            "POST",
            "/auth/login",
            json={"username": username, "password": password},
            idempotent=False,
            auth=False,
        )
        try:
            return SignedIn(str(body["token"]), str(body["expires_at"]), dict(body["account"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreServerError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage", "The store's sign-in answer could not be read."
                    )
                )
            ) from exc

    def logout(self) -> None:
        """End this session on the store (the token stops working)."""
        self._json("POST", "/auth/logout", idempotent=False)

    def me(self) -> dict[str, Any]:
        """``GET /v1/me``: my account, and for a listener the curator and counts."""
        return self._json("GET", "/me", idempotent=True)

    def sync(
        self,
        after: int,
        epoch: int | None = None,
        *,
        wait: float = 0,
        limit: int = SYNC_PAGE_DEFAULT,
        retries: int | None = None,
    ) -> dict[str, Any]:
        """One page of ``GET /v1/sync``; raises :class:`ResyncRequiredError` on 410."""
        params: dict[str, Any] = {"after": after, "limit": limit}
        if wait:
            params["wait"] = min(wait, SYNC_WAIT_MAX_S)
        if epoch is not None:
            params["epoch"] = epoch
        return self._json(
            "GET",
            "/sync",
            params=params,
            idempotent=True,
            read_timeout_s=(params["wait"] + LONG_POLL_GRACE_S) if wait else None,
            retries=retries,
        )

    def send(self, intent: Intent, client_id: str) -> SendResult:
        """Send an outbox intent under its client id (retried: the store de-duplicates)."""
        if not client_id:
            raise ValueError("a send needs a client_id")
        method, path, body = route(intent)
        response = self._request(method, path, json={"client_id": client_id, **body},
                                 idempotent=True)  # fmt: skip
        return SendResult(
            response.status_code,
            self._decode(response),
            response.headers.get("Idempotent-Replayed") == "true",
        )

    # -- the curator's desk --------------------------------------------------------------------

    def staff_sync(
        self, after: int, *, wait: float = 0, limit: int = SYNC_PAGE_DEFAULT
    ) -> dict[str, Any]:
        """One page of the staff stream; raises :class:`ResyncRequiredError` on 410."""
        params: dict[str, Any] = {"after": after, "limit": limit}
        if wait:
            params["wait"] = min(wait, SYNC_WAIT_MAX_S)
        return self._json(
            "GET", "/staff/sync", params=params, idempotent=True,
            read_timeout_s=(params["wait"] + LONG_POLL_GRACE_S) if wait else None,
        )  # fmt: skip

    def staff_inbox(
        self,
        *,
        filter: str = "all",
        query: str = "",
        limit: int = 50,
        offset: int = 0,
    ) -> dict[str, Any]:
        """A page of my inbox, by need."""
        params = {"filter": filter, "q": query, "limit": limit, "offset": offset}
        return self._json("GET", "/staff/inbox", params=params, idempotent=True)

    def staff_stats(self) -> dict[str, Any]:
        """My figures."""
        return self._json("GET", "/staff/stats", idempotent=True)

    def staff_context(self, listener_id: int) -> dict[str, Any]:
        """One listener on one screen (recorded in their access log)."""
        return self._json("GET", f"/staff/listeners/{int(listener_id)}/context", idempotent=True)

    def staff_messages(
        self, listener_id: int, before: int | None, limit: int = 50
    ) -> dict[str, Any]:
        """Older messages of a conversation."""
        params: dict[str, Any] = {"limit": limit}
        if before is not None:
            params["before"] = before
        path = f"/staff/listeners/{int(listener_id)}/messages"
        return self._json("GET", path, params=params, idempotent=True)

    def staff_catalog(self, listener_id: int, query: str, limit: int = 30) -> dict[str, Any]:
        """Releases for one listener, marked and explained."""
        path = f"/staff/listeners/{int(listener_id)}/catalog"
        return self._json("GET", path, params={"q": query, "limit": limit}, idempotent=True)

    def staff_presence(self, listener_id: int, state: str) -> dict[str, Any]:
        """I have the listener open, am typing to them, or left."""
        path = f"/staff/listeners/{int(listener_id)}/presence"
        return self._json("PUT", path, json={"state": state}, idempotent=True)

    def staff_crate_preview(self, releases: list[int], listener_ids: list[int]) -> dict[str, Any]:
        """What a crate would leave out for each listener."""
        data = {"releases": releases, "listener_ids": listener_ids}
        return self._json("POST", "/staff/crates/preview", json=data, idempotent=True)

    def saved_replies(self) -> dict[str, Any]:
        """My saved replies."""
        return self._json("GET", "/staff/saved-replies", idempotent=True)

    def save_reply(
        self, title: str, body: str, client_id: str, reply_id: int | None = None
    ) -> dict[str, Any]:
        """Save a reply (or change one of mine)."""
        data = {"client_id": client_id, "title": title, "body": body}
        if reply_id is None:
            return self._json("POST", "/staff/saved-replies", json=data, idempotent=True)
        path = f"/staff/saved-replies/{int(reply_id)}"
        return self._json("PUT", path, json=data, idempotent=True)

    def release(self, release_id: int) -> dict[str, Any]:
        """A catalog release with its track list (public)."""
        return self._json(
            "GET", f"/catalog/releases/{int(release_id)}", idempotent=True, auth=False
        )

    def access_log(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """When staff looked at my relationship, newest first."""
        return self._json(
            "GET", "/me/access-log", params={"limit": limit, "offset": offset}, idempotent=True
        )

    def delete_listening(self) -> dict[str, Any]:
        """Delete every play I shared (naturally idempotent: a second delete removes nothing)."""
        return self._json("DELETE", "/me/listening", idempotent=True)

    def get_bytes(self, path: str) -> tuple[bytes, str]:
        """A file the store serves or points at (avatar, preview): bytes and content type.

        An absolute address follows the store address's rule (https, or http on this
        computer); anything else raises StoreUrlError before any request goes out.
        """
        fetchable(self.url(path))
        response = self._request("GET", path, idempotent=True, absolute=True, auth=False)
        return response.content, response.headers.get("Content-Type", "")

    # -- plumbing --------------------------------------------------------------------------

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return self._decode(self._request(method, path, **kwargs))

    def _decode(self, response: requests.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError as exc:
            raise StoreServerError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage", "The store at %1 sent an answer the player cannot read."
                    ),
                    self._where,
                ),
                response.status_code,
            ) from exc
        if not isinstance(body, dict):
            raise StoreServerError(
                said(
                    QT_TRANSLATE_NOOP("StoreMessage", "The store at %1 sent an unexpected answer."),
                    self._where,
                ),
                response.status_code,
            )
        return body

    def _request(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        params: dict[str, Any] | None = None,
        json: Any = None,
        auth: bool = True,
        absolute: bool = False,
        read_timeout_s: float | None = None,
        retries: int | None = None,
    ) -> requests.Response:
        url = self.url(path) if absolute else f"{self.base_url}{API_PREFIX}{path}"
        timeout = (self.connect_timeout_s, read_timeout_s or self.read_timeout_s)
        allowed = (self.retries if retries is None else retries) if idempotent else 0
        attempt = 0
        while True:
            if self._interrupted.is_set():
                raise CallInterruptedError("Stopped talking to the store.")
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    timeout=timeout,
                    auth=_Bearer(self.token) if auth and self.token else None,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                error: StoreError = self._network_error(exc, timeout[1])
            else:
                if response.status_code < 300:
                    return response
                error = self._status_error(response)
            if self._interrupted.is_set():
                raise CallInterruptedError("Stopped talking to the store.") from error
            if not error.retryable or attempt >= allowed:
                raise error
            delay = jittered(self.backoff_s, attempt, self.backoff_max_s)
            log.debug("%s %s failed (%s); retry in %.2f s", method, path, error, delay)
            attempt += 1
            if self._interrupted.wait(delay):
                raise CallInterruptedError("Stopped talking to the store.") from error

    def _network_error(self, exc: requests.RequestException, read_timeout: float) -> StoreError:
        if self._interrupted.is_set():
            return CallInterruptedError("Stopped talking to the store.")
        if isinstance(exc, requests.exceptions.SSLError):
            refused = StoreUnreachableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage",
                        "The store at %1 did not prove who it is (its TLS certificate "
                        "could not be verified), so the player did not talk to it.",
                    ),
                    self._where,
                )
            )
            refused.retryable = False  # asking again gets the same certificate
            return refused
        if isinstance(exc, requests.exceptions.ReadTimeout):
            return StoreUnreachableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage",
                        "The store at %1 did not answer within %2 s; the player will try again.",
                    ),
                    self._where,
                    f"{read_timeout:.0f}",
                )
            )
        if isinstance(exc, requests.exceptions.ConnectionError):  # refused, reset, DNS, timeout
            return StoreUnreachableError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage",
                        "The store at %1 cannot be reached: check your connection. "
                        "Your messages wait here and go out when it is reachable.",
                    ),
                    self._where,
                )
            )
        return StoreUnreachableError(
            said(
                QT_TRANSLATE_NOOP("StoreMessage", "Talking to the store at %1 failed: %2."),
                self._where,
                str(exc),
            )
        )

    def _status_error(self, response: requests.Response) -> StoreError:
        try:
            body = response.json()
        except ValueError:
            body = None
        return status_error(self._where, response.status_code, response.headers, body)
