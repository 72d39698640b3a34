"""Pieces every route module shares: idempotent sends, the long-poll, JSON answers."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Hashable
from typing import Annotated, Any

from fastapi import Path, Query, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from rvibe_player.core import store_protocol as p
from rvibe_player.store_server.errors import error_body
from rvibe_player.store_server.feed import FeedPage, FeedResync
from rvibe_player.store_server.idempotency import request_hash, run_once
from rvibe_player.store_server.models import Account
from rvibe_player.store_server.schemas import ErrorBody, ResyncBody, SendResult, SyncPage
from rvibe_player.store_server.services.accounts import Principal
from rvibe_player.store_server.shared_reads import in_threads
from rvibe_player.store_server.store import Store
from rvibe_player.store_server.synclog import Page, Resync, dumps, read_page

JSON = "application/json"

ItemId = Annotated[int, Path(ge=1, le=2_147_483_647)]
PageLimit = Annotated[int, Query(ge=1, le=p.PAGE_MAX, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
After = Annotated[int, Query(ge=0, le=2**62, description="The last seq the client has")]
SyncLimit = Annotated[int, Query(ge=1, le=p.SYNC_PAGE_MAX, description="Entries per page")]
Wait = Annotated[float, Query(ge=0, le=p.SYNC_WAIT_MAX_S, description="Long-poll seconds")]
Epoch = Annotated[
    int | None, Query(ge=1, le=2**31 - 1, description="The epoch of the previous page")
]

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 409, 422, 429)
}
SEND_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": SendResult, "description": "Nothing changed (already in that state)."},
    201: {"model": SendResult, "description": "Done; ``entry`` is the new log entry."},
    **ERRORS,
}
SYNC_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": SyncPage},
    410: {"model": ResyncBody, "description": "Resync: read again from after=0."},
    **ERRORS,
}


def json_response(body: dict[str, Any], status: int = 200) -> Response:
    """A JSON answer from a plain dict."""
    return Response(dumps(body), status_code=status, media_type=JSON)


def _made_an_entry(answer: dict[str, Any]) -> bool:
    return bool(answer.get("entry"))


def idempotent(
    store: Store,
    principal: Principal,
    body: BaseModel,
    route: str,
    action: Callable[[Session, Account], dict[str, Any]],
    *,
    created: Callable[[dict[str, Any]], bool] = _made_an_entry,
) -> Response:
    """Run a send once per client id: 201 when it made something (a log entry, unless
    ``created`` says otherwise), 200 when nothing changed.

    A replay answers with the stored status and body and the header ``Idempotent-Replayed``.
    """

    def run(session: Session) -> tuple[int, dict[str, Any]]:
        actor = session.get(Account, principal.account_id)
        assert actor is not None
        answer = action(session, actor)
        return (201 if created(answer) else 200), answer

    payload = body.model_dump(mode="json")
    fingerprint = request_hash(route, payload)
    outcome = run_once(store.db, principal.account_id, payload["client_id"], fingerprint, run)
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else None
    return Response(outcome.body, status_code=outcome.status, media_type=JSON, headers=headers)


def as_account(
    store: Store, principal: Principal, action: Callable[[Session, Account], dict[str, Any]]
) -> dict[str, Any]:
    """Run ``action`` in a write transaction with the caller's account row."""
    with store.db.write() as session:
        actor = session.get(Account, principal.account_id)
        assert actor is not None
        return action(session, actor)


def _read(
    store: Store, listener_id: int, after: int, limit: int, epoch: int | None
) -> Page | Resync:
    with store.db.read_connection() as connection:
        return read_page(connection, listener_id, after, limit, epoch)


def _resync(resync: Resync | FeedResync) -> Response:
    body = error_body(
        "resync_required",
        "This sync cursor is no longer served; drop the cached relationship and read again "
        "from after=0.",
    ) | {"resync": {"reason": resync.reason, "after": 0, "latest_seq": resync.latest_seq}}
    return Response(dumps(body), status_code=410, media_type=JSON)


def _jittered(wait: float) -> float:
    """Up to half shorter than asked (never below 1 s), at random.

    Long-polls that time out together come back together; without jitter a crowd started at
    once (a server restart, a network blip) stays in lock-step and hits the workers in bursts
    every ``wait`` seconds. Clients must not rely on waiting the full ``wait``.
    """
    if wait <= 1:
        return wait
    return max(1.0, wait * random.uniform(0.5, 1.0))  # noqa: S311 (spreading load, not secrets)


async def long_poll(
    store: Store,
    caller_id: int,
    listener_id: int,
    after: int,
    limit: int,
    wait: float,
    epoch: int | None,
) -> Response:
    """A listener's log entries after ``after``; with ``wait`` and none yet, wait for them.

    A plain read (``wait=0``) on PostgreSQL is read on the event loop (``async_reads``). A
    waiting poll's reads stay in the thread pool, as before: they are shared between polls
    (``shared_reads``), and with 10,000 listeners polling, runs with them on the loop were
    not better (bench/store_load.py --listeners 10000; the note of issue 15).
    """

    pooled = in_threads(lambda: _read(store, listener_id, after, limit, epoch))

    async def read() -> Page | Resync:
        if store.reads is not None:
            page = await store.reads.page(listener_id, after, limit, epoch)
            if page is not None:
                return page
        return await pooled()

    return await wait_for_page(
        store,
        caller_id,
        listener_id,
        after,
        wait,
        read if wait <= 0 else pooled,
        asked=("log", after, limit, epoch),
    )


async def wait_for_page(
    store: Store,
    caller_id: int,
    key: int,
    after: int,
    wait: float,
    read: Callable[[], Awaitable[Page | Resync | FeedPage | FeedResync]],
    *,
    asked: Hashable,
) -> Response:
    """What ``read`` finds after ``after``; with ``wait`` and nothing yet, wait for it up to
    ``wait`` s (``key``: the notifier's key, a listener's log or a curator's stream). A
    blocking read goes in as ``in_threads(read)``.

    ``asked`` says what ``read`` reads besides ``key`` (its kind and parameters): waiting
    polls asking the same share one read (``shared_reads``).

    A waiting poll takes a place of ``caller_id``'s in the gate (429 when they are all
    taken, see ``capacity``); a plain read (``wait=0``) takes none.
    """
    if wait <= 0:
        return await _poll(store, key, after, wait, read, asked)
    with store.polls.place(caller_id):
        return await _poll(store, key, after, wait, read, asked)


async def _poll(
    store: Store,
    key: int,
    after: int,
    wait: float,
    read: Callable[[], Awaitable[Page | Resync | FeedPage | FeedResync]],
    asked: Hashable,
) -> Response:
    """The long-poll itself.

    The waiter is registered before each read, so an entry committed between the read and
    the wait still wakes it. While waiting the request holds a future only: no database
    connection (reads run in the thread pool and return it at once) and no thread.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _jittered(wait)
    notifier = store.notifier
    while True:
        future = notifier.register(key, after) if wait > 0 else None
        try:
            if future is None:
                result = await read()
            else:
                result = await notifier.shared.read(key, asked, read)
            if isinstance(result, Resync | FeedResync):
                return _resync(result)
            remaining = deadline - loop.time()
            if result.entries_json or result.next_after > after or future is None:
                return Response(result.body(), media_type=JSON)
            if remaining <= 0:
                return Response(result.body(timed_out=True), media_type=JSON)
            done, _pending = await asyncio.wait({future}, timeout=remaining)
            if not done:
                return Response(result.body(timed_out=True), media_type=JSON)
        finally:
            if future is not None:
                notifier.unregister(key, future)
