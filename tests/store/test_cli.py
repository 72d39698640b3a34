"""``rvibe-store`` as the player will run it: a free port, SQLite in the data dir, demo data."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from rvibe_player.store_server.demo import CROWD, demo_summary

CHEAP = {"RVIBE_STORE_ARGON2_TIME_COST": "1", "RVIBE_STORE_ARGON2_MEMORY_KIB": "1024"}


def store_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rvibe_player.store_server.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | CHEAP,
        check=False,
    )


_WITH_OPEN_FILES = """
import os, resource, sys
hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
resource.setrlimit(resource.RLIMIT_NOFILE, (int(sys.argv[1]), hard))
os.execv(sys.argv[2], sys.argv[2:])
"""


@contextmanager
def serving(
    *args: str,
    open_files: int | None = None,
    stderr: Path | None = None,
    started: list[subprocess.Popen[str]] | None = None,
) -> Iterator[tuple[str, list[str]]]:
    """Start ``rvibe-store serve``; yield its URL and the stdout lines before it.

    ``open_files`` starts it with that soft ``RLIMIT_NOFILE``; ``stderr`` keeps its stderr
    in a file (otherwise a pipe); ``started`` receives the process.
    """
    command = [sys.executable, "-m", "rvibe_player.store_server.cli", *args]
    if open_files:  # set the limit in a small shim that then becomes the store (exec)
        command = [sys.executable, "-c", _WITH_OPEN_FILES, str(open_files), *command]
    kept = stderr.open("w") if stderr is not None else None
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=kept or subprocess.PIPE,
        text=True,
        env=os.environ | CHEAP,
    )
    if kept is not None:
        kept.close()  # the child has its own copy
    if started is not None:
        started.append(process)
    lines: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("RVIBE_STORE_URL="):
                found.append(line.strip().split("=", 1)[1])
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    try:
        assert found, f"no URL line; stdout {lines}, stderr {process.stderr}"
        yield found[0], lines
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _login(client: httpx.Client, role: str) -> str:
    creds = demo_summary()[role]
    answer = client.post("/v1/auth/login", json=creds)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["token"]
    return token


def test_serve_on_a_free_port_with_demo_data_as_the_player_starts_it(
    isolated_user_dirs: Path,
) -> None:
    with serving("serve", "--port", "0", "--seed-demo-if-empty") as (url, before):
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0")
        assert any("demo" in line and "listen-demo" in line for line in before)
        with httpx.Client(base_url=url, timeout=30) as client:
            assert client.get("/v1/health").json()["database"] == "sqlite"
            assert client.get("/v1/catalog/search").json()["total"] >= 300
            listener = {"Authorization": f"Bearer {_login(client, 'listener')}"}
            entries = client.get("/v1/sync", headers=listener).json()["entries"]
            kinds = {e["kind"] for e in entries}
            assert {"curator.assigned", "note.edited", "pick.sent", "message.sent"} <= kinds
            me = client.get("/v1/me", headers=listener).json()["relationship"]["curator"]
            assert me["name"] == "Mira Okafor" and me["bio"] and me["avatar_url"]
            assert me["median_first_reply_seconds"] > 600
            curator = {"Authorization": f"Bearer {_login(client, 'curator')}"}
            inbox = client.get("/v1/staff/inbox", headers=curator).json()
            assert inbox["total"] == 4 + CROWD, "four with a story and a crowd"
            assert min(inbox[need] for need in ("waiting", "due", "new", "snoozed")) >= 1
            cover = {"Authorization": f"Bearer {_login(client, 'cover')}"}
            covered = client.get("/v1/staff/inbox", headers=cover).json()
            assert covered["total"] == inbox["total"], "the second curator covers the first"
    assert (isolated_user_dirs / "data" / "store.sqlite3").is_file(), "default: the data dir"
    assert (
        "serving http://127.0.0.1:" in (isolated_user_dirs / "log" / "rvibe-store.log").read_text()
    )
    with serving("serve", "--port", "0", "--seed-demo-if-empty") as (url, before):
        assert not any("listen-demo" in line for line in before), "an existing store stays"
        with httpx.Client(base_url=url, timeout=30) as client:
            assert client.get("/v1/catalog/search").json()["total"] >= 300


def test_create_user_and_assign_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/cli.sqlite3"
    for name, role in (("mira", "curator"), ("sam", "listener")):
        done = store_cli(
            "--database-url",
            db,
            "create-user",
            name,
            "--role",
            role,
            "--password-stdin",
            stdin="a good password\n",
        )
        assert done.returncode == 0, done.stderr
        assert f"Created {role} '{name}'" in done.stdout
    again = store_cli(
        "--database-url",
        db,
        "create-user",
        "sam",
        "--role",
        "listener",
        "--password-stdin",
        stdin="a good password\n",
    )
    assert again.returncode == 1 and "already taken" in again.stderr
    done = store_cli("--database-url", db, "assign", "sam", "mira")
    assert done.returncode == 0 and "sam is now with mira" in done.stdout
    missing = store_cli("--database-url", db, "assign", "sam", "nobody")
    assert missing.returncode == 1 and "no account 'nobody'" in missing.stderr
    compacted = store_cli("--database-url", db, "compact", "--tombstone-days", "0")
    assert compacted.returncode == 0, compacted.stderr
    assert compacted.stdout.startswith("Removed 0 log entries; forgot 0 client ids.")
    login = {"username": "sam", "password": "a good password"}
    with (
        serving("--database-url", db, "serve", "--port", "0") as (url, _lines),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        token = client.post("/v1/auth/login", json=login).json()["token"]
        me = client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
        assert me["relationship"]["curator"]["name"] == "mira"


def test_seed_demo_builds_a_crowd_of_the_size_asked(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/crowd.sqlite3"
    done = store_cli("--database-url", db, "seed-demo", "--listeners", "120", "--json")
    assert done.returncode == 0, done.stderr
    assert "(120 more)" in done.stdout
    again = store_cli("--database-url", db, "seed-demo")
    assert again.returncode == 2 and "not empty" in again.stderr
    with (
        serving("--database-url", db, "serve", "--port", "0") as (url, _lines),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        curator = {"Authorization": f"Bearer {_login(client, 'curator')}"}
        inbox = client.get("/v1/staff/inbox", headers=curator, params={"limit": 200}).json()
        assert inbox["total"] == 124
        rows = inbox["items"]
        names = {row["listener"]["name"] for row in rows}
        assert len(names) > 80, "varied names"
        levels = {row["sharing_level"] for row in rows}
        assert levels == {"off", "summary", "full"}
        waits = sorted(row["waiting_seconds"] for row in rows if row["need"] == "waiting")
        assert len(waits) >= 10 and waits[0] < 3600 < waits[-1], "waits of different ages"
        for need in ("waiting", "due", "new", "snoozed"):
            assert inbox[need] >= 1, need
        busy = next(r for r in rows if r["need"] == "due")
        context = client.get(
            f"/v1/staff/listeners/{busy['listener']['id']}/context", headers=curator
        ).json()
        assert context["listener"]["member_since"] < context["touch"]["due_at"]


def test_sqlite_refuses_several_workers_with_a_reason(tmp_path: Path) -> None:
    done = store_cli("--database-url", f"sqlite:///{tmp_path}/x.sqlite3", "serve", "--workers", "2")
    assert done.returncode == 2
    assert "use PostgreSQL" in done.stdout + done.stderr


@pytest.mark.parametrize("url", ["mysql://x/y", "not a url"])
def test_an_unsupported_database_url_is_a_clear_error(url: str) -> None:
    done = store_cli("--database-url", url, "migrate")
    assert done.returncode == 2 and "rvibe-store:" in done.stderr
    assert "Traceback" not in done.stderr


def test_create_user_applies_the_rules_the_api_applies(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/rules.sqlite3"

    def create(name: str, password: str, *extra: str) -> subprocess.CompletedProcess[str]:
        args = ("--database-url", db, "create-user", name, "--role", "listener", *extra)
        return store_cli(*args, "--password-stdin", stdin=f"{password}\n")

    for name in ("Jörg <b>x</b>", "a b", "x"):
        done = create(name, "a good password")
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert "user name" in done.stderr
    for password in (" " * 8, "samuel99"):
        done = create("samuel99", password)
        assert done.returncode == 2, (password, done.stdout, done.stderr)
        assert "password" in done.stderr
    done = create("samuel99", "a good password", "--name", "Sam\nRivera")
    assert done.returncode == 2 and "name" in done.stderr
    assert create("samuel99", "a good password", "--name", "Sam Rivera").returncode == 0
