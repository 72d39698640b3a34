"""Operator commands on the store's data: check it, back it up, restore a backup.

SQLite uses its online backup API (a consistent copy while the store serves; WAL pages
included). PostgreSQL has its own tools: the commands are printed, not reimplemented.
After a restore to an older point, clients find their cursor past the end of the log (410
``cursor_ahead``), read the log again, and send again what the store no longer has under
the same client ids (PROTOCOL.md "Backup and restore").
"""

from __future__ import annotations

import shlex
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from rvibe_player import paths
from rvibe_player.core.safe_files import aside_name
from rvibe_player.core.sqlite_salvage import copy_database
from rvibe_player.store_server.database import Database, libpq_conninfo
from rvibe_player.store_server.models import Base


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table of the store's schema."""
    with db.read() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def integrity_problems(db: Database) -> list[str]:
    """SQLite's ``integrity_check`` findings (empty: sound). PostgreSQL: see pg_amcheck."""
    return [] if db.is_postgres else _integrity(_sqlite_file(db), 20)


def _integrity(path: Path, limit: int) -> list[str]:
    """``PRAGMA integrity_check`` of a SQLite file, read-only: up to ``limit`` findings."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup(db: Database, target: Path) -> None:
    """Copy the SQLite store to ``target`` (a new private file) while it may be serving."""
    if target.exists():
        raise ValueError(f"{target} exists already; choose a new file for the backup")
    copy_database(_sqlite_file(db), paths.private_file(target))


def restore(db: Database, source: Path) -> Path:
    """Replace the SQLite store's content with the backup at ``source``.

    The backup is checked first; the current content is kept beside the store as
    ``NAME.before-restore-YYYYmmdd-HHMMSS``. Returns that path.
    Stop the store before restoring: a running one keeps sessions and waits in memory.
    """
    if not source.is_file():
        raise ValueError(f"{source} is not a file")
    problems = _file_problems(source)
    if problems:
        raise ValueError(f"{source} is not a sound store backup: {problems}")
    current = _sqlite_file(db)
    kept = aside_name(current, kind="before-restore")
    copy_database(current, paths.private_file(kept))
    copy_database(source, current)
    return kept


def pg_commands(db: Database, file: Path) -> tuple[str, str]:
    """The ``pg_dump`` and ``pg_restore`` command lines for this database and ``file``."""
    conninfo = shlex.quote(libpq_conninfo(db.url))
    return (
        f"pg_dump --format=custom --file={shlex.quote(str(file))} --dbname={conninfo}",
        f"pg_restore --clean --if-exists --single-transaction --dbname={conninfo} "
        f"{shlex.quote(str(file))}",
    )


def _sqlite_file(db: Database) -> Path:
    if db.is_postgres or not db.url.database or db.url.database == ":memory:":
        raise ValueError("this command works on a SQLite store file")
    return Path(db.url.database)


def _file_problems(path: Path) -> str:
    problems = _integrity(path, 5)
    if problems:
        return "; ".join(problems)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    missing = {t.name for t in Base.metadata.sorted_tables} - tables
    return f"tables missing: {', '.join(sorted(missing))}" if missing else ""
