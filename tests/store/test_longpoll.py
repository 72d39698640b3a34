"""Long-poll and resync: waits hold nothing, wake on a send, time out empty; old cursors resync."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import anyio.to_thread
import httpx

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server import synclog
from rvibe_player.store_server.models import utcnow
from tests.store.live import Actor, LiveServer, make_actor
from tests.store.syncing import Replica, server_log, server_state


def cid() -> str:
    return uuid.uuid4().hex


def _borrowed_threads(live: LiveServer) -> float:
    """Worker threads in use right now on the server's event loop."""

    async def probe() -> float:
        return anyio.to_thread.current_default_thread_limiter().borrowed_tokens

    loop = live.store.notifier.loop
    assert loop is not None
    return asyncio.run_coroutine_threadsafe(probe(), loop).result(5)


def test_waiting_long_polls_hold_no_connection_and_no_thread(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    polls = 40  # ten times the pool (4) and more than the idle connections it keeps
    # Spread over three listeners: one account may only have 16 waiting (test_capacity).
    listeners = [listener] + [
        make_actor(live, name, Role.LISTENER, curator=curator) for name in ("lea", "liv")
    ]
    latest = {a.id: a.api.get("/v1/sync").json()["latest_seq"] for a in listeners}

    async def scenario() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=polls + 5)
        async with httpx.AsyncClient(base_url=live.url, timeout=30, limits=limits) as client:
            tasks = [
                asyncio.create_task(
                    client.get(
                        "/v1/sync",
                        params={"after": latest[who.id], "wait": 20},
                        headers={"Authorization": f"Bearer {who.api.token}"},
                    )
                )
                for who in (listeners[n % 3] for n in range(polls))
            ]
            # Once every poll has made its first read, all 40 wait on nothing but a future.
            settled = False
            for _ in range(500):
                await asyncio.sleep(0.02)
                settled = (
                    live.store.notifier.waiting() == polls
                    and live.store.db.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
                    and _borrowed_threads(live) == 0
                )
                if settled:
                    break
            assert settled, (
                live.store.notifier.waiting(),
                live.store.db.engine.pool.checkedout(),  # type: ignore[attr-defined]
                _borrowed_threads(live),
            )
            admin = make_actor(live, "root", Role.ADMIN)
            health = await client.get(
                "/v1/health", headers={"Authorization": f"Bearer {admin.api.token}"}
            )
            assert health.status_code == 200
            assert health.json()["waiting_long_polls"] == polls
            for who in listeners:
                sent = await client.post(
                    f"/v1/staff/listeners/{who.id}/messages",
                    json={"client_id": cid(), "body": "wake up"},
                    headers={"Authorization": f"Bearer {curator.api.token}"},
                )
                assert sent.status_code == 201
            return await asyncio.gather(*tasks)

    answers = asyncio.run(scenario())
    for answer in answers:
        body = answer.json()
        assert answer.status_code == 200
        assert [e["data"]["message"]["body"] for e in body["entries"]] == ["wake up"]
        assert body["timed_out"] is False
    assert live.store.notifier.waiting() == 0


def test_a_long_poll_with_nothing_new_answers_empty_and_timed_out(
    live: LiveServer, listener: Actor
) -> None:
    latest = listener.api.get("/v1/sync").json()["latest_seq"]
    answer = listener.api.get("/v1/sync", params={"after": latest, "wait": 0.3})
    assert answer.status_code == 200
    assert answer.json() == {
        "entries": [],
        "next_after": latest,
        "has_more": False,
        "latest_seq": latest,
        "epoch": 1,
        "timed_out": True,
    }


def test_a_long_poll_returns_at_once_when_entries_are_waiting(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    curator.api.post(
        f"/v1/staff/listeners/{listener.id}/notes", {"client_id": cid(), "body": "already here"}
    )
    answer = listener.api.get("/v1/sync", params={"after": 0, "wait": 25})
    assert answer.json()["timed_out"] is False
    assert answer.json()["entries"][-1]["kind"] == "note.created"


def test_wait_is_bounded_below_thirty_seconds(live: LiveServer, listener: Actor) -> None:
    answer = listener.api.get("/v1/sync", params={"after": 0, "wait": 30})
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_request"


def test_a_cursor_past_the_end_of_the_log_gets_resync(live: LiveServer, listener: Actor) -> None:
    latest = listener.api.get("/v1/sync").json()["latest_seq"]
    answer = listener.api.get("/v1/sync", params={"after": latest + 5})
    assert answer.status_code == 410
    body = answer.json()
    assert body["error"]["code"] == "resync_required"
    assert body["resync"] == {"reason": "cursor_ahead", "after": 0, "latest_seq": latest}


def test_compaction_keeps_every_cursor_converging_or_tells_it_to_resync(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    keep = curator.api.post(f"{base}/notes", {"client_id": cid(), "body": "keep v1"}).json()
    gone = curator.api.post(f"{base}/notes", {"client_id": cid(), "body": "doomed"}).json()
    early = Replica()
    early.pull(listener.api)  # holds both notes
    keep_id, gone_id = keep["note"]["id"], gone["note"]["id"]
    for version in ("keep v2", "keep v3"):
        curator.api.request(
            "PATCH", f"{base}/notes/{keep_id}", json={"client_id": cid(), "body": version}
        )
    listener.api.post("/v1/messages", {"client_id": cid(), "body": "a message stays"})
    middle = Replica()
    middle.pull(listener.api)
    curator.api.request("DELETE", f"{base}/notes/{gone_id}")
    tombstone_seq = server_log(live.store.db, listener.id)[-1][0]
    late = Replica()
    late.pull(listener.api)
    before = len(server_log(live.store.db, listener.id))

    with live.store.db.write() as session:
        result = synclog.compact(session, listener.id, utcnow() + timedelta(days=1))

    log = server_log(live.store.db, listener.id)
    assert result.removed == before - len(log) > 0
    assert result.resync_below == tombstone_seq
    keys = [obj for _seq, _kind, obj in log]
    assert len(keys) == len(set(keys)), "one entry per object remains"
    assert f"note:{gone_id}" not in keys
    # A client behind the dropped tombstone must start again ...
    stale = listener.api.get("/v1/sync", params={"after": early.after, "epoch": early.epoch})
    assert stale.status_code == 410
    assert stale.json()["resync"]["reason"] == "compacted"
    assert middle.epoch == 1
    assert listener.api.get("/v1/sync", params={"after": middle.after}).status_code == 410
    assert (
        listener.api.get("/v1/sync", params={"after": middle.after, "epoch": 1}).status_code == 410
    )
    # ... and after it, it matches the store; a client past the tombstone just carries on.
    restarted = Replica()
    restarted.pull(listener.api, page=2)  # pages below resync_below, trusted in epoch 2
    assert restarted.epoch == 2
    curator.api.post(f"{base}/notes", {"client_id": cid(), "body": "after compaction"})
    late.pull(listener.api)
    restarted.pull(listener.api)
    expected = server_state(live.store.db, listener.id)
    assert restarted.state() == late.state() == expected
    assert expected["notes"][keep_id] == "keep v3"


def test_compaction_without_old_tombstones_never_forces_a_resync(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    note = curator.api.post(f"{base}/notes", {"client_id": cid(), "body": "v1"}).json()["note"]
    behind = Replica()
    behind.pull(listener.api)
    for n in range(5):
        curator.api.request(
            "PATCH", f"{base}/notes/{note['id']}", json={"client_id": cid(), "body": f"v{n + 2}"}
        )
    curator.api.request("DELETE", f"{base}/notes/{note['id']}")
    with live.store.db.write() as session:
        result = synclog.compact(session, listener.id, utcnow() - timedelta(days=90))
    assert result.resync_below == 0 and result.removed == 6
    behind.pull(listener.api, page=1)
    assert behind.state() == server_state(live.store.db, listener.id)
    assert behind.state()["notes"] == {}
