"""A PostgreSQL store's sync pages, read on the event loop with psycopg's async connections.

The hottest request, a sync page, went through the thread pool: the hop (an anyio worker
thread, the GIL handed back and forth, the loop woken through its self-pipe) and
SQLAlchemy's execution of the statement cost more than the query itself. One worker, 64
concurrent plain reads of a listener's log (bench/store_load.py's rate figure): 815-1,150
req/s through the pool, 1,830-2,590 on the loop.

The statement is ``synclog.PAGE`` compiled once for PostgreSQL, prepared on each
connection; the answer is made by the same ``synclog.page_from_rows`` as the pool's. A
read that fails here (a connection PostgreSQL closed, a restart) is read again through the
pool, whose engine pings idle connections and turns a database that is really down into
the store's usual 503. Waits here are short (``WAIT_S``, ``CONNECT_TIMEOUT_S``), and after a
failure the pool alone serves for ``PAUSE_S``, so an outage neither holds a read for long
nor doubles the load on the database. SQLite has no async driver here: it keeps the pool.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool
from sqlalchemy.dialects.postgresql import psycopg as pg_dialect

from rvibe_player.store_server.synclog import PAGE, Page, Resync, page_from_rows

log = logging.getLogger(__name__)

CONNECTIONS = 4
"""Connections per worker process. A page takes a few hundred microseconds, so a few serve
thousands of reads a second, and they add little to PostgreSQL's connection limit (every
worker also has its engine's pool)."""
WAIT_S = 1.0
"""Longest wait for a free connection here before the read goes to the pool instead."""
MAX_WAITING = 1024
"""Reads queued for a connection here at most; more go to the pool at once."""
CONNECT_TIMEOUT_S = 2
"""Seconds to open a connection (libpq's connect_timeout)."""
PAUSE_S = 5.0
"""After a failure here, reads go to the pool for this long before this is tried again."""
APPLICATION_NAME = "rvibe-sync-pages"
"""How these connections appear in ``pg_stat_activity``."""
_AT = 6
"""Where ``created_at`` is in a row of ``PAGE``."""

_SQL = str(PAGE.compile(dialect=pg_dialect.dialect()))  # type: ignore[no-untyped-call]


class AsyncReads:
    """A small pool of autocommit connections that read sync pages on the event loop."""

    def __init__(self, conninfo: str, size: int = CONNECTIONS) -> None:
        self._pool = AsyncConnectionPool(
            conninfo,
            min_size=1,
            max_size=size,
            open=False,
            timeout=WAIT_S,
            max_waiting=MAX_WAITING,
            kwargs={
                "autocommit": True,
                "application_name": APPLICATION_NAME,
                "connect_timeout": CONNECT_TIMEOUT_S,
            },
            name="sync-pages",
        )
        self._paused_until = 0.0
        self.served = 0
        """Pages read here; for tests and benchmarks."""
        self.failed = 0
        """Reads that failed here and went to the pool instead."""

    async def open(self) -> None:
        """Start connecting (in the background: the first reads wait for a connection)."""
        await self._pool.open(wait=False)

    async def close(self) -> None:
        await self._pool.close()

    async def page(
        self, listener_id: int, after: int, limit: int, epoch: int | None
    ) -> Page | Resync | None:
        """``synclog.read_page``'s answer, or None when the read failed here (read it
        through the pool then)."""
        now = asyncio.get_running_loop().time()
        if now < self._paused_until:
            return None
        params = {"after": after, "listener_id": listener_id, "limit": limit}
        try:
            async with self._pool.connection() as connection:
                cursor = await connection.execute(_SQL, params, prepare=True)
                rows: list[Any] = await cursor.fetchall()
        except psycopg.Error as exc:
            self.failed += 1
            self._paused_until = now + PAUSE_S
            log.warning(
                "A sync page read on the event loop failed (%s); the thread pool reads pages "
                "for the next %g s",
                exc,
                PAUSE_S,
            )
            return None
        self.served += 1
        for index, row in enumerate(rows):
            if row[_AT] is not None:  # stored as naive UTC, as UTCDateTime returns it
                rows[index] = (*row[:_AT], row[_AT].replace(tzinfo=UTC), *row[_AT + 1 :])
        return page_from_rows(rows, after, limit, epoch)
