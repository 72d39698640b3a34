"""Errors as JSON ``{"error": {"code", "message"}}``: the one exception type services raise.

(Plain Python, so the command line and the services load without the web framework;
``error_handlers`` turns these into HTTP answers.)
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A refusal with an HTTP status, a stable machine code and words for a person."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = extra or {}


def not_found(what: str) -> ApiError:
    """A 404 that says what was looked for."""
    return ApiError(404, "not_found", f"No such {what}.")


def error_body(code: str, message: str) -> dict[str, Any]:
    """The JSON body of every error."""
    return {"error": {"code": code, "message": message}}
