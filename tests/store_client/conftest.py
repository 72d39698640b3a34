"""Store-client fixtures: the real store on 127.0.0.1 (SQLite), a curator, a listener, a catalog.

The store runs in this process (uvicorn on a thread, as the store's own tests run it); the
client under test talks to it over real HTTP through its own code. Tests that must stop and
restart the store start it as a subprocess instead (``tests/store_client/helpers.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.store_server.demo import seed_catalog
from tests.store.live import PASSWORD, Actor, LiveServer, emptied, make_actor, serving
from tests.store_client.helpers import Changes


@pytest.fixture(scope="session")
def store_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One store for the session's client tests (emptied before each)."""
    path: Path = tmp_path_factory.mktemp("client-store") / "store.sqlite3"
    with serving(f"sqlite:///{path}") as server:
        yield server


@pytest.fixture
def store(store_server: LiveServer) -> LiveServer:
    """The live store, empty."""
    return emptied(store_server)


@pytest.fixture
def curator(store: LiveServer) -> Actor:
    """A signed-in curator (talks to the store through its staff API)."""
    return make_actor(store, "mira", Role.CURATOR)


@pytest.fixture
def listener(store: LiveServer, curator: Actor) -> Actor:
    """A listener assigned to ``curator`` (the client signs in as them with ``PASSWORD``)."""
    return make_actor(store, "sam", Role.LISTENER, curator=curator, login=False)


@pytest.fixture
def releases(store: LiveServer) -> list[int]:
    """A small catalog (the demo generator's), release ids."""
    with store.store.db.write() as session:
        return seed_catalog(session, releases=6)


@pytest.fixture
def changes() -> Changes:
    """Records ``on_change`` calls from any thread."""
    return Changes()


@pytest.fixture
def make_relationship(
    store: LiveServer, changes: Changes, isolated_user_dirs: Path
) -> Iterator[Callable[..., Relationship]]:
    """Build Relationship façades for the live store (closed at the end of the test)."""
    made: list[Relationship] = []

    def make(url: str | None = None, **kwargs: Any) -> Relationship:
        options: dict[str, Any] = {
            "store_key": "test-store",
            "on_change": changes,
            "wait_s": 5,
            "api_options": {"backoff_s": 0.02, "backoff_max_s": 0.2, "read_timeout_s": 5.0},
            "backoff_s": (0.05, 0.5),
        }
        options.update(kwargs)
        relationship = Relationship(url or store.url, **options)
        made.append(relationship)
        return relationship

    yield make
    for relationship in made:
        relationship.close()


@pytest.fixture
def signed_in(make_relationship: Callable[..., Relationship], listener: Actor) -> Relationship:
    """The listener's façade, signed in and syncing."""
    relationship = make_relationship()
    relationship.sign_in(listener.username, PASSWORD)
    return relationship
