"""The library scanner: walks folders, reads changed files in parallel, writes in batches.

A scan compares what is on disk with the database: unchanged files (same size and mtime)
are not read again; new and changed files go to the tag readers; a new file whose content
fingerprint matches a vanished track is that track *moved*, so it keeps its id, statistics
and playlist places; vanished tracks are marked removed (never deleted). A root that cannot
be reached, or that is suddenly empty, is marked offline and its tracks are kept.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player.library import reasons
from rvibe_player.library.database import LibraryDatabase, TrackRow, transaction
from rvibe_player.library.formats import AUDIO_EXTENSIONS
from rvibe_player.library.model import display_path, path_key
from rvibe_player.library.walker import walk_folders

if TYPE_CHECKING:
    from rvibe_player.library.reader_pool import ReadResult

log = logging.getLogger(__name__)

BATCH_ROWS = 5000
BATCH_SECONDS = 1.0
"""Rows per write transaction, or a second's worth: every commit leaves the full-text index a
new segment to merge and writes every page the batch touched to the WAL (then checkpoints
it), so small batches cost more write CPU per row, and more as the library grows: at 100k
tracks a batch of 1,000 new tracks cost 0.10 ms a track, one of 5,000 0.06 ms (half of it
the commit). New tracks still appear in the library every second."""
TAIL_ROWS = 200
"""Once the walk is over and the number of files left to read is known, a batch is written
as soon as it holds as many rows as are still to come (but at least this many): the write
after the last file is read then is a small one. Every write before it runs while the
readers go on with what they have queued; that last one, and everything after it, is
time with the readers done and one core idle (a batch of 5,000 rows: 0.12 s at 20k)."""
INDEX_AHEAD = 8
"""A first scan builds its deferred indexes (:meth:`LibraryDatabase.bulk_load`) once the
files left to read are at most 1/8 of the rows written, while the readers still read them,
instead of after the last file (0.11 s at 20k, 0.7 s at 100k, with the readers done and a
core idle). The last rows then pay for the indexes row by row, which costs less for so few
rows than that idle core."""
PROGRESS_SECONDS = 0.1
SCAN_CACHE_KIB = 64 * 1024
"""The scan's connection keeps more pages than others (16 MB): the full-text index and the
path index of a big library outgrow 16 MB, and every batch then read its pages back from the
OS (100k first scan: 0.5 s less CPU; the scanning process peaks at 169 MB, was 120)."""


@dataclass(slots=True)
class ScanProgress:
    """Where a running scan is: files seen, files read of those to read, rate and ETA."""

    phase: str  # "walking", "reading" or "finishing"
    seen: int
    to_read: int
    read: int
    rate: float
    eta_seconds: float | None


@dataclass
class ScanReport:
    """What a scan changed and what it could not do."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    removed: int = 0
    unchanged: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    offline_roots: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """Whether the library content changed."""
        return bool(self.added or self.updated or self.moved or self.removed)


ProgressCallback = Callable[[ScanProgress], None]


@dataclass(slots=True)
class _Target:
    root_id: int
    root: str
    top: str  # the root itself, or a folder or file inside it (watcher)


_ToRead = tuple[str, int, int, int, int | None, bool]
"""(path, size, mtime_ns, root id, existing track id, was unreadable) of a file to read."""


@dataclass(slots=True)
class _Plan:
    to_read: list[_ToRead] = field(default_factory=list)
    missing: dict[int, int] = field(default_factory=dict)
    """track id -> root id of tracks whose file was not found."""
    revive: list[tuple[int, int]] = field(default_factory=list)
    """(track id, root id) of known tracks found again after being offline or removed."""
    forget: list[bytes] = field(default_factory=list)
    seen: int = 0


class Scanner:
    """Scans library roots into the database at ``db_path`` (its own connection)."""

    def __init__(self, db_path: Path, workers: int | None = None) -> None:
        self._db_path = db_path
        self._workers = workers

    def scan(
        self,
        roots: Sequence[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> ScanReport:
        """Scan the given folders (added as roots) or, with None, every known root."""
        db = LibraryDatabase(self._db_path)
        db.conn.execute(f"PRAGMA cache_size = -{SCAN_CACHE_KIB}")
        try:
            if roots is not None:
                for root in roots:
                    db.add_root(os.path.abspath(root))
            wanted = {path_key(os.path.abspath(r)) for r in roots} if roots is not None else None
            targets = [
                _Target(r.id, r.path, r.path)
                for r in db.roots()
                if wanted is None or path_key(r.path) in wanted
            ]
            # Into an empty library, the secondary indexes are built near the end (bulk_load).
            with db.bulk_load() as deferred:
                run = _ScanRun(db, self._workers, progress, cancel, indexes_deferred=deferred)
                return run.run(_outermost(targets), full=True)
        finally:
            db.close()

    def scan_paths(self, paths: Sequence[str]) -> ScanReport:
        """Re-check specific files or folders (from the watcher) inside known roots."""
        db = LibraryDatabase(self._db_path)
        try:
            roots = db.roots()
            targets = []
            for path in {os.path.abspath(p) for p in paths}:
                for root in roots:
                    if root.online and _is_within(path, root.path):
                        targets.append(_Target(root.id, root.path, path))
                        break
            db.restore_indexes()
            return _ScanRun(db, self._workers, None, None).run(_outermost(targets), full=False)
        finally:
            db.close()


def _is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _outermost(targets: list[_Target]) -> list[_Target]:
    """Drop targets inside another target, so no file is looked at twice."""
    targets.sort(key=lambda t: t.top)
    kept: list[_Target] = []
    for target in targets:
        if not kept or not _is_within(target.top, kept[-1].top):
            kept.append(target)
    return kept


class _ScanRun:
    """One scan: plan (walk and compare), read, write, then settle vanished files."""

    def __init__(
        self,
        db: LibraryDatabase,
        workers: int | None,
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
        indexes_deferred: bool = False,
    ) -> None:
        self.db = db
        self._indexes_deferred = indexes_deferred
        self.workers = workers
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.report = ScanReport()
        self.plan = _Plan()
        self._last_progress = 0.0
        self._read_started = 0.0
        self._read_count = 0
        self._walked = False

    def run(self, targets: list[_Target], full: bool) -> ScanReport:
        started = time.monotonic()
        if not any(self.db.knows_anything(path_key(t.top)) for t in targets):
            # Nothing here is known yet (a first scan): no file can have changed, moved or
            # gone, so files are read while the walk is still finding more. The readers start
            # at once instead of after the whole tree is listed (a second at 100k files on a
            # local disk; minutes on a slow network share).
            self._read_and_write(self._plan_all(targets, full))
        else:
            for _ in self._plan_all(targets, full):
                pass
            if not self.cancel.is_set():
                self._read_and_write(iter(self.plan.to_read))
        if not self.cancel.is_set():
            self._settle()
        self.report.cancelled = self.cancel.is_set()
        self.report.seconds = time.monotonic() - started
        return self.report

    # -- planning --------------------------------------------------------------------------

    def _plan_all(self, targets: list[_Target], full: bool) -> Iterator[_ToRead]:
        """Walk every target, yielding each file to read as it is found (also kept in
        ``plan.to_read``, where a changed file's entry gets its track id after the walk)."""
        for target in targets:
            if self.cancel.is_set():
                return
            yield from self._plan_target(target, full)
        self._walked = True  # how many files there are to read is known now (the ETA)

    def _plan_target(self, target: _Target, full: bool) -> Iterator[_ToRead]:
        if full and not self._root_reachable(target):
            return
        prefix = path_key(target.top)
        known = self.db.known_files(prefix)  # playable: (path, size, mtime_ns)
        others = self.db.known_other_files(prefix)  # offline, missing, removed: with ids
        known_bad = self.db.known_unreadable(prefix)
        live_before = len(known) + sum(1 for v in others.values() if v[3] != "removed")
        found_any = False

        def problem(path: str, reason: str) -> None:
            self.report.problems.append((display_path(path), reason))

        skipped: list[tuple[str, int, int, str]] = []
        changed: list[tuple[int, bytes]] = []  # (index in to_read, path) of playable tracks
        to_read = self.plan.to_read
        report = self.report
        sep = os.sep
        not_audio = reasons.reason(reasons.NOT_AUDIO_FILE)
        for files in walk_folders(target.top, problem, self.cancel):
            found_any = True
            self.plan.seen += len(files)
            self._emit("reading" if self._read_started else "walking")
            for path, size, mtime in files:
                key = path_key(path)
                bad = known_bad.pop(key, None) if known_bad else None
                record = known.pop(key, None)
                if record is not None and record[1] == size and record[2] == mtime:
                    report.unchanged += 1  # the common case, first: nothing else to look at
                    continue
                other = others.pop(key, None) if others and record is None else None
                dot = path.rfind(".")
                if dot < path.rfind(sep) or path[dot:].lower() not in AUDIO_EXTENSIONS:
                    if bad != (size, mtime):
                        skipped.append((path, size, mtime, not_audio))
                    report.skipped.append((display_path(path), not_audio))
                elif bad == (size, mtime):
                    report.unchanged += 1  # still unreadable: retried only when it changes
                elif other is not None and other[1] == size and other[2] == mtime:
                    report.unchanged += 1
                    self.plan.revive.append((other[0], target.root_id))
                else:
                    if record is not None:
                        changed.append((len(to_read), key))
                    existing = other[0] if other is not None else None
                    entry = (path, size, mtime, target.root_id, existing, bad is not None)
                    to_read.append(entry)
                    yield entry
        if changed:  # the ids of playable tracks that changed, for their updates
            ids = self.db.ids_by_path(key for _, key in changed)
            for index, key in changed:
                to_read[index] = (*to_read[index][:4], ids.get(key), to_read[index][5])
        if skipped:
            with transaction(self.db.conn):
                self.db.record_unreadable_many(target.root_id, skipped, "skipped")
        if self.cancel.is_set():
            return
        if full and not found_any and live_before:
            note = reasons.reason(reasons.EMPTY_ROOT)
            self.db.set_root_online(target.root_id, False, note)
            self.report.offline_roots.append((display_path(target.root), note))
            return
        self.plan.forget.extend(known_bad)
        for track_id in self.db.ids_by_path(known).values():  # playable, and not found
            self.plan.missing[track_id] = target.root_id
        for track_id, _, _, status in others.values():
            if status != "removed":
                self.plan.missing[track_id] = target.root_id

    def _root_reachable(self, target: _Target) -> bool:
        try:
            with os.scandir(target.root):
                pass
        except OSError as exc:
            note = reasons.reason(reasons.UNREACHABLE_ROOT, reasons.os_reason(exc))
            self.db.set_root_online(target.root_id, False, note)
            self.report.offline_roots.append((display_path(target.root), note))
            return False
        self.db.set_root_online(target.root_id, True)
        return True

    # -- reading and writing ---------------------------------------------------------------

    def _read_and_write(self, planned: Iterator[_ToRead]) -> None:
        """Read the files ``planned`` yields (while it may still be walking) and write them."""
        first = next(planned, None)
        if first is None:  # an unchanged rescan: no tag reader, not even its imports (~40 ms)
            self._emit("reading", force=True)
            return
        from rvibe_player.library.reader_pool import WorkItem, read_all  # mutagen: only now

        details: dict[str, tuple[int, int, int, int | None, bool]] = {}

        def items() -> Iterator[WorkItem]:
            for path, size, mtime, root_id, track_id, was_bad in itertools.chain((first,), planned):
                details[path] = (size, mtime, root_id, track_id, was_bad)
                yield path, size, mtime

        missing_by_print: dict[bytes, list[int]] = {}
        for track_id, fp in self.db.track_fingerprints(self.plan.missing).items():
            missing_by_print.setdefault(fp, []).append(track_id)
        batch: list[ReadResult] = []
        batch_started = time.monotonic()
        self._read_started = time.monotonic()
        kind = self.db.fingerprint_kind()
        for result in read_all(items(), self.workers, self.cancel, kind):
            batch.append(result)
            self._read_count += 1
            now = time.monotonic()
            # How many are still to come, once the walk is over (else None).
            left = len(self.plan.to_read) - self._read_count if self._walked else None
            if (
                len(batch) >= BATCH_ROWS
                or now - batch_started >= BATCH_SECONDS
                or (left is not None and len(batch) >= max(left, TAIL_ROWS))
            ):
                self._write(batch, details, missing_by_print)
                batch = []
                batch_started = now
                if (  # every file read so far is written now: self._read_count rows
                    self._indexes_deferred
                    and left is not None
                    and left * INDEX_AHEAD <= self._read_count
                ):
                    self.db.restore_indexes()
                    self._indexes_deferred = False
            self._emit("reading")
        if batch:
            self._write(batch, details, missing_by_print)
        self._emit("reading", force=True)

    def _write(
        self,
        batch: list[ReadResult],
        details: dict[str, tuple[int, int, int, int | None, bool]],
        missing_by_print: dict[bytes, list[int]],
    ) -> None:
        inserts: dict[int, list[TrackRow]] = {}
        updates: list[tuple[int, int, TrackRow]] = []
        failed: dict[int, list[tuple[str, int, int, str]]] = {}
        forget: list[bytes] = []
        report = self.report
        for path, digest, row, reason in batch:
            size, mtime, root_id, track_id, was_unreadable = details.pop(path)
            if row is None or digest is None:
                why = reason or reasons.reason(reasons.UNKNOWN)
                failed.setdefault(root_id, []).append((path, size, mtime, why))
                report.unreadable.append((display_path(path), why))
                continue
            if was_unreadable:
                forget.append(row[0])
            if track_id is not None:
                updates.append((track_id, root_id, row))
                report.updated += 1
            elif candidates := missing_by_print.get(digest):
                moved_id = candidates.pop()
                self.plan.missing.pop(moved_id, None)
                updates.append((moved_id, root_id, row))
                report.moved += 1
            else:
                inserts.setdefault(root_id, []).append(row)
                report.added += 1
        db = self.db
        with transaction(db.conn):
            for root_id, rows in inserts.items():
                db.insert_rows(root_id, rows)
            db.update_rows(updates)
            for root_id, files in failed.items():
                db.record_unreadable_many(root_id, files, "error")
            db.forget_unreadable(forget)

    def _settle(self) -> None:
        self._emit("finishing", force=True)
        with transaction(self.db.conn):
            self.db.set_status(list(self.plan.missing), "removed")
            self.db.revive(self.plan.revive)
            self.db.forget_unreadable(self.plan.forget)
        self.report.removed = len(self.plan.missing)

    def _emit(self, phase: str, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self._last_progress < PROGRESS_SECONDS:
            return
        self._last_progress = now
        to_read = len(self.plan.to_read)
        done = self._read_count
        elapsed = now - self._read_started if self._read_started else 0.0
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (to_read - done) / rate if rate > 0 and self._walked else None
        self.progress(ScanProgress(phase, self.plan.seen, to_read, done, rate, eta))
