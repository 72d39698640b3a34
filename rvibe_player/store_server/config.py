"""The store's settings: database URL, session lifetimes, hashing cost, limits; read from env."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import timedelta

from rvibe_player import paths
from rvibe_player.store_server.addresses import Network, parse_networks

ENV_DATABASE_URL = "RVIBE_STORE_DATABASE_URL"
ENV_TRUSTED_PROXIES = "RVIBE_STORE_TRUSTED_PROXIES"
ENV_ALLOWED_HOSTS = "RVIBE_STORE_ALLOWED_HOSTS"


def default_database_url() -> str:
    """``RVIBE_STORE_DATABASE_URL``, else a SQLite file in the user data dir."""
    url = os.environ.get(ENV_DATABASE_URL, "").strip()
    if url:
        return url
    return f"sqlite:///{paths.data_dir() / 'store.sqlite3'}"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _env_list(name: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]


@dataclass(frozen=True)
class StoreConfig:
    """Everything the service needs to know at start; passed in, never global."""

    database_url: str
    session_idle: timedelta = timedelta(days=30)
    """A session unused this long expires; each use extends it (at most hourly)."""
    session_max: timedelta = timedelta(days=365)
    """No session outlives this, however often it is used."""
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    login_window: timedelta = timedelta(minutes=15)
    login_failures_per_pair: int = 5
    """Failed sign-ins per (user name, address) and window."""
    login_failures_per_address: int = 50
    """Failed sign-ins per address and window, whatever the user names."""
    login_failures_per_user: int = 20
    """Failed sign-ins per user name and window from addresses it never signed in from."""
    max_body_bytes: int = 256 * 1024
    pool_size: int = 10
    token_cache_s: float = 30.0
    """How long a checked token is trusted without asking the database (revocation is
    immediate regardless: it drops the account's cached tokens in every worker)."""
    token_cache_pushed_s: float = 300.0
    """``token_cache_s`` on PostgreSQL, where every revocation, from any process, reaches
    every worker by ``NOTIFY`` and a lost link drops the whole cache: the time limit is only
    a backstop there. 10,000 listeners re-checked every 30 s cost the workers a fifth of their
    time (bench/store_load.py --listeners 10000, py-spy)."""
    access_coalesce: timedelta = timedelta(minutes=10)
    """Repeated staff reads of the same log within this window make one access record."""
    max_polls_per_account: int = 16
    """Long-polls one account may have waiting in one process (its devices, a desk's views)."""
    max_polls: int = 16384
    """Long-polls waiting in one process in all (lowered to fit the open-file limit). A
    waiting poll is a socket and a future, a few kB: 10,000 listeners on two workers fit
    (bench/store_load.py --listeners 10000), with room for the kernel's uneven share."""
    trusted_proxies: tuple[Network, ...] = ()
    """Peers whose ``X-Forwarded-For`` is believed (none by default)."""
    allowed_hosts: tuple[str, ...] | None = None
    """``Host`` names answered (None: any); the CLI sets loopback names on a loopback bind."""

    @classmethod
    def from_env(cls, database_url: str | None = None) -> StoreConfig:
        """Defaults, overridden by ``RVIBE_STORE_*`` variables (hashing cost for tests)."""
        return cls(
            database_url=database_url or default_database_url(),
            argon2_time_cost=_env_int("RVIBE_STORE_ARGON2_TIME_COST", 3),
            argon2_memory_kib=_env_int("RVIBE_STORE_ARGON2_MEMORY_KIB", 65536),
            pool_size=_env_int("RVIBE_STORE_POOL_SIZE", 10),
            max_polls_per_account=_env_int("RVIBE_STORE_MAX_POLLS_PER_ACCOUNT", 16),
            max_polls=_env_int("RVIBE_STORE_MAX_POLLS", 16384),
            trusted_proxies=parse_networks(_env_list(ENV_TRUSTED_PROXIES)),
            allowed_hosts=tuple(h.lower() for h in _env_list(ENV_ALLOWED_HOSTS)) or None,
        )

    def with_url(self, database_url: str) -> StoreConfig:
        """A copy pointing at another database."""
        return replace(self, database_url=database_url)
