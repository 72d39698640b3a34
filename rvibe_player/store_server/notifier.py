"""Wakes long-polls when a listener's log grows: in-process futures, fed across workers by
PostgreSQL ``LISTEN/NOTIFY``.

A waiting long-poll is one future in a dict: it holds no database connection and no thread.
Writers publish after commit (same process) and, on PostgreSQL, ``pg_notify`` inside their
transaction, which one psycopg async connection per worker process receives and publishes.
If that connection drops, every waiter is woken on reconnect so nothing sent meanwhile is
missed for longer than the reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping

from rvibe_player.store_server.shared_reads import SharedReads
from rvibe_player.store_server.token_cache import AUTH_CHANNEL

log = logging.getLogger(__name__)

CHANNEL = "rvibe_sync"
LISTEN_APPLICATION = "rvibe-store-listen"
"""The application_name of the LISTEN connections (visible in pg_stat_activity)."""


class _Waiter:
    __slots__ = ("after", "future")

    def __init__(self, after: int, future: asyncio.Future[None]) -> None:
        self.after = after
        self.future = future


class SyncNotifier:
    """Per-listener waiters of one event loop."""

    def __init__(self, shared: SharedReads | None = None) -> None:
        self._waiters: dict[int, list[_Waiter]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._count = 0  # read from other threads (health, tests): a plain int is safe
        self.shared = shared or SharedReads()
        """Waiting polls' identical reads, forgotten on every publish (``shared_reads``)."""

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Publish from other threads into ``loop`` (the server's loop)."""
        self._loop = loop

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The loop the waiters live on (None before the server starts)."""
        return self._loop

    def waiting(self) -> int:
        """How many long-polls are waiting now (safe to call from any thread)."""
        return self._count

    def register(self, listener_id: int, after: int) -> asyncio.Future[None]:
        """A future completed when ``listener_id``'s log passes ``after``; call on the loop."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(listener_id, []).append(_Waiter(after, future))
        self._count += 1
        return future

    def unregister(self, listener_id: int, future: asyncio.Future[None]) -> None:
        """Forget a waiter (after it woke, timed out or was cancelled)."""
        waiters = self._waiters.get(listener_id)
        if not waiters:
            return
        before = len(waiters)
        waiters[:] = [w for w in waiters if w.future is not future]
        self._count -= before - len(waiters)
        if not waiters:
            del self._waiters[listener_id]

    def publish(self, listener_id: int, seq: int) -> None:
        """Wake the waiters of ``listener_id`` whose cursor is below ``seq``; call on the loop."""
        self.shared.changed(listener_id)
        waiters = self._waiters.get(listener_id)
        if not waiters:
            return
        keep = []
        for waiter in waiters:
            if waiter.after < seq:
                if not waiter.future.done():
                    waiter.future.set_result(None)
            else:
                keep.append(waiter)
        self._count -= len(waiters) - len(keep)
        if keep:
            waiters[:] = keep
        else:
            del self._waiters[listener_id]

    def wake_all(self) -> None:
        """Wake every waiter (they re-read the database); used after a lost LISTEN link."""
        self.shared.clear()
        for waiters in self._waiters.values():
            for waiter in waiters:
                if not waiter.future.done():
                    waiter.future.set_result(None)
        self._waiters.clear()
        self._count = 0

    def publish_threadsafe(self, changed: Mapping[int, int]) -> None:
        """Commit hook: publish ``{listener_id: seq}`` from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        items = dict(changed)

        def deliver() -> None:
            for listener_id, seq in items.items():
                self.publish(listener_id, seq)

        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (shutdown)
            loop.call_soon_threadsafe(deliver)


def parse_payload(payload: str) -> tuple[int, int] | None:
    """``"listener_id:seq"`` as two numbers, or None when malformed."""
    listener, _, seq = payload.partition(":")
    try:
        return int(listener), int(seq)
    except ValueError:
        return None


class PostgresListener:
    """Feeds a notifier from ``LISTEN rvibe_sync`` on a dedicated psycopg async connection.

    It also listens on ``rvibe_auth`` (accounts whose sessions were revoked) and calls
    ``on_revoked`` with them; after a lost connection it calls ``on_reconnect``.
    """

    def __init__(
        self,
        conninfo: str,
        notifier: SyncNotifier,
        *,
        on_revoked: Callable[[set[int]], None] | None = None,
        on_reconnect: Callable[[], None] | None = None,
        check_every: float = 10.0,
    ):
        self._conninfo = conninfo
        self._notifier = notifier
        self._on_revoked = on_revoked
        self._on_reconnect = on_reconnect
        self._check_every = check_every
        self._task: asyncio.Task[None] | None = None
        self.ready = asyncio.Event()
        self.reconnects = 0

    def start(self) -> None:
        """Start listening in the background (on the running loop)."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="pg-listen")

    async def stop(self) -> None:
        """Stop listening and close the connection."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _dispatch(self, channel: str, payload: str) -> None:
        if channel == AUTH_CHANNEL:
            if self._on_revoked is not None and payload.isdigit():
                self._on_revoked({int(payload)})
            return
        parsed = parse_payload(payload)
        if parsed is not None:
            self._notifier.publish(*parsed)

    async def _run(self) -> None:
        import psycopg

        delay = 0.1
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(
                    self._conninfo, autocommit=True, application_name=LISTEN_APPLICATION
                )
            except psycopg.Error as exc:
                log.warning("cannot LISTEN on PostgreSQL (%s); retrying in %.1f s", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            try:
                await conn.execute(f"LISTEN {CHANNEL}")
                await conn.execute(f"LISTEN {AUTH_CHANNEL}")
                if self.ready.is_set():  # a reconnect: anything may have been missed
                    self.reconnects += 1
                    self._notifier.wake_all()
                    if self._on_reconnect is not None:
                        self._on_reconnect()
                self.ready.set()
                delay = 0.1
                while True:
                    async for notify in conn.notifies(timeout=self._check_every):
                        self._dispatch(notify.channel, notify.payload)
                    await conn.execute("SELECT 1")  # a dead link shows up here
            except psycopg.Error as exc:
                log.warning("lost the PostgreSQL LISTEN connection (%s); reconnecting", exc)
            finally:
                await conn.close()
