"""Exponential back-off with jitter: clients that lost the store together return spread out."""

from __future__ import annotations

import random


def jittered(base_s: float, attempt: int, cap_s: float) -> float:
    """The wait before retry number ``attempt`` (0-based): doubling, capped, then half jitter."""
    delay = float(min(cap_s, base_s * 2**attempt))
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 (spreading load, not secrets)


class Backoff:
    """Successive waits while something keeps failing; :meth:`reset` after a success."""

    def __init__(self, base_s: float, cap_s: float) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self.failures = 0

    def next(self) -> float:
        """How long to wait after one more failure."""
        delay = jittered(self.base_s, self.failures, self.cap_s)
        self.failures = min(self.failures + 1, 30)
        return delay

    def reset(self) -> None:
        """Back to the shortest wait."""
        self.failures = 0
