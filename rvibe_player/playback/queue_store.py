"""Keeps the queue and the place in the current track across restarts, in one JSON file.

Writes are atomic (a temporary file beside it, flushed, then renamed over it), so a crash
or a full disk leaves the previous state readable. A missing or damaged file reads as
nothing saved: the player then starts with an empty queue and says so in the log.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rvibe_player import paths
from rvibe_player.playback.queue import PlayQueue

log = logging.getLogger(__name__)

FILE_NAME = "queue.json"
VERSION = 1


@dataclass(frozen=True, slots=True)
class SavedSession:
    """What was saved: the queue's state and where its current track was."""

    queue: dict[str, Any]
    position: float


def default_path() -> Path:
    """``queue.json`` in the user data folder."""
    return paths.data_dir() / FILE_NAME


class QueueStore:
    """Reads and writes the saved queue at one path."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()

    def save(self, queue: PlayQueue, position: float) -> None:
        """Write the queue and the position atomically (raises OSError when it cannot)."""
        self.save_snapshot(queue.snapshot(), position)

    def save_snapshot(self, snapshot: dict[str, Any], position: float) -> None:
        """Write a :meth:`PlayQueue.snapshot` and the position atomically."""
        data = {"version": VERSION, "queue": snapshot, "position": round(position, 3)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(data, stream, separators=(",", ":"))
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def load(self) -> SavedSession | None:
        """The saved session, or None when there is none or it cannot be used."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("The saved queue %s cannot be read (%s); starting empty.", self.path, exc)
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            log.warning("The saved queue %s is of an unknown kind; starting empty.", self.path)
            return None
        queue, position = data.get("queue"), data.get("position", 0.0)
        if not isinstance(queue, dict) or not isinstance(position, int | float):
            log.warning("The saved queue %s is damaged; starting empty.", self.path)
            return None
        return SavedSession(queue, max(0.0, float(position)))

    def restore_into(self, queue: PlayQueue) -> float | None:
        """Load the saved state into ``queue``; returns the saved position, or None."""
        saved = self.load()
        if saved is None:
            return None
        try:
            queue.restore(saved.queue)
        except ValueError as exc:
            log.warning("The saved queue %s does not fit together (%s); starting empty.",
                        self.path, exc)  # fmt: skip
            return None
        return saved.position
