"""Sharing listening with the curator, end to end: the library's play log to the real store."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.tags import TrackTags
from rvibe_player.store_client import intents
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.listening import ListeningUploader
from rvibe_player.store_client.model import Connection
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.clock import TestClock
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.helpers import shared_plays


class Library:
    """A small library file with a few tracks; ``play`` logs a play the way the player does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = LibraryDatabase(path)
        self.root = self.db.add_root("/music")
        self.ids: dict[str, int] = {}

    def add(self, title: str, **tags: Any) -> None:
        with transaction(self.db.conn):
            self.ids[title] = self.db.insert_track(
                self.root, f"/music/{len(self.ids)}.flac", 10, 0, len(self.ids).to_bytes(16, "big"),
                TrackTags(title=title, **tags),
            )  # fmt: skip

    def play(self, *titles: str) -> None:
        for title in titles:
            self.db.record_play(self.ids[title])


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "library.sqlite3")
    library.add("Blue", artist="Mara Quist", album="Tide", genre="Jazz")
    library.add("Red", artist="Ivo", album="Colours", genre="Pop")
    yield library
    library.db.close()


def _context(curator: Actor, listener: Actor) -> dict[str, Any]:
    answer = curator.api.get(f"/v1/staff/listeners/{listener.id}/context")
    assert answer.status_code == 200, answer.text
    sharing: dict[str, Any] = answer.json()["sharing"]
    return sharing


def _settled(relationship: Relationship) -> bool:
    state = relationship.state()
    return state.waiting_to_send == 0 and relationship.status.connection is Connection.ONLINE


@pytest.fixture
def sharing(
    make_relationship: Callable[..., Relationship], listener: Actor, library: Library
) -> Relationship:
    relationship = make_relationship(library_path=library.path)
    relationship.sign_in(listener.username, PASSWORD)
    eventually(lambda: _settled(relationship))
    return relationship


def test_nothing_leaves_until_opt_in_then_only_later_plays_at_the_chosen_level(
    sharing: Relationship, library: Library, store: LiveServer, curator: Actor, listener: Actor
) -> None:
    assert sharing.state().sharing_level == "off", "off by default"
    library.play("Blue", "Red")
    sharing.share_new_plays()
    cache = RelationshipCache(sharing._cache.path)  # type: ignore[union-attr]
    assert ListeningUploader(library.path).collect(cache) == 0, "nothing to collect while off"
    assert not cache.outbox.items(IntentKind.LISTENING)
    cache.close()
    eventually(lambda: _settled(sharing))
    assert shared_plays(store, listener) == (0, 0)

    sharing.set_sharing("summary")
    library.play("Blue", "Blue", "Red")
    sharing.share_new_plays()
    eventually(lambda: shared_plays(store, listener) == (3, 0) and _settled(sharing))
    context = _context(curator, listener)
    assert context["top_artists"] == [
        {"name": "Mara Quist", "plays": 2},
        {"name": "Ivo", "plays": 1},
    ]
    assert context["recent_plays"] == [], "a summary sends no titles"

    sharing.set_sharing("full")
    library.play("Red")
    sharing.share_new_plays()
    eventually(lambda: shared_plays(store, listener) == (4, 1) and _settled(sharing))
    recent = _context(curator, listener)["recent_plays"]
    assert [(p["title"], p["artist"], p["album"]) for p in recent] == [("Red", "Ivo", "Colours")]


def test_turning_sharing_off_drops_unsent_plays_at_once(
    sharing: Relationship,
    make_relationship: Callable[..., Relationship],
    library: Library,
    store: LiveServer,
    listener: Actor,
) -> None:
    sharing.close()
    offline = make_relationship(library_path=library.path)  # not started: nothing goes out
    offline.set_sharing("full")
    library.play("Blue", "Red", "Blue")
    assert offline._cache is not None
    assert ListeningUploader(library.path).collect(offline._cache) == 3
    assert [i.kind for i in offline._cache.outbox.items()] == ["sharing", IntentKind.LISTENING]
    offline.set_sharing("off")
    assert [i.kind for i in offline._cache.outbox.items()] == ["sharing", "sharing"]
    assert ListeningUploader(library.path).collect(offline._cache) == 0
    offline.start().result(10)
    eventually(lambda: _settled(offline))
    assert shared_plays(store, listener) == (0, 0)
    assert offline.state().sharing_level == "off"


def test_each_play_arrives_once_across_restarts_and_large_backlogs(
    sharing: Relationship,
    make_relationship: Callable[..., Relationship],
    library: Library,
    store: LiveServer,
    listener: Actor,
) -> None:
    sharing.set_sharing("full")
    eventually(lambda: _settled(sharing))
    sharing.close()
    library.play(*(["Blue", "Red"] * 600))  # 1,200 plays: three batches of at most 500
    again = make_relationship(library_path=library.path)
    again.start().result(10)
    again.share_new_plays()
    eventually(
        lambda: shared_plays(store, listener) == (1200, 1200) and _settled(again), timeout=30
    )
    again.close()
    third = make_relationship(library_path=library.path)
    third.start().result(10)
    third.share_new_plays()
    eventually(lambda: _settled(third))
    cache = RelationshipCache(third._cache.path)  # type: ignore[union-attr]
    assert ListeningUploader(library.path).collect(cache) == 0, "the cursor is past them all"
    cache.close()
    assert shared_plays(store, listener) == (1200, 1200), "nothing sent twice"
    library.play("Red")
    third.share_new_plays()
    eventually(lambda: shared_plays(store, listener) == (1201, 1201))


def test_the_preview_is_exactly_what_would_be_sent(sharing: Relationship, library: Library) -> None:
    assert "Nothing" in sharing.sharing_preview("off")
    library.play("Red", "Blue")
    summary = sharing.sharing_preview("summary")
    sent = json.loads(summary.splitlines()[-1])
    assert sent["artist"] == "Mara Quist" and sent["genre"] == "Jazz" and sent["title"] == ""
    assert sent["played_at"].endswith("T00:00:00+00:00"), "only the day"
    assert "album" not in sent
    full = json.loads(sharing.sharing_preview("full").splitlines()[-1])
    assert (full["title"], full["album"]) == ("Blue", "Tide")


def test_tags_the_store_would_refuse_are_cleaned_not_lost(
    sharing: Relationship, library: Library, store: LiveServer, curator: Actor, listener: Actor
) -> None:
    library.add("Odd\x00title\nsecond line", artist="A" * 400, genre="\x1b[31mRed\x1b[0m")
    sharing.set_sharing("full")
    library.play("Odd\x00title\nsecond line")
    sharing.share_new_plays()
    eventually(lambda: shared_plays(store, listener) == (1, 1) and _settled(sharing))
    [play] = _context(curator, listener)["recent_plays"]
    assert play["title"] == "Odd title second line"
    assert play["artist"] == "A" * 200


def test_long_tags_go_out_in_batches_the_store_takes_and_a_refused_batch_is_halved(
    sharing: Relationship,
    make_relationship: Callable[..., Relationship],
    library: Library,
    store: LiveServer,
    listener: Actor,
    clock: TestClock,
) -> None:
    wide = "海鳥の歌" * 45  # 180 characters, 540 bytes: ~2 KB a play at the full level
    library.add(wide, artist="鳥" * 180, album="歌" * 180, genre="民謡")
    sharing.set_sharing("full")
    eventually(lambda: _settled(sharing))
    time.sleep(1.1)  # later than the opt-in, by the play log's seconds
    library.play(*([wide] * 500))
    sharing.share_new_plays()
    eventually(lambda: shared_plays(store, listener) == (500, 500) and _settled(sharing), 30)

    # A batch queued too large (an older player, a smaller store limit) with one play the
    # store refuses: halved until it goes, and only that one play is left out.
    sharing.close()
    offline = make_relationship(library_path=library.path)
    play = {"played_at": clock.iso_ago(hours=1), "artist": "鳥" * 180, "album": "歌" * 180,
            "title": wide, "genre": "民謡"}  # fmt: skip
    refused = {**play, "artist": "x" * 300}  # over the store's 200 characters
    assert offline._cache is not None
    offline._cache.outbox.enqueue(intents.listening([play] * 150 + [refused] + [play] * 149))
    offline.start().result(10)
    eventually(lambda: shared_plays(store, listener) == (799, 799) and _settled(offline), 30)
    assert offline.state().failed_to_send == 0
