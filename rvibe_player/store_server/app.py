"""The FastAPI application: routes, error handlers, limits, and per-worker start-up.

``create_app(config)`` builds one app; ``app_from_env()`` is the factory uvicorn workers call
(the CLI passes settings through ``RVIBE_STORE_*`` variables). Each worker process opens its
own connection pool and, on PostgreSQL, its own LISTEN connection for long-poll wake-ups.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rvibe_player import appinfo
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import libpq_conninfo
from rvibe_player.store_server.error_handlers import install_error_handlers
from rvibe_player.store_server.errors import error_body
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
from rvibe_player.store_server.synclog import dumps

log = logging.getLogger(__name__)

LISTEN_READY_TIMEOUT_S = 10.0


class GuardMiddleware:
    """Refuses bodies over the limit (413) and stamps every answer with safe headers.

    ``X-Rvibe-Worker`` names the worker process that answered (useful behind a balancer).
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body
        self.worker = str(os.getpid()).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_body):
                await self._too_large(send)
                return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLargeError
            return message

        async def stamped_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-rvibe-worker", self.worker),
                    (b"x-content-type-options", b"nosniff"),
                ]
                if not any(k == b"cache-control" for k, _v in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, limited_receive, stamped_send)
        except _BodyTooLargeError:
            await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = dumps(
            error_body("too_large", f"The request body is over {self.max_body} bytes.")
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-rvibe-worker", self.worker),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLargeError(Exception):
    pass


def create_app(config: StoreConfig, store: Store | None = None) -> FastAPI:
    """The store's ASGI app; opens ``store`` (or one from ``config``) on start-up."""

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
        try:
            yield
        finally:
            if opened.pg_listener is not None:
                await opened.pg_listener.stop()
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
    app.add_middleware(GuardMiddleware, max_body=config.max_body_bytes)
    return app


def app_from_env() -> FastAPI:
    """The factory each uvicorn worker calls: settings from ``RVIBE_STORE_*`` variables."""
    return create_app(StoreConfig.from_env())
