"""The app's error handlers: every failure answers ``{"error": {"code", "message"}}``.

No stack trace or internal detail ever reaches a client; unexpected failures are logged here
and answered with a plain 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rvibe_player.store_server.errors import ApiError, error_body

log = logging.getLogger(__name__)


STATUS_CODES = {
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}
"""Codes for the statuses the web framework answers on its own."""
FALLBACK_CODE = "http_error"
"""Any other status the framework might answer (none is known to happen)."""


def _describe(errors: list[Any]) -> str:
    parts = []
    for err in errors[:5]:
        loc = list(err.get("loc", ()))
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        location = ".".join(str(p) for p in loc)
        parts.append(f"{location or 'request'}: {err.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error the app can raise in the one JSON shape."""

    async def api_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        body = error_body(exc.code, exc.message) | exc.extra
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        message = "The request is not valid: " + _describe(list(exc.errors()))
        return JSONResponse(error_body("invalid_request", message), status_code=422)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 400:  # a body FastAPI could not parse: not UTF-8, nested too deep
            message = "The request body is not JSON the store can read (UTF-8, not too deep)."
            return JSONResponse(error_body("invalid_request", message), status_code=422)
        code = STATUS_CODES.get(exc.status_code, FALLBACK_CODE)
        message = exc.detail if isinstance(exc.detail, str) else "The request failed."
        return JSONResponse(
            error_body(code, message), status_code=exc.status_code, headers=exc.headers
        )

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(
            error_body("internal", "Something went wrong on the store; please try again."),
            status_code=500,
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)
