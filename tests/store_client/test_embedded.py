"""The embedded store as the player runs it: a process on a free port, the demo listener, stop."""

from __future__ import annotations

import signal
import socket
import sys
import textwrap
from pathlib import Path

import pytest

from rvibe_player.app.relationship_setup import open_embedded
from rvibe_player.core.store_protocol import DEMO_LISTENER
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.embedded import STORE_KEY, EmbeddedStore, EmbeddedStoreError
from rvibe_player.store_client.errors import StoreUnreachableError
from rvibe_player.store_client.model import Connection
from rvibe_player.store_server.demo import demo_summary
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.waiting import eventually
from tests.store_client.processes import CHEAP

pytestmark = pytest.mark.slow

KEY = ("rvibe-player", f"store-session:{STORE_KEY}")


def _port_closed(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) != 0


def test_the_demo_credentials_are_the_seeds() -> None:
    assert (
        dict(zip(("username", "password"), DEMO_LISTENER, strict=True))
        == (demo_summary()["listener"])
    )


def test_start_sign_in_the_demo_listener_stop_and_come_back(
    isolated_user_dirs: Path, memory_keyring: MemoryKeyring
) -> None:
    store = EmbeddedStore(env=CHEAP)
    relationship = open_embedded(store, wait_s=2)
    try:
        url = store.url
        assert url is not None and url.startswith("http://127.0.0.1:")
        assert store.database == isolated_user_dirs / "data" / "store.sqlite3"
        assert store.database.is_file()
        token = memory_keyring.secrets[KEY]
        state = eventually(
            lambda: (s := relationship.state()).messages and s.picks and s.notes and s.curator and s
        )
        assert state.curator.name == "Mira Okafor" and state.curator.median_first_reply_seconds
        assert state.account is not None and state.account["username"] == "demo"
        relationship.send_message("Hello from the embedded store")
        eventually(lambda: relationship.state().waiting_to_send == 0)
    finally:
        relationship.close()
        store.stop()
    assert not store.running and _port_closed(url)

    # The next start: same data, new port, the kept session (no new sign-in).
    again = EmbeddedStore(env=CHEAP)
    relationship = open_embedded(again, wait_s=2)
    try:
        assert memory_keyring.secrets[KEY] == token, "the kept session was used"
        eventually(lambda: relationship.status.connection is Connection.ONLINE)
        bodies = [m.body for m in relationship.state().messages]
        assert bodies.count("Hello from the embedded store") == 1
    finally:
        relationship.close()
        again.stop()

    # A new store file forgets every session: the demo listener is signed in afresh.
    for suffix in ("", "-wal", "-shm"):
        Path(f"{again.database}{suffix}").unlink(missing_ok=True)
    fresh = EmbeddedStore(env=CHEAP)
    relationship = open_embedded(fresh, wait_s=2)
    try:
        assert memory_keyring.secrets[KEY] != token
        # Same demo ids, so the old cache is reused: its cursor is past the new log's end
        # (410 cursor_ahead) and a resync replaces what it held. The listener's own message,
        # which this store never had, is sent to it again, once (as after a restore).
        eventually(lambda: relationship._loops.resyncs >= 1, timeout=30)

        def settled() -> list[str] | None:
            state = relationship.state()
            bodies = [m.body for m in state.messages if m.seq is not None]
            hello = "Hello from the embedded store" in bodies
            return bodies if hello and state.waiting_to_send == 0 else None

        bodies = eventually(settled, timeout=30)
        assert bodies.count("Hello from the embedded store") == 1, bodies
        assert relationship._loops.resyncs == 1
        mine = [m for m in relationship.state().messages if m.body.startswith("Hello from")]
        assert len(mine) == 1 and mine[0].seq is not None  # in the new store's log
        eventually(lambda: relationship.status.connection is Connection.ONLINE)
    finally:
        relationship.close()
        fresh.stop()


_STUBBORN = textwrap.dedent(
    """
    import http.server, json, signal, sys, threading
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a store that will not stop
    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps({"status": "ok"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        def log_message(self, *a):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), H)
    print(f"RVIBE_STORE_URL=http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
    """
)


def test_a_store_that_ignores_sigterm_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "stubborn.py"
    script.write_text(_STUBBORN)
    store = EmbeddedStore(tmp_path, command=[sys.executable, str(script)], stop_timeout_s=0.5)
    url = store.start()
    assert StoreApi(url).health() == {"status": "ok"}
    process = store._process
    assert process is not None
    store.stop()
    assert process.returncode == -signal.SIGKILL and not store.running, "killed, not asked"
    with pytest.raises(StoreUnreachableError):
        StoreApi(url, retries=0).health()


def test_a_store_that_cannot_start_says_why(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("import sys; print('rvibe-store: the database is locked'); sys.exit(1)")
    store = EmbeddedStore(tmp_path, command=[sys.executable, str(script)])
    with pytest.raises(
        EmbeddedStoreError, match="did not start: rvibe-store: the database is locked"
    ):
        store.start()
    assert not store.running
