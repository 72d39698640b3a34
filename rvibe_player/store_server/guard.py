"""The outermost layer: refuses foreign Host names and oversized bodies, stamps safe headers.

It runs before routing and before FastAPI reads a body, so what it refuses costs no database
work and reaches no handler; its refusals are the same JSON errors as everyone else's.
"""

from __future__ import annotations

import os

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rvibe_player.store_server.addresses import host_allowed
from rvibe_player.store_server.capacity import early_refusal
from rvibe_player.store_server.errors import error_body
from rvibe_player.store_server.synclog import dumps


class GuardMiddleware:
    """Refuses foreign Host names (421) and bodies over the limit (413); stamps safe headers.

    ``X-Rvibe-Worker`` names the worker process that answered (useful behind a balancer).
    """

    def __init__(
        self, app: ASGIApp, max_body: int, allowed_hosts: tuple[str, ...] | None = None
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts
        self.worker = str(os.getpid()).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None:
            host = next((v for k, v in scope["headers"] if k == b"host"), b"")
            if not host_allowed(host.decode("latin-1"), self.allowed_hosts):
                await self._refuse(
                    send,
                    421,
                    "wrong_host",
                    "This store answers only to its own address (check the Host header).",
                )
                return
        store = getattr(scope["app"].state, "store", None) if "app" in scope else None
        if store is not None:
            refused = await early_refusal(scope, store.polls, store.auth.check)
            if refused is not None:
                await self._refuse(
                    send, refused.status, refused.code, refused.message, refused.headers
                )
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
                    raise _BodyTooLargeError(self.max_body)
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
        message = f"The request body is over {self.max_body} bytes."
        await self._refuse(send, 413, "too_large", message)

    async def _refuse(
        self,
        send: Send,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        body = dumps(error_body(code, message)).encode()
        extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-rvibe-worker", self.worker),
                    (b"x-content-type-options", b"nosniff"),
                    (b"cache-control", b"no-store"),
                    *extra,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _BodyTooLargeError(HTTPException):
    """Raised while the body arrives: FastAPI passes HTTPExceptions on (any other error while
    reading a body it turns into 400), so the app's handler answers 413 ``too_large``."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is over {limit} bytes.")
