"""Identical long-poll reads share one database read.

A crowd of polls for the same log and cursor (a client's reconnect storm, a listener's
several devices, a restart that brings everyone back at once) would each run the same query
and get the same page. Here the first one reads; the others that arrive while it reads, or
within ``ttl`` seconds after, take its result.

A shared result is only handed out while nothing was published for its key since that read
*began*: the notifier calls :meth:`SharedReads.changed` on every publish, which forgets the
key's reads, finished or not (and :meth:`SharedReads.clear` when a lost LISTEN link may have
hidden some). A poll registers its waiter before it asks here, so an entry committed after
the shared read's snapshot either bumped the key already (no sharing) or will wake that
waiter when it is published: a shared page is never staler than what the waiter's wake-up
repairs. Only polls that wait
share: a plain read (``wait=0``) always reads, so a client reads its own writes even
across workers whose notifications are still on their way. ``ttl`` bounds what no
publication announces (a compaction changes no seq).

A *quiet* answer (a page with no entries: the poller is at the head of its log) may be shared
for ``quiet_ttl`` instead, when every write is published to this process (PostgreSQL's
``NOTIFY``; a lost link clears everything). That is the heartbeat's case: a poll that timed
out with nothing new comes back with the same cursor, and finds its own previous answer
instead of asking the database again (10,000 listeners re-poll about 900 times a second,
bench/store_load.py). A compaction cannot make a quiet answer wrong: a cursor at the head
is never below ``resync_below``, and the next page read carries the new epoch.

Everything here runs on the event loop; a read is awaited there (a blocking read goes in as
``in_threads(read)``, which runs it in the thread pool).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

DEFAULT_TTL_S = 1.0

T = TypeVar("T")


def in_threads(read: Callable[[], T]) -> Callable[[], Awaitable[T]]:
    """A blocking ``read`` made awaitable: each call runs it in the thread pool."""
    return lambda: run_in_threadpool(read)


class _Shared:
    __slots__ = ("made_at", "task")

    def __init__(self, made_at: float, task: asyncio.Future[Any]) -> None:
        self.made_at = made_at
        self.task = task


class SharedReads:
    """In-flight and just-finished reads by (notifier key, what was asked)."""

    def __init__(self, ttl: float = DEFAULT_TTL_S, quiet_ttl: float | None = None) -> None:
        self.ttl = ttl
        self.quiet_ttl = max(ttl, quiet_ttl or ttl)
        self._reads: dict[int, dict[Hashable, _Shared]] = {}
        self._next_sweep = 0.0
        self.reads = 0
        """Reads actually run (the others were shared); for tests and benchmarks."""

    def changed(self, key: int) -> None:
        """``key``'s log or stream changed: nothing read before now is handed out again."""
        self._reads.pop(key, None)

    def clear(self) -> None:
        """Anything may have changed (a lost LISTEN link): share nothing read before now."""
        self._reads.clear()

    async def read(self, key: int, asked: Hashable, read: Callable[[], Awaitable[Any]]) -> Any:
        """What ``read()`` gives, or an identical read's when it may be shared (see above);
        a blocking read goes in as ``in_threads(read)``."""
        now = asyncio.get_running_loop().time()
        shared = self._reads.get(key, {}).get(asked)
        if shared is None or now - shared.made_at > self._lifetime(shared):
            self._sweep(now)
            shared = _Shared(now, asyncio.ensure_future(read()))
            self.reads += 1
            self._reads.setdefault(key, {})[asked] = shared
            # A failed read is not shared with later polls: they try again themselves.
            shared.task.add_done_callback(lambda task: self._forget_failed(key, asked, task))
        return await asyncio.shield(shared.task)

    def _forget_failed(self, key: int, asked: Hashable, task: asyncio.Future[Any]) -> None:
        if task.cancelled() or task.exception() is not None:
            reads = self._reads.get(key, {})
            shared = reads.get(asked)
            if shared is not None and shared.task is task:
                del reads[asked]

    def _lifetime(self, shared: _Shared) -> float:
        """How long ``shared`` may be handed out: longer when it is a quiet answer."""
        task = shared.task
        if self.quiet_ttl == self.ttl or not task.done() or task.cancelled():
            return self.ttl
        if task.exception() is not None:
            return self.ttl
        entries = getattr(task.result(), "entries_json", None)
        return self.quiet_ttl if entries is not None and not entries else self.ttl

    def _sweep(self, now: float) -> None:
        """Drop expired results, at most once per ``ttl`` (memory stays bounded)."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.ttl
        for key in list(self._reads):
            reads = self._reads[key]
            for asked in [a for a, s in reads.items() if now - s.made_at > self._lifetime(s)]:
                del reads[asked]
            if not reads:
                del self._reads[key]
