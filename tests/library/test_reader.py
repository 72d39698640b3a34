"""The views' read port: rows by id in any number, searches and browse lists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rvibe_player.core.errors import QueryError
from rvibe_player.library.database import IN_CHUNK, LibraryDatabase, transaction
from rvibe_player.library.reader import MISSING_ROW, ROW_EXTRA, TRACK_FIELDS, LibraryReader
from rvibe_player.library.tags import TrackTags


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    with transaction(db.conn):
        for n in range(IN_CHUNK + 20):  # more than one IN (...) chunk
            tags = TrackTags(
                title=f"Song {n}",
                artist="Mara Quist" if n % 2 else "Ivo Lund",
                album=f"Album {n % 3}",
                year=1990 + n % 5,
                tracknumber=n % 12 + 1,
            )
            db.insert_track(root, f"/music/{n:04d}.flac", 10, 1, n.to_bytes(4, "big"), tags)
    yield db
    db.close()


def test_rows_come_back_by_id_with_the_fields_in_order(db: LibraryDatabase) -> None:
    reader = LibraryReader(db)
    ids = [t.id for t in db.tracks(list(range(1, IN_CHUNK + 21)))]
    rows = reader.track_rows([*ids, 999_999])
    assert set(rows) == set(ids), "every id across chunks, and none the library lacks"
    row = rows[ids[7]]
    assert len(row) == 1 + len(TRACK_FIELDS) + len(ROW_EXTRA)
    named = dict(zip(("id", *TRACK_FIELDS, *ROW_EXTRA), row, strict=True))
    assert named["title"] == "Song 7" and named["artist"] == "Mara Quist"
    assert named["year"] == 1992 and named["status"] == "ok"
    assert named["path_text"] == "/music/0007.flac"
    assert MISSING_ROW[len(TRACK_FIELDS) + 1] == "removed"


def test_searches_and_lists_go_through_a_reader_of_its_own(db: LibraryDatabase) -> None:
    reader = LibraryReader.open(db.path)
    try:
        found = reader.search_ids('artist:"mara quist" year:1992')
        assert found and all(t.artist == "Mara Quist" and t.year == 1992 for t in db.tracks(found))
        with pytest.raises(QueryError):
            reader.search_ids("year:abc")
        assert {a.name for a in reader.artists()} == {"Mara Quist", "Ivo Lund"}
        albums = reader.albums("Ivo Lund")
        assert {a.title for a in albums} == {"Album 0", "Album 1", "Album 2"}
        tracks = reader.album_track_ids(albums[0])
        assert tracks and {t.album for t in db.tracks(tracks)} == {albums[0].title}
        assert len(reader.artist_track_ids("Ivo Lund")) == (IN_CHUNK + 20) // 2
    finally:
        reader.close()
    assert db.conn.execute("SELECT 1").fetchone() == (1,), "closing it leaves others open"


def test_a_query_is_checked_without_running_it() -> None:
    LibraryReader.check_query("genre:jazz rating:>=4")
    with pytest.raises(QueryError, match="year"):
        LibraryReader.check_query("year:abc")


def test_a_track_without_a_title_shows_its_file_name(tmp_path: Path) -> None:
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    with transaction(db.conn):
        untitled = db.insert_track(root, "/music/01 Harbour.lights.flac", 1, 1, b"u", TrackTags())
        titled = db.insert_track(root, "/music/02.flac", 1, 1, b"t", TrackTags(title="Named"))
        bare = db.insert_track(root, "/music/README", 1, 1, b"r", TrackTags(title=""))
    rows = LibraryReader(db).track_rows([untitled, titled, bare])
    title = 1 + TRACK_FIELDS.index("title")
    assert rows[untitled][title] == "01 Harbour.lights"
    assert rows[titled][title] == "Named"
    assert rows[bare][title] == "README"
    assert db.track(untitled).display_title == rows[untitled][title]  # type: ignore[union-attr]
    db.close()


def test_the_first_screen_is_the_head_of_the_whole_order_until_that_order_is_known(
    tmp_path: Path,
) -> None:
    from rvibe_player.library.reader import LibraryReader
    from tests.helpers.library import library_with_tracks

    db, _ids = library_with_tracks(tmp_path / "lib.sqlite3", 300)
    try:
        reader = LibraryReader(db)
        first = reader.first_screen("", 50)
        assert first is not None and len(first) == 50
        assert reader.first_screen("sort:-year", 50) is None  # another order: no shortcut
        assert reader.first_screen("artist:7", 50) is None  # a filter: no shortcut
        whole = reader.search_ids("")
        assert whole[:50] == first
        assert reader.first_screen("", 50) is None  # the order is in memory now
    finally:
        db.close()


def test_the_first_screen_of_no_search_needs_no_query_compiler(tmp_path: Path) -> None:
    """The window's first frame asks for it; the compiler's import waits for later."""
    from tests.helpers.library import library_with_tracks

    path = tmp_path / "lib.sqlite3"
    library_with_tracks(path, 30)[0].close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rvibe_player.library.reader import LibraryReader\n"
        f"reader = LibraryReader.open(Path({str(path)!r}))\n"
        "print(len(reader.first_screen('  ', 20)), 'rvibe_player.library.query' in sys.modules)\n"
        "reader.first_screen('year:>1', 20)\n"
        "print('rvibe_player.library.query' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["20", "False", "True"]
