"""Rotating backups of the library database, with the playlists as plain XSPF files.

What no rescan rebuilds (play counts, ratings, the play log, playlists, identities) is
copied with SQLite's online backup API (one consistent snapshot while the player runs)
into ``backups/YYYYmmdd-HHMMSS/library.sqlite3``, off the GUI thread, at most once a day
or after a large change; each regular playlist is written beside it as XSPF, readable by
any player. The last :data:`KEEP` are kept within :data:`SIZE_CAP` bytes (the newest
always). A restore happens when the library is next opened: the current file is kept
aside first (``library.sqlite3.before-restore-...``).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from rvibe_player import paths
from rvibe_player.core.safe_files import aside_name, write_atomic
from rvibe_player.core.sqlite_salvage import copy_database

log = logging.getLogger(__name__)

KEEP = 7
SIZE_CAP = 2 * 1024**3
"""Bytes all backups may take together (the newest is kept whatever its size)."""
DAY_S = 24 * 3600
LARGE_CHANGE = 0.10
"""A change of this share of the tracks (or of at least :data:`LARGE_MIN` of them)."""
LARGE_MIN = 500
_NAME = re.compile(r"[0-9]{8}-[0-9]{6}(-[0-9]+)?")
_RESTORE = "restore-request.json"


@dataclass(frozen=True)
class Backup:
    """One backup: its folder, when it was made and what it holds."""

    folder: Path
    made_at: float
    tracks: int
    plays: int
    playlists: int

    @property
    def database(self) -> Path:
        return self.folder / "library.sqlite3"


def backups(folder: Path) -> list[Backup]:
    """Every complete backup in ``folder``, newest first."""
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for child in folder.iterdir():
        if not _NAME.fullmatch(child.name):
            continue
        try:
            summary = json.loads((child / "summary.json").read_text(encoding="utf-8"))
            found.append(Backup(child, float(summary["made_at"]), int(summary["tracks"]),
                                int(summary["plays"]), int(summary["playlists"])))  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            continue  # unfinished or damaged: not offered
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def due(library: Path, folder: Path, now: float | None = None) -> bool:
    """Whether a backup should be made: none yet, the last over a day old, or the library
    changed a lot since (a tenth of its tracks, or 500)."""
    now = time.time() if now is None else now
    made = backups(folder)
    if not made:
        return True
    last = made[0]
    if now - last.made_at >= DAY_S:
        return True
    tracks, plays, playlists = _counts(library)
    changed = abs(tracks - last.tracks) + abs(plays - last.plays)
    return changed >= max(LARGE_MIN, LARGE_CHANGE * max(last.tracks, 1)) or (
        playlists != last.playlists
    )


def make_backup(library: Path, folder: Path, now: float | None = None) -> Backup:
    """Copy the library (online backup) and its playlists (XSPF) into a new backup; prune."""
    now = time.time() if now is None else now
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target, count = folder / stamp, 1
    while target.exists():
        count += 1
        target = folder / f"{stamp}-{count}"
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial.mkdir(mode=0o700)
    database = paths.private_file(partial / "library.sqlite3")
    copy_database(library, database)
    written = _export_playlists(database, partial / "playlists")
    tracks, plays, playlists = _counts(database)
    summary = {"made_at": now, "tracks": tracks, "plays": plays, "playlists": playlists,
               "xspf": written}  # fmt: skip
    write_atomic(partial / "summary.json", json.dumps(summary, indent=1))
    partial.rename(target)  # complete, or not listed at all
    prune(folder)
    log.info("Library backed up to %s (%d tracks, %d plays, %d playlists)",
             target, tracks, plays, playlists)  # fmt: skip
    return Backup(target, now, tracks, plays, playlists)


def prune(folder: Path, keep: int = KEEP, cap: int = SIZE_CAP) -> None:
    """Keep the newest ``keep`` backups within ``cap`` bytes together (the newest always)."""
    made = backups(folder)
    total = 0
    for n, backup in enumerate(made):
        size = sum(f.stat().st_size for f in backup.folder.rglob("*") if f.is_file())
        total += size
        if n > 0 and (n >= keep or total > cap):
            shutil.rmtree(backup.folder, ignore_errors=True)


def request_restore(library: Path, backup: Backup) -> None:
    """Ask for ``backup`` to replace the library the next time it is opened."""
    note = {"backup": str(backup.folder), "asked_at": time.time()}
    write_atomic(library.with_name(_RESTORE), json.dumps(note))


def requested_backup(library: Path) -> Path | None:
    """The backup folder a restore was asked for, if one was."""
    try:
        note = json.loads(library.with_name(_RESTORE).read_text(encoding="utf-8"))
        return Path(note["backup"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def restore_if_requested(library: Path) -> tuple[Path, Path] | None:
    """Before the library opens: carry out a requested restore. Returns the backup's folder
    and where the replaced library was kept (None when nothing was asked, or the backup is
    gone)."""
    backup = requested_backup(library)
    if backup is None:
        return None
    library.with_name(_RESTORE).unlink(missing_ok=True)
    source = backup / "library.sqlite3"
    if not source.is_file():
        log.warning("The backup to restore, %s, is gone", source)
        return None
    kept = aside_name(library, kind="before-restore")
    if library.exists():
        copy_database(library, paths.private_file(kept))
    for side in ("-wal", "-shm"):
        library.with_name(library.name + side).unlink(missing_ok=True)
    copy_database(source, paths.private_file(library))
    log.warning("Library restored from %s; the one before is kept as %s", source, kept)
    return backup, kept


def _counts(database: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return (
            int(
                conn.execute("SELECT count(*) FROM tracks WHERE status != 'removed'").fetchone()[0]
            ),
            int(conn.execute("SELECT count(*) FROM plays").fetchone()[0]),
            int(conn.execute("SELECT count(*) FROM playlists").fetchone()[0]),
        )
    finally:
        conn.close()


def _export_playlists(database: Path, folder: Path) -> int:
    """Each regular playlist of the backup copy as ``NN name.xspf``; how many were written."""
    from rvibe_player.library.database import LibraryDatabase
    from rvibe_player.library.playlist_store import PlaylistStore

    db = LibraryDatabase(database)
    try:
        store = PlaylistStore(db)
        written = 0
        for info in store.playlists():
            if info.smart:
                continue
            folder.mkdir(exist_ok=True)
            safe = re.sub(r"[^\w .,()&'-]+", "_", info.name).strip(" .") or "playlist"
            store.export_file(info.id, folder / f"{info.id:03d} {safe[:80]}.xspf")
            written += 1
        return written
    finally:
        db.close()
