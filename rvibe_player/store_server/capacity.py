"""How much one store process holds: its open-file limit, and long-polls capped per account.

Every waiting long-poll keeps a socket open, so it costs a file descriptor. With the common
soft limit of 1,024 a thousand polls from one listener left the store unable to open its own
database. At start the soft limit is raised to the hard one; then each process lets at most
``per_account`` long-polls wait for one account and ``total`` in all (fewer when the limit
leaves less room), and answers the rest at once with 429 ``too_many_polls``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs

from starlette.types import Scope

from rvibe_player.store_server.errors import ApiError

log = logging.getLogger(__name__)

FD_RESERVE = 256
"""Descriptors kept for the database pool, log files, new connections and the interpreter."""
RETRY_AFTER_S = 10
"""What a refused long-poll is told to wait before trying again."""
_UNLIMITED_TARGET = 1 << 16
"""The soft limit asked for when the hard one is unlimited (macOS refuses unlimited)."""


def raise_open_file_limit() -> int:
    """Raise the soft ``RLIMIT_NOFILE`` to the hard limit; the soft limit now (0: unknown)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = _UNLIMITED_TARGET if hard == resource.RLIM_INFINITY else hard
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as exc:
            log.warning("cannot raise the open-file limit from %d to %d: %s", soft, target, exc)
    return open_file_limit()


def open_file_limit() -> int:
    """The soft ``RLIMIT_NOFILE`` of this process (0 where there is none)."""
    try:
        import resource
    except ImportError:
        return 0
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return _UNLIMITED_TARGET if soft == resource.RLIM_INFINITY else soft


def poll_budget(wanted: int, fd_limit: int) -> int:
    """How many long-polls may wait in all: ``wanted``, or less when descriptors are short."""
    if fd_limit <= 0:
        return wanted
    return max(1, min(wanted, max(fd_limit // 4, fd_limit - FD_RESERVE)))


class PollGate:
    """Counts the long-polls waiting in this process, per account and in all.

    Used from the event loop only (long-polls run there), so plain counters suffice.
    """

    def __init__(self, per_account: int, total: int) -> None:
        self.per_account = per_account
        self.total = total
        self._by_account: dict[int, int] = {}
        self._count = 0

    def waiting(self) -> int:
        """How many long-polls hold a place now."""
        return self._count

    def refusal(self, account_id: int) -> ApiError | None:
        """The 429 a new long-poll of ``account_id`` would get now, or None if it fits."""
        mine = self._by_account.get(account_id, 0)
        if mine >= self.per_account:
            return _refusal(
                f"This account already has {mine} long-polls waiting (at most "
                f"{self.per_account}); close one, or try again in {RETRY_AFTER_S} seconds."
            )
        if self._count >= self.total:
            return _refusal(
                f"The store has as many long-polls waiting as it can hold; try again in "
                f"{RETRY_AFTER_S} seconds."
            )
        return None

    @contextmanager
    def place(self, account_id: int) -> Iterator[None]:
        """Hold a place for one long-poll of ``account_id``; 429 when there is none."""
        refused = self.refusal(account_id)
        if refused is not None:
            raise refused
        mine = self._by_account.get(account_id, 0)
        self._by_account[account_id] = mine + 1
        self._count += 1
        try:
            yield
        finally:
            self._count -= 1
            left = self._by_account[account_id] - 1
            if left:
                self._by_account[account_id] = left
            else:
                del self._by_account[account_id]


def _refusal(message: str) -> ApiError:
    # Connection: close gives the descriptor back at once instead of keeping the socket idle.
    headers = {"Retry-After": str(RETRY_AFTER_S), "Connection": "close"}
    return ApiError(429, "too_many_polls", message, headers=headers)


_POLL_PATH = re.compile(r"/v1/(staff/|staff/listeners/[0-9]{1,10}/)?sync")


async def early_refusal(
    scope: Scope, gate: PollGate, check: Callable[[str], Awaitable[Any]]
) -> ApiError | None:
    """The 429 for a long-poll that will not fit, decided before the app does any work.

    A flood of polls from one account is refused here at a fraction of the cost of routing,
    dependencies and validation, so other requests (the health check) do not queue behind
    it; ``check`` (``Authenticator.check``) answers from the token cache, or once per token.
    Every poll that fits goes on to the app, where :meth:`PollGate.place` decides again.
    """
    if scope["method"] != "GET" or not _POLL_PATH.fullmatch(scope["path"]):
        return None
    try:
        wait = float(parse_qs(scope["query_string"].decode("latin-1")).get("wait", ["0"])[-1])
    except ValueError:
        return None
    if not wait > 0:
        return None
    header = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
    scheme, _, token = header.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not 0 < len(token) <= 200:
        return None
    principal = await check(token)
    return gate.refusal(principal.account_id) if principal is not None else None
