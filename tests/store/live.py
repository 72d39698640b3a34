"""A real store for tests: a migrated database and uvicorn serving it on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from sqlalchemy import text

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.app import create_app
from rvibe_player.store_server.cli import listening_socket, server_settings
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.models import Base
from rvibe_player.store_server.services.accounts import create_account
from rvibe_player.store_server.services.admin import assign
from rvibe_player.store_server.store import Store

PASSWORD = "correct horse battery"


def cheap_config(url: str) -> StoreConfig:
    """Cheap argon2id (the cost is a parameter, the algorithm is the same) and small pools."""
    return StoreConfig(database_url=url, argon2_time_cost=1, argon2_memory_kib=1024, pool_size=4)


class LiveServer:
    """uvicorn in a background thread, serving one Store; started once per backend."""

    def __init__(self, config: StoreConfig) -> None:
        self.config = config
        self.store = Store.open(config)
        app = create_app(config, store=self.store)
        self.app = app
        sock = listening_socket("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        settings = server_settings() | {"timeout_graceful_shutdown": 1}
        self._server = uvicorn.Server(uvicorn.Config(app, lifespan="on", **settings))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test store did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        """Shut uvicorn down and close the pool."""
        self._server.should_exit = True
        self._thread.join(10)
        self.store.close()

    def reset(self) -> None:
        """Empty every table (each test starts from a blank, migrated store)."""
        reset_database(self.store.db)

    def client(self, token: str | None = None) -> Api:
        """An HTTP client for this server, signed in with ``token`` if given."""
        return Api(self.url, token)


@contextmanager
def serving(url: str) -> Iterator[LiveServer]:
    """A live store on a migrated database at ``url``, stopped at the end."""
    server = LiveServer(cheap_config(url))
    server.store.db.migrate()
    try:
        yield server
    finally:
        server.stop()


def emptied(server: LiveServer) -> LiveServer:
    """The live store with every table emptied (each test starts blank)."""
    server.reset()
    return server


def reset_database(db: Database) -> None:
    """Delete every row of every store table, children first."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if db.is_postgres:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                conn.execute(text(f"DELETE FROM {name}"))


class Api:
    """httpx with the bearer token and JSON helpers."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        # Plain http on loopback: verify=False skips loading the CA bundle (~40 ms a client).
        self.http = httpx.Client(base_url=base_url, headers=headers, timeout=30, verify=False)
        self.token = token

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> httpx.Response:
        return self.http.post(path, json=json, **kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, **kwargs)

    def close(self) -> None:
        self.http.close()


@dataclass
class Actor:
    """A signed-in account in a test."""

    id: int
    username: str
    role: Role
    api: Api
    extra: dict[str, Any] = field(default_factory=dict)


def make_actor(
    live: LiveServer,
    username: str,
    role: Role,
    *,
    curator: Actor | None = None,
    capacity: int | None = None,
    login: bool = True,
) -> Actor:
    """Create an account (assigned to ``curator``) and sign it in over HTTP."""
    with live.store.db.write() as session:
        account = create_account(
            session,
            live.store.passwords,
            username=username,
            password=PASSWORD,
            role=role,
            display_name=username.title(),
            capacity=capacity,
        )
        if curator is not None:
            assign(session, account.id, curator.id, None)
        account_id = account.id
    token = None
    if login:
        answer = live.client().post(
            "/v1/auth/login", json={"username": username, "password": PASSWORD}
        )
        assert answer.status_code == 200, answer.text
        token = answer.json()["token"]
    return Actor(account_id, username, role, live.client(token))


@contextmanager
def timeout_guard(seconds: float) -> Iterator[None]:
    """Fail loudly instead of hanging when a block takes far too long."""
    start = time.monotonic()
    yield
    assert time.monotonic() - start < seconds, f"took over {seconds} s"
