"""Waiting polls that ask the same thing share one database read, and never a stale one."""

from __future__ import annotations

import asyncio
import threading
import uuid
from typing import Any

import httpx
import pytest

from rvibe_player.store_server.notifier import SyncNotifier
from rvibe_player.store_server.shared_reads import SharedReads, in_threads
from rvibe_player.store_server.synclog import Page, Resync
from tests.store.live import Actor, LiveServer


class Reader:
    """A read that counts its calls and, when asked, holds until released."""

    def __init__(self) -> None:
        self.calls = 0
        self.release = threading.Event()
        self.release.set()
        self.fail = False

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        call = self.calls
        self.release.wait(10)
        if self.fail:
            raise RuntimeError("the database went away")
        return {"read": call}


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_identical_asks_at_once_share_one_read() -> None:
    shared, read = SharedReads(), Reader()

    async def scenario() -> list[Any]:
        read.release.clear()
        asks = [
            asyncio.ensure_future(shared.read(7, ("log", 3), in_threads(read))) for _ in range(10)
        ]
        await asyncio.sleep(0.05)
        read.release.set()
        return await asyncio.gather(*asks)

    assert run(scenario()) == [{"read": 1}] * 10
    assert (read.calls, shared.reads) == (1, 1)


def test_different_asks_and_keys_read_for_themselves() -> None:
    shared, read = SharedReads(), Reader()

    async def scenario() -> None:
        await shared.read(7, ("log", 3), in_threads(read))
        await shared.read(7, ("log", 4), in_threads(read))
        await shared.read(8, ("log", 3), in_threads(read))
        await shared.read(7, ("log", 3), in_threads(read))  # shared with the first

    run(scenario())
    assert read.calls == 3


def test_a_change_during_the_read_is_never_hidden_from_later_polls() -> None:
    """A poll that arrives after a publish reads again, even while the older read runs."""
    shared, read = SharedReads(), Reader()

    async def scenario() -> tuple[Any, Any]:
        read.release.clear()
        first = asyncio.ensure_future(shared.read(7, ("log", 3), in_threads(read)))
        await asyncio.sleep(0.05)
        shared.changed(7)  # an entry committed while the first read was running
        read.release.set()
        later = await shared.read(7, ("log", 3), in_threads(read))
        return await first, later

    first, later = run(scenario())
    assert (first, later) == ({"read": 1}, {"read": 2})


def test_a_publish_forgets_finished_reads_of_that_key_only() -> None:
    notifier, read = SyncNotifier(), Reader()

    async def scenario() -> list[Any]:
        notifier.bind(asyncio.get_running_loop())
        await notifier.shared.read(7, "a", in_threads(read))
        await notifier.shared.read(8, "a", in_threads(read))
        notifier.publish(7, 10)  # no waiter, but the shared read of 7 is stale now
        return [
            await notifier.shared.read(7, "a", in_threads(read)),
            await notifier.shared.read(8, "a", in_threads(read)),
        ]

    assert run(scenario()) == [{"read": 3}, {"read": 2}]


def test_a_lost_listen_link_forgets_everything() -> None:
    notifier, read = SyncNotifier(), Reader()

    async def scenario() -> Any:
        await notifier.shared.read(7, "a", in_threads(read))
        notifier.wake_all()
        return await notifier.shared.read(7, "a", in_threads(read))

    assert run(scenario()) == {"read": 2}


def test_results_expire_and_failures_are_not_shared() -> None:
    shared, read = SharedReads(), Reader()

    async def scenario() -> Any:
        read.fail = True
        with pytest.raises(RuntimeError):
            await shared.read(7, "a", in_threads(read))
        read.fail = False
        assert await shared.read(7, "a", in_threads(read)) == {
            "read": 2
        }  # read again, not the failure
        shared.ttl = -1.0  # everything is older than that
        return await shared.read(7, "a", in_threads(read))

    assert run(scenario()) == {"read": 3}


def test_a_quiet_answer_is_shared_longer_but_never_past_a_publish() -> None:
    """With ``quiet_ttl`` (PostgreSQL), a page with nothing new outlives ``ttl``: a poll that
    timed out at the head of its log comes back to its own answer. A page with entries, or a
    resync, does not; and a publish forgets the quiet one at once."""
    notifier = SyncNotifier(SharedReads(ttl=0.05, quiet_ttl=60))
    reads = {"quiet": 0, "busy": 0, "resync": 0}

    def reader(kind: str, answer: Any) -> Any:
        def read() -> Any:
            reads[kind] += 1
            return answer

        return read

    quiet = Page([], 5, 5, 1)
    busy = Page(['{"seq":6}'], 6, 6, 1)
    resync = Resync("compacted", 9)

    async def scenario() -> None:
        notifier.bind(asyncio.get_running_loop())
        for _ in range(2):
            assert await notifier.shared.read(1, "a", in_threads(reader("quiet", quiet))) is quiet
            assert await notifier.shared.read(2, "a", in_threads(reader("busy", busy))) is busy
            assert (
                await notifier.shared.read(3, "a", in_threads(reader("resync", resync))) is resync
            )
            await asyncio.sleep(0.1)  # past ttl, well within quiet_ttl
        assert reads == {"quiet": 1, "busy": 2, "resync": 2}
        notifier.publish(1, 6)
        await notifier.shared.read(1, "a", in_threads(reader("quiet", quiet)))
        assert reads["quiet"] == 2

    run(scenario())


def test_without_quiet_ttl_a_quiet_answer_expires_like_any_other() -> None:
    shared, calls = SharedReads(ttl=0.05), []

    def read() -> Page:
        calls.append(1)
        return Page([], 5, 5, 1)

    async def scenario() -> None:
        await shared.read(1, "a", in_threads(read))
        await asyncio.sleep(0.1)
        await shared.read(1, "a", in_threads(read))

    run(scenario())
    assert len(calls) == 2


def test_a_crowd_of_waiting_polls_reads_once_and_every_poll_wakes(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    """16 polls of one listener at one cursor (the most one account may hold): one read
    between them (two if they straddle the expiry), and all of them get the message."""
    polls = 16
    latest = listener.api.get("/v1/sync").json()["latest_seq"]
    reads_before = live.store.notifier.shared.reads

    async def scenario() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=polls + 5)
        auth = {"Authorization": f"Bearer {listener.api.token}"}
        async with httpx.AsyncClient(base_url=live.url, timeout=30, limits=limits) as client:
            tasks = [
                asyncio.create_task(
                    client.get("/v1/sync", params={"after": latest, "wait": 20}, headers=auth)
                )
                for _ in range(polls)
            ]
            for _ in range(500):
                await asyncio.sleep(0.02)
                if live.store.notifier.waiting() == polls:
                    break
            assert live.store.notifier.waiting() == polls
            assert 1 <= live.store.notifier.shared.reads - reads_before <= 2
            sent = await client.post(
                f"/v1/staff/listeners/{listener.id}/messages",
                json={"client_id": uuid.uuid4().hex, "body": "to all of you"},
                headers={"Authorization": f"Bearer {curator.api.token}"},
            )
            assert sent.status_code == 201
            return await asyncio.gather(*tasks)

    for answer in asyncio.run(scenario()):
        assert answer.status_code == 200
        body = answer.json()
        assert [e["data"]["message"]["body"] for e in body["entries"]] == ["to all of you"]
        assert body["timed_out"] is False
