"""Parallel tag reading: a process pool of tag readers, or the calling process for a few files.

Each result is ``(path, fingerprint, row, reason)``: ``row`` holds the file's database columns
(built in the worker, so the single writer only writes), or is None with ``reason`` saying
why the file could not be indexed. Nothing a file contains can make a worker raise.
"""

from __future__ import annotations

import io
import itertools
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from rvibe_player.library import fingerprint
from rvibe_player.library.database import TrackRow, track_row

log = logging.getLogger(__name__)

ReadResult = tuple[str, bytes | None, TrackRow | None, str | None]
WorkItem = tuple[str, int, int]
"""(path, size, mtime_ns) of a file to read."""

CHUNK = 256
"""Files per task sent to a worker (about 50 ms of reading). Each task costs the scanning
process a future, two pickled messages and a wake-up of the pool's threads: with 48 files a
task, that was a quarter of its CPU in a 100k first scan (6.5 s against 4.9 s with 256;
512 saved nothing more). Cancelling waits for at most one running task per worker."""
FIRST_CHUNK = 32
"""The first tasks are smaller (32, 64, 128, then :data:`CHUNK`), so the first tracks show
soon and a few hundred files still spread over every worker."""
AHEAD = 8
"""Chunks queued per worker, about 0.4 s of reading: the scanner takes results only between
writing batches (a batch of 5,000 new tracks takes 0.15-0.25 s at 100k tracks), and with
less queued the readers stood idle through every write."""
POOL_THRESHOLD = 64
"""Below this many files the pool's start-up costs more than it saves."""


def read_one(path: str, size: int, mtime_ns: int, kind: int = fingerprint.CURRENT) -> ReadResult:
    """Fingerprint (of ``kind``) and read the tags of one file (opened once); never raises."""
    # Here, not at the top: the scanning process draws results from the readers and never
    # parses a tag itself (unless the pool breaks), so it does not import mutagen (25 ms).
    from rvibe_player.library.tags import UnreadableFileError, read_tags_from

    digest = None
    try:
        with open(path, "rb") as handle:
            digest, content = fingerprint.fingerprint_and_content(handle, size, kind)
            tags = read_tags_from(handle if content is None else _InMemory(content, path), path)
        return path, digest, track_row(path, size, mtime_ns, digest, tags), None
    except UnreadableFileError as exc:
        return path, digest, None, exc.reason
    except PermissionError:
        return path, None, None, "permission denied: the file cannot be opened"
    except OSError as exc:
        return path, digest, None, f"cannot read the file: {exc.strerror or exc}"
    except Exception as exc:  # a bug of ours must not end the scan
        log.exception("Unexpected failure reading %r", path)
        return path, digest, None, f"internal error while reading: {type(exc).__name__}"


class _InMemory(io.BytesIO):
    """A small file's content, already read whole for its fingerprint, named as the file:
    mutagen's format sniffing (a file whose extension lies) weighs the name too."""

    def __init__(self, content: bytes, name: str) -> None:
        super().__init__(content)
        self.name = name


def read_chunk(items: Sequence[WorkItem], kind: int = fingerprint.CURRENT) -> list[ReadResult]:
    """Worker entry point: read a chunk of files."""
    return [read_one(*item, kind) for item in items]


def default_workers() -> int:
    """One reader per core."""
    return max(1, os.cpu_count() or 1)


def read_all(
    items: Iterable[WorkItem],
    workers: int | None = None,
    cancel: threading.Event | None = None,
    kind: int = fingerprint.CURRENT,
) -> Iterator[ReadResult]:
    """Read every item, yielding results as they come (order is not kept); fingerprints
    of ``kind`` (the library's).

    ``items`` may be a generator that is still finding files (the scanner's walk): it is
    drawn from only as the readers need more work. Stops early, without waiting for queued
    work, when ``cancel`` is set.
    """
    workers = workers or default_workers()
    remaining = iter(items)
    head = list(itertools.islice(remaining, POOL_THRESHOLD))
    if len(head) < POOL_THRESHOLD or workers == 1:
        for item in itertools.chain(head, remaining):
            if cancel is not None and cancel.is_set():
                return
            yield read_one(*item, kind)
        return
    yield from _read_pooled(itertools.chain(head, remaining), workers, cancel, kind)


def _chunks(items: Iterator[WorkItem]) -> Iterator[Sequence[WorkItem]]:
    size = FIRST_CHUNK
    while chunk := list(itertools.islice(items, size)):
        yield chunk
        size = min(size * 2, CHUNK)


def _read_pooled(
    items: Iterator[WorkItem], workers: int, cancel: threading.Event | None, kind: int
) -> Iterator[ReadResult]:
    # "spawn" everywhere: forking a process that runs Qt or watcher threads is unsafe.
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Future[list[ReadResult]] | None, Sequence[WorkItem]]] = deque()
    chunks = _chunks(items)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            while True:
                try:
                    _fill(pool, pending, chunks, workers * AHEAD, kind)
                    if not pending or (cancel is not None and cancel.is_set()):
                        return
                    future = pending[0][0]
                    assert future is not None
                    results = future.result()
                except BrokenProcessPool:  # from a result, or from submitting more work
                    log.error("A tag reader process died; reading the rest in this process.")
                    rest = [chunk for _, chunk in pending]
                    pending.clear()
                    # Not unpacked: the rest of the walk is drawn as it is read.
                    yield from _read_serial(itertools.chain(rest, chunks), cancel, kind)
                    return
                pending.popleft()
                yield from results
        finally:
            for future, _ in pending:
                if future is not None:
                    future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _fill(
    pool: ProcessPoolExecutor,
    pending: deque[tuple[Future[list[ReadResult]] | None, Sequence[WorkItem]]],
    chunks: Iterator[Sequence[WorkItem]],
    limit: int,
    kind: int,
) -> None:
    while len(pending) < limit:
        chunk = next(chunks, None)
        if chunk is None:
            return
        try:
            future = pool.submit(read_chunk, chunk, kind)
        except BrokenProcessPool:
            pending.append((None, chunk))  # read with the rest, in this process
            raise
        pending.append((future, chunk))


def _read_serial(
    chunks: Iterable[Sequence[WorkItem]], cancel: threading.Event | None, kind: int
) -> Iterator[ReadResult]:
    for chunk in chunks:
        for item in chunk:
            if cancel is not None and cancel.is_set():
                return
            yield read_one(*item, kind)
