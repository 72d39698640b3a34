"""Picks matched against a real library database: MusicBrainz ids first, then normalized text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rvibe_player.core.text_keys import album_key, artist_key, title_key
from rvibe_player.core.wire import (
    ArtistRefWire,
    PickItemWire,
    PriceWire,
    ReleaseSummaryWire,
    TrackWire,
)
from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.tags import TrackTags
from rvibe_player.store_client.matching import LibraryIndex, MatchScope, PickMatcher
from rvibe_player.store_client.model import Ownership, PickItem
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor
from tests.store_client.helpers import curator_picks

MB_ARTIST = "a74b1b7f-71a5-4011-9441-d0b5e4122711"
MB_RELEASE = "1a2b3c4d-0000-4000-8000-00000000aaaa"
MB_TRACK = "9f8e7d6c-0000-4000-8000-00000000bbbb"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Callable[..., int]]:
    db = LibraryDatabase(tmp_path / "library.sqlite3")
    root = db.add_root(str(tmp_path / "music"))
    count = 0

    def add(**tags: Any) -> int:
        nonlocal count
        count += 1
        with transaction(db.conn):
            return db.insert_track(
                root, str(tmp_path / "music" / f"{count}.flac"), 1000, 0, bytes([count]) * 16,
                TrackTags(**tags),
            )  # fmt: skip

    add.db = db  # type: ignore[attr-defined]
    yield add
    db.close()


def _matcher(library: Callable[..., int]) -> PickMatcher:
    return PickMatcher(LibraryIndex.build(library.db))  # type: ignore[attr-defined]


def _item(artist: str, album: str, track: str | None = None, **ids: str) -> PickItem:
    price: PriceWire = {"cents": 999, "currency": "EUR"}
    artist_part: ArtistRefWire = {"id": 3, "name": artist, "mbid": ids.get("artist_mbid") or None}
    track_part: TrackWire = {"id": 70, "position": 1, "title": track or "", "duration_ms": None,
                             "mbid": ids.get("track_mbid") or None, "price": price,
                             "preview_url": "/v1/catalog/tracks/70/preview.wav"}  # fmt: skip
    release: ReleaseSummaryWire = {"id": 7, "title": album, "mbid": ids.get("release"),
                                   "artist": artist_part, "year": None, "genre": "",
                                   "label": "", "price": price}  # fmt: skip
    wire: PickItemWire = {
        "type": "track" if track else "release",
        "release": release,
        "track": track_part if track else None,
        "preview_url": "/v1/catalog/tracks/70/preview.wav",
    }
    return PickItem.from_wire(wire, lambda path: "https://store.example" + path)


def test_normalized_keys() -> None:
    assert artist_key("The Velvet Harbour") == artist_key("velvet harbour") == "velvet harbour"
    assert artist_key("Velvet Harbour, The") == "velvet harbour"
    assert artist_key("Beyoncé feat. Jay-Z") == artist_key("BEYONCE") == "beyonce"
    assert artist_key("Simon & Garfunkel") == artist_key("Simon and Garfunkel")
    assert title_key("Slow River (feat. Ada)") == title_key("Slow river ft. Ada") == "slow river"
    assert title_key("Don't Stop - 2011 Remaster") == title_key("Dont Stop") == "dont stop"
    assert album_key("Blue Hour [Deluxe Edition]") == album_key("The Blue Hour") == "blue hour"
    assert title_key("Dancing with Myself") == "dancing with myself", "'with' is not a credit"
    assert title_key("Live") != title_key("Live (at Leeds)")


def test_musicbrainz_ids_match_whatever_the_names(library: Callable[..., int]) -> None:
    one = library(title="Trk 1", artist="VH", album="Untitled", mb_albumid=MB_RELEASE,
                  mb_trackid=MB_TRACK, tracknumber=1)  # fmt: skip
    two = library(title="Trk 2", artist="VH", album="Untitled", mb_albumid=MB_RELEASE,
                  tracknumber=2)  # fmt: skip
    matcher = _matcher(library)
    release = matcher.match(_item("The Velvet Harbour", "Blue Hour", release=MB_RELEASE))
    assert (release.ownership, release.track_ids, release.how) == (
        Ownership.OWNED,
        (one, two),
        "musicbrainz",
    )
    track = matcher.match(_item("The Velvet Harbour", "Blue Hour", "Opening", track_mbid=MB_TRACK))
    assert (track.ownership, track.track_ids, track.how) == (Ownership.OWNED, (one,), "musicbrainz")


def test_text_match_ignores_case_accents_the_and_featured_artists(
    library: Callable[..., int],
) -> None:
    hit = library(title="CAFÉ DU MONDE (feat. Ada Quist)", artist="Velvet Harbour feat. Ada",
                  albumartist="Velvet Harbour", album="the blue hour")  # fmt: skip
    matcher = _matcher(library)
    found = matcher.match(_item("The Velvet Harbour", "Blue Hour", "Café du Monde"))
    assert (found.ownership, found.track_ids, found.how) == (Ownership.OWNED, (hit,), "text")
    album = matcher.match(_item("the velvet harbour", "The Blue Hour (Deluxe Edition)"))
    assert album.ownership is Ownership.OWNED and album.track_ids == (hit,)


def test_the_same_title_by_another_artist_is_not_a_match(library: Callable[..., int]) -> None:
    library(title="Blue Hour", artist="Mara Quist", album="Blue Hour")
    library(title="Blue Hour", artist="Otis Brennan", album="Blue Hour", mb_artistid=MB_ARTIST)
    matcher = _matcher(library)
    for item in (
        _item("Ruth Haldane", "Blue Hour", "Blue Hour"),
        _item("Ruth Haldane", "Blue Hour"),
        # Same name, but MusicBrainz says another artist: ids decide.
        _item(
            "Otis Brennan",
            "Blue Hour",
            "Blue Hour",
            artist_mbid="00000000-0000-4000-8000-000000000001",
        ),
    ):
        assert matcher.match(item).ownership is Ownership.NOT_OWNED, item


def test_a_release_with_some_of_its_tracks_is_partly_owned(library: Callable[..., int]) -> None:
    third = library(title="Three", artist="Ivo Lindqvist", album="Northern Lights", tracknumber=3)
    first = library(title="One", artist="Ivo Lindqvist", album="Northern Lights", tracknumber=1)
    matcher = _matcher(library)
    catalog = [{"title": t, "mbid": None} for t in ("One", "Two", "Three", "Four")]
    result = matcher.match(_item("Ivo Lindqvist", "Northern Lights"), catalog)
    assert (result.ownership, result.track_ids) == (Ownership.PARTLY_OWNED, (first, third))
    assert (result.owned, result.total) == (2, 4)
    whole = matcher.match(_item("Ivo Lindqvist", "Northern Lights"), catalog[::2])
    assert whole.ownership is Ownership.OWNED and whole.track_ids == (first, third)


def test_an_index_scoped_to_the_picks_answers_as_the_whole_library_does(
    library: Callable[..., int],
) -> None:
    """Only the picks' artists and ids are indexed; what it answers, it answers exactly."""
    library(title="Opening", artist="The Velvet Harbour", album="Blue Hour", tracknumber=1)
    library(title="Guest Spot", artist="Mara Quist feat. Velvet Harbour",
            albumartist="Velvet Harbour", album="Friends", tracknumber=2)  # fmt: skip
    library(title="Renamed", artist="VH", album="Untitled", mb_trackid=MB_TRACK.upper())
    library(title="Other", artist="VH", album="Untitled", mb_albumid=MB_RELEASE)
    for n in range(40):
        library(title=f"Filler {n}", artist=f"Band {n % 7}", album=f"Record {n % 5}")
    items = [
        _item("Velvet Harbour", "Blue Hour", "Opening"),
        _item("velvet harbour", "Friends"),
        _item("Anyone", "Whatever", "X", track_mbid=MB_TRACK),
        _item("Anyone Else", "Whatever", release=MB_RELEASE),
        _item("Ruth Haldane", "Blue Hour"),
    ]
    whole = _matcher(library)
    scoped = PickMatcher(LibraryIndex.build(library.db, MatchScope.of(items)))  # type: ignore[attr-defined]
    assert len(scoped.index) == 4, "only the tracks the picks could name are indexed"
    for item in items:
        assert scoped.index.covers(item)
        assert scoped.match(item) == whole.match(item), item
    assert [scoped.match(i).ownership for i in items] == [Ownership.OWNED] * 4 + [
        Ownership.NOT_OWNED
    ]
    outside = _item("Band 3", "Record 3")
    assert not scoped.index.covers(outside) and whole.index.covers(outside)
    assert whole.match(outside).ownership is Ownership.OWNED


def test_picks_in_the_panel_say_what_the_library_holds(
    make_relationship: Callable[..., Relationship],
    library: Callable[..., int],
    curator: Actor,
    listener: Actor,
    releases: list[int],
) -> None:
    """The façade fetches the release's track list and matches against the library."""
    detail = curator.api.get(f"/v1/catalog/releases/{releases[0]}").json()
    artist, album = detail["artist"]["name"], detail["title"]
    owned = [library(title=t["title"], artist=artist, album=album) for t in detail["tracks"][:2]]
    library(title=detail["tracks"][0]["title"], artist="Someone Else", album=album)
    relationship = make_relationship(library_path=library.db.path)  # type: ignore[attr-defined]
    relationship.sign_in(listener.username, PASSWORD)
    curator_picks(curator, listener.id, "You have half of it", release_id=releases[0])
    curator_picks(curator, listener.id, "New to you", release_id=releases[1])
    picks = eventually(
        lambda: (
            (s := relationship.state()).picks
            and len(s.picks) == 2
            and all(p.match.total for p in s.picks)
            and s.picks
        )
    )
    by_release = {p.item.release_id: p.match for p in picks}
    assert by_release[releases[0]].ownership is Ownership.PARTLY_OWNED
    assert by_release[releases[0]].track_ids == tuple(owned)
    assert by_release[releases[1]].ownership is Ownership.NOT_OWNED


def test_a_pick_for_an_artist_the_index_has_not_seen_is_matched_once_it_arrives(
    make_relationship: Callable[..., Relationship],
    library: Callable[..., int],
    curator: Actor,
    listener: Actor,
    releases: list[int],
) -> None:
    """The index holds only the picks' artists: a later pick's artist makes it rebuild."""
    details = [curator.api.get(f"/v1/catalog/releases/{r}").json() for r in releases[:2]]
    assert details[0]["artist"]["name"] != details[1]["artist"]["name"]
    owned = [
        library(title=d["tracks"][0]["title"], artist=d["artist"]["name"], album=d["title"])
        for d in details
    ]
    relationship = make_relationship(library_path=library.db.path)  # type: ignore[attr-defined]
    relationship.sign_in(listener.username, PASSWORD)
    curator_picks(curator, listener.id, "First", release_id=releases[0])
    eventually(lambda: [p.match.ownership for p in relationship.state().picks] == [
        Ownership.PARTLY_OWNED
    ])  # fmt: skip
    curator_picks(curator, listener.id, "Second", release_id=releases[1])
    picks = eventually(
        lambda: (
            (s := relationship.state()).picks
            and len(s.picks) == 2
            and all(p.match.ownership is Ownership.PARTLY_OWNED for p in s.picks)
            and s.picks
        )
    )
    assert {p.item.release_id: p.match.track_ids for p in picks} == {
        releases[0]: (owned[0],),
        releases[1]: (owned[1],),
    }
