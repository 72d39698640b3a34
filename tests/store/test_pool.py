"""PostgreSQL's pooled connections: pinged only after sitting idle, and then replaced if dead."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from rvibe_player.store_server.database import Database

pytestmark = pytest.mark.postgres


def backend_pid(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def terminate(url: str, pid: int) -> None:
    """What a server restart or a dropped link does to one pooled connection."""
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_a_connection_killed_while_idle_is_replaced_before_anyone_uses_it(
    postgres_database: str,
) -> None:
    db = Database(postgres_database, pool_size=1, ping_idle_s=0.0)  # idle at once: pinged
    try:
        first = backend_pid(db)
        terminate(postgres_database, first)
        assert backend_pid(db) != first  # no error: the ping found it dead and replaced it
    finally:
        db.dispose()


def test_a_connection_used_moments_ago_is_not_pinged(postgres_database: str) -> None:
    """The other side of the trade: no round trip for a connection just returned, so one
    killed in that moment fails its statement (and SQLAlchemy recycles the pool)."""
    db = Database(postgres_database, pool_size=1, ping_idle_s=3600.0)
    try:
        first = backend_pid(db)
        terminate(postgres_database, first)
        with pytest.raises(OperationalError):
            backend_pid(db)
        assert backend_pid(db) != first  # the next request gets a fresh connection
    finally:
        db.dispose()


def test_the_pool_keeps_its_connections_open_instead_of_opening_more(
    postgres_database: str,
) -> None:
    db = Database(postgres_database, pool_size=2)

    def four_at_once() -> set[int]:
        sessions = [db.read().__enter__() for _ in range(4)]
        pids = {int(s.execute(text("SELECT pg_backend_pid()")).scalar_one()) for s in sessions}
        for session in sessions:
            session.close()
        return pids

    try:
        first = four_at_once()
        assert len(first) == 4  # twice pool_size at once, as before the change
        assert four_at_once() == first  # the same four again: none closed and reopened
    finally:
        db.dispose()
