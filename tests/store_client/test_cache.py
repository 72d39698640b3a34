"""The cache converges whatever order pages and send answers arrive in, and reads fast."""

from __future__ import annotations

import contextlib
import itertools
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rvibe_player.store_client.cache import RelationshipCache
from tests.helpers.clock import TestClock

OBJECTS = ["note:1", "note:2", "pick:1", "message:1"]
CLOCK = TestClock.start()


def _entry(seq: int, key: str, deleted: bool, version: int) -> dict[str, Any]:
    kind_type, ident = key.split(":")
    if deleted:
        kind = "note.deleted" if kind_type == "note" else "pick.withdrawn"
        data: dict[str, Any] = {f"{kind_type}_id": int(ident)}
    else:
        kind = {"note": "note.edited", "pick": "pick.updated", "message": "message.sent"}[kind_type]
        data = {kind_type: {"id": int(ident), "seq": seq, "body": f"v{version}",
                            "created_at": CLOCK.iso_ago(days=10 - int(ident))}}  # fmt: skip
    return {"seq": seq, "kind": kind, "object": key, "at": "", "actor_id": 1, "data": data}


log_strategy = st.lists(
    st.tuples(st.sampled_from(OBJECTS), st.booleans()), min_size=1, max_size=30
).map(
    lambda steps: [
        _entry(n + 1, key, deleted and not key.startswith("message"), n)
        for n, (key, deleted) in enumerate(steps)
    ]
)


def _live(cache: RelationshipCache) -> dict[str, Any]:
    return {
        o.key: o.data
        for kind_type in ("note", "pick", "message")
        for o in cache.log.objects(kind_type)
    }


@settings(max_examples=100, deadline=None)
@given(log=log_strategy, cuts=st.lists(st.integers(0, 30), max_size=5), data=st.data())
def test_any_paging_and_send_answers_at_any_time_converge(
    tmp_path_factory: Any, log: list[dict[str, Any]], cuts: list[int], data: st.DataObject
) -> None:
    """Send answers carry an entry too: early, late or twice, they never undo a newer one."""
    folded: dict[str, Any] = {}
    for entry in log:
        if entry["kind"] in ("note.deleted", "pick.withdrawn"):
            folded.pop(entry["object"], None)
        else:
            folded[entry["object"]] = entry["data"]

    bounds = sorted({0, len(log), *(c for c in cuts if c < len(log))})
    steps: list[tuple[str, Any]] = [
        ("page", (start, end)) for start, end in itertools.pairwise(bounds)
    ]
    for entry in data.draw(st.lists(st.sampled_from(log), max_size=6)):
        steps.insert(data.draw(st.integers(0, len(steps))), ("answer", entry))

    cache = RelationshipCache(tmp_path_factory.mktemp("c") / "cache.sqlite3")
    for what, value in steps:
        if what == "answer":
            cache.log.apply_entry(value, my_id=1)
        else:
            start, end = value
            cache.log.apply_page(log[start:end], next_after=log[end - 1]["seq"], epoch=1, my_id=1)
    assert _live(cache) == folded
    assert cache.log.cursor() == (log[-1]["seq"], 1)
    cache.close()


def test_a_page_that_fails_half_way_leaves_nothing_behind(tmp_path: Path) -> None:
    cache = RelationshipCache(tmp_path / "cache.sqlite3")
    good = _entry(1, "note:1", False, 1)
    broken = {"seq": 2, "kind": "note.edited"}  # no object: the page cannot be applied
    with contextlib.suppress(KeyError):
        cache.log.apply_page([good, broken], next_after=2, epoch=1, my_id=1)
    assert _live(cache) == {} and cache.log.cursor() == (0, None)


def test_five_thousand_cached_entries_read_back_in_order(tmp_path: Path) -> None:
    """A long history reads back whole and in order (bench/sync.py times the cold read)."""
    path = tmp_path / "cache.sqlite3"
    cache = RelationshipCache(path)
    entries = [
        {
            "seq": n,
            "kind": "message.sent",
            "object": f"message:{n}",
            "at": CLOCK.iso_ago(days=1),
            "actor_id": 1 + n % 2,
            "data": {
                "message": {
                    "id": n,
                    "seq": n,
                    "body": "words " * 30,
                    "from": "curator",
                    "created_at": CLOCK.iso_ago(days=1),
                }
            },
        }
        for n in range(1, 5001)
    ]
    cache.log.apply_page(entries, next_after=5000, epoch=1, my_id=1)
    cache.close()
    again = RelationshipCache(path)  # a fresh connection, as the panel opens it at start
    messages = again.log.objects("message")
    again.close()
    assert [m.data["message"]["seq"] for m in messages] == list(range(1, 5001))


def test_a_version_1_outbox_becomes_intents_and_keeps_its_order_and_ids(tmp_path: Path) -> None:
    """Rows written by the player before intents (a route and a body) still go out."""
    import sqlite3

    from rvibe_player.store_client.api import route
    from rvibe_player.store_client.cache_db import _SCHEMA_V1
    from rvibe_player.store_client.intents import IntentKind

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_V1)
    rows = [
        ("c1", "message", "POST", "/messages", {"client_id": "c1", "body": "hé"}, "pending"),
        ("c2", "feedback", "POST", "/picks/7/feedback", {"client_id": "c2", "feedback": "loved"},
         "pending"),
        ("c3", "sharing", "PUT", "/me/sharing", {"client_id": "c3", "level": "full"}, "failed"),
    ]  # fmt: skip
    for client_id, kind, method, where, body, state in rows:
        conn.execute(
            "INSERT INTO outbox (client_id, kind, method, path, body, created_at, state) "
            "VALUES (?, ?, ?, ?, ?, 1.0, ?)",
            (client_id, kind, method, where, json.dumps(body), state),
        )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    cache = RelationshipCache(path)
    try:
        items = cache.outbox.items()
        assert [(i.client_id, i.kind, i.state) for i in items] == [
            ("c1", IntentKind.MESSAGE, "pending"),
            ("c2", IntentKind.FEEDBACK, "pending"),
            ("c3", IntentKind.SHARING, "failed"),
        ]
        assert items[1].payload == {"pick_id": 7, "feedback": "loved"}
        assert route(items[1].intent) == ("POST", "/picks/7/feedback", {"feedback": "loved"})
        assert route(items[0].intent) == ("POST", "/messages", {"body": "hé"})
        assert cache.outbox.next_pending() == items[0]
        new = cache.outbox.enqueue(items[0].intent)
        assert new.id > items[-1].id, "ids keep rising after the move"
    finally:
        cache.close()
