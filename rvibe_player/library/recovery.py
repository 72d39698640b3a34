"""Opening the library database safely: a damaged file is kept aside and salvaged.

The library database holds what no rescan can rebuild: play counts, ratings, the play log,
playlists and the identities that follow files across moves. :func:`open_library` checks
the file first (a quick look, or ``PRAGMA quick_check`` after a crash); when it is damaged,
it is moved aside (never deleted), a fresh database is made in its place and every
readable row of those tables is copied into it. The tracks' tags come back with the next
scan, which the caller starts.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from rvibe_player.core.sqlite_salvage import Repair, inspect, salvage, set_aside
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.fingerprint import BLAKE2B, KINDS

log = logging.getLogger(__name__)

SALVAGED_TABLES = ("roots", "tracks", "playlists", "playlist_entries", "plays")
"""What is copied out of a damaged library, parents before the rows that refer to them.
``unreadable`` (found again by a scan) and ``library_state`` (derived) start afresh."""


def open_library(path: Path) -> tuple[LibraryDatabase, Repair | None]:
    """The library database at ``path``, repaired first if it is damaged.

    Every page is checked (``quick_check``, about 150 ms on 100k tracks) when the last
    session did not close the library (a crash or a power cut: when damage happens) or
    when the background check found damage; otherwise only a quick look is taken (header,
    schema, length: about a millisecond) and :func:`verify` runs later off the GUI thread.
    Returns the open database and, when a repair happened, what was done; None when the
    file was sound. Call :func:`closed` after closing it.
    """
    marker, in_use = _marker(path), _in_use(path)
    problem = inspect(path, thorough=marker.exists() or in_use.exists())
    repair = None
    if problem is None:
        try:
            db = LibraryDatabase(path)
        except sqlite3.DatabaseError as exc:  # damage the look did not see (the schema)
            problem = str(exc)
    if problem is not None:
        damaged = set_aside(path)
        db = LibraryDatabase(path)
        repair = Repair(damaged, problem, salvage(damaged, db.conn, SALVAGED_TABLES))
        if repair.salvaged.get("tracks"):  # their fingerprints were made the damaged file's way
            db.set_fingerprint_kind(_fingerprint_kind(damaged))
        log.warning("Library database was damaged (%s); recovered %s from %s",
                    problem, repair.salvaged, damaged)  # fmt: skip
    _restore_indexes(db)
    marker.unlink(missing_ok=True)
    in_use.write_text(f"{os.getpid()}\n", encoding="utf-8")
    return db, repair


def _fingerprint_kind(damaged: Path) -> int:
    """How the damaged library made its fingerprints; BLAKE2b (the first kind, which every
    library with tracks before schema 5 has) when that cannot be read."""
    try:
        conn = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM library_state WHERE key = 'fingerprint_kind'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        row = None
    return int(row[0]) if row is not None and row[0] in KINDS else BLAKE2B


def _restore_indexes(db: LibraryDatabase) -> None:
    """A first scan killed before its end left the track indexes out: build them now (every
    query answers without them, only slower; so a failure here is only logged)."""
    try:
        rebuilt = db.restore_indexes()
    except sqlite3.Error as exc:
        log.warning("Could not rebuild the library's indexes: %s", exc)
        return
    if rebuilt:
        log.warning("Rebuilt library indexes left out by an unfinished scan: %s", rebuilt)


def closed(path: Path) -> None:
    """The library at ``path`` was closed cleanly: the next open need not check every page."""
    _in_use(path).unlink(missing_ok=True)


def verify(path: Path) -> str | None:
    """Check every page of the library (its own connection; any thread). When damage is
    found, the next :func:`open_library` repairs; returns SQLite's words, or None."""
    problem = inspect(path)
    if problem is not None:
        log.warning("Library database %s is damaged: %s", path, problem)
        _marker(path).write_text(problem + "\n", encoding="utf-8")
    return problem


def _in_use(path: Path) -> Path:
    """Present while a player or command has the library open; left behind by a crash."""
    return path.with_name(path.name + ".in-use")


def _marker(path: Path) -> Path:
    """Left beside a library found damaged while open: check it fully at the next open."""
    return path.with_name(path.name + ".needs-check")


def summary(repair: Repair) -> str:
    """One sentence for the command line (the window says it in the user's language)."""
    return (
        f"The library database was damaged ({repair.problem}). It was moved to "
        f"{repair.damaged} and a new one made; recovered {repair.salvaged.get('tracks', 0)} "
        f"tracks, {repair.salvaged.get('plays', 0)} plays and "
        f"{repair.salvaged.get('playlists', 0)} playlists. Scan your folders again to "
        "bring back the tags."
    )
