"""Damaged SQLite files: find them on open, keep them aside, read back what can be read.

Every database of ours that holds what no rescan or resync can rebuild (the library's play
counts, ratings, play log, playlists and identities; the relationship cache's outbox) is
opened through :func:`inspect` first. A file that fails ``PRAGMA quick_check``, is not a
database at all, or is empty is **moved aside, never deleted** (:func:`set_aside`), and
:func:`salvage` copies what is still readable, table by table, into the fresh database.

Reading a damaged b-tree raises at the first bad page; :func:`_readable_rows` steps around
it (a range scan resumed past the bad rows, then point look-ups one rowid at a time), so
one bad page costs the rows on it, not the rest of the table. Only the standard library's
``sqlite3`` is used: the SQLite recovery extension is not built into Python's module.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rvibe_player.core.safe_files import aside_name

log = logging.getLogger(__name__)

_CHUNK = 256
"""Rows per range scan while salvaging; also the rowids probed one by one past a bad page."""
_GIVE_UP_AFTER = 1_000_000
"""Consecutive unreadable rowids after which a table whose end is unknown is left."""
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Repair:
    """What happened to a damaged database: where it lies now and what came back."""

    damaged: Path
    """The damaged file, moved aside (kept for the user or for a better tool)."""
    problem: str
    """SQLite's words for what was wrong."""
    salvaged: dict[str, int] = field(default_factory=dict)
    """Rows read back per table, in salvage order."""


def inspect(path: Path, *, thorough: bool = True) -> str | None:
    """What is wrong with the database at ``path``, or None when it is sound (or absent).

    Thorough: ``PRAGMA quick_check`` reads every page once without cross-checking indexes
    against tables (``integrity_check`` does); it finds torn and overwritten pages, a damaged
    header and a file that is not SQLite, at about 160 ms for a 100k-track library
    (``bench/integrity.py``). Not thorough, for start-up: the header, the schema and the
    file's length against the page count the header promises, in about a millisecond; the
    thorough check then runs off the GUI thread. An empty file is damage too: ours always
    hold a schema once created.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return "the file is empty"
    try:
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        if thorough:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            rows = [("ok",)] if _whole(path, size) else [("the file is shorter than its pages",)]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows)


def _whole(path: Path, size: int) -> bool:
    """The file holds every page its header counts (a cut-off copy or write does not)."""
    with path.open("rb") as file:
        header = file.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    return not counter_valid or pages * page_size <= size


def set_aside(path: Path, now: float | None = None) -> Path:
    """Move ``path`` (and its ``-wal``/``-shm`` files) to ``NAME.damaged-YYYYmmdd-HHMMSS``.

    Never overwrites: a second damaged file in the same second gets ``-2``, ``-3``...
    Returns where the database file went.
    """
    target = aside_name(path, now)
    os.replace(path, target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    log.warning("Damaged database %s moved aside to %s", path, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Every page of ``source`` into ``target`` with SQLite's online backup API: one
    consistent snapshot, also while another connection writes (WAL pages included)."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def salvage(source: Path, target: sqlite3.Connection, tables: Sequence[str]) -> dict[str, int]:
    """Copy the readable rows of ``tables`` (in this order) from ``source`` into ``target``.

    ``target`` already has the current schema. Only columns both files have are copied,
    keys included, so references between tables still match; a row the target refuses
    (a duplicate key, a constraint) is skipped. Rows left pointing at a row that was lost
    are removed at the end (``PRAGMA foreign_key_check``). Returns rows copied per table.
    """
    counts = dict.fromkeys(tables, 0)
    copy = source.with_name(source.name + ".salvage")
    src = _open_readable(source, copy)
    if src is None:
        log.warning("Nothing could be read from %s", source)
        return counts
    target.execute("PRAGMA foreign_keys = OFF")
    try:
        for table in tables:
            counts[table] = _copy_table(src, target, table)
        _drop_orphans(target)
    finally:
        target.execute("PRAGMA foreign_keys = ON")
        src.close()
        copy.unlink(missing_ok=True)
    return counts


def _open_readable(source: Path, copy: Path) -> sqlite3.Connection | None:
    """A read-only connection to ``source`` whose schema can be read, or None.

    A file whose 100-byte header was overwritten is refused by SQLite as "not a database"
    although its pages are intact: then a copy with a standard header written back (page
    sizes tried in turn) is read instead.
    """
    conn = _schema_readable(source)
    if conn is not None or not source.exists() or source.stat().st_size < 512:
        return conn
    shutil.copyfile(source, copy)  # once; only its first 100 bytes change per attempt
    for page_size in (4096, 1024, 8192, 16384, 32768, 65536, 2048, 512):
        with copy.open("r+b") as file:
            file.write(_header(page_size))
        conn = _schema_readable(copy)
        if conn is not None:
            log.warning("Salvage of %s reads a copy with its header rewritten", source)
            return conn
    copy.unlink(missing_ok=True)
    return None


def _schema_readable(path: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]:
            return conn
    except sqlite3.DatabaseError:
        pass
    conn.close()
    return None


def _header(page_size: int) -> bytes:
    """A standard database header (file format 4, UTF-8, legacy journal) for ``page_size``;
    the page count is left invalid so that SQLite takes it from the file's length."""
    header = bytearray(100)
    header[0:16] = b"SQLite format 3\x00"
    header[16:18] = (1 if page_size == 65536 else page_size).to_bytes(2, "big")
    header[18:24] = bytes((1, 1, 0, 64, 32, 32))
    header[24:28] = (1).to_bytes(4, "big")  # change counter != version-valid-for (0)
    header[40:44] = (1).to_bytes(4, "big")  # schema cookie
    header[44:48] = (4).to_bytes(4, "big")  # schema format
    header[56:60] = (1).to_bytes(4, "big")  # UTF-8
    header[96:100] = (3_040_000).to_bytes(4, "big")
    return bytes(header)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _copy_table(src: sqlite3.Connection, target: sqlite3.Connection, table: str) -> int:
    wanted = _columns(target, table)
    try:
        present = set(_columns(src, table))
    except sqlite3.DatabaseError as exc:
        log.warning("Salvage: the schema of %s cannot be read: %s", table, exc)
        return 0
    columns = [c for c in wanted if c in present]
    if not columns:
        return 0
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = 0
    target.execute("BEGIN IMMEDIATE")
    try:
        for row in _readable_rows(src, table, names):
            copied += target.execute(insert, row).rowcount
    except BaseException:
        target.execute("ROLLBACK")
        raise
    target.execute("COMMIT")
    return copied


def _readable_rows(src: sqlite3.Connection, table: str, names: str) -> Iterator[tuple[object, ...]]:
    """Every row of ``table`` that can be read, stepping around unreadable pages."""
    try:
        src.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.DatabaseError:
        # WITHOUT ROWID tables: one scan, as far as it goes.
        yield from _scan_until_error(src, f'SELECT {names} FROM "{table}"')
        return
    try:
        last = src.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except sqlite3.DatabaseError:
        last = None
    select = f'SELECT rowid, {names} FROM "{table}"'
    after = -(2**63)
    missed = 0
    while True:
        try:
            rows = src.execute(
                f"{select} WHERE rowid > ? ORDER BY rowid LIMIT {_CHUNK}", (after,)
            ).fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows:
            missed = 0
            for row in rows:
                yield row[1:]
            after = rows[-1][0]
            continue
        if rows is not None:
            return  # the end of the table
        # A bad page lies after ``after``: look rowids up one at a time past it.
        start = max(after, 0)
        for rowid in range(start + 1, start + 1 + _CHUNK):
            try:
                row = src.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                row = None
            if row is not None:
                yield row[1:]
        after = start + _CHUNK
        missed += _CHUNK
        if (last is not None and after >= last) or (last is None and missed >= _GIVE_UP_AFTER):
            return


def _scan_until_error(src: sqlite3.Connection, select: str) -> Iterator[tuple[object, ...]]:
    try:
        yield from src.execute(select)
    except sqlite3.DatabaseError as exc:
        log.warning("Salvage stopped early in %r: %s", select, exc)


def _drop_orphans(target: sqlite3.Connection) -> None:
    """Settle rows whose parent row was not salvaged, as a delete of the parent would:
    the reference cleared where the schema says ``ON DELETE SET NULL``, else the row gone."""
    for _ in range(8):  # a removed row may orphan others: a few rounds settle it
        orphans = target.execute("PRAGMA foreign_key_check").fetchall()
        if not orphans:
            return
        for table, rowid, _parent, fk in orphans:
            if rowid is None:
                continue
            keys = target.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
            columns = [str(k[3]) for k in keys if k[0] == fk]
            if all(k[6] == "SET NULL" for k in keys if k[0] == fk):
                sets = ", ".join(f'"{c}" = NULL' for c in columns)
                target.execute(f'UPDATE "{table}" SET {sets} WHERE rowid = ?', (rowid,))
            else:
                target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
