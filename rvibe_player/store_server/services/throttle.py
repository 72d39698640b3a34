"""Sign-in throttling: every attempt is counted before its password is checked, atomically.

What is limited, and why (PROTOCOL.md says the same to client authors):

- a (user name, address) pair: 5 failures per window. Guessing from one place stops there,
  and it stops only there: the account's owner elsewhere is not affected.
- an address: 50 failures per window, across user names (spraying one password at many).
- a user name, from addresses it never signed in from: 20 failures per window (guessing from
  many places). Past it, new addresses are refused, but an address the account signed in from
  in the last 90 days still gets its own pair budget: an attacker cannot deny a user who
  proves themselves from where they always sign in.

An attempt first takes a slot under each of its keys: one
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` per key, all in one transaction, which
leaves each counter row locked until commit (PostgreSQL row lock; SQLite's write lock). If a
counter is then past its limit, the transaction rolls back and the attempt is refused with
429 without checking the password. Parallel guesses queue on those locks, so at most ``limit``
of them are ever checked and none is lost. A successful sign-in gives its slots back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.orm import Session

from rvibe_player.store_server.addresses import throttle_address
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.models import Account, KnownAddress, LoginThrottle, utcnow

KNOWN_FOR = timedelta(days=90)
"""An address stays known this long after the last successful sign-in from it."""


def dialect_insert(session: Session, table: Any) -> Any:
    """``INSERT`` with ``on_conflict_do_update`` for the session's backend."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


@dataclass(frozen=True)
class Slot:
    """One counted attempt under one key, in the window that started at ``window_start``."""

    key: str
    window_start: datetime
    reset_on_success: bool


Reservation = tuple[Slot, ...]
"""The slots a sign-in attempt took; a success gives them back."""


@dataclass(frozen=True)
class _Limit:
    key: str
    limit: int
    reset_on_success: bool


class SignInLimiter:
    """Counts sign-in attempts per key in fixed windows and refuses those past a limit."""

    def __init__(self, db: Database, config: StoreConfig) -> None:
        self._db = db
        self._config = config

    def take(self, username: str, address: str) -> Reservation:
        """Count one attempt for ``username`` from ``address``; 429 when past a limit."""
        address = throttle_address(address)
        config = self._config
        now = utcnow()
        window = config.login_window
        slots = []
        with self._db.write() as session:
            limits = [
                _Limit(f"pair:{address} {username}", config.login_failures_per_pair, True),
                _Limit(f"addr:{address}", config.login_failures_per_address, False),
            ]
            if not _known(session, username, address, now):
                limits.append(_Limit(f"user:{username}", config.login_failures_per_user, False))
            # Always in key order, so two attempts never wait on each other's locks crosswise.
            for item in sorted(limits, key=lambda x: x.key):
                failures, started = _count(session, item.key, now, window)
                if failures > item.limit:
                    raise _too_many(started + window - now)  # rolls every count back
                slots.append(Slot(item.key, started, item.reset_on_success))
        return tuple(slots)

    def give_back(
        self, session: Session, reservation: Reservation, account_id: int, address: str
    ) -> None:
        """In the successful sign-in's transaction: uncount it, and remember the address."""
        address = throttle_address(address)
        now = utcnow()
        stmt = dialect_insert(session, KnownAddress).values(
            account_id=account_id, address=address, last_sign_in_at=now
        )
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=[KnownAddress.account_id, KnownAddress.address],
                set_={"last_sign_in_at": stmt.excluded.last_sign_in_at},
            )
        )
        for slot in reservation:
            if slot.reset_on_success:
                session.execute(delete(LoginThrottle).where(LoginThrottle.key == slot.key))
                continue
            session.execute(
                update(LoginThrottle)
                .where(
                    LoginThrottle.key == slot.key,
                    LoginThrottle.window_start == slot.window_start,
                    LoginThrottle.failures > 0,
                )
                .values(failures=LoginThrottle.failures - 1)
            )


def _known(session: Session, username: str, address: str, now: datetime) -> bool:
    found = session.scalar(
        select(KnownAddress.account_id)
        .join(Account, Account.id == KnownAddress.account_id)
        .where(
            Account.username == username,
            KnownAddress.address == address,
            KnownAddress.last_sign_in_at > now - KNOWN_FOR,
        )
    )
    return found is not None


def forget_old(session: Session, now: datetime, window: timedelta) -> int:
    """Drop counters whose window ended and addresses unused for 90 days; how many rows."""
    counters = session.execute(
        delete(LoginThrottle).where(LoginThrottle.window_start <= now - window)
    )
    known = session.execute(
        delete(KnownAddress).where(KnownAddress.last_sign_in_at <= now - KNOWN_FOR)
    )
    return sum(int(getattr(r, "rowcount", 0) or 0) for r in (counters, known))


def _count(session: Session, key: str, now: datetime, window: timedelta) -> tuple[int, datetime]:
    """Add one to ``key``'s counter (a new window when the last one ended); the new values."""
    stmt = dialect_insert(session, LoginThrottle).values(key=key, window_start=now, failures=1)
    ended = LoginThrottle.window_start <= now - window
    stmt = stmt.on_conflict_do_update(
        index_elements=[LoginThrottle.key],
        set_={
            "failures": case((ended, 1), else_=LoginThrottle.failures + 1),
            "window_start": case(
                (ended, stmt.excluded.window_start), else_=LoginThrottle.window_start
            ),
        },
    ).returning(LoginThrottle.failures, LoginThrottle.window_start)
    failures, started = session.execute(stmt).one()
    return int(failures), started


def _too_many(remaining: timedelta) -> ApiError:
    wait = max(1, int(remaining.total_seconds()) + 1)
    return ApiError(
        429,
        "too_many_attempts",
        f"Too many failed sign-ins; try again in {wait} seconds.",
        headers={"Retry-After": str(wait)},
    )
