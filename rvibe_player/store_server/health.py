"""The health check's question to the database: asked on a thread of its own, shared, fresh.

A load balancer probes every few hundred milliseconds, often from several places at once.
Each probe asking the database on its own would, under load, put a thread hop and a string
of GIL hand-overs behind the busy event loop for every probe: the check would measure the
interpreter's lock, not the store. So one question is in flight at a time (checks arriving
meanwhile wait for its answer) and a success stays good for ``fresh_s``; a failure is never
remembered, so the next check asks again at once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text

from rvibe_player.store_server.database import Database

FRESH_S = 1.0
"""How long a database that answered counts as answering."""


class DatabaseProbe:
    """``await probe.check()`` returns once ``ask`` (a blocking call that raises when the
    database does not answer; :func:`select_one`) succeeded within ``fresh_s``."""

    def __init__(self, ask: Callable[[], None], fresh_s: float = FRESH_S) -> None:
        self.fresh_s = fresh_s
        self._ask = ask
        self._answered_at = -float("inf")
        self._asking: asyncio.Future[None] | None = None
        # Not the pool the requests share: a health check must not queue behind the work it
        # is meant to watch.
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="rvibe-health")
        self.questions = 0
        """How many times the database was actually asked (for tests and benchmarks)."""

    async def check(self) -> None:
        """Return when the database answers; raise what asking it raised."""
        if time.monotonic() - self._answered_at < self.fresh_s:
            return
        loop = asyncio.get_running_loop()
        if self._asking is None or self._asking.done() or self._asking.get_loop() is not loop:
            self.questions += 1
            self._asking = loop.run_in_executor(self._thread, self._ask)
            self._asking.add_done_callback(self._answered)
        await asyncio.shield(self._asking)

    def _answered(self, asking: asyncio.Future[None]) -> None:
        if not asking.cancelled() and asking.exception() is None:
            self._answered_at = time.monotonic()

    def close(self) -> None:
        """Stop the probe's thread."""
        self._thread.shutdown(wait=False)


def select_one(db: Database) -> None:
    """Ask the database the smallest question there is."""
    with db.read() as session:
        session.execute(text("SELECT 1"))
