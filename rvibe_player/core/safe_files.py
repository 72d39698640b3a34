"""Small files written so that a crash leaves the old or the new one, never half of either,
and a damaged one kept aside for the user instead of overwritten by defaults."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path``: a temporary file beside it, flushed to the disk, renamed
    over it, and (on POSIX) the folder's entry flushed too. A failure leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if os.name == "posix":
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            with contextlib.suppress(OSError):  # some file systems cannot sync a folder
                os.fsync(folder)
        finally:
            os.close(folder)


def aside_name(path: Path, now: float | None = None, kind: str = "damaged") -> Path:
    """A free name ``NAME.KIND-YYYYmmdd-HHMMSS`` (``-2``, ``-3``... if taken) beside ``path``."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    target = path.with_name(f"{path.name}.{kind}-{stamp}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.{kind}-{stamp}-{count}")
    return target


def keep_aside(path: Path, why: str) -> Path | None:
    """Move a damaged file out of the way (kept, never deleted); where it went, or None when
    it could not be moved (then it is left where it was)."""
    target = aside_name(path)
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("Could not set the damaged %s aside: %s", path, exc)
        return None
    log.warning("%s is damaged (%s); kept as %s", path, why, target)
    return target
