"""Store load benchmark: long-poll delivery at scale, catch-up, the big inbox, and an anchor.

Everything runs on 127.0.0.1 against a fresh PostgreSQL database (created here, dropped at
the end) served by ``rvibe-store serve --workers 2``:

1. ``--listeners`` listeners long-poll ``/v1/sync`` while ``--curators`` curators send
   messages for ``--seconds``; delivery latency is send start -> the listener's long-poll
   returning the message (p50/p95/p99), plus lost messages and errors.
2. Catch-up: one listener with 1,000 log entries reads them from ``after=0`` (one page).
3. The inbox of a curator with ``--inbox-listeners`` listeners (first page of 50), over HTTP
   and as the bare query.
4. The anchor: the same async client's requests per second (and latency) against a trivial
   FastAPI endpoint served the same way (uvicorn, 2 workers), beside ``/v1/sync``'s.

Targets (issue 4): delivery p95 < 500 ms, catch-up < 100 ms, inbox < 100 ms, nothing lost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from rvibe_player.core.store_protocol import SYNC_WAIT_MAX_S, Role  # noqa: E402
from rvibe_player.store_server.capacity import raise_open_file_limit  # noqa: E402
from rvibe_player.store_server.database import Database  # noqa: E402
from rvibe_player.store_server.models import (  # noqa: E402
    Account,
    AuthSession,
    Relationship,
    utcnow,
)
from rvibe_player.store_server.security import Passwords, new_token, token_hash  # noqa: E402
from rvibe_player.store_server.services import relationship, staff  # noqa: E402

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


# --------------------------------------------------------------------------- set-up


def add_accounts(db: Database, role: Role, names: list[str], pw_hash: str) -> list[tuple[int, str]]:
    """Accounts with a live session each (inserted directly: no argon2 per account)."""
    now = utcnow()
    with db.write() as s:
        ids = s.scalars(
            insert(Account).returning(Account.id),
            [
                {
                    "username": n,
                    "display_name": n.title(),
                    "role": role.value,
                    "password_hash": pw_hash,
                    "bio": "",
                    "disabled": False,
                    "created_at": now,
                }
                for n in names
            ],
        ).all()
        tokens = [new_token() for _ in ids]
        s.execute(
            insert(AuthSession),
            [
                {
                    "account_id": i,
                    "token_hash": token_hash(t),
                    "created_at": now,
                    "last_used_at": now,
                    "expires_at": now + timedelta(days=1),
                    "user_agent": "bench",
                }
                for i, t in zip(ids, tokens, strict=True)
            ],
        )
    return list(zip(ids, tokens, strict=True))


def add_relationships(db: Database, listeners: list[int], curators: list[int], busy: bool) -> None:
    """Assign listeners round-robin; ``busy`` fills inbox figures as a real desk would have."""
    rng, now = random.Random(3), utcnow()
    rows = []
    for n, lid in enumerate(listeners):
        waiting = busy and rng.random() < 0.3
        rows.append(
            {
                "listener_id": lid,
                "curator_id": curators[n % len(curators)],
                "last_seq": 0,
                "resync_below": 0,
                "log_epoch": 1,
                "sharing_level": "off",
                "listener_read_seq": 0,
                "curator_read_seq": 0,
                "unread_by_curator": rng.randint(1, 4) if waiting else 0,
                "waiting_since": now - timedelta(minutes=rng.randint(1, 5000)) if waiting else None,
                "last_activity_at": now - timedelta(minutes=rng.randint(0, 90000))
                if busy
                else None,
                "last_message_at": None,
                "last_message_from": "listener" if waiting else None,
                "last_message_excerpt": "Any tips for a rainy Sunday?" if waiting else None,
            }
        )
    with db.write() as s:
        for start in range(0, len(rows), 2000):
            s.execute(insert(Relationship), rows[start : start + 2000])


def build(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    pw = Passwords(1, 1024).hash("bench-password")
    run = secrets.token_hex(3)
    curators = add_accounts(db, Role.CURATOR, [f"c{run}-{i}" for i in range(args.curators)], pw)
    listeners = add_accounts(db, Role.LISTENER, [f"l{run}-{i}" for i in range(args.listeners)], pw)
    add_relationships(db, [i for i, _ in listeners], [i for i, _ in curators], busy=False)
    [desk] = add_accounts(db, Role.CURATOR, [f"desk{run}"], pw)
    many = add_accounts(db, Role.LISTENER, [f"m{run}-{i}" for i in range(args.inbox_listeners)], pw)
    add_relationships(db, [i for i, _ in many], [desk[0]], busy=True)
    [reader] = add_accounts(db, Role.LISTENER, [f"r{run}"], pw)
    add_relationships(db, [reader[0]], [curators[0][0]], busy=False)
    with db.write() as s:
        author = s.get(Account, curators[0][0])
        assert author is not None
        for n in range(args.catchup_entries):
            relationship.send_message(s, reader[0], author, f"history {n}", f"hist-{n:06d}")
    print(
        f"set-up: {len(curators)} + 1 curators, {len(listeners) + len(many) + 1} listeners, "
        f"{args.catchup_entries} entries in {time.perf_counter() - started:.1f} s"
    )
    return {"curators": curators, "listeners": listeners, "desk": desk, "reader": reader}


# --------------------------------------------------------------------------- servers


@contextmanager
def server(args: list[str], env: dict[str, str]) -> Iterator[str]:
    """A server process printing ``RVIBE_STORE_URL=...``; yields the URL."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=os.environ | env)
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("RVIBE_STORE_URL="):
                url = line.strip().split("=", 1)[1]
                break
        else:
            raise RuntimeError(f"{args[0]} did not start")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(
                    f"{url}/ping" if "--anchor" in args else f"{url}/v1/health"
                ).is_success:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(20)


def serve_anchor(workers: int) -> None:
    """The anchor: a trivial FastAPI app, served exactly as rvibe-store serves the store."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from rvibe_player.store_server.cli import listening_socket

    config = uvicorn.Config(
        "store_load:anchor_app",
        factory=True,
        workers=workers,
        log_level="warning",
        server_header=False,
    )
    sock = listening_socket("127.0.0.1", 0)
    print(f"RVIBE_STORE_URL=http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])


def anchor_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/ping")
    def ping() -> dict[str, bool]:
        return {"ok": True}

    return app


# --------------------------------------------------------------------------- the client


class Http:
    """A minimal keep-alive HTTP/1.1 client on asyncio streams, one connection each.

    Why not httpx's AsyncClient: measured here, it collapsed at 64 concurrent requests
    (98 req/s, p50 358 ms, against the trivial anchor that this client drives at ~2,500
    req/s), so it would have measured itself rather than the servers.
    """

    def __init__(self, url: str, token: str | None = None) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port)
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.head = f"Host: {host}\r\n{auth}"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """Send one request and return (status, parsed JSON body)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        payload = json.dumps(body).encode() if body is not None else b""
        extra = (
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
            if body is not None
            else ""
        )
        self.writer.write(f"{method} {path} HTTP/1.1\r\n{self.head}{extra}\r\n".encode() + payload)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(
            int(v)
            for k, _, v in (h.partition(":") for h in lines[1:])
            if k.lower() == "content-length"
        )
        data = await self.reader.readexactly(length)
        return status, json.loads(data) if data else None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()


# --------------------------------------------------------------------------- measurements


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def delivery(url: str, world: dict[str, Any], seconds: float, rate: float) -> dict[str, Any]:
    """Long-polls for every listener, curators sending; latency of each delivery."""
    sent: dict[str, float] = {}
    received: dict[str, float] = {}
    errors: list[str] = []
    stop = asyncio.Event()

    ready = 0
    all_ready = asyncio.Event()

    async def poll(token: str) -> None:
        nonlocal ready
        http, after, epoch = Http(url, token), 0, 0
        try:
            # First a plain read: the connection is open and the token known to the store
            # before the curators start, so the timed part measures delivery, not sign-in.
            try:
                status, body = await http.request("GET", "/v1/sync?after=0")
                if status == 200:
                    after, epoch = body["next_after"], body["epoch"]
                else:
                    errors.append(f"first read {status}")
            except (OSError, asyncio.IncompleteReadError) as exc:
                errors.append(f"first read: {exc!r}")
                await http.close()
                http = Http(url, token)
            ready += 1
            if ready == len(world["listeners"]):
                all_ready.set()
            while not stop.is_set():
                try:
                    status, body = await http.request(
                        "GET",
                        f"/v1/sync?after={after}&wait={SYNC_WAIT_MAX_S}"
                        + (f"&epoch={epoch}" if epoch else ""),
                    )
                except (OSError, asyncio.IncompleteReadError) as exc:
                    errors.append(f"poll: {exc!r}")
                    await http.close()
                    http = Http(url, token)
                    continue
                now = time.monotonic()
                if status != 200:
                    errors.append(f"poll {status}")
                    if status == 429:  # as the player does: wait as told, on a new connection
                        await http.close()
                        http = Http(url, token)
                        await asyncio.sleep(10)
                    continue
                for entry in body["entries"]:
                    if entry["kind"] == "message.sent":
                        received.setdefault(entry["data"]["message"]["body"], now)
                after, epoch = body["next_after"], body["epoch"]
        finally:
            await http.close()

    async def send(curator: tuple[int, str], mine: list[int]) -> None:
        http = Http(url, curator[1])
        interval = len(world["curators"]) / rate
        rng = random.Random(curator[0])
        await asyncio.sleep(rng.random() * interval)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            key = uuid.uuid4().hex
            body = f"bench {key}"
            sent[body] = time.monotonic()
            status, answer = await http.request(
                "POST",
                f"/v1/staff/listeners/{rng.choice(mine)}/messages",
                {"client_id": key, "body": body},
            )
            if status != 201:
                errors.append(f"send {status} {str(answer)[:80]}")
            await asyncio.sleep(interval)
        await http.close()

    polls = [asyncio.create_task(poll(t)) for _i, t in world["listeners"]]
    started = time.monotonic()
    await asyncio.wait_for(all_ready.wait(), timeout=300)
    print(
        f"  {len(polls)} listeners connected and signed in after "
        f"{time.monotonic() - started:.1f} s",
        flush=True,
    )
    # Every long-poll in place; with thousands, past their first heartbeat too (the player's
    # wait): the steady state, not the start-up crowd that comes back all at once.
    await asyncio.sleep(3 if len(polls) <= 1000 else SYNC_WAIT_MAX_S + 1)
    curator_ids = [c for c, _t in world["curators"]]
    mine = {
        c: [
            lid
            for n, (lid, _t) in enumerate(world["listeners"])
            if curator_ids[n % len(curator_ids)] == c
        ]
        for c in curator_ids
    }
    await asyncio.gather(*(send(c, mine[c[0]]) for c in world["curators"]))
    deadline = time.monotonic() + 10
    while len(received.keys() & sent.keys()) < len(sent) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    stop.set()
    for task in polls:
        task.cancel()
    await asyncio.gather(*polls, return_exceptions=True)
    latencies = [(received[b] - t) * 1000 for b, t in sent.items() if b in received]
    if os.environ.get("RVIBE_BENCH_TRACE"):
        t0 = min(sent.values())
        with open(os.environ["RVIBE_BENCH_TRACE"], "w") as trace:
            for b, t in sorted(sent.items(), key=lambda i: i[1]):
                trace.write(f"{t - t0:.2f} {(received.get(b, t + 999) - t) * 1000:.0f}\n")
    return {
        "sent": len(sent),
        "lost": len(sent) - len(latencies),
        "errors": errors,
        "latencies_ms": latencies,
    }


async def throughput(
    url: str, path: str, token: str | None, seconds: float, conc: int
) -> tuple[float, list[float]]:
    """Requests per second (and latencies) of ``conc`` keep-alive request loops."""
    lat: list[float] = []
    end = time.monotonic() + seconds

    async def loop() -> None:
        http = Http(url, token)
        while time.monotonic() < end:
            t = time.monotonic()
            status, _body = await http.request("GET", path)
            assert status == 200, status
            lat.append((time.monotonic() - t) * 1000)
        await http.close()

    started = time.monotonic()
    await asyncio.gather(*(loop() for _ in range(conc)))
    return len(lat) / (time.monotonic() - started), lat


def timed_gets(url: str, path: str, token: str, repeat: int, check: str) -> list[float]:
    with httpx.Client(base_url=url, timeout=30, headers={"Authorization": f"Bearer {token}"}) as c:
        c.get(path).raise_for_status()  # warm
        out = []
        for _ in range(repeat):
            t = time.perf_counter()
            r = c.get(path)
            out.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200 and check in r.text, r.text[:200]
    return out


def bare_inbox_ms(db: Database, desk: int, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        with db.read() as s:
            t = time.perf_counter()
            page = staff.inbox(s, desk, 50, 0)
            out.append((time.perf_counter() - t) * 1000)
    assert page["total"] > 0
    return out


# --------------------------------------------------------------------------- report


def line(name: str, ours: float, anchor: float | None, unit: str, target: str = "") -> None:
    ratio = f"{ours / anchor:6.2f}x" if anchor else "       "
    anchor_s = f"{anchor:9.1f}" if anchor is not None else " " * 9
    print(f"  {name:<40} {ours:9.1f} {anchor_s} {ratio}  {unit:<6} {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("RVIBE_TEST_DATABASE_URL", DEFAULT_PG)
    )
    parser.add_argument("--listeners", type=int, default=1000)
    parser.add_argument("--curators", type=int, default=20)
    parser.add_argument("--inbox-listeners", type=int, default=10_000)
    parser.add_argument("--catchup-entries", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=30, help="how long curators send")
    parser.add_argument("--rate", type=float, default=40, help="messages per second, all curators")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--anchor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anchor:
        serve_anchor(args.workers)
        return 0
    with scratch_database(args.database_url) as url:
        return run(url, args)


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of ``server_url``; dropped after."""
    import psycopg

    base = make_url(server_url)
    name = f"rvibe_bench_{secrets.token_hex(4)}"
    admin_dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(url: str, args: argparse.Namespace) -> int:
    fd_limit = raise_open_file_limit()
    if fd_limit and fd_limit < args.listeners + 256:
        print(f"the open-file limit ({fd_limit}) is too low for {args.listeners} connections")
        return 2
    db = Database(url, pool_size=2)
    db.migrate()
    world = build(db, args)
    load = os.getloadavg()
    store_cmd = [
        sys.executable,
        "-m",
        "rvibe_player.store_server.cli",
        "--database-url",
        url,
        "serve",
        "--port",
        "0",
        "--workers",
        str(args.workers),
        "--no-migrate",
    ]
    anchor_cmd = [sys.executable, str(Path(__file__)), "--anchor", "--workers", str(args.workers)]
    env = {"PYTHONPATH": f"{REPO / 'bench'}{os.pathsep}{REPO}"}
    with server(store_cmd, env) as store_url, server(anchor_cmd, env) as anchor_url:
        result = asyncio.run(delivery(store_url, world, args.seconds, args.rate))
        reader = world["reader"][1]
        catchup = timed_gets(
            store_url,
            f"/v1/sync?after=0&limit={args.catchup_entries}",
            reader,
            20,
            f"history {args.catchup_entries - 1}",
        )
        inbox = timed_gets(store_url, "/v1/staff/inbox?limit=50", world["desk"][1], 20, '"total"')
        single = timed_gets(anchor_url, "/ping", reader, 20, "ok")
        conc = 64
        a_rps, a_lat = asyncio.run(throughput(anchor_url, "/ping", None, 5, conc))
        latest = f"/v1/sync?after={args.catchup_entries}"
        s_rps, s_lat = asyncio.run(throughput(store_url, latest, reader, 5, conc))
    bare = bare_inbox_ms(db, world["desk"][0], 20)
    db.dispose()
    lat = result["latencies_ms"]
    print(
        f"\nconditions: {os.cpu_count()} cores, load average before the run {load[0]:.2f}, "
        f"{args.workers} workers, PostgreSQL, {args.listeners} long-polling listeners, "
        f"{args.curators} curators sending {args.rate:g}/s for {args.seconds:g} s"
    )
    print(f"  {'figure':<40} {'ours':>9} {'anchor':>9} {'ratio':>7}  unit   target")
    anchor_p50 = statistics.median(a_lat)
    line("delivery p50 (send -> long-poll)", pct(lat, 0.5), anchor_p50, "ms")
    line("delivery p95", pct(lat, 0.95), pct(a_lat, 0.95), "ms", "< 500 ms")
    line("delivery p99", pct(lat, 0.99), pct(a_lat, 0.99), "ms")
    line(
        f"catch-up {args.catchup_entries} entries p50",
        statistics.median(catchup),
        statistics.median(single),
        "ms",
        "< 100 ms",
    )
    line("catch-up p95", pct(catchup, 0.95), pct(single, 0.95), "ms")
    line(
        f"inbox at {args.inbox_listeners} listeners p50 (HTTP)",
        statistics.median(inbox),
        statistics.median(single),
        "ms",
        "< 100 ms",
    )
    line("inbox query alone p50", statistics.median(bare), None, "ms")
    line(f"requests/s, {conc} concurrent (/v1/sync)", s_rps, a_rps, "req/s")
    line("  their p50 latency", statistics.median(s_lat), anchor_p50, "ms")
    print(
        f"  messages sent {result['sent']}, lost {result['lost']}, errors {len(result['errors'])}"
        + (f" (first: {result['errors'][0]})" if result["errors"] else "")
    )
    print(
        "  anchor: a trivial FastAPI endpoint served the same way (uvicorn, same workers) and "
        "driven by the same client; catch-up and inbox stand beside its sequential round trip"
    )
    ok = (
        pct(lat, 0.95) < 500
        and statistics.median(catchup) < 100
        and statistics.median(inbox) < 100
        and result["lost"] == 0
        and not result["errors"]
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
