"""The store's database: engines for SQLite (WAL) and PostgreSQL, read and write sessions.

Write sessions on SQLite begin with ``BEGIN IMMEDIATE`` so two writers queue on the busy
timeout instead of failing on a lock upgrade; on PostgreSQL a write holds the row locks it
takes until commit. After a write commits, the listeners whose logs it extended are passed
to the commit hooks (the in-process notifier).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError
from sqlalchemy.orm import Session

from rvibe_player import paths
from rvibe_player.store_server.token_cache import AUTH_CHANNEL

log = logging.getLogger(__name__)

CommitHook = Callable[[Mapping[int, int]], None]
"""Called after a commit with ``{listener_id: newest seq}`` for each log it extended."""
RevokeHook = Callable[[set[int]], None]
"""Called after a commit with the accounts whose sessions it revoked."""

_MIGRATION_LOCK = 0x72766962  # "rvib": the advisory lock serialising concurrent migrations
PING_IDLE_S = 5.0
"""A pooled PostgreSQL connection idle longer than this is pinged before it is handed out."""


def normalize_url(url: str) -> URL:
    """Parse a database URL; plain ``postgresql://`` means psycopg 3 (the driver we ship)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValueError(f"not a database URL: {url!r}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in ("postgresql+psycopg", "sqlite", "sqlite+pysqlite"):
        raise ValueError(f"unsupported database {parsed.drivername!r}: use sqlite or postgresql")
    return parsed


def libpq_conninfo(url: URL) -> str:
    """The URL as a libpq connection string, for psycopg's own LISTEN connection."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class Database:
    """One engine and the sessions the services use; no global state."""

    def __init__(self, url: str, *, pool_size: int = 10, ping_idle_s: float = PING_IDLE_S) -> None:
        self.url = normalize_url(url)
        self.ping_idle_s = ping_idle_s
        self.is_postgres = self.url.get_backend_name() == "postgresql"
        self.engine = self._create_engine(pool_size)
        self._write_engine = self.engine.execution_options(rvibe_write=True)
        # PostgreSQL reads run in autocommit: no BEGIN/ROLLBACK round trips. Each statement
        # sees committed data; readers that need two statements to agree bound the second
        # by the first (see synclog.read_page).
        self._read_engine = (
            self.engine.execution_options(isolation_level="AUTOCOMMIT")
            if self.is_postgres
            else self.engine
        )
        self._commit_hooks: list[CommitHook] = []
        self._revoke_hooks: list[RevokeHook] = []

    def _create_engine(self, pool_size: int) -> Engine:
        if self.is_postgres:
            engine = create_engine(
                self.url,
                # As many as before (pool_size, and as many again past it), all kept open:
                # each new PostgreSQL connection is a server process forked and signed in,
                # and overflow connections were opened and closed by the request under load.
                pool_size=2 * pool_size,
                max_overflow=0,
                pool_recycle=1800,
                connect_args={"application_name": "rvibe-store"},
            )
            self._ping_when_idle(engine)
            return engine
        if self.url.database and self.url.database != ":memory:":
            # Private (POSIX 0600, a new folder 0700); SQLite gives its -wal and -shm files
            # the database file's permissions.
            paths.private_file(Path(self.url.database))
        engine = create_engine(
            self.url, pool_size=pool_size, max_overflow=pool_size, pool_timeout=60
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine

    def _ping_when_idle(self, engine: Engine) -> None:
        """Ping a pooled connection before handing it out, but only after it sat idle.

        SQLAlchemy's ``pool_pre_ping`` pings on every checkout: a second round trip for every
        request, a fifth of a worker's busy time under load (bench/store_load.py, py-spy). A
        connection returned moments ago is as good as the ping would say; one that sat idle
        (the server restarted, a proxy dropped it) is pinged and, if dead, replaced before
        anyone uses it. A connection that dies while in use fails its statement, and
        SQLAlchemy then recycles the whole pool.
        """
        dialect, idle = engine.dialect, self.ping_idle_s

        def used(_dbapi: Any, record: Any, *_rest: Any) -> None:
            record.info["rvibe_used"] = time.monotonic()

        def checkout(dbapi: Any, record: Any, _proxy: Any) -> None:
            if time.monotonic() - record.info.get("rvibe_used", 0.0) < idle:
                return
            try:
                alive = dialect.do_ping(dbapi)
            except dialect.loaded_dbapi.Error as exc:
                raise DisconnectionError(f"a pooled connection is gone ({exc})") from exc
            if not alive:
                raise DisconnectionError("a pooled connection did not answer")

        event.listen(engine, "connect", used)
        event.listen(engine, "checkout", checkout)
        event.listen(engine, "checkin", used)

    def add_commit_hook(self, hook: CommitHook) -> None:
        """Call ``hook`` after every write that extended a relationship log."""
        self._commit_hooks.append(hook)

    def add_revoke_hook(self, hook: RevokeHook) -> None:
        """Call ``hook`` after every write that revoked sessions."""
        self._revoke_hooks.append(hook)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (autocommit on PostgreSQL; a snapshot on SQLite)."""
        with Session(self._read_engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A Core connection for reading, as ``read`` but without an ORM session: for the
        hottest reads (a sync page), where the session's set-up and tear-down cost more
        than the query."""
        with self._read_engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction, committed on success and rolled back on error."""
        with Session(self._write_engine, expire_on_commit=False) as session:
            changed: dict[int, int] = {}
            revoked: set[int] = set()
            session.info["changed_logs"] = changed
            session.info["revoked_accounts"] = revoked
            with session.begin():
                yield session
        calls: list[tuple[Callable[[Any], None], object]] = []
        if changed:
            calls += [(hook, changed) for hook in self._commit_hooks]
        if revoked:
            calls += [(hook, revoked) for hook in self._revoke_hooks]
        for hook, argument in calls:
            try:
                hook(argument)
            except Exception:  # a failing hook must not turn a commit into an error
                log.exception("commit hook failed")

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (serialised across processes)."""
        from rvibe_player.store_server.migrations import upgrade

        with self._write_engine.connect() as conn:
            if self.is_postgres:
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
                conn.commit()
            try:
                upgrade(conn)
                conn.commit()
            finally:
                if self.is_postgres:
                    conn.rollback()
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                    conn.commit()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _sqlite_on_connect(dbapi_conn: Any, _record: object) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_on_begin)
    cursor = dbapi_conn.cursor()
    for pragma in (
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA busy_timeout=10000",
        "PRAGMA foreign_keys=ON",
    ):
        cursor.execute(pragma)
    cursor.close()


def _sqlite_on_begin(conn: Any) -> None:
    write = conn.get_execution_options().get("rvibe_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def record_revocation(session: Session, account_id: int) -> None:
    """Remember that this transaction revoked sessions of ``account_id``; tell other workers."""
    revoked: set[int] | None = session.info.get("revoked_accounts")
    if revoked is not None:
        revoked.add(account_id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": AUTH_CHANNEL, "payload": str(account_id)},
        )


def record_log_change(session: Session, listener_id: int, seq: int) -> None:
    """Remember that this transaction extended ``listener_id``'s log up to ``seq``."""
    changed: dict[int, int] | None = session.info.get("changed_logs")
    if changed is not None:
        changed[listener_id] = max(seq, changed.get(listener_id, 0))
