"""The store as a separate process, so a test can kill it mid-request and start it again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_client.model import Connection
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.security import Passwords
from rvibe_player.store_server.services.accounts import create_account
from rvibe_player.store_server.services.admin import assign
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD

CHEAP = {"RVIBE_STORE_ARGON2_TIME_COST": "1", "RVIBE_STORE_ARGON2_MEMORY_KIB": "1024"}


def prepare_store(path: Path) -> tuple[int, int]:
    """A migrated SQLite store with curator ``mira`` and listener ``sam`` (``PASSWORD``)."""
    db = Database(f"sqlite:///{path}", pool_size=1)
    try:
        db.migrate()
        cheap = Passwords(1, 1024)
        with db.write() as session:
            curator = create_account(
                session,
                cheap,
                username="mira",
                password=PASSWORD,
                role=Role.CURATOR,
                display_name="Mira",
            )
            listener = create_account(
                session,
                cheap,
                username="sam",
                password=PASSWORD,
                role=Role.LISTENER,
                display_name="Sam",
            )
            assign(session, listener.id, curator.id, None)
            return curator.id, listener.id
    finally:
        db.dispose()


class StoreProcess:
    """``rvibe-store serve`` on one port that stays the same across restarts."""

    def __init__(self, path: Path, port: int = 0) -> None:
        self.path = path
        self.port = port
        self.process: subprocess.Popen[str] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start and wait until it answers /v1/health."""
        process = subprocess.Popen(
            [sys.executable, "-m", "rvibe_player.store_server.cli",
             "--database-url", f"sqlite:///{self.path}", "serve", "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=os.environ | CHEAP,
        )  # fmt: skip
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("RVIBE_STORE_URL="), f"unexpected first line {line!r}"
        self.port = int(line.strip().rsplit(":", 1)[1])
        # Keep draining stdout so the store never blocks on a full pipe.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        self.process = process
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the store did not come up"
            time.sleep(0.05)
        self.starts += 1

    def stop(self, *, kill: bool = False) -> None:
        """SIGKILL (mid-request, no goodbye) or SIGTERM (graceful), and wait."""
        process, self.process = self.process, None
        if process is None:
            return
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def store_with_listener_online(
    folder: Path, **options: Any
) -> tuple[Path, StoreProcess, Relationship]:
    """A prepared store on ``folder/store.sqlite3``, started, and listener ``sam`` signed in
    through a :class:`Relationship` (``options``) that is online. The caller closes both."""
    db = folder / "store.sqlite3"
    prepare_store(db)
    store = StoreProcess(db)
    store.start()
    player = Relationship(store.url, **options)
    player.sign_in("sam", PASSWORD)
    eventually(lambda: player.status.connection is Connection.ONLINE)
    return db, store, player
