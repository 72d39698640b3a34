"""Keeps the picks compared with the local library: an index built off the caller's thread,
built again after a scan, and widened when a pick names an artist it was not built for."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from rvibe_player.store_client.matching import LibraryIndex, MatchScope, PickMatcher
from rvibe_player.store_client.model import Ownership, PickItem, PickMatch

log = logging.getLogger(__name__)


class PickMatching:
    """ "In your library" for each pick, from an index of the picks' artists' tracks."""

    def __init__(
        self,
        library_path: Path | None,
        picked: Callable[[], Iterable[PickItem]],
        on_rebuilt: Callable[[], None],
    ) -> None:
        """Args:
        library_path: the library database (None: nothing is ever matched).
        picked: what the cached picks point at (read when the index is built).
        on_rebuilt: called (on the matching thread) after each build.
        """
        self.library_path = library_path
        self._picked = picked
        self._on_rebuilt = on_rebuilt
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-matching")
        self._matcher: PickMatcher | None = None
        self._widening = False

    @property
    def ready(self) -> bool:
        """True once an index has been built."""
        return self._matcher is not None

    def rebuild(self) -> Future[None]:
        """Compare picks with the library again (after a scan); ``on_rebuilt`` when done."""
        return self._pool.submit(self._build)

    def _build(self) -> None:
        if self.library_path is None:
            return
        from rvibe_player.library.database import LibraryDatabase

        self._widening = False  # a pick that arrives from now on asks for another build
        scope = MatchScope.of(self._picked())
        db = LibraryDatabase(self.library_path)
        try:
            self._matcher = PickMatcher(LibraryIndex.build(db, scope))
        finally:
            db.close()
        self._on_rebuilt()

    def match(self, item: PickItem, release: dict[str, Any] | None) -> PickMatch:
        """What the library holds of ``item`` (its release's track list when known)."""
        matcher = self._matcher
        if matcher is None:
            return PickMatch(Ownership.UNKNOWN)
        if not matcher.index.covers(item):
            self._widen()
            return PickMatch(Ownership.UNKNOWN)
        tracks = release.get("tracks") if release else None
        return matcher.match(item, tracks if isinstance(tracks, list) else None)

    def _widen(self) -> None:
        """A pick the index was not built for arrived: build it again (once per burst)."""
        if self._widening:
            return
        self._widening = True
        with contextlib.suppress(RuntimeError):  # closing: nothing more to match
            self._pool.submit(self._build)

    def close(self) -> None:
        """Build nothing more."""
        self._pool.shutdown(wait=False, cancel_futures=True)
