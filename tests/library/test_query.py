"""The search language: what each form matches, and the errors for malformed queries."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rvibe_player.core.errors import QueryError
from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.query import And, Compare, Not, Or, Text, parse
from rvibe_player.library.search import TrackSearch, search_ids, search_tracks
from rvibe_player.library.tags import TrackTags

SONGS = [
    # title, artist, album, year, duration, genre, rating, codec
    ("Feeling Good", "Nina Simone", "I Put a Spell on You", 1965, 177.0, "Jazz", 5, "FLAC"),
    ("Sinnerman", "Nina Simone", "Pastel Blues", 1965, 622.0, "Jazz", 4, "MP3"),
    ("My Baby Just Cares for Me", "Nina Simone", "Little Girl Blue", 1958, 218.0, "Jazz", 3, "MP3"),
    ("Blue Train", "John Coltrane", "Blue Train", 1957, 643.0, "Jazz", None, "FLAC"),
    ("Heroes", "David Bowie", '"Heroes"', 1977, 371.0, "Rock", 4, "Opus"),
    ("Heroes (Live)", "David Bowie", "Stage", 1978, 400.0, "Rock", 2, "Opus"),
    ("Hyperballad", "Björk", "Post", 1995, 321.0, "Electronic", None, "Vorbis"),
    ("Cross Road Blues", "Robert Johnson", "Delta Blues", 1936, 150.0, "Blues", 5, "MP3"),
]  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> LibraryDatabase:
    database = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = database.add_root(str(tmp_path / "music"))
    with transaction(database.conn):
        for i, (title, artist, album, year, duration, genre, rating, codec) in enumerate(SONGS):
            tags = TrackTags(
                title=title, artist=artist, album=album, year=year, duration=duration,
                genre=genre, codec=codec, tracknumber=1,
            )  # fmt: skip
            path = str(tmp_path / "music" / f"{i:02d} {title}.{codec.lower()}")
            track_id = database.insert_track(root, path, 1000 + i, 0, bytes([i]) * 16, tags)
            database.set_rating(track_id, rating)
    return database


def titles(db: LibraryDatabase, query: str) -> set[str]:
    return {t.title for t in search_tracks(db.conn, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nina", {"Feeling Good", "Sinnerman", "My Baby Just Cares for Me"}),
        ("nin", {"Feeling Good", "Sinnerman", "My Baby Just Cares for Me"}),  # prefix
        ("nina blue", {"My Baby Just Cares for Me", "Sinnerman"}),  # words AND, any field
        ('"blue train"', {"Blue Train"}),
        ('"train blue"', set()),  # a phrase keeps its order
        ("artist:nina", {"Feeling Good", "Sinnerman", "My Baby Just Cares for Me"}),
        ("title:blue", {"Blue Train", "Cross Road Blues"}),
        ('artist:="nina simone"', {"Feeling Good", "Sinnerman", "My Baby Just Cares for Me"}),
        ("artist:=nina", set()),  # exact means the whole field
        ("year:>1970", {"Heroes", "Heroes (Live)", "Hyperballad"}),
        ("year:<=1957", {"Blue Train", "Cross Road Blues"}),
        ("year:1965", {"Feeling Good", "Sinnerman"}),
        ("year:1950..1959", {"Blue Train", "My Baby Just Cares for Me"}),
        ("year:!=1965 genre:jazz", {"Blue Train", "My Baby Just Cares for Me"}),
        ("rating:>=4", {"Feeling Good", "Sinnerman", "Heroes", "Cross Road Blues"}),
        ("rating:5", {"Feeling Good", "Cross Road Blues"}),
        ("duration:<300", {"Feeling Good", "My Baby Just Cares for Me", "Cross Road Blues"}),
        ("duration:>10:00", {"Sinnerman", "Blue Train"}),
        ("duration:>=6m", {"Heroes", "Heroes (Live)", "Sinnerman", "Blue Train"}),
        ("heroes -live", {"Heroes"}),
        ("bowie -year:1978", {"Heroes"}),
        ("-genre:jazz -genre:rock", {"Hyperballad", "Cross Road Blues"}),
        ("bjork", {"Hyperballad"}),  # accents fold
        ("BJÖRK", {"Hyperballad"}),
        ("hyperballad OR sinnerman", {"Hyperballad", "Sinnerman"}),
        ("genre:blues OR year:>1990", {"Cross Road Blues", "Hyperballad"}),
        ("(bowie OR coltrane) year:<1970", {"Blue Train"}),
        ("codec:mp3 rating:>3", {"Sinnerman", "Cross Road Blues"}),
        ("codec:=opus", {"Heroes", "Heroes (Live)"}),
        ("file:hyperballad", {"Hyperballad"}),
        ("has:rating -rating:>=4", {"My Baby Just Cares for Me", "Heroes (Live)"}),
        ("-has:rating", {"Blue Train", "Hyperballad"}),
        # A negation keeps what has no value: unrated songs are not rated 4 or more.
        (
            "-rating:>=4",
            {"My Baby Just Cares for Me", "Heroes (Live)", "Blue Train", "Hyperballad"},
        ),
        (
            "-year:<1960",
            {"Feeling Good", "Sinnerman", "Heroes", "Heroes (Live)", "Hyperballad"},
        ),
        ("plays:0 added:<1", {s[0] for s in SONGS}),
        ("", {s[0] for s in SONGS}),
        ("nina AND good", {"Feeling Good"}),
    ],
)
def test_query_matches(db: LibraryDatabase, query: str, expected: set[str]) -> None:
    assert titles(db, query) == expected


def test_sort_keys(db: LibraryDatabase) -> None:
    ids = search_ids(db.conn, "jazz sort:-year sort:title")
    got = [t.title for t in db.tracks(ids)]
    assert got == ["Feeling Good", "Sinnerman", "My Baby Just Cares for Me", "Blue Train"]
    by_duration = [t.title for t in search_tracks(db.conn, "bowie sort:duration")]
    assert by_duration == ["Heroes", "Heroes (Live)"]


def test_default_order_is_artist_then_album(db: LibraryDatabase) -> None:
    artists = [t.artist for t in search_tracks(db.conn, "")]
    assert artists == sorted(artists, key=str.casefold)


def test_removed_tracks_never_match(db: LibraryDatabase) -> None:
    (heroes,) = search_ids(db.conn, "heroes -live")
    db.set_status([heroes], "removed")
    assert titles(db, "heroes") == {"Heroes (Live)"}


def test_limit(db: LibraryDatabase) -> None:
    assert len(search_ids(db.conn, "nina", limit=2)) == 2


def test_parse_tree() -> None:
    parsed = parse('artist:nina -live (a OR "b c") year:>1970 sort:-year')
    assert parsed.sort == [("year", True)]
    assert isinstance(parsed.node, And)
    first, negation, either, year = parsed.node.parts
    assert first == Text("artist", "nina")
    assert negation == Not(Text(None, "live"))
    assert either == Or((Text(None, "a"), Text(None, "b c", phrase=True)))
    assert isinstance(year, Compare) and year.op == ">" and year.value == 1970


def test_relative_age(db: LibraryDatabase) -> None:
    (track_id,) = search_ids(db.conn, "hyperballad")
    db.record_play(track_id, when=time.time() - 10 * 86400)
    assert titles(db, "lastplayed:>7") == {"Hyperballad"}
    assert titles(db, "lastplayed:<7") == set()


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ("year:>abc", 6, "year needs a number"),
        ("colour:red", 0, "unknown field 'colour'"),
        ('artist:"nina', 7, "never closed"),
        ("nina OR", 5, "OR needs a search term on both sides"),
        ("OR nina", 0, "OR needs a search term on both sides"),
        ("(nina blue", 0, "'(' is never closed"),
        ("nina)", 4, "')' has no matching '('"),
        ("rating:9", 7, "rating is 0 to 5"),
        ("duration:abc", 9, "duration is seconds or m:ss"),
        ("artist:", 7, "needs a value"),
        ("nina - blue", 5, "'-' must be followed"),
        ("sort:colour", 0, "cannot sort by 'colour'"),
        ("has:wings", 0, "unknown has:wings"),
        ("year:1950..x", 11, "year needs a number"),
        ("album:>x", 0, "album is text"),
        ("()", 0, "hold nothing"),
        ("!!!", 0, "no letters or digits"),
    ],
)
def test_malformed_queries_say_where_and_why(query: str, position: int, words: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert words in caught.value.reason
    assert caught.value.position == position
    assert caught.value.pointer().splitlines()[1] == " " * position + "^"


def test_fts_special_characters_are_quoted(db: LibraryDatabase) -> None:
    # Characters that mean something to FTS5 must be searched as text, not crash.
    for query in ("he*roes", "NEAR(a b)", 'title:"a""b"', "x:y".replace("x", "title"), "^heroes"):
        search_ids(db.conn, query)
    assert titles(db, '"heroes"') == {"Heroes", "Heroes (Live)"}


def test_order_cache_follows_library_changes(db: LibraryDatabase, tmp_path: Path) -> None:
    search = TrackSearch(db.conn)
    before = search.ids("")
    root = db.roots()[0].id
    with transaction(db.conn):
        newcomer = db.insert_track(
            root, str(tmp_path / "aa.mp3"), 1, 1, b"n" * 16,
            TrackTags(title="Aardvark Song", artist="AAA First", album="Alpha"),
        )  # fmt: skip
    assert search.ids("") == [newcomer, *before]
    assert search.ids("song")[0] == newcomer
    # Retagging moves a track in the order; removing takes it out of text search too.
    heroes = search.ids('"heroes" -live')[0]
    db.conn.execute("UPDATE tracks SET sort_artist = 'zzz' WHERE id = ?", (heroes,))
    assert search.ids("")[-1] == heroes
    db.set_status([heroes], "removed")
    assert heroes not in search.ids("")
    assert search.ids("heroes") == search.ids("heroes live")
    db.set_status([heroes], "ok")  # revived: searchable again, in its place
    assert search.ids('"heroes" -live') == [heroes]
    assert search.ids("")[-1] == heroes
    # The newest track deleted, and its id taken again by a track sorting elsewhere.
    db.conn.execute("DELETE FROM tracks WHERE id = ?", (newcomer,))
    assert newcomer not in search.ids("")
    with transaction(db.conn):
        again = db.insert_track(
            root, str(tmp_path / "zz.mp3"), 1, 1, b"z" * 16,
            TrackTags(title="Zebra Song", artist="ZZZ Last", album="Omega"),
        )  # fmt: skip
    assert again == newcomer, "SQLite reuses the highest id"
    order = search.ids("")
    assert order.index(again) > order.index(before[0]), "in its new place, not the old one's"


def test_statistics_do_not_invalidate_the_order(db: LibraryDatabase) -> None:
    version = "SELECT value FROM library_state WHERE key = 'order_version'"
    before = db.conn.execute(version).fetchone()[0]
    (track_id, *_) = search_ids(db.conn, "nina")
    db.record_play(track_id)
    db.set_rating(track_id, 1)
    db.set_status([track_id], "offline")
    assert db.conn.execute(version).fetchone()[0] == before


def test_an_exact_length_matches_within_half_a_second(tmp_path: Path) -> None:
    """Lengths are decoded to fractions of a second; a typed m:ss means that second."""
    database = LibraryDatabase(tmp_path / "lengths.sqlite3")
    root = database.add_root(str(tmp_path / "music"))
    with transaction(database.conn):
        for n, seconds in enumerate((176.4, 176.6, 177.0, 177.4, 177.6)):
            tags = TrackTags(title=f"take {seconds}", duration=seconds)
            database.insert_track(root, str(tmp_path / f"{n}.flac"), 10, 0, bytes([n]) * 16, tags)
    found = {t.title for t in search_tracks(database.conn, "duration:2:57")}
    assert found == {"take 176.6", "take 177.0", "take 177.4"}
    assert {t.title for t in search_tracks(database.conn, "duration:177")} == found
    database.close()
