"""Sharing the albums in my library, end to end: off by default, the list (no paths) in
batches to the real store when on, kept current after a scan, deleted when turned off; the
desk marks "owned" with it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rvibe_player.store_client.relationship import Relationship
from rvibe_player.store_server.models import ListenerAlbum
from rvibe_player.store_server.models import Relationship as StoreRelationship
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.test_listening import Library

MBID = "0383dadf-2a4e-4d10-a46a-e9e041da8eb3"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "library.sqlite3")
    library.add("Blue", artist="Mara Quist", album="Tide", albumartist="Mara Quist Trio",
                mb_albumid=MBID)  # fmt: skip
    library.add("Green", artist="Mara Quist", album="Tide", albumartist="Mara Quist Trio")
    library.add("Red", artist="Ivo", album="Colours\x07")
    library.add("Loose", artist="Ivo")  # no album: not an album
    yield library
    library.db.close()


def shared(store: LiveServer, listener: Actor) -> list[tuple[str, str, str | None]]:
    with store.store.db.read() as session:
        rows = session.execute(
            select(ListenerAlbum.artist, ListenerAlbum.album, ListenerAlbum.release_mbid)
            .where(ListenerAlbum.listener_id == listener.id)
            .order_by(ListenerAlbum.album)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def consent(store: LiveServer, listener: Actor) -> bool:
    with store.store.db.read() as session:
        rel = session.get(StoreRelationship, listener.id)
        return bool(rel and rel.library_sharing)


@pytest.fixture
def relationship(
    make_relationship: Callable[..., Relationship], listener: Actor, library: Library
) -> Relationship:
    relationship = make_relationship(library_path=library.path)
    relationship.sign_in(listener.username, PASSWORD)
    eventually(lambda: relationship.state().waiting_to_send == 0)
    return relationship


def test_off_by_default_then_the_album_list_without_paths_then_deleted_when_off(
    relationship: Relationship, library: Library, store: LiveServer, listener: Actor
) -> None:
    assert relationship.state().library_sharing is False, "off by default"
    relationship.library_changed()
    eventually(lambda: relationship.state().waiting_to_send == 0)
    assert shared(store, listener) == [] and not consent(store, listener)
    assert "not sent" in relationship.library_preview(False)

    preview = relationship.library_preview(True)
    sent_lines = [json.loads(line) for line in preview.splitlines() if line.startswith("{")]
    assert sent_lines == [
        {"artist": "Ivo", "album": "Colours", "artist_mbid": None, "release_mbid": None},
        {"artist": "Mara Quist Trio", "album": "Tide", "artist_mbid": None, "release_mbid": MBID},
    ], "the preview is exactly what is sent"
    assert "/music" not in preview

    relationship.set_library_sharing(True)
    assert relationship.state().library_sharing is True, "shown at once, before the store has it"
    eventually(lambda: shared(store, listener) == [("Ivo", "Colours", None),
                                                    ("Mara Quist Trio", "Tide", MBID)])  # fmt: skip
    assert consent(store, listener)

    library.add("Yellow", artist="Ivo", album="Sun")  # a scan found a new album
    relationship.library_changed()
    eventually(lambda: len(shared(store, listener)) == 3)

    relationship.set_library_sharing(False)
    eventually(lambda: shared(store, listener) == [] and not consent(store, listener))
    assert relationship.state().library_sharing is False


def test_a_large_library_goes_in_batches_the_store_takes(
    relationship: Relationship, library: Library, store: LiveServer, listener: Actor
) -> None:
    for n in range(1_200):
        library.add(f"t{n}", artist=f"Artist {n % 40}", album=f"Album number {n:04d} " + "x" * 150)
    relationship.set_library_sharing(True)
    eventually(lambda: len(shared(store, listener)) == 1_202, timeout=30)
    assert relationship.state().failed_to_send == 0


def test_the_desk_marks_what_the_shared_library_owns(
    relationship: Relationship, library: Library, store: LiveServer, listener: Actor,
    curator: Actor, releases: list[int],
) -> None:  # fmt: skip
    release = store.client().get(f"/v1/catalog/releases/{releases[0]}").json()
    library.add("Side A", artist=release["artist"]["name"], album=release["title"].upper())
    relationship.set_library_sharing(True)
    eventually(lambda: len(shared(store, listener)) == 3)
    found = curator.api.get(
        f"/v1/staff/listeners/{listener.id}/catalog", params={"q": release["title"]}
    ).json()["items"]
    marks = {item["id"]: item["owned"] for item in found}
    assert marks[releases[0]] is True, "owned, whatever the case of the tags"
