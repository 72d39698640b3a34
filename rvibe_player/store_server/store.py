"""The service objects of one worker process, composed once and passed to every route."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rvibe_player.store_server.capacity import PollGate, open_file_limit, poll_budget
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.health import DatabaseProbe, select_one
from rvibe_player.store_server.notifier import PostgresListener, SyncNotifier
from rvibe_player.store_server.security import Passwords
from rvibe_player.store_server.services.accounts import Authenticator
from rvibe_player.store_server.shared_reads import SharedReads

if TYPE_CHECKING:
    from rvibe_player.store_server.async_reads import AsyncReads

QUIET_SHARE_S = 60.0
"""How long a waiting poll's quiet answer (nothing new) is shared on PostgreSQL."""


@dataclass
class Store:
    """Database, password hasher, authenticator, long-poll notifier, the polls' gate and the
    health check's database probe."""

    config: StoreConfig
    db: Database
    passwords: Passwords
    auth: Authenticator
    polls: PollGate
    notifier: SyncNotifier = field(default_factory=SyncNotifier)
    pg_listener: PostgresListener | None = None
    reads: AsyncReads | None = None
    """Sync pages read on the event loop (PostgreSQL, once the app has started)."""
    health: DatabaseProbe = field(init=False)

    def __post_init__(self) -> None:
        self.health = DatabaseProbe(lambda: select_one(self.db))

    @classmethod
    def open(cls, config: StoreConfig) -> Store:
        """Connect to the configured database (the schema must be migrated already)."""
        db = Database(config.database_url, pool_size=config.pool_size)
        passwords = Passwords(config.argon2_time_cost, config.argon2_memory_kib)
        total = poll_budget(config.max_polls, open_file_limit())
        polls = PollGate(config.max_polls_per_account, total)
        # On PostgreSQL every write is published to every worker (NOTIFY), so a quiet answer
        # stays true until a publication says otherwise (``shared_reads``); SQLite has no
        # such feed from other processes (a command line writing to the file).
        quiet = QUIET_SHARE_S if db.is_postgres else None
        notifier = SyncNotifier(SharedReads(quiet_ttl=quiet))
        auth = Authenticator(db, config, passwords)
        store = cls(config, db, passwords, auth, polls, notifier)
        db.add_commit_hook(store.notifier.publish_threadsafe)
        return store

    def close(self) -> None:
        """Release the database connections."""
        self.health.close()
        self.db.dispose()
