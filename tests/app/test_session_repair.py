"""The session tells whoever shows it that a damaged relationship cache was made again."""

from __future__ import annotations

from pathlib import Path

from rvibe_player.app.events import CacheRepaired, RelationshipOpened
from rvibe_player.app.session import build_session
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.store_client.model import Connection
from tests.helpers.damage import overwrite, pages
from tests.helpers.memory_keyring import MemoryKeyring
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.conftest import curator, listener, store, store_server  # noqa: F401


def _open(dispatcher: QueueDispatcher) -> tuple[object, list[object], list[object]]:
    session = build_session(dispatcher.post)
    opened: list[object] = []
    repaired: list[object] = []
    session.events.subscribe(RelationshipOpened, opened.append)
    session.events.subscribe(CacheRepaired, repaired.append)
    session.open_relationship()
    assert dispatcher.run_until(lambda: opened, 60), "the relationship opened"
    return session, opened, repaired


def test_a_damaged_cache_is_repaired_and_announced_when_the_relationship_opens(
    store: LiveServer,  # noqa: F811
    listener: Actor,  # noqa: F811
    isolated_user_dirs: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("RVIBE_STORE_URL", store.url)
    dispatcher = QueueDispatcher()
    session, _opened, repaired = _open(dispatcher)
    relationship = session.relationship  # type: ignore[attr-defined]
    relationship.sign_in(listener.username, PASSWORD)
    online = lambda: relationship.status.connection is Connection.ONLINE  # noqa: E731
    assert dispatcher.run_until(online, 30)
    cache = relationship.accounts.cache_path(relationship.store_key, listener.id)
    session.close()  # type: ignore[attr-defined]
    assert repaired == []
    overwrite(cache, pages(cache, "leaf", "meta")[:1] or [2])

    dispatcher = QueueDispatcher()
    session, _opened, repaired = _open(dispatcher)
    try:
        assert dispatcher.run_until(lambda: repaired, 10), "the repair was announced"
        [event] = repaired
        assert isinstance(event, CacheRepaired)
        assert event.repair.damaged.exists() and event.repair.damaged.parent == cache.parent
        assert session.relationship.account is not None  # type: ignore[attr-defined]
    finally:
        session.close()  # type: ignore[attr-defined]
