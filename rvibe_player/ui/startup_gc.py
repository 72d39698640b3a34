"""Fewer young garbage collections while the player starts.

Importing the player's modules and building its window allocate tens of thousands of objects
that live as long as the app. With Python's default threshold (700 new objects) the cyclic
collector ran 55 young and 5 middle collections before the first frame with rows, 8-9 ms of
a start of about 190 ms, walking objects that are all still alive (gc.callbacks, with
bench/ui.py's 100k library). :func:`hold` raises the young threshold as ``rvibe_player.ui``
is imported; the window's first load calls :func:`release`, and the GC pacer takes over from
there (``shell/gc_pacer.py``). A process that imports the interface but never shows a window
(a test) keeps collecting, only less often.
"""

from __future__ import annotations

import gc

HELD_GEN0 = 100_000
"""The young generation's threshold while held (Python's default is 700)."""

_given: list[tuple[int, int, int]] = []
"""The interpreter's thresholds while held (one entry at most)."""


def hold() -> None:
    """Raise the young threshold until :func:`release` (once; later calls do nothing)."""
    if not _given:
        first, second, third = gc.get_threshold()
        _given.append((first, second, third))
        gc.set_threshold(HELD_GEN0, second, third)


def release() -> None:
    """Give the young threshold back (the oldest generation's is left as it is now)."""
    if _given:
        first, second, _third = _given.pop()
        gc.set_threshold(first, second, gc.get_threshold()[2])
