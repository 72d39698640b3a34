"""Browse queries for the library views: the library's own order, artists, albums and an
album's tracks."""

from __future__ import annotations

import sqlite3

from rvibe_player.library.model import UNKNOWN_ARTIST, Album, Artist, path_from_key

DEFAULT_ORDER = "sort_artist, sort_album, discnumber, tracknumber, id"
"""The library's own order (an index, ``tracks_order``, serves it)."""

# The album artist, else the first of the track's artists (so a guest on one track does not
# split the album), else a placeholder.
_ARTIST = (
    "coalesce(nullif(albumartist, ''), nullif(CASE WHEN instr(artist, '; ') > 0 "
    f"THEN substr(artist, 1, instr(artist, '; ') - 1) ELSE artist END, ''), '{UNKNOWN_ARTIST}')"
)


def first_ids(conn: sqlite3.Connection, count: int) -> list[int]:
    """The first ``count`` track ids in the library's own order: one indexed query."""
    rows = conn.execute(
        f"SELECT id FROM tracks WHERE status != 'removed' ORDER BY {DEFAULT_ORDER} LIMIT ?",
        (count,),
    )
    return [row[0] for row in rows]


def albums(conn: sqlite3.Connection, artist: str | None = None) -> list[Album]:
    """Every album (or one artist's), ordered by artist, year and title."""
    where = "status != 'removed'"
    params: tuple[str, ...] = ()
    if artist is not None:
        where += f" AND {_ARTIST} = ?"
        params = (artist,)
    rows = conn.execute(
        "SELECT g.album, g.who, g.year, g.n, g.cover, t.path FROM ("
        f"  SELECT album, {_ARTIST} AS who, min(year) AS year, count(*) AS n, "
        "  coalesce(max(CASE WHEN has_cover THEN id END), min(id)) AS cover, "
        "  min(sort_artist) AS sa, min(sort_album) AS sb "
        f"  FROM tracks WHERE {where} GROUP BY album, who"
        ") AS g JOIN tracks AS t ON t.id = g.cover ORDER BY g.sa, g.year, g.sb",
        params,
    ).fetchall()
    return [Album(r[0], r[1], r[2], r[3], r[4], path_from_key(r[5])) for r in rows]


def artists(conn: sqlite3.Connection) -> list[Artist]:
    """Every artist (album artist when set), ordered as the library sorts them."""
    rows = conn.execute(
        f"SELECT {_ARTIST} AS who, count(DISTINCT album), count(*) FROM tracks "
        "WHERE status != 'removed' GROUP BY who ORDER BY min(sort_artist), who"
    ).fetchall()
    return [Artist(r[0], r[1], r[2]) for r in rows]


def album_track_ids(conn: sqlite3.Connection, album: Album) -> list[int]:
    """The album's tracks in disc and track order."""
    rows = conn.execute(
        f"SELECT id FROM tracks WHERE status != 'removed' AND album = ? AND {_ARTIST} = ? "
        "ORDER BY discnumber, tracknumber, path_text",
        (album.title, album.artist),
    )
    return [row[0] for row in rows]


def artist_track_ids(conn: sqlite3.Connection, artist: str) -> list[int]:
    """An artist's tracks, album by album."""
    rows = conn.execute(
        f"SELECT id FROM tracks WHERE status != 'removed' AND {_ARTIST} = ? "
        "ORDER BY year, sort_album, discnumber, tracknumber, path_text",
        (artist,),
    )
    return [row[0] for row in rows]
