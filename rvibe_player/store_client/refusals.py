"""What a store's HTTP answer that is not a success means, as the error the player shows.

Plain Python (no requests): :class:`~rvibe_player.store_client.api.StoreApi` hands over the
status, the headers and the parsed body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.store_client.errors import (
    ResyncRequiredError,
    StoreError,
    StoreRejectedError,
    StoreServerError,
    StoreUnauthorizedError,
    TooManyAttemptsError,
    said,
)


def server_words(body: Any) -> tuple[str, str, dict[str, Any]]:
    """``(code, message, body)`` from the store's JSON error, or empty strings."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return "", "", {}
    return str(error.get("code", "")), str(error.get("message", "")), body


def status_error(where: str, status: int, headers: Mapping[str, str], body: Any) -> StoreError:
    """The error an answer with ``status`` stands for (``where``: the store's host and port;
    ``body``: the parsed JSON, or None when there was none)."""
    code, message, body = server_words(body)
    if status == 401:
        if code == "invalid_credentials":
            return StoreUnauthorizedError(
                said(QT_TRANSLATE_NOOP("StoreMessage", "The user name or password is wrong.")),
                code,
            )
        return StoreUnauthorizedError(
            said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage",
                    "Your session with the store has ended: please sign in again.",
                )
            ),
            code or "401",
        )
    if status == 410 and code == "resync_required":
        info = body.get("resync")
        info = info if isinstance(info, dict) else {}
        latest = info.get("latest_seq")
        return ResyncRequiredError(
            message, str(info.get("reason", "")), latest if isinstance(latest, int) else None
        )
    if status == 429:
        try:
            retry_after = float(headers.get("Retry-After", "60"))
        except ValueError:
            retry_after = 60.0
        return TooManyAttemptsError(
            said(
                QT_TRANSLATE_NOOP("StoreMessage", "Too many attempts: try again in %1 s."),
                f"{retry_after:.0f}",
            ),
            retry_after,
        )
    if status >= 500 or status == 408:
        return StoreServerError(
            said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage",
                    "The store at %1 had a problem (HTTP %2); the player will try again.",
                ),
                where,
                str(status),
            ),
            status,
        )
    if status < 400:
        where = headers.get("Location", "elsewhere")
        return StoreRejectedError(
            said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage", "The store at %1 sends the player to %2: use that address."
                ),
                where,
                where,
            ),
            status,
            "redirect",
        )
    if not code:
        return StoreRejectedError(
            said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage",
                    "%1 answered HTTP %2 without the store's explanation: "
                    "is this the address of an rVibe store?",
                ),
                where,
                str(status),
            ),
            status,
            f"http_{status}",
        )
    return StoreRejectedError(
        message
        or said(
            QT_TRANSLATE_NOOP("StoreMessage", "The store refused the request (HTTP %1)."),
            str(status),
        ),
        status,
        code,
    )
