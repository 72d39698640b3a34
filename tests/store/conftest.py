"""Store fixtures: every store test runs on SQLite and, marked ``postgres``, on PostgreSQL.

Each test session creates its own PostgreSQL database with a random name (several test
runs may share the server) and drops it at the end; nothing else on the server is touched.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.database import Database
from tests.helpers.requirements import need_postgres
from tests.store.live import Actor, LiveServer, emptied, make_actor, serving


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test session (dropped afterwards)."""
    import psycopg

    base = need_postgres()
    name = f"rvibe_test_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database of each backend, shared by the session's tests of that backend."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("store") / "store.sqlite3"
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_database")
    db = Database(url, pool_size=1)
    try:
        db.migrate()
    finally:
        db.dispose()
    return url


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """The store served on 127.0.0.1 for this backend."""
    with serving(database_url) as server:
        yield server


@pytest.fixture
def live(live_server: LiveServer) -> LiveServer:
    """The live store, emptied for this test."""
    return emptied(live_server)


@pytest.fixture
def curator(live: LiveServer) -> Actor:
    """A signed-in curator."""
    return make_actor(live, "cora", Role.CURATOR)


@pytest.fixture
def listener(live: LiveServer, curator: Actor) -> Actor:
    """A signed-in listener assigned to ``curator``."""
    return make_actor(live, "lou", Role.LISTENER, curator=curator)
