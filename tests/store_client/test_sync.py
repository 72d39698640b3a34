"""The sync loop on its own: an unreadable page is a passing trouble, not the end of syncing."""

from __future__ import annotations

import json
from pathlib import Path

from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.model import Connection, SyncStatus
from rvibe_player.store_client.sync import SyncLoop
from tests.helpers.clock import TestClock
from tests.helpers.waiting import eventually
from tests.store_client.stub_http import stub_server

JSON = "application/json"
ME = json.dumps({"account": {"id": 5}, "relationship": {"curator": None}})
BROKEN = json.dumps({"entries": [{"seq": 1, "kind": "note.created"}], "next_after": 1})
NOTE = {"note": {"id": 1, "body": "hi", "created_at": TestClock.start().iso_ago(days=1)}}
GOOD = json.dumps(
    {
        "entries": [{"seq": 1, "kind": "note.created", "object": "note:1", "data": NOTE}],
        "next_after": 1,
        "has_more": False,
        "epoch": 1,
    }
)


def test_an_unreadable_page_is_reported_and_retried(tmp_path: Path) -> None:
    statuses: list[SyncStatus] = []
    answers = [(200, JSON, ME), (200, JSON, BROKEN), (200, JSON, ME), (200, JSON, GOOD)]
    with stub_server(answers) as (url, _script):
        loop = SyncLoop(
            tmp_path / "cache.sqlite3",
            StoreApi(url, "rvs_t", retries=0),
            5,
            lambda areas: None,
            on_status=statuses.append,
            backoff=Backoff(0.01, 0.05),
            wait_s=1,
        )
        loop.start()
        try:
            # The status is set just before on_status hears of it: wait for what it heard.
            eventually(lambda: bool(statuses) and statuses[-1].connection is Connection.ONLINE)
            cache = RelationshipCache(tmp_path / "cache.sqlite3")
            eventually(lambda: cache.log.object("note:1"))
            cache.close()
        finally:
            assert loop.stop(2)
    troubles = [s for s in statuses if s.connection is Connection.OFFLINE]
    assert troubles and "cannot read" in troubles[0].error
