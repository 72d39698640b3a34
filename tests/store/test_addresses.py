"""Where a caller is: X-Forwarded-For only from configured proxies; loopback Host names only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from rvibe_player.store_server.addresses import client_address, parse_networks, throttle_address
from tests.store.live import Actor, LiveServer
from tests.store.test_cli import serving


def login(url: str, forwarded_for: str, source: str = "127.0.0.1") -> int:
    """A wrong password for lou from ``source``, claiming to forward ``forwarded_for``."""
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(base_url=url, timeout=60, transport=transport) as client:
        answer = client.post(
            "/v1/auth/login",
            json={"username": "lou", "password": "a wrong guess"},
            headers={"X-Forwarded-For": forwarded_for},
        )
    return answer.status_code


def test_forwarded_for_counts_only_from_a_configured_proxy(
    live: LiveServer, listener: Actor
) -> None:
    pair = live.config.login_failures_per_pair
    forged = [login(live.url, f"203.0.113.{i}") for i in range(pair + 1)]
    assert forged == [401] * pair + [429], "a made-up X-Forwarded-For is not an address"
    proxy = LiveServer(replace(live.config, trusted_proxies=parse_networks(["127.0.0.5"])))
    try:
        behind = [login(proxy.url, "198.51.100.1", "127.0.0.5") for _ in range(pair + 1)]
        assert behind == [401] * pair + [429], "each client behind the proxy is counted"
        assert login(proxy.url, "198.51.100.2", "127.0.0.5") == 401, "on its own"
        # A client cannot choose its address through the proxy: the proxy appends the one
        # it saw, and only that hop is believed.
        assert login(proxy.url, "198.51.100.3, 198.51.100.1", "127.0.0.5") == 429
    finally:
        proxy.stop()


def test_client_address_reads_forwarded_hops_from_the_right() -> None:
    proxies = parse_networks(["10.0.0.0/8"])
    assert client_address("10.0.0.2", "1.2.3.4, 10.0.0.9", proxies) == "1.2.3.4"
    assert client_address("10.0.0.2", "6.6.6.6, 1.2.3.4", proxies) == "1.2.3.4"
    assert client_address("10.0.0.2", "garbage, 1.2.3.4", proxies) == "1.2.3.4"
    assert client_address("10.0.0.2", "10.0.0.3, junk", proxies) == "10.0.0.2"
    assert client_address("8.8.8.8", "1.2.3.4", proxies) == "8.8.8.8"
    assert client_address("::ffff:8.8.8.8", None, proxies) == "8.8.8.8"


def test_an_ipv6_caller_is_counted_by_its_slash_64() -> None:
    assert throttle_address("2001:db8:1:2:aaaa::1") == throttle_address("2001:db8:1:2::ffff")
    assert throttle_address("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert throttle_address("2001:db8:1:3::1") != throttle_address("2001:db8:1:2::1")
    assert throttle_address("192.0.2.7") == "192.0.2.7"


def test_the_embedded_store_answers_only_loopback_host_names(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path}/hosts.sqlite3"
    with serving("--database-url", database, "serve", "--port", "0") as (url, _lines):
        port = url.rsplit(":", 1)[1]
        with httpx.Client(base_url=url, timeout=30) as client:
            for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", f"[::1]:{port}"):
                assert client.get("/v1/health", headers={"Host": host}).status_code == 200, host
            for host in ("rebound.example", f"rebound.example:{port}", "127.0.0.1.nip.io"):
                answer = client.get("/v1/health", headers={"Host": host})
                assert answer.status_code == 421, host
                assert answer.json()["error"]["code"] == "wrong_host"
