"""On PostgreSQL a sync page is read on the event loop; a read that fails there is read again
through the pool, so the listener never sees the difference."""

from __future__ import annotations

from sqlalchemy import text

from rvibe_player.store_server.async_reads import APPLICATION_NAME
from tests.store.live import Actor, LiveServer


def _send(curator: Actor, listener: Actor, count: int) -> None:
    for number in range(count):
        answer = curator.api.post(
            f"/v1/staff/listeners/{listener.id}/notes",
            json={"body": f"note {number}", "client_id": f"note-{number:04}"},
        )
        assert answer.status_code == 201, answer.text


def test_pages_on_the_loop_are_the_pools_pages(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    _send(curator, listener, 3)
    reads = live.store.reads
    if not live.store.db.is_postgres:
        assert reads is None  # SQLite reads in the pool
        return
    assert reads is not None
    before = reads.served
    whole = listener.api.get("/v1/sync", params={"after": 0})
    tail = listener.api.get("/v1/sync", params={"after": 1, "limit": 1})
    assert reads.served - before == 2 and reads.failed == 0
    assert whole.status_code == tail.status_code == 200
    entries = whole.json()["entries"]
    assert [e["data"]["note"]["body"] for e in entries if e["kind"] == "note.created"] == [
        "note 0",
        "note 1",
        "note 2",
    ]
    assert all(e["at"].endswith(("Z", "+00:00")) for e in entries)  # aware UTC, as the pool's
    assert tail.json()["entries"] == entries[1:2] and tail.json()["has_more"]
    # The same page through the pool (SQLAlchemy), byte for byte.
    from rvibe_player.store_server.routes.common import _read

    pooled = _read(live.store, listener.id, 0, 100, None)
    assert whole.text == pooled.body()  # type: ignore[union-attr]


def test_a_connection_postgres_closed_is_read_again_through_the_pool(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    if not live.store.db.is_postgres:
        return  # nothing read on the loop
    _send(curator, listener, 1)
    reads = live.store.reads
    assert reads is not None
    assert listener.api.get("/v1/sync").status_code == 200
    with live.store.db.engine.begin() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name AND datname = current_database()"
            ),
            {"name": APPLICATION_NAME},
        ).scalar()
    assert killed
    failed = reads.failed
    answer = listener.api.get("/v1/sync")
    assert answer.status_code == 200, answer.text
    assert [
        e["data"]["note"]["body"] for e in answer.json()["entries"] if e["kind"] == "note.created"
    ] == ["note 0"]
    assert reads.failed == failed + 1
    served = reads.served  # for a few seconds after a failure, the pool alone reads
    assert listener.api.get("/v1/sync").status_code == 200
    assert (reads.served, reads.failed) == (served, failed + 1)
