"""The session token lives in the OS keyring, or in memory only (and the user is told)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from rvibe_player.store_client.credentials import NO_KEYRING, Credentials
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.requirements import REPO, need


def test_the_token_goes_to_the_keyring_and_leaves_it(memory_keyring: MemoryKeyring) -> None:
    credentials = Credentials()
    credentials.save("store-a", "rvs_one")
    assert memory_keyring.secrets == {("rvibe-player", "store-session:store-a"): "rvs_one"}
    assert Credentials().load("store-a") == "rvs_one", "another instance (a restart) finds it"
    assert credentials.persistent and credentials.problem is None
    credentials.delete("store-a")
    assert memory_keyring.secrets == {}
    assert Credentials().load("store-a") is None
    credentials.delete("store-a")  # deleting what is not there is fine


def test_remember_me_off_keeps_the_token_in_memory_only(memory_keyring: MemoryKeyring) -> None:
    credentials = Credentials()
    credentials.hold("store-a", "rvs_two")
    assert credentials.load("store-a") == "rvs_two"
    assert memory_keyring.secrets == {} and Credentials().load("store-a") is None
    credentials.delete("store-a")
    assert credentials.load("store-a") is None


class PlaintextKeyring(KeyringBackend):
    """Looks like keyrings.alt's file backend: it must never be used."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.written.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.written[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.written.pop((service, username), None)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_without_a_usable_keyring_the_token_stays_in_memory_and_the_user_is_told(
    backend: KeyringBackend,
) -> None:
    keyring.set_keyring(backend)
    credentials = Credentials()
    assert not credentials.persistent and credentials.problem == NO_KEYRING
    credentials.save("store-a", "rvs_three")
    assert credentials.load("store-a") == "rvs_three"
    assert Credentials().load("store-a") is None, "nothing outlives the process"
    if isinstance(backend, PlaintextKeyring):
        assert backend.written == {}, "never a plain-text fallback"


def test_a_chain_uses_only_its_secure_backends(memory_keyring: MemoryKeyring) -> None:
    plain = PlaintextKeyring()
    chain_type = type("Chain", (chainer.ChainerBackend,), {"backends": [plain, memory_keyring]})
    chain = chain_type()
    credentials = Credentials(chain)
    credentials.save("store-a", "rvs_four")
    assert plain.written == {} and memory_keyring.secrets
    assert Credentials(chain).load("store-a") == "rvs_four"


class LockedKeyring(MemoryKeyring):
    """A keyring the user did not unlock."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the login keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the login keyring is locked")


def test_a_keyring_that_refuses_falls_back_to_memory_and_says_why() -> None:
    credentials = Credentials(LockedKeyring())
    assert credentials.persistent
    credentials.save("store-a", "rvs_five")
    assert credentials.load("store-a") == "rvs_five"
    assert not credentials.persistent
    assert "refused to save" in (credentials.problem or "")
    assert "locked" in (credentials.problem or "")


_PROBE = textwrap.dedent(
    """
    import json, sys
    import keyring
    from rvibe_player.store_client.credentials import Credentials
    step, token = sys.argv[1], sys.argv[2]
    credentials = Credentials()
    if step == "save":
        credentials.save("store-a", token)
    elif step == "delete":
        credentials.delete("store-a")
    print(json.dumps({
        "backend": type(keyring.get_keyring()).__module__,
        "loaded": credentials.load("store-a"),
        "problem": credentials.problem,
    }))
    """
)


def test_gnome_keyring_under_a_private_dbus_session(tmp_path: Path) -> None:
    """The real Secret Service: each step is a new process, so only the keyring remembers."""
    tools = all(shutil.which(t) for t in ("dbus-run-session", "gnome-keyring-daemon"))
    need(tools, "dbus-run-session and gnome-keyring are not installed", "RVIBE_REQUIRE_KEYRING")
    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    probe = tmp_path / "probe.py"
    probe.write_text(_PROBE)
    token = "rvs_" + os.urandom(16).hex()
    python = sys.executable
    steps = " && ".join(
        f"{python} {probe} {step} {token}" for step in ("save", "load", "delete", "load")
    )
    script = (
        f"echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && {steps}"
    )
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    saved, loaded, deleted, gone = (json.loads(line) for line in done.stdout.splitlines())
    assert saved["backend"] == "keyring.backends.SecretService"
    assert saved["problem"] is None
    assert loaded["loaded"] == token, "a new process reads it back from the keyring"
    assert deleted["loaded"] is None and gone["loaded"] is None, "sign-out removed it"
    for path in home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), f"token in plain text in {path}"
