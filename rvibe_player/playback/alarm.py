"""A single pending deadline on a thread of its own: when it passes, its function is posted."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from rvibe_player.playback.backend import Post


class Alarm:
    """One pending deadline on a thread of its own; when it passes, its function is posted."""

    def __init__(self, post: Post, name: str = "vlc-handover-alarm") -> None:
        self._post = post
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._function: Callable[[], None] | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def set(self, deadline: float, function: Callable[[], None]) -> None:
        """Post ``function`` at the ``time.monotonic()`` moment ``deadline`` (replacing any)."""
        with self._cond:
            self._deadline, self._function = deadline, function
            self._cond.notify()

    def cancel(self) -> None:
        """Forget the pending deadline."""
        with self._cond:
            self._deadline = self._function = None
            self._cond.notify()

    def close(self) -> None:
        """End the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=1.0)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                if self._deadline is None:
                    self._cond.wait()
                    continue
                remaining = self._deadline - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                function, self._deadline, self._function = self._function, None, None
                if function is not None:
                    self._post(function)
