"""The store's logging: stderr and a rotating file, each behind a filter that drops repeats.

When a resource runs out (descriptors, the disk, the database) the same error repeats on every
request: one probe wrote 89,149 tracebacks in 10 seconds. The first record of a kind (logger,
level, message template, exception type) passes; repeats within ``window_s`` are dropped and
counted, and the first one after the window says how many were dropped.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rvibe_player.paths import private_rotating_log

_MAX_KINDS = 1000

Kind = tuple[str, int, str, str]


class RepeatFilter(logging.Filter):
    """Drops repeats of a record within ``window_s`` of the first one that passed."""

    def __init__(self, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.window_s = window_s
        self._clock = clock
        self._seen: dict[Kind, tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        """True to let ``record`` through (perhaps noting how many like it were dropped)."""
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        kind: Kind = (record.name, record.levelno, str(record.msg), exc_type)
        now = self._clock()
        started, dropped = self._seen.get(kind, (None, 0))
        if started is not None and now - started < self.window_s:
            self._seen[kind] = (started, dropped + 1)
            return False
        if len(self._seen) >= _MAX_KINDS:
            self._seen.clear()
        self._seen[kind] = (now, 0)
        if dropped:
            record.msg = (
                f"{record.msg} [{dropped} more like this in the last {self.window_s:.0f} s]"
            )
        return True


def configure(verbose: bool, log_file: Path | None) -> None:
    """Log to stderr and, if given, to a rotating ``log_file`` a store owner can attach.

    Each handler gets its own :class:`RepeatFilter` (a shared one would drop what the first
    handler let through before the second saw it). uvicorn's loggers propagate here too.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _add(root, console)
    if log_file is None:
        return
    try:
        to_file = private_rotating_log(log_file, max_bytes=2_000_000, backups=3)
    except OSError as exc:  # a read-only home must not stop the store
        logging.getLogger(__name__).warning("cannot write the log file (%s); stderr only", exc)
        return
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    _add(root, to_file)


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.addFilter(RepeatFilter())
    root.addHandler(handler)
