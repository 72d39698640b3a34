"""Keeps the queue and the place in the current track across restarts, in one JSON file.

Writes are atomic (a temporary file beside it, flushed, then renamed over it), so a crash
or a full disk leaves the previous state readable. A missing or damaged file reads as
nothing saved: the player then starts with an empty queue and says so in the log.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rvibe_player import paths
from rvibe_player.core.safe_files import keep_aside, write_atomic
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
        write_atomic(self.path, json.dumps(data, separators=(",", ":")))

    def load(self) -> SavedSession | None:
        """The saved session, or None when there is none or it cannot be used."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("The saved queue %s cannot be read (%s); starting empty.", self.path, exc)
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError as exc:  # not UTF-8, or not JSON
            self._damaged(str(exc))
            return None
        if not isinstance(data, dict) or data.get("version") != VERSION:
            self._damaged("of an unknown kind")
            return None
        queue, position = data.get("queue"), data.get("position", 0.0)
        if not isinstance(queue, dict) or not isinstance(position, int | float):
            self._damaged("its parts are missing")
            return None
        return SavedSession(queue, max(0.0, float(position)))

    def _damaged(self, why: str) -> None:
        """Keep the unusable file for the user (the next save would overwrite it): nothing
        saved, then."""
        keep_aside(self.path, f"{why}; starting with an empty queue")

    def restore_into(self, queue: PlayQueue) -> float | None:
        """Load the saved state into ``queue``; returns the saved position, or None."""
        saved = self.load()
        if saved is None:
            return None
        try:
            queue.restore(saved.queue)
        except ValueError as exc:
            self._damaged(f"its parts do not fit together: {exc}")
            return None
        return saved.position
