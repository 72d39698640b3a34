"""Files holding a user's data are private on POSIX: 0600, in folders created 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from rvibe_player.paths import private_rotating_log
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_server.database import Database
from tests.store.test_cli import store_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_store_database_its_journal_and_its_log_are_private(isolated_user_dirs: Path) -> None:
    os.umask(0o022)  # the common default, under which files used to come out 0644
    done = store_cli("migrate")  # the default database: store.sqlite3 in the data dir
    assert done.returncode == 0, done.stderr
    data, logs = isolated_user_dirs / "data", isolated_user_dirs / "log"
    assert (mode(data), mode(logs)) == (0o700, 0o700)
    assert mode(data / "store.sqlite3") == 0o600
    assert mode(logs / "rvibe-store.log") == 0o600
    db = Database(f"sqlite:///{data / 'store.sqlite3'}", pool_size=1)
    try:
        with db.engine.connect() as conn:  # the write-ahead log and its index exist meanwhile
            conn.exec_driver_sql("CREATE TABLE scratch (x)")
            conn.commit()
            for suffix in ("-wal", "-shm"):
                assert mode(data / f"store.sqlite3{suffix}") == 0o600, suffix
    finally:
        db.dispose()


def test_an_existing_database_is_made_private_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    Database(f"sqlite:///{path}", pool_size=1).dispose()
    assert mode(path) == 0o600


def test_the_relationship_cache_is_private(tmp_path: Path) -> None:
    os.umask(0o022)
    cache = RelationshipCache(tmp_path / "fresh" / "relationship.sqlite3")
    try:
        assert mode(tmp_path / "fresh") == 0o700
        assert mode(tmp_path / "fresh" / "relationship.sqlite3") == 0o600
    finally:
        cache.close()


def test_log_files_are_private_also_after_rotation(tmp_path: Path) -> None:
    os.umask(0o022)
    handler = private_rotating_log(tmp_path / "player.log", max_bytes=100, backups=2)
    try:
        handler.stream.write("x" * 200)
        handler.doRollover()
    finally:
        handler.close()
    assert mode(tmp_path / "player.log") == 0o600
    assert mode(tmp_path / "player.log.1") == 0o600
