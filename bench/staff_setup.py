"""Set-up for ``bench/staff.py``: the seeded demo store (cached), the store process, the
bare database, and the curator's desk in a window (offscreen Qt).

Seeding 10,000 crowd listeners through the store's services takes minutes, so a seeded
store is kept between runs: a SQLite file under ``~/.cache/rvibe-bench/`` and, on
PostgreSQL, a template database (``rvibe_bench_staff_tpl_...``) each run copies with
``CREATE DATABASE ... TEMPLATE``. Both are keyed by the listener count, the Alembic head
and a hash of the seeding code, so a changed schema or crowd is seeded afresh.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import httpx
from keyring.backends import fail
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sqlalchemy.engine import make_url

from rvibe_player.app.events import DeskChanged, DeskOpened, DeskStatusChanged, EventHub
from rvibe_player.app.session import PlayerSession
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.desk import CuratorDesk
from rvibe_player.store_client.desk_store import DeskStore
from rvibe_player.store_server import demo
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.security import Passwords
from rvibe_player.ui.shell.dispatcher import QtDispatcher
from rvibe_player.ui.staff.desk_bridge import DeskBridge
from rvibe_player.ui.staff.desk_page import DeskPage

REPO = Path(__file__).resolve().parents[1]
CHEAP_HASH = {"RVIBE_STORE_ARGON2_TIME_COST": "1", "RVIBE_STORE_ARGON2_MEMORY_KIB": "1024"}
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rvibe-bench"


def seed_key(listeners: int) -> str:
    """The listener count, the schema's head and the seeding code, in a short name."""
    from alembic.script import ScriptDirectory

    from rvibe_player.store_server.migrations import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head() or "none"
    code = hashlib.sha256()
    for module in ("demo.py", "demo_crowd.py"):
        code.update((REPO / "rvibe_player" / "store_server" / module).read_bytes())
    return f"{listeners}_{head}_{code.hexdigest()[:10]}".lower().replace("-", "_")


def _seed(url: str, listeners: int) -> float:
    """Migrate and seed the demo store with ``listeners`` for the demo curator; seconds."""
    started = time.perf_counter()
    db = Database(url, pool_size=2)
    try:
        db.migrate()
        demo.seed(db, Passwords(1, 1024), crowd=max(0, listeners - len(demo._LISTENERS)))
    finally:
        db.dispose()
    return time.perf_counter() - started


def sqlite_store(listeners: int, work: Path) -> tuple[str, str]:
    """A copy of the cached seeded SQLite store in ``work``: (URL, how it was made)."""
    cached = CACHE / f"staff-{seed_key(listeners)}.sqlite3"
    how = f"cached seed {cached}"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        took = _seed(f"sqlite:///{partial}", listeners)
        import sqlite3

        with sqlite3.connect(partial) as conn:  # fold the WAL in: one file to copy
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.rename(cached)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        how = f"seeded in {took:.0f} s, cached as {cached}"
    target = work / "store.sqlite3"
    shutil.copyfile(cached, target)
    return f"sqlite:///{target}", how


def _admin(base: str) -> str:
    return make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def postgres_store(base: str, listeners: int) -> Iterator[tuple[str, str]]:
    """A fresh database copied from the seeded template (made on first use), dropped after."""
    import psycopg

    template = f"rvibe_bench_staff_tpl_{seed_key(listeners)}"
    name = f"rvibe_bench_staff_{secrets.token_hex(4)}"

    def url_of(database: str) -> str:
        return make_url(base).set(database=database).render_as_string(hide_password=False)

    how = f"cached template {template}"
    with psycopg.connect(_admin(base), autocommit=True) as conn:
        known = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (template,)).fetchone()
    if known is None:
        partial = f"{template[:50]}_partial"
        with psycopg.connect(_admin(base), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{partial}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{partial}"')
        took = _seed(url_of(partial), listeners)
        with psycopg.connect(_admin(base), autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{partial}" RENAME TO "{template}"')
        how = f"seeded in {took:.0f} s, kept as template {template}"
    with psycopg.connect(_admin(base), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        with psycopg.connect(_admin(url_of(name)), autocommit=True) as conn:
            conn.execute("ANALYZE")  # fresh planner statistics for the copy
        yield url_of(name), how
    finally:
        with psycopg.connect(_admin(base), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def store_server(url: str, workers: int, log: Path) -> Iterator[str]:
    """``rvibe-store serve --port 0`` (a real process) on ``url``; yields its base URL.
    Its log goes to ``log`` (at the end it cancels long-polls left waiting, with a trace)."""
    command = [sys.executable, "-m", "rvibe_player.store_server.cli", "--database-url", url,
               "serve", "--port", "0", "--workers", str(workers), "--no-migrate"]  # fmt: skip
    env = os.environ | CHEAP_HASH | {"PYTHONPATH": str(REPO)}
    errors = log.open("w")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("RVIBE_STORE_URL="):
            raise RuntimeError(f"the store did not start: {line!r} {log.read_text()[-2000:]}")
        address = line.strip().split("=", 1)[1]
        threading.Thread(target=process.stdout.read, daemon=True).start()  # keep draining
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{address}/v1/health").is_success:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the store does not answer")
            time.sleep(0.1)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        errors.close()


class Bare:
    """The database straight from the bench process (the anchors, and counting rows)."""

    def __init__(self, url: str) -> None:
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            import sqlite3

            self.conn: Any = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        else:
            import psycopg

            self.conn = psycopg.connect(_admin(url), autocommit=True)

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (``?`` placeholders on both backends)."""
        if not self.sqlite:
            sql = sql.replace("?", "%s")
        return list(self.conn.execute(sql, params).fetchall())

    def one(self, sql: str, *params: Any) -> Any:
        return self.rows(sql, *params)[0][0]

    def moment(self, when: datetime) -> Any:
        """A timestamp as the store keeps it (naive UTC; text on SQLite)."""
        naive = when.astimezone(UTC).replace(tzinfo=None)
        return naive.isoformat(sep=" ") if self.sqlite else naive

    def insert_rolled_back(self, sql: str, rows: list[tuple[Any, ...]]) -> float:
        """``executemany`` of ``rows`` in one transaction, rolled back; milliseconds."""
        started = time.perf_counter()
        if self.sqlite:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(sql, rows)
        else:
            with self.conn.transaction(force_rollback=True), self.conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)
                return (time.perf_counter() - started) * 1000
        took = (time.perf_counter() - started) * 1000
        self.conn.execute("ROLLBACK")
        return took

    def close(self) -> None:
        self.conn.close()


# --------------------------------------------------------------------------- the desk


def spin(until: Callable[[], object], timeout: float, what: str) -> None:
    """Run the Qt event loop (the desk's answers arrive through it) until ``until()``."""
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout:g} s: {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


class Probe:
    """The desk's ``on_change`` (any thread): the first inbox, the change that shows the
    stream caught up to ``latest`` (its cursor there, the inbox read), awaited messages."""

    def __init__(self) -> None:
        self.desk: CuratorDesk | None = None
        self.first_inbox: float | None = None
        self.latest = 0
        self.caught_up: float | None = None
        self.awaited: dict[str, tuple[int, float]] = {}
        self.latencies_ms: list[float] = []
        self.lock = threading.Lock()

    def __call__(self, areas: frozenset[ChangeArea]) -> None:
        now = time.perf_counter()
        if self.desk is None:
            return
        if self.first_inbox is None and ChangeArea.INBOX in areas and self.desk.inbox():
            self.first_inbox = now
        if self.caught_up is None and self.latest and cursor(self.desk) >= self.latest:
            self.caught_up = now
        with self.lock:
            awaited = list(self.awaited.items())
        for body, (listener, started) in awaited:
            if any(m.body == body for m in self.desk.conversation(listener)[-5:]):
                with self.lock:
                    if self.awaited.pop(body, None) is not None:
                        self.latencies_ms.append((now - started) * 1000)


def open_desk(address: str, work: Path, probe: Probe) -> tuple[CuratorDesk, DeskPage, QWidget]:
    """The desk and its page in a window, wired as ``PlayerSession._open_desk`` wires them
    (the session token is kept in memory: the bench never touches a keyring)."""
    hub = EventHub(QtDispatcher().post)

    def changed(areas: frozenset[ChangeArea]) -> None:
        probe(areas)
        hub.publish(DeskChanged(areas))

    desk = CuratorDesk(
        address, store_key="bench-staff", data_dir=work / "desk", on_change=changed,
        credentials=Credentials(fail.Keyring()),  # type: ignore[no-untyped-call]
        on_status=lambda status: hub.publish(DeskStatusChanged(status)),
    )  # fmt: skip
    probe.desk = desk
    session = SimpleNamespace(events=hub, desk=desk)
    window = QWidget()
    page = DeskPage(DeskBridge(cast(PlayerSession, session), window), window)
    QVBoxLayout(window).addWidget(page)
    window.resize(1280, 800)
    window.show()
    hub.publish(DeskOpened())
    return desk, page, window


def cursor(desk: CuratorDesk) -> int:
    with desk._lock:
        cache = desk._cache
        return DeskStore(cache.db).cursor() if cache is not None else 0


def on_gui(page: DeskPage, call: Callable[..., Any], *args: Any, shown: Callable[[Any], None],
           what: str) -> float:  # fmt: skip
    """``call`` on the desk's worker (as the desk page makes it); ``shown(answer)`` on the
    GUI thread; milliseconds from the call to ``shown`` returning."""
    done: list[float] = []

    def then(answer: Any, error: BaseException | None) -> None:
        if error is not None:
            raise SystemExit(f"{what}: {error}")
        shown(answer)
        done.append(time.perf_counter())

    started = time.perf_counter()
    page.bridge.run(call, *args, then=then)
    spin(lambda: done, 30, what)
    return (done[0] - started) * 1000


if __name__ == "__main__":  # seed the caches ahead of a run: staff_setup.py N [postgres]
    import tempfile

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    if "postgres" in sys.argv[2:]:
        with postgres_store(os.environ.get("RVIBE_TEST_DATABASE_URL", DEFAULT_PG), count) as made:
            print(made[1])
    else:
        with tempfile.TemporaryDirectory() as folder:
            print(sqlite_store(count, Path(folder))[1])
