"""A damaged relationship cache: the unsent messages are kept and sent exactly once, the
rest is read again from the store, and the damaged file is kept."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.cache_recovery import check_cache
from rvibe_player.store_client.model import MessageState
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.damage import overwrite, pages
from tests.store_client.helpers import eventually
from tests.store_client.processes import store_with_listener_online
from tests.store_client.test_offline import FAST, _curator_writes, _listener_messages

pytestmark = pytest.mark.slow

UNSENT = ["First, written offline.", "Second — ünïcode too.", "Third."]


def _log_pages(path: Path) -> None:
    """The log's pages (every leaf of the objects table) overwritten; the outbox intact."""
    overwrite(path, pages(path, "leaf", "objects")[:2])


def _header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(b"\0" * 100)


@pytest.mark.parametrize("damage", [_log_pages, _header], ids=["log pages", "header"])
def test_unsent_messages_survive_a_damaged_cache_and_arrive_once(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    db, store, first = store_with_listener_online(tmp_path, **FAST)
    listener_id = int(first.account["id"]) if first.account else 0
    for n in range(30):  # a log long enough to span several pages
        _curator_writes(store.url, listener_id, f"Curator's note number {n}. " * 8)
    eventually(lambda: len(first.state().messages) >= 30, timeout=30)
    store.stop()
    for body in UNSENT:
        first.send_message(body)
    cache = first.accounts.cache_path(first.store_key, listener_id)
    first.close()
    damage(cache)
    damaged_bytes = hashlib.sha256(cache.read_bytes()).hexdigest()

    second = Relationship(store.url, **FAST)
    try:
        repair = second.cache_repair
        assert repair is not None and repair.salvaged["outbox"] == len(UNSENT)
        assert hashlib.sha256(repair.damaged.read_bytes()).hexdigest() == damaged_bytes
        pending = [m.body for m in second.state().messages if m.state is MessageState.PENDING]
        assert pending == UNSENT
        store.start()
        second.start().result(10)
        eventually(lambda: second.state().waiting_to_send == 0, timeout=30)
        eventually(lambda: len(second.state().messages) == 30 + len(UNSENT), timeout=30)
        assert _listener_messages(db) == UNSENT  # each exactly once, in order
    finally:
        second.close()
        store.stop()


def test_a_sound_cache_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    assert check_cache(path) is None  # absent: nothing to do
    RelationshipCache(path).close()
    assert check_cache(path) is None
    assert [p.name for p in tmp_path.iterdir() if "damaged" in p.name] == []
