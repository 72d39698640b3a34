"""StoreApi: addresses, headers, retries only where safe, errors in words, interruption, TLS."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from rvibe_player import appinfo
from rvibe_player.store_client import intents
from rvibe_player.store_client.address import store_address
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.errors import (
    CallInterruptedError,
    ResyncRequiredError,
    StoreRejectedError,
    StoreServerError,
    StoreUnauthorizedError,
    StoreUnreachableError,
    StoreUrlError,
)
from tests.helpers.requirements import need_openssl
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.stub_http import stub_server

FAST = {"backoff_s": 0.01, "backoff_max_s": 0.05}
JSON = "application/json"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("http://127.0.0.1:8765/", "http://127.0.0.1:8765"),
        (" http://localhost:9/ ", "http://localhost:9"),
        ("http://[::1]:80", "http://[::1]:80"),
        ("https://store.example.com/base/", "https://store.example.com/base"),
    ],
)
def test_store_addresses_are_normalized(typed: str, expected: str) -> None:
    assert store_address(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("http://store.example.com", "only over https"),
        ("http://192.168.1.20:8765", "only over https"),
        ("ftp://127.0.0.1", "not a store address"),
        ("store.example.com", "not a store address"),
        ("https://sam:pw@store.example.com", "no user name"),
        ("http://127.0.0.1:port", "not a store address"),
    ],
)
def test_plain_http_off_loopback_and_nonsense_are_refused_in_words(typed: str, words: str) -> None:
    with pytest.raises(StoreUrlError, match=words):
        store_address(typed)
    with pytest.raises(StoreUrlError):
        StoreApi(typed)


def test_user_agent_bearer_token_and_no_retry_of_a_sign_in() -> None:
    with stub_server([(503, JSON, "{}")]) as (url, script):
        api = StoreApi(url, "rvs_secret", **FAST)
        with pytest.raises(StoreServerError, match="HTTP 503"):
            api.me()
        assert len(script.seen) == 4, "a GET is tried once and retried three times"
        assert {s.headers["User-Agent"] for s in script.seen} == {appinfo.user_agent()}
        assert script.seen[0].headers["Authorization"] == "Bearer rvs_secret"
        script.seen.clear()
        with pytest.raises(StoreServerError):
            api.login("sam", "pw")
        assert len(script.seen) == 1, "signing in is not idempotent: never repeated"
        assert "Authorization" not in script.seen[0].headers


def test_gets_and_client_id_sends_recover_from_passing_server_errors() -> None:
    ok = json.dumps({"entry": None, "read_seq": 3})
    with stub_server(
        [(502, "text/html", "<h1>bad gateway</h1>"), (503, JSON, "{}"), (200, JSON, ok)]
    ) as (
        url,
        script,
    ):
        answer = StoreApi(url, "t", **FAST).send(intents.read_marker(3), "abcdefgh")
        assert answer.status == 200 and answer.entry is None
        bodies = {s.path for s in script.seen}
        assert len(script.seen) == 3 and bodies == {"/v1/read"}


def test_an_answer_that_is_not_the_stores_says_so() -> None:
    with stub_server([(404, "text/html", "<h1>Not Found</h1>")]) as (url, script):
        with pytest.raises(
            StoreRejectedError, match="is this the address of an rVibe store"
        ) as info:
            StoreApi(url, **FAST).health()
        assert info.value.code == "http_404" and len(script.seen) == 1, "a 404 is not retried"


def test_the_stores_own_refusals_carry_its_words(store: LiveServer, listener: Actor) -> None:
    api = StoreApi(store.url, **FAST)
    with pytest.raises(StoreUnauthorizedError, match="user name or password is wrong") as wrong:
        api.login(listener.username, "not the password")
    assert wrong.value.code == "invalid_credentials"
    signed = api.login(listener.username, PASSWORD)
    me = StoreApi(store.url, signed.token, **FAST)
    assert me.me()["account"]["username"] == listener.username

    with pytest.raises(StoreRejectedError) as too_long:
        me.send(intents.message("x" * 5000), uuid.uuid4().hex)
    assert too_long.value.status == 422 and "4000" in str(too_long.value)

    client_id = uuid.uuid4().hex
    first = me.send(intents.message("hello"), client_id)
    replay = me.send(intents.message("hello"), client_id)
    assert first.status == 201 and replay.replayed and replay.body == first.body
    with pytest.raises(StoreRejectedError, match="already used") as reused:
        me.send(intents.message("other words"), client_id)
    assert reused.value.status == 409 and reused.value.code == "client_id_reused"

    with pytest.raises(ResyncRequiredError) as resync:
        me.sync(after=10_000)
    assert resync.value.reason == "cursor_ahead" and resync.value.latest_seq is not None

    with pytest.raises(StoreUnauthorizedError, match="sign in again"):
        StoreApi(store.url, "rvs_made_up", **FAST).me()


def test_a_store_that_is_not_there_is_unreachable_in_words() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(StoreUnreachableError, match=f"127.0.0.1:{port} cannot be reached") as info:
        StoreApi(f"http://127.0.0.1:{port}", **FAST).health()
    assert info.value.retryable and time.monotonic() - started < 30, "it gives up, in words"


def test_interrupt_ends_a_long_poll_at_once(store: LiveServer, listener: Actor) -> None:
    token = StoreApi(store.url).login(listener.username, PASSWORD).token
    api = StoreApi(store.url, token)
    page = api.sync(after=0)
    threading.Timer(0.3, api.interrupt).start()
    started = time.monotonic()
    with pytest.raises(CallInterruptedError):
        api.sync(after=page["next_after"], epoch=page["epoch"], wait=20)
    assert 0.25 < time.monotonic() - started < 15, "ended by the interrupt, not the 20 s wait"
    with pytest.raises(CallInterruptedError):
        api.health()


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    openssl = need_openssl()
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


def test_a_certificate_nobody_vouches_for_is_refused(self_signed: tuple[Path, Path]) -> None:
    key, cert = self_signed
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    with stub_server([(200, JSON, '{"status": "ok"}')], tls=tls) as (url, script):
        trusting = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"{url}/v1/health", context=trusting) as answer:
            assert json.load(answer) == {"status": "ok"}, "the server itself works"
        with pytest.raises(StoreUnreachableError, match="certificate"):
            StoreApi(url, **FAST).health()
        assert len(script.seen) == 1, "only the trusting client got through"
