"""Runs search queries against the library database, fast enough to search as one types.

Sorting tens of thousands of matches by artist, album, disc and track in SQL costs far more
than finding them, so :class:`TrackSearch` keeps the library's default order in memory (one
rank per track id, rebuilt only when ``library_state.order_version`` or the highest track id
says the order may have changed) and sorts matches by rank. Pure text queries go straight
to the FTS5 index, which holds only tracks that are not removed.
"""

from __future__ import annotations

import sqlite3
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager

from rvibe_player.library.browse import DEFAULT_ORDER, first_ids
from rvibe_player.library.model import TRACK_SELECT, Track
from rvibe_player.library.query import parse
from rvibe_player.library.query_sql import CompiledQuery, compile_query


def compile_text(query: str, now: float | None = None) -> CompiledQuery:
    """Parse and compile a query.

    Raises:
        QueryError: the query is malformed.
    """
    return compile_query(parse(query), time.time() if now is None else now)


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so the order cache and the query see the same library."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


class TrackSearch:
    """Searches on one connection, keeping the default track order in memory."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._version: tuple[int, int] | None = None
        self._order = array("q")
        self._rank = array("q")

    def ids(self, query: str, *, include_offline: bool = True, limit: int = -1) -> list[int]:
        """Ids of the tracks matching ``query``, in its sort order (removed tracks never match).

        Raises:
            QueryError: the query is malformed.
        """
        compiled = compile_text(query)
        status = "status != 'removed'" if include_offline else "status = 'ok'"
        with _snapshot(self._conn):
            if not compiled.sorted_by_default:
                sql = (
                    f"SELECT id FROM tracks WHERE {status} AND {compiled.where} "
                    f"ORDER BY {compiled.order_by} LIMIT {int(limit)}"
                )
                return [row[0] for row in self._conn.execute(sql, compiled.params)]
            self._refresh_order()
            if compiled.where == "1" and include_offline:
                found = self._order.tolist()
            else:
                if compiled.fts_only is not None and include_offline:
                    rows = self._conn.execute(
                        "SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?",
                        (compiled.fts_only,),
                    )
                else:
                    sql = f"SELECT id FROM tracks WHERE {status} AND {compiled.where}"
                    rows = self._conn.execute(sql, compiled.params)
                found = [row[0] for row in rows]
                found.sort(key=self._rank.__getitem__)
        return found[:limit] if limit >= 0 else found

    def first_screen(self, query: str, count: int) -> list[int] | None:
        """The first ``count`` ids of the whole library in its own order, while that order
        is not in memory yet: one indexed query, so that a window's first frame has rows
        while the full order is built elsewhere. None for any other query, or once the
        order is known."""
        if self._version is not None:
            return None
        compiled = compile_text(query)
        if not compiled.sorted_by_default or compiled.where != "1":
            return None
        return first_ids(self._conn, count)

    def tracks(self, query: str, limit: int = -1) -> list[Track]:
        """The matching tracks themselves, in sort order.

        Raises:
            QueryError: the query is malformed.
        """
        ids = self.ids(query, limit=limit)
        found: dict[int, Track] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(f"{TRACK_SELECT} WHERE id IN ({marks})", chunk):
                track = Track.from_row(row)
                found[track.id] = track
        return [found[i] for i in ids if i in found]

    def _refresh_order(self) -> None:
        # Updates and deletes bump order_version; an insert raises max(id) (schema.py, v3).
        version: tuple[int, int] = self._conn.execute(
            "SELECT (SELECT value FROM library_state WHERE key = 'order_version'), "
            "(SELECT coalesce(max(id), 0) FROM tracks)"
        ).fetchone()
        if version == self._version:
            return
        order = array(
            "q",
            (
                row[0]
                for row in self._conn.execute(
                    f"SELECT id FROM tracks WHERE status != 'removed' ORDER BY {DEFAULT_ORDER}"
                )
            ),
        )
        top = version[1]
        rank = array("q", bytes(8 * (top + 1)))
        for position, track_id in enumerate(order):
            rank[track_id] = position
        self._order, self._rank, self._version = order, rank, version


def search_ids(
    conn: sqlite3.Connection, query: str, *, include_offline: bool = True, limit: int = -1
) -> list[int]:
    """One-off :meth:`TrackSearch.ids` (keep a :class:`TrackSearch` to search repeatedly)."""
    return TrackSearch(conn).ids(query, include_offline=include_offline, limit=limit)


def search_tracks(conn: sqlite3.Connection, query: str, limit: int = -1) -> list[Track]:
    """One-off :meth:`TrackSearch.tracks`."""
    return TrackSearch(conn).tracks(query, limit=limit)
