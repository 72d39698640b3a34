"""Walks library folders without ever crashing or looping: the scan's stat floor.

Symbolic link loops, folders we may not read, vanished entries, FIFOs and devices are
reported as problems or skipped; hidden files (names starting with a dot, such as macOS
``._`` companions) are left alone.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator

from rvibe_player.library import reasons
from rvibe_player.library.reasons import os_reason, reason

FoundFile = tuple[str, int, int]
"""A regular file found by the walk: (path, size, mtime_ns)."""


ProblemSink = Callable[[str, str], None]
"""Called with (path, reason) for a folder or entry the walk had to leave out."""


def walk(
    top: str, on_problem: ProblemSink, cancel: threading.Event | None = None
) -> Iterator[FoundFile]:
    """Yield every regular file under ``top`` (a folder or a single file)."""
    for batch in walk_folders(top, on_problem, cancel):
        yield from batch


def walk_folders(
    top: str, on_problem: ProblemSink, cancel: threading.Event | None = None
) -> Iterator[list[FoundFile]]:
    """Yield the regular files under ``top`` one folder at a time (cheaper per file).

    Each real folder is entered once, so a symbolic link pointing back up the tree is
    reported instead of followed forever.
    """
    try:
        top_stat = os.stat(top)
    except OSError as exc:
        on_problem(top, os_reason(exc))
        return
    if stat.S_ISREG(top_stat.st_mode):
        yield [(top, top_stat.st_size, top_stat.st_mtime_ns)]
        return
    visited = {(top_stat.st_dev, top_stat.st_ino)}
    stack = [top]
    while stack:
        if cancel is not None and cancel.is_set():
            return
        folder = stack.pop()
        subfolders: list[str] = []
        files: list[FoundFile] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name[0] == ".":
                        continue
                    try:
                        if entry.is_file():  # regular files (or links to one); no FIFOs
                            info = entry.stat()
                            files.append((entry.path, info.st_size, info.st_mtime_ns))
                        elif entry.is_dir():
                            _enter(entry, visited, subfolders, on_problem)
                        elif entry.is_symlink():
                            on_problem(entry.path, reason(reasons.BROKEN_LINK))
                    except OSError as exc:
                        on_problem(entry.path, os_reason(exc))
        except OSError as exc:
            on_problem(folder, reason(reasons.FOLDER_SKIPPED, os_reason(exc)))
        if files:
            yield files
        stack.extend(sorted(subfolders, reverse=True))


def _enter(
    entry: os.DirEntry[str],
    visited: set[tuple[int, int]],
    subfolders: list[str],
    on_problem: ProblemSink,
) -> None:
    info = entry.stat()
    key = (info.st_dev, info.st_ino)
    if key in visited:
        on_problem(entry.path, reason(reasons.LINK_LOOP))
    else:
        visited.add(key)
        subfolders.append(entry.path)
