"""A damaged relationship cache: the unsent messages are kept and sent exactly once, the
rest is read again from the store, and the damaged file is kept."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rvibe_player.store_client import intents
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.cache_recovery import check_cache
from rvibe_player.store_client.model import MessageState
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.damage import damage_indexes, overwrite, pages
from tests.helpers.waiting import eventually
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


def _cache_with_outbox(path: Path, unsent: int) -> list[str]:
    cache = RelationshipCache(path)
    try:
        with cache.db.write() as conn:
            for n in range(400):  # a log of several pages
                conn.execute(
                    "INSERT INTO objects (key, type, seq, kind, data) VALUES (?, 'message', ?, "
                    "'message', ?)",
                    (f"message:{n}", n + 1, '{"message": {"body": "' + "x" * 200 + '"}}'),
                )
        cache.set_meta("after", 400)
        cache.set_meta("listening_after", 77)
        ids = [
            cache.outbox.enqueue(intents.message(f"Unsent {n}")).client_id for n in range(unsent)
        ]
        cache.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return ids
    finally:
        cache.close()


def _outbox_readable(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


DAMAGE: dict[str, Callable[[Path], None]] = {
    "log pages": _log_pages,
    "header": _header,
    "index pages only": lambda p: damage_indexes(p, "objects_by_type", "outbox_by_state"),
    "truncated": lambda p: os.truncate(p, p.stat().st_size * 2 // 3),
    "empty": lambda p: p.write_bytes(b""),
    "not sqlite": lambda p: p.write_text("<html>not a cache</html>\n" * 300),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_kind_of_damage_keeps_the_file_and_what_of_the_outbox_is_readable(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "cache.sqlite3"
    ids = _cache_with_outbox(path, 12)
    DAMAGE[damage](path)
    readable = _outbox_readable(path)
    damaged_bytes = path.read_bytes()

    repair = check_cache(path)

    assert repair is not None and repair.damaged.read_bytes() == damaged_bytes
    assert repair.salvaged["outbox"] >= readable
    cache = RelationshipCache(path)
    try:
        kept = [item.client_id for item in cache.outbox.items()]
        assert kept == ids[: len(kept)] and len(kept) == repair.salvaged["outbox"]
        if damage in ("log pages", "header", "index pages only"):
            assert len(kept) == len(ids)
            assert cache.meta("listening_after") == 77  # what was shared stays shared
        assert cache.meta("after") is None  # the log is read again from the start
        assert cache.db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        cache.close()
