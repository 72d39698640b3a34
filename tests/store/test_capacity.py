"""One account cannot exhaust the store: long-polls capped, open-file limit raised, quiet logs."""

from __future__ import annotations

import asyncio
import logging
import resource
import sys
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.server_log import RepeatFilter
from tests.store.live import Actor, LiveServer, make_actor
from tests.store.test_cli import serving

PER_ACCOUNT, TOTAL = 3, 5


async def _wait_until(condition: Callable[[], bool], what: str, seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def test_long_polls_are_capped_per_account_and_in_all_with_a_clear_429(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    capped = LiveServer(replace(live.config, max_polls_per_account=PER_ACCOUNT, max_polls=TOTAL))
    second = make_actor(capped, "lea", Role.LISTENER, curator=curator)

    async def scenario() -> None:
        async with httpx.AsyncClient(base_url=capped.url, timeout=60) as client:
            # Nothing new after the log's end: each poll waits.
            ends = {a.id: a.api.get("/v1/sync").json()["latest_seq"] for a in (listener, second)}

            def held(actor: Actor, wait: float = 20) -> asyncio.Task[httpx.Response]:
                return asyncio.create_task(
                    client.get(
                        "/v1/sync",
                        params={"after": ends[actor.id], "wait": wait},
                        headers={"Authorization": f"Bearer {actor.api.token}"},
                    )
                )

            mine = [held(listener) for _ in range(PER_ACCOUNT)]
            await _wait_until(lambda: capped.store.polls.waiting() == PER_ACCOUNT, "3 polls")
            refused = await held(listener, wait=2)
            assert refused.status_code == 429, refused.text
            assert refused.json()["error"]["code"] == "too_many_polls"
            assert int(refused.headers["retry-after"]) > 0
            assert refused.headers["connection"] == "close", "the socket is given back at once"
            theirs = [held(second) for _ in range(TOTAL - PER_ACCOUNT)]
            await _wait_until(lambda: capped.store.polls.waiting() == TOTAL, "5 polls")
            full = await held(second, wait=2)
            assert full.status_code == 429 and full.json()["error"]["code"] == "too_many_polls"
            plain = await client.get(
                "/v1/sync", headers={"Authorization": f"Bearer {second.api.token}"}
            )
            assert plain.status_code == 200, "a read without wait takes no place"
            assert (await client.get("/v1/health")).status_code == 200
            sent = await client.post(  # through this server: its notifier wakes its polls
                f"/v1/staff/listeners/{listener.id}/messages",
                json={"client_id": uuid.uuid4().hex, "body": "wake up"},
                headers={"Authorization": f"Bearer {curator.api.token}"},
            )
            assert sent.status_code == 201
            for answer in await asyncio.gather(*mine):
                assert [e["data"]["message"]["body"] for e in answer.json()["entries"]] == [
                    "wake up"
                ]
                ends[listener.id] = answer.json()["latest_seq"]
            again = held(listener)
            back = TOTAL - PER_ACCOUNT + 1
            await _wait_until(lambda: capped.store.polls.waiting() == back, "the freed places")
            for actor in (listener, second):  # wake the rest, so none outlives the test
                await client.post(
                    f"/v1/staff/listeners/{actor.id}/messages",
                    json={"client_id": uuid.uuid4().hex, "body": "bye"},
                    headers={"Authorization": f"Bearer {curator.api.token}"},
                )
            assert {r.status_code for r in await asyncio.gather(again, *theirs)} == {200}

    try:
        asyncio.run(scenario())
    finally:
        capped.stop()


def _soft_limit_of(pid: str) -> int:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max open files"):
            return int(line.split()[3])
    raise AssertionError("no open-file limit in /proc")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_store_raises_its_open_file_limit_at_start(tmp_path: Path) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard <= 256:
        pytest.skip(f"the hard open-file limit here is {hard}: nothing to raise")
    database = f"sqlite:///{tmp_path}/limit.sqlite3"
    with serving("--database-url", database, "serve", "--port", "0", open_files=256) as (url, _):
        pid = httpx.get(f"{url}/v1/health", timeout=30).headers["x-rvibe-worker"]
        assert _soft_limit_of(pid) > 256


FLOOD = 400


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX open-file limits")
def test_one_account_flooding_long_polls_gets_429s_not_500s_and_a_quiet_log(
    tmp_path: Path,
) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard < 4 * FLOOD:
        pytest.skip(f"the hard open-file limit here ({hard}) is too low for {FLOOD} polls")
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 2 * FLOOD), hard))  # this client's
    database = f"sqlite:///{tmp_path}/flood.sqlite3"
    log = tmp_path / "stderr.log"
    with serving(
        "--database-url",
        database,
        "serve",
        "--port",
        "0",
        "--seed-demo-if-empty",
        open_files=256,  # the probe's machine had 1,024; 400 polls make the same point here
        stderr=log,
    ) as (url, _lines):
        statuses, woken = asyncio.run(_flood(url))
    per_account = 16
    assert statuses == Counter({429: FLOOD - per_account, 200: per_account}), statuses
    assert woken == per_account, "the polls that waited got the message"
    lines = log.read_text().splitlines()
    assert len(lines) < 40, "\n".join(lines[:60])


async def _flood(url: str) -> tuple[Counter[int | str], int]:
    """FLOOD long-polls from the demo listener; once refusals are in, the curator writes."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        tokens = {}
        for role, password in (("demo", "listen-demo"), ("curator", "curate-demo")):
            answer = await client.post(
                "/v1/auth/login", json={"username": role, "password": password}
            )
            tokens[role] = {"Authorization": f"Bearer {answer.json()['token']}"}
        me = (await client.get("/v1/me", headers=tokens["demo"])).json()
        listener_id, end = me["account"]["id"], me["relationship"]["latest_seq"]
    limits = httpx.Limits(max_connections=FLOOD + 10, max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

        async def one() -> httpx.Response | str:
            try:
                return await client.get(
                    "/v1/sync", params={"after": end, "wait": 25}, headers=tokens["demo"]
                )
            except httpx.HTTPError as exc:
                return type(exc).__name__

        tasks = [asyncio.create_task(one()) for _ in range(FLOOD)]
        answered: list[httpx.Response | str] = []
        for next_done in asyncio.as_completed(tasks):
            answered.append(await next_done)
            if len(answered) == FLOOD - 16:
                break
        health = await client.get("/v1/health")
        assert health.status_code == 200, "the store still answers"
        sent = await client.post(
            f"/v1/staff/listeners/{listener_id}/messages",
            json={"client_id": uuid.uuid4().hex, "body": "still here"},
            headers=tokens["curator"],
        )
        assert sent.status_code == 201, sent.text
        results = await asyncio.gather(*tasks)
    statuses: Counter[int | str] = Counter(
        r if isinstance(r, str) else r.status_code for r in results
    )
    woken = sum(
        1
        for r in results
        if not isinstance(r, str) and r.status_code == 200 and r.json()["entries"]
    )
    return statuses, woken


def test_the_same_error_a_thousand_times_is_logged_once_a_minute() -> None:
    now = [0.0]
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    handler.addFilter(RepeatFilter(60, clock=lambda: now[0]))
    logger = logging.getLogger("tests.repeat")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for _ in range(5000):
            try:
                raise OSError(24, "Too many open files")
            except OSError:
                logger.exception("unexpected error on %s %s", "GET", "/v1/sync")
        logger.error("something else")
        now[0] = 61.0
        logger.exception("unexpected error on %s %s", "GET", "/v1/sync", exc_info=OSError())
    finally:
        logger.removeHandler(handler)
    messages = [r.getMessage() for r in records]
    assert messages == [
        "unexpected error on GET /v1/sync",
        "something else",
        "unexpected error on GET /v1/sync [4999 more like this in the last 60 s]",
    ]
