"""What can go wrong talking to the store, as exceptions whose messages a person can act on.

Plain Python (no requests), so the UI can catch them without importing the HTTP stack.
"""

from __future__ import annotations

from rvibe_player.core.errors import RvibeError, Words

CONTEXT = "StoreMessage"


def said(template: str, *words: str) -> Words:
    """A message of the store client (``template`` marked with ``QT_TRANSLATE_NOOP`` in
    the context ``StoreMessage``), said in the user's language where the interface shows it."""
    return Words(CONTEXT, template, *words)


class StoreError(RvibeError):
    """Any failure to get something done by the store; ``str()`` says what and what to do."""

    retryable = False
    """True when the same request may succeed later unchanged (network, server trouble)."""


class StoreUrlError(StoreError):
    """A store address the player refuses to use (unparsable, or plain http off loopback)."""


class StoreUnreachableError(StoreError):
    """The store could not be reached or did not answer in time: offline, or it is down."""

    retryable = True


class StoreUnauthorizedError(StoreError):
    """401: the session is over (signed out elsewhere, expired) or the password was wrong."""

    def __init__(self, message: str, code: str = "unauthenticated") -> None:
        super().__init__(message)
        self.code = code


class StoreServerError(StoreError):
    """The store failed (5xx) or answered with something that is not its protocol."""

    retryable = True

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class StoreRejectedError(StoreError):
    """A 4xx the store explained: ``code`` is for the program, ``str()`` is the server's words.

    Sending the same request again will fail the same way, so it is not retried.
    """

    def __init__(self, message: str, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class TooManyAttemptsError(StoreRejectedError):
    """429: wait ``retry_after`` seconds before trying again (sign-in attempts are limited)."""

    retryable = True

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message, 429, "too_many_attempts")
        self.retry_after = retry_after


class ResyncRequiredError(StoreRejectedError):
    """410: the sync cursor is no longer served; drop the cached log and read from the start."""

    def __init__(self, message: str, reason: str, latest_seq: int | None) -> None:
        super().__init__(message, 410, "resync_required")
        self.reason = reason
        self.latest_seq = latest_seq


class CallInterruptedError(StoreError):
    """A call in flight was interrupted on purpose (the client is stopping)."""
