"""Store client benchmark: delivery to the panel's model, and cold start of a big relationship.

The store runs as the player runs it (``EmbeddedStore``: ``rvibe-store serve`` on a free
127.0.0.1 port, SQLite, demo data) in a temporary folder; the client is the real
``Relationship`` façade with its long-poll thread.

1. Delivery: the demo curator sends ``--messages`` messages through the staff API (a kept-alive
   HTTP client, a short random pause between them). Latency is the send's start -> the
   client's ``on_change`` callback, on the sync thread, finding the message in
   ``Relationship.state()`` (the panel's model, read from the cache). p50/p95.
   Anchor: a bare ``GET /v1/health`` round trip to the same server from the same kind of client.
2. Cold start: a relationship cache of ``--entries`` entries (messages, notes, picks cloned
   from the store's real entries), then ``Relationship(...)`` + ``state()`` in a fresh object
   (in-process, best of 5), and a whole new process (interpreter, imports, open, read: p50 of
   5). Anchors: one ``SELECT`` of the same rows with ``sqlite3`` in-process, and a bare Python
   process doing that ``SELECT``.

Targets (issue 6): delivery p95 < 500 ms; cold start to a readable panel < 300 ms.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from keyring.backends import fail  # noqa: E402

from rvibe_player.app.relationship_setup import open_embedded  # noqa: E402
from rvibe_player.store_client.cache import RelationshipCache  # noqa: E402
from rvibe_player.store_client.credentials import Credentials  # noqa: E402
from rvibe_player.store_client.embedded import STORE_KEY, EmbeddedStore  # noqa: E402
from rvibe_player.store_client.relationship import Relationship  # noqa: E402

CHEAP_HASH = {"RVIBE_STORE_ARGON2_TIME_COST": "1", "RVIBE_STORE_ARGON2_MEMORY_KIB": "1024"}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def line(name: str, ours: float, anchor: float | None, unit: str, target: str = "") -> None:
    ratio = f"{ours / anchor:6.2f}x" if anchor else "       "
    anchor_s = f"{anchor:9.1f}" if anchor is not None else " " * 9
    print(f"  {name:<44} {ours:9.1f} {anchor_s} {ratio}  {unit:<4} {target}")


# --------------------------------------------------------------------------- delivery


class Arrivals:
    """``on_change``: when a message with an awaited body shows in the panel's state."""

    def __init__(self) -> None:
        self.relationship: Relationship | None = None
        self.awaited: dict[str, float] = {}
        self.latencies_ms: list[float] = []
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)

    def __call__(self, areas: frozenset[str]) -> None:
        if "messages" not in areas or self.relationship is None:
            return
        bodies = {m.body for m in self.relationship.state().messages[-5:]}
        now = time.perf_counter()
        with self.arrived:
            for body in [b for b in self.awaited if b in bodies]:
                self.latencies_ms.append((now - self.awaited.pop(body)) * 1000)
            self.arrived.notify_all()


def curator_client(url: str) -> tuple[httpx.Client, int]:
    http = httpx.Client(base_url=url, timeout=30)
    token = http.post("/v1/auth/login", json={"username": "curator", "password": "curate-demo"})
    http.headers["Authorization"] = f"Bearer {token.json()['token']}"
    inbox = http.get("/v1/staff/inbox").json()["items"]
    demo = next(i for i in inbox if i["listener"]["username"] == "demo")
    return http, int(demo["listener"]["id"])


def delivery(url: str, arrivals: Arrivals, count: int) -> tuple[list[float], list[float]]:
    """Latencies send -> panel model, and of the curator's send alone (ms)."""
    http, listener_id = curator_client(url)
    sends = []
    rng = random.Random(5)
    path = f"/v1/staff/listeners/{listener_id}/messages"
    for n in range(count):
        time.sleep(rng.uniform(0.02, 0.08))
        body = f"bench message {n} {uuid.uuid4().hex[:8]}"
        with arrivals.lock:
            arrivals.awaited[body] = time.perf_counter()
        started = time.perf_counter()
        answer = http.post(path, json={"client_id": uuid.uuid4().hex, "body": body})
        sends.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 201, answer.text
        with arrivals.arrived:
            if not arrivals.arrived.wait_for(lambda b=body: b not in arrivals.awaited, 10):
                raise SystemExit(f"message {n} did not arrive within 10 s")
    http.close()
    return arrivals.latencies_ms, sends


def round_trips(url: str, count: int) -> list[float]:
    with httpx.Client(base_url=url, timeout=30) as http:
        http.get("/v1/health")
        out = []
        for _ in range(count):
            started = time.perf_counter()
            assert http.get("/v1/health").status_code == 200
            out.append((time.perf_counter() - started) * 1000)
    return out


# --------------------------------------------------------------------------- cold start


def fill_cache(path: Path, templates: dict[str, dict[str, Any]], entries: int) -> None:
    """``entries`` log entries cloned from real ones: 80% messages, 12% notes, 8% picks."""
    shares = (("message", 0.80), ("note", 0.12), ("pick", 0.08))
    rows = []
    seq = 0
    for kind_type, share in shares:
        template = templates[kind_type]
        for n in range(int(entries * share)):
            seq += 1
            data = {kind_type: dict(template["data"][kind_type])}
            inner = data[kind_type]
            inner["id"] = 100_000 + seq
            if kind_type == "message":
                inner["seq"] = seq
                inner["body"] = f"message {n}: " + "a few words of a conversation " * 3
            elif kind_type == "note":
                inner["body"] = f"note {n}: " + "something worth remembering " * 4
            rows.append(
                template | {"seq": seq, "object": f"{kind_type}:{inner['id']}", "data": data}
            )
    cache = RelationshipCache(path)
    cache.log.apply_page(rows, next_after=seq, epoch=1, my_id=-1, replace=True)
    cache.close()


def cold_in_process(url: str, data_dir: Path, credentials: Credentials) -> tuple[float, int]:
    started = time.perf_counter()
    relationship = Relationship(
        url, store_key=STORE_KEY, data_dir=data_dir, credentials=credentials
    )
    state = relationship.state()
    elapsed = (time.perf_counter() - started) * 1000
    relationship.close()
    return elapsed, len(state.messages) + len(state.notes) + len(state.picks)


_COLD_PROCESS = textwrap.dedent(
    """
    import sys, time
    started = time.perf_counter()
    from rvibe_player.store_client.relationship import Relationship
    from pathlib import Path
    relationship = Relationship(sys.argv[1], store_key="embedded", data_dir=Path(sys.argv[2]))
    state = relationship.state()
    shown = len(state.messages) + len(state.notes) + len(state.picks)
    print((time.perf_counter() - started) * 1000, shown)
    """
)
_BARE_PROCESS = textwrap.dedent(
    """
    import json, sqlite3, sys, time
    started = time.perf_counter()
    rows = sqlite3.connect(sys.argv[1]).execute("SELECT data FROM objects").fetchall()
    parsed = [json.loads(r[0]) for r in rows]
    print((time.perf_counter() - started) * 1000, len(parsed))
    """
)


def in_new_process(code: str, *args: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"PYTHONPATH": str(REPO)},
    )
    return float(done.stdout.split()[0])


def bare_select(path: Path) -> float:
    import json
    import sqlite3

    started = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT data FROM objects").fetchall()
    _ = [json.loads(r[0]) for r in rows]
    conn.close()
    return (time.perf_counter() - started) * 1000


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rvibe-bench-sync-"))
    for var, sub in (("RVIBE_DATA_DIR", "data"), ("RVIBE_CONFIG_DIR", "config"),
                     ("RVIBE_CACHE_DIR", "cache"), ("RVIBE_LOG_DIR", "log")):  # fmt: skip
        os.environ[var] = str(work / sub)
    credentials = Credentials(fail.Keyring())  # in memory: the bench never touches a keyring
    logging.getLogger("rvibe_player").setLevel(logging.ERROR)  # (which it would warn about)
    load = os.getloadavg()
    store = EmbeddedStore(work / "data", env=CHEAP_HASH)
    arrivals = Arrivals()
    try:
        relationship = open_embedded(
            store,
            credentials=credentials,
            on_change=arrivals,
            data_dir=work / "data" / "relationship",
        )
        arrivals.relationship = relationship
        url = store.url
        assert url is not None
        deadline = time.monotonic() + 30
        while relationship.status.connection.value != "online":
            assert time.monotonic() < deadline, relationship.status
            time.sleep(0.05)
        latencies, sends = delivery(url, arrivals, args.messages)
        anchor = round_trips(url, args.messages)
        templates = {}
        cache = RelationshipCache(relationship._cache.path)  # type: ignore[union-attr]
        for kind_type in ("message", "note", "pick"):
            stored = cache.log.objects(kind_type)[0]
            templates[kind_type] = {
                "kind": stored.kind, "at": stored.at, "actor_id": stored.actor_id,
                "client_id": None, "data": stored.data,
            }  # fmt: skip
        cache.close()
        relationship.close()
        fill_cache(
            relationship._cache_path(int(relationship.account["id"])), templates, args.entries
        )  # type: ignore[index]
        cache_file = relationship._cache_path(int(relationship.account["id"]))  # type: ignore[index]
        in_proc = [
            cold_in_process(url, work / "data" / "relationship", credentials) for _ in range(5)
        ]
        shown = in_proc[0][1]
        bare = [bare_select(cache_file) for _ in range(5)]
        new_proc = [
            in_new_process(_COLD_PROCESS, url, str(work / "data" / "relationship"))
            for _ in range(5)
        ]
        bare_proc = [in_new_process(_BARE_PROCESS, str(cache_file)) for _ in range(5)]
    finally:
        store.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(
        f"\nconditions: {os.cpu_count()} cores, load average before the run {load[0]:.2f}; "
        f"embedded store (SQLite) on 127.0.0.1; {args.messages} messages; "
        f"cold start with {shown} cached entries"
    )
    print(f"  {'figure':<44} {'ours':>9} {'anchor':>9} {'ratio':>7}  unit target")
    line("delivery p50 (curator send -> panel model)", pct(latencies, 0.5), pct(anchor, 0.5), "ms")
    line("delivery p95", pct(latencies, 0.95), pct(anchor, 0.95), "ms", "< 500 ms")
    line("delivery max", max(latencies), max(anchor), "ms")
    line("  the curator's send alone, p50", pct(sends, 0.5), pct(anchor, 0.5), "ms")
    best = min(t for t, _ in in_proc)
    line(f"cold start: open + state(), {shown} entries", best, min(bare), "ms", "< 300 ms")
    line(
        "cold start in a new process (+ imports), p50",
        statistics.median(new_proc),
        statistics.median(bare_proc),
        "ms",
    )
    print(
        "  anchors: delivery beside a bare GET /v1/health round trip to the same server; cold "
        "start beside one SELECT of the same rows (+ JSON decode), in-process and in a bare "
        "Python process"
    )
    ok = pct(latencies, 0.95) < 500 and best < 300
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
