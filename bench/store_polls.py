"""Store long-poll flood: 2,000 polls over 20 accounts plus one account trying 2,000 alone.

The store runs as the player runs it (``rvibe-store serve``, one process, SQLite in a
temporary folder; ``--database-url`` for PostgreSQL) with its stderr and log file kept.
Every poll is its own connection (``Connection: close``), all opened at once by a separate
process, asking ``/v1/sync`` to wait ``--wait`` seconds. Meanwhile this process checks
``/v1/health`` two ways until the last poll is answered: one check after another (10 ms
apart), and on a fixed schedule every 50 ms as a load balancer probes (latency counted from
the scheduled moment, so a stall counts in every probe it delays).

Reported: health-check latency under the flood (p50/p95/max, both ways) beside the anchor,
the same checks made the same way on the same store in this run before the flood (no load);
when checks were slow; what the polls were answered (200 after waiting, 429 refused at once,
anything else); how many lines the store wrote to stderr and to its log meanwhile; and the
store's CPU time.

Targets (issue 11): health p95 < 100 ms during the flood; fewer than 100 log lines; no 5xx
and no failed connection.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import queue
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from store_load import add_accounts, add_relationships, line, pct, scratch_database  # noqa: E402

from rvibe_player.core.store_protocol import Role  # noqa: E402
from rvibe_player.store_server.database import Database  # noqa: E402
from rvibe_player.store_server.security import Passwords  # noqa: E402

STORE = [sys.executable, "-m", "rvibe_player.store_server.cli"]
CHEAP_HASH = {"RVIBE_STORE_ARGON2_TIME_COST": "1", "RVIBE_STORE_ARGON2_MEMORY_KIB": "1024"}


def accounts(url: str, spread_accounts: int) -> tuple[list[str], str]:
    """Listeners with a live session each (tokens for the spread, one for the lone account)."""
    db = Database(url, pool_size=2)
    try:
        db.migrate()
        pw = Passwords(1, 1024).hash("bench-password")
        [curator] = add_accounts(db, Role.CURATOR, ["flood-curator"], pw)
        names = [f"flood-{i}" for i in range(spread_accounts + 1)]
        listeners = add_accounts(db, Role.LISTENER, names, pw)
        add_relationships(db, [i for i, _ in listeners], [curator[0]], busy=False)
    finally:
        db.dispose()
    tokens = [token for _id, token in listeners]
    return tokens[:-1], tokens[-1]


def start_store(url: str, folder: Path) -> tuple[subprocess.Popen[str], str]:
    """``rvibe-store serve`` on a free port, stderr into ``folder/stderr.log``; its URL."""
    env = os.environ | CHEAP_HASH | {"RVIBE_LOG_DIR": str(folder / "log")}
    with (folder / "stderr.log").open("w") as stderr:
        process = subprocess.Popen(
            [*STORE, "--database-url", url, "serve", "--port", "0", "--no-migrate"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
        )
    assert process.stdout is not None
    for text in process.stdout:
        if text.startswith("RVIBE_STORE_URL="):
            return process, text.strip().split("=", 1)[1]
    raise RuntimeError("the store did not start")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def log_lines(folder: Path) -> int:
    """Lines the store wrote to stderr and to its log file so far."""
    files = [folder / "stderr.log", *sorted((folder / "log").glob("rvibe-store.log*"))]
    return sum(len(f.read_text(errors="replace").splitlines()) for f in files if f.exists())


# --------------------------------------------------------------------------- the flood


async def one_poll(host: str, port: int, token: str, wait: float) -> int | str:
    """One long-poll on its own connection: the status, or why there was none."""
    request = (
        f"GET /v1/sync?after=0&wait={wait:g} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    ).encode()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(request)
        answer = await asyncio.wait_for(reader.read(), timeout=wait + 60)
        writer.close()
        return int(answer.split(b" ", 2)[1]) if answer else "no answer"
    except (OSError, TimeoutError, IndexError, ValueError) as exc:
        return type(exc).__name__


async def flood_async(url: str, spread: list[str], lone: str, polls: int, wait: float) -> Any:
    host, _, port = url.removeprefix("http://").partition(":")
    plan = [("spread", spread[n % len(spread)]) for n in range(polls)]
    plan += [("lone", lone)] * polls
    started = time.perf_counter()
    results = await asyncio.gather(*(one_poll(host, int(port), t, wait) for _k, t in plan))
    took = time.perf_counter() - started
    counts = {kind: Counter[int | str]() for kind in ("spread", "lone")}
    for (kind, _token), result in zip(plan, results, strict=True):
        counts[kind][result] += 1
    return {kind: dict(c) for kind, c in counts.items()}, took


def flood(url: str, spread: list[str], lone: str, polls: int, wait: float, out: Any) -> None:
    """The flood, in its own process so its work never delays the health checks.

    It runs at the lowest CPU priority: its 4,000 clients would be on other machines, not
    competing with the store and the prober for this machine's two cores.
    """
    os.nice(19)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4 * polls + 256)), hard))
    out.put(asyncio.run(flood_async(url, spread, lone, polls, wait)))


def health_checks(client: httpx.Client, until: Any, at_least: int = 0) -> list[float]:
    """Latencies (ms) of health checks one after the other, 10 ms apart, until ``until()``."""
    latencies: list[float] = []
    while len(latencies) < at_least or not until():
        started = time.perf_counter()
        answer = client.get("/v1/health")
        latencies.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"health answered {answer.status_code}: {answer.text}")
        time.sleep(0.01)
    return latencies


class Prober:
    """Health checks on a fixed schedule (every ``every_s``), whether or not the last one
    answered, as a load balancer probes: each latency counts from the scheduled moment, so
    a stall shows in every probe it delays and not just in one."""

    def __init__(self, url: str, every_s: float = 0.05, lanes: int = 16) -> None:
        self.every_s = every_s
        self.due: queue.SimpleQueue[float | None] = queue.SimpleQueue()
        self.latencies: list[float] = []
        self.slow: list[float] = []
        """When (s after the start) probes that took 100 ms or more were due."""
        self.started = time.perf_counter()
        self.clients = [httpx.Client(base_url=url, timeout=60, verify=False) for _ in range(lanes)]
        for client in self.clients:  # connected and warm before the first scheduled probe
            client.get("/v1/health")
        self.lanes = [threading.Thread(target=self._lane, args=(c,)) for c in self.clients]
        self.stop = threading.Event()
        self.scheduler = threading.Thread(target=self._schedule)

    def _lane(self, client: httpx.Client) -> None:
        while (due := self.due.get()) is not None:
            answer = client.get("/v1/health")
            self.latencies.append((time.perf_counter() - due) * 1000)
            if self.latencies[-1] >= 100:
                self.slow.append(due - self.started)
            if answer.status_code != 200:
                raise RuntimeError(f"health answered {answer.status_code}")

    def _schedule(self) -> None:
        due = time.perf_counter()
        while not self.stop.is_set():
            self.due.put(due)
            due += self.every_s
            time.sleep(max(0.0, due - time.perf_counter()))

    def __enter__(self) -> Prober:
        self.started = time.perf_counter()
        for thread in [*self.lanes, self.scheduler]:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.scheduler.join()
        for _lane in self.lanes:
            self.due.put(None)
        for thread in self.lanes:
            thread.join()
        for client in self.clients:
            client.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--polls", type=int, default=2000, help="polls spread, and polls alone")
    parser.add_argument("--accounts", type=int, default=20, help="accounts the spread uses")
    parser.add_argument("--wait", type=float, default=10, help="long-poll wait, seconds")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server to make a scratch database on (default: SQLite in a "
        "temporary folder)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rvibe-polls-") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'store.sqlite3'}"
        if args.database_url:
            url = stack.enter_context(scratch_database(args.database_url))
        spread, lone = accounts(url, args.accounts)
        process, store_url = start_store(url, folder)
        try:
            with httpx.Client(base_url=store_url, timeout=30) as client:
                health_checks(client, lambda: True, at_least=20)  # warm up
                anchor = health_checks(client, lambda: True, at_least=300)
                with Prober(store_url) as quiet:
                    time.sleep(15)
                lines_before = log_lines(folder)
                cpu_before = cpu_seconds(process.pid)
                out: Any = multiprocessing.get_context("spawn").Queue()
                child = multiprocessing.get_context("spawn").Process(
                    target=flood, args=(store_url, spread, lone, args.polls, args.wait, out)
                )
                with Prober(store_url) as scheduled:
                    child.start()
                    loaded = health_checks(client, lambda: not child.is_alive() or not out.empty())
                counts, took = out.get(timeout=120)
                child.join(30)
                server_cpu = cpu_seconds(process.pid) - cpu_before
            written = log_lines(folder) - lines_before
        finally:
            process.terminate()
            process.wait(20)
    return report(args, took, loaded, anchor, scheduled, quiet, counts, written, server_cpu)


def report(
    args: argparse.Namespace,
    took: float,
    loaded: list[float],
    anchor: list[float],
    scheduled: Prober,
    quiet: Prober,
    counts: dict[str, dict[int | str, int]],
    written: int,
    server_cpu: float,
) -> int:
    """Print the figures beside their anchors; 0 when every target is met."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    print(
        f"\nconditions: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}, one store process, open-file "
        f"limit here {soft}/{hard}; {args.polls} polls over {args.accounts} accounts plus "
        f"{args.polls} from one account, wait={args.wait:g} s, answered in {took:.1f} s"
    )
    print(f"  {'figure':<40} {'ours':>9} {'anchor':>9} {'ratio':>7}  unit   target")
    median = statistics.median
    line("health, one after another: p50", median(loaded), median(anchor), "ms")
    line("  p95", pct(loaded, 0.95), pct(anchor, 0.95), "ms", "< 100 ms")
    line("  max", max(loaded), max(anchor), "ms")
    timed, calm = scheduled.latencies, quiet.latencies
    line("health, every 50 ms on schedule: p50", median(timed), median(calm), "ms")
    line("  p95", pct(timed, 0.95), pct(calm, 0.95), "ms", "< 100 ms")
    line("  max", max(timed), max(calm), "ms")
    window = (
        f"due {min(scheduled.slow):.1f} to {max(scheduled.slow):.1f} s into the flood"
        if scheduled.slow
        else "none"
    )
    print(
        f"  scheduled checks that took 100 ms or more: {len(scheduled.slow)} of {len(timed)} "
        f"({window}); checks one after another: {len(loaded)} (anchor {len(anchor)})"
    )
    for kind in ("spread", "lone"):
        print(f"  polls {kind:<6}: {dict(sorted(counts[kind].items(), key=str))}")
    print(f"  log lines written during the flood: {written} (target < 100)")
    print(f"  the store's CPU time during the flood: {server_cpu:.1f} s")
    print("  anchor: the same checks, made the same way, on the same store before the flood")
    failures = sum(
        n for c in counts.values() for status, n in c.items() if status not in (200, 429)
    )
    targets = {
        "health p95 one after another < 100 ms": pct(loaded, 0.95) < 100,
        "health p95 on schedule < 100 ms": pct(timed, 0.95) < 100,
        "fewer than 100 log lines": written < 100,
        "no 5xx, no failed connection": failures == 0,
    }
    for name, met in targets.items():
        print(f"  {'met   ' if met else 'MISSED'} {name}")
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
