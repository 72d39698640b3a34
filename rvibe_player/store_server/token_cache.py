"""Recently checked tokens, so a request costs no database query to authenticate.

An entry lives at most ``ttl`` seconds and never past its session's expiry. Revocation
(logout, log out everywhere, a disabled account) drops the account's entries at once: in
this process after the commit, in every other worker through PostgreSQL ``NOTIFY`` on
``rvibe_auth`` sent in the same transaction. If the LISTEN link is lost, the whole cache is
dropped on reconnect, so a missed notification can never keep a revoked token alive.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

AUTH_CHANNEL = "rvibe_auth"

P = TypeVar("P")


@dataclass(frozen=True)
class _Entry(Generic[P]):
    principal: P
    account_id: int
    session_expires: datetime
    last_used: datetime
    fresh_until: float


class TokenCache(Generic[P]):
    """token hash -> principal, thread-safe through the GIL's atomic dict operations."""

    def __init__(self, ttl: float = 30.0, max_entries: int = 100_000) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[str, _Entry[P]] = {}

    def get(self, digest: str, now: datetime) -> tuple[P, datetime] | None:
        """The cached principal and its session's last use, if still trustworthy."""
        entry = self._entries.get(digest)
        if entry is None:
            return None
        if entry.fresh_until < time.monotonic() or entry.session_expires <= now:
            self._entries.pop(digest, None)
            return None
        return entry.principal, entry.last_used

    def put(
        self, digest: str, principal: P, account_id: int, expires: datetime, last_used: datetime
    ) -> None:
        """Remember a token that was just checked against the database."""
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[digest] = _Entry(
            principal, account_id, expires, last_used, time.monotonic() + self.ttl
        )

    def drop_accounts(self, account_ids: Iterable[int]) -> None:
        """Forget every token of these accounts (they were revoked or disabled)."""
        doomed = set(account_ids)
        for digest, entry in list(self._entries.items()):
            if entry.account_id in doomed:
                self._entries.pop(digest, None)

    def clear(self) -> None:
        """Forget everything."""
        self._entries.clear()
