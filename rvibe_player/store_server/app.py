"""The FastAPI application: routes, error handlers, limits, and per-worker start-up.

``create_app(config)`` builds one app; ``app_from_env()`` is the factory uvicorn workers call
(the CLI passes settings through ``RVIBE_STORE_*`` variables). Each worker process opens its
own connection pool and, on PostgreSQL, its own LISTEN connection for long-poll wake-ups.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from rvibe_player import appinfo
from rvibe_player.store_server import lifeline, server_log
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import libpq_conninfo
from rvibe_player.store_server.error_handlers import install_error_handlers
from rvibe_player.store_server.guard import GuardMiddleware
from rvibe_player.store_server.notifier import PostgresListener
from rvibe_player.store_server.routes import (
    admin,
    covers,
    desk,
    library,
    listener,
    public,
    session,
    staff,
)
from rvibe_player.store_server.store import Store

log = logging.getLogger(__name__)

LISTEN_READY_TIMEOUT_S = 10.0


GC_THRESHOLDS = (10_000, 20, 100)
"""The collector's thresholds in a server process (Python's defaults: 700, 10, 10).

Waiting long-polls live for seconds, so what they allocate survives young collections and
is promoted; with Python's defaults a worker holding 5,000 of them ran a full collection
every 3 s, 0.5-0.7 s each with the event loop stopped: a third of its time, and deliveries
seconds late (bench/store_load.py --listeners 10000, ``gc.callbacks``). With these, the same
run made no full collection and spent 3-6 % of its time collecting; memory stayed the same
(250-300 MB per worker): requests free what they allocate by reference counting, and the
collector is only there for cycles."""


def create_app(
    config: StoreConfig, store: Store | None = None, *, freeze_heap: bool = False
) -> FastAPI:
    """The store's ASGI app; opens ``store`` (or one from ``config``) on start-up.

    ``freeze_heap`` (a server process of its own): once started, everything allocated so
    far (modules, the app, the pools) moves out of the garbage collector's sight
    (``gc.freeze``). A full collection then walks only what requests allocate: under a
    flood of 4,000 connections it took 120-150 ms with the event loop stopped, and 17-54 ms
    frozen (bench/store_polls.py). Not for tests that build many apps in one process.
    The collector then runs less often (``GC_THRESHOLDS``).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store or Store.open(config)
        opened.notifier.bind(asyncio.get_running_loop())
        if opened.db.is_postgres:
            opened.pg_listener = PostgresListener(
                libpq_conninfo(opened.db.url),
                opened.notifier,
                on_revoked=opened.auth.cache.drop_accounts,
                on_reconnect=opened.auth.cache.clear,
            )
            opened.pg_listener.start()
            try:
                await asyncio.wait_for(opened.pg_listener.ready.wait(), LISTEN_READY_TIMEOUT_S)
            except TimeoutError:
                log.warning("LISTEN is not ready yet; long-polls may wake late until it is")
        app.state.store = opened
        if freeze_heap:
            gc.collect()
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
        reads = None
        try:
            if opened.db.is_postgres and opened.reads is None:  # one pool per store
                from rvibe_player.store_server.async_reads import AsyncReads  # psycopg_pool

                reads = AsyncReads(libpq_conninfo(opened.db.url))
                await reads.open()
                opened.reads = reads
            yield
        finally:
            if opened.pg_listener is not None:
                await opened.pg_listener.stop()
            if reads is not None:
                if opened.reads is reads:
                    opened.reads = None
                await reads.close()
            if store is None:
                opened.close()

    app = FastAPI(
        title="rVibe store",
        version=appinfo.VERSION,
        description=(
            "Accounts, catalog and the listener-curator relationship with its sync log. "
            'Errors are always `{"error": {"code", "message"}}`. See PROTOCOL.md.'
        ),
        lifespan=lifespan,
    )
    install_error_handlers(app)
    for module in (public, session, listener, library, staff, desk, admin, covers):
        app.include_router(module.router)
    app.add_middleware(
        GuardMiddleware, max_body=config.max_body_bytes, allowed_hosts=config.allowed_hosts
    )
    return app


def app_from_env() -> FastAPI:
    """The factory each uvicorn worker calls: settings from ``RVIBE_STORE_*`` variables.

    A worker started by the supervisor (``--workers N``) is a fresh interpreter: it logs to
    stderr behind the same repeat filter (the supervisor alone writes the log file), and it
    stops when the supervisor dies (``lifeline``).
    """
    if not logging.getLogger().handlers:
        server_log.configure(verbose=False, log_file=None)
    lifeline.follow_supervisor()
    return create_app(StoreConfig.from_env(), freeze_heap=True)
