"""A ``post`` dispatcher for owner threads without a Qt event loop: tests, benchmarks, tools.

Any thread may :meth:`QueueDispatcher.post` a function; the owner thread runs them, in order,
when it calls :meth:`~QueueDispatcher.run_pending` or waits in
:meth:`~QueueDispatcher.run_until`.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable


class QueueDispatcher:
    """A thread-safe queue of functions that the owner thread drains."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def post(self, function: Callable[[], None]) -> None:
        """Queue ``function`` to run on the owner thread (any thread may call this)."""
        self._queue.put(function)

    def run_pending(self) -> int:
        """Run what is queued now, without waiting; returns how many ran."""
        count = 0
        while True:
            try:
                function = self._queue.get_nowait()
            except queue.Empty:
                return count
            function()
            count += 1

    def run_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Run queued functions as they arrive until ``condition()`` holds or time is up.

        Returns whether the condition holds. Wakes the moment something is posted, so the
        time it takes is the time the awaited event takes, never a polling interval.
        """
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                function = self._queue.get(timeout=remaining)
            except queue.Empty:
                return condition()
            function()
        return True
