"""Offline first: with the store down, the cached relationship reads and new sends queue."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import httpx
import pytest

from rvibe_player.store_client.model import Connection, MessageState
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD
from tests.store_client.processes import StoreProcess, prepare_store, store_with_listener_online

pytestmark = pytest.mark.slow

FAST = {
    "store_key": "offline-store",
    "wait_s": 2,
    "api_options": {"backoff_s": 0.02, "backoff_max_s": 0.2, "read_timeout_s": 3.0},
    "backoff_s": (0.05, 0.5),
}


def _curator_writes(url: str, listener_id: int, body: str) -> None:
    with httpx.Client(base_url=url, timeout=10) as http:
        token = http.post("/v1/auth/login", json={"username": "mira", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {token.json()['token']}"}
        answer = http.post(
            f"/v1/staff/listeners/{listener_id}/messages",
            json={"client_id": uuid.uuid4().hex, "body": body},
            headers=headers,
        )
        assert answer.status_code == 201, answer.text


def _listener_messages(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT body FROM messages WHERE author_role = 'listener' ORDER BY seq"
        ).fetchall()
    return [r[0] for r in rows]


def test_store_down_from_the_start_reads_the_cache_and_sends_when_it_returns(
    tmp_path: Path,
) -> None:
    db = tmp_path / "store.sqlite3"
    _, listener_id = prepare_store(db)
    store = StoreProcess(db)
    store.start()
    try:
        # An earlier session: signed in, heard from the curator, then quit.
        _curator_writes(store.url, listener_id, "Hello Sam, welcome to the shop.")
        first = Relationship(store.url, **FAST)
        first.sign_in("sam", PASSWORD)
        eventually(lambda: first.state().messages)
        first.close()
    finally:
        store.stop()

    # The player starts again; the store is down from the start.
    relationship = Relationship(store.url, **FAST)
    try:
        state = relationship.state()
        assert [m.body for m in state.messages] == ["Hello Sam, welcome to the shop."]
        assert state.curator is not None and state.curator.name == "Mira"
        relationship.start().result(10)
        offline = eventually(
            lambda: relationship.status.connection is Connection.OFFLINE and relationship.status
        )
        assert "cannot be reached" in offline.error
        for text in ("Are you there?", "I'll wait.", "Third thought."):
            relationship.send_message(text)
        waiting = relationship.state()
        assert waiting.waiting_to_send == 3
        assert [(m.body, m.state) for m in waiting.messages[1:]] == [
            ("Are you there?", MessageState.PENDING),
            ("I'll wait.", MessageState.PENDING),
            ("Third thought.", MessageState.PENDING),
        ]

        store.start()  # the store returns (same address)
        eventually(lambda: relationship.state().waiting_to_send == 0, timeout=30)
        eventually(lambda: relationship.status.connection is Connection.ONLINE)
        assert _listener_messages(db) == ["Are you there?", "I'll wait.", "Third thought."]
        sent = eventually(
            lambda: (
                all(m.state is MessageState.SENT for m in relationship.state().messages[1:])
                and relationship.state()
            )
        )
        assert [m.body for m in sent.messages] == [
            "Hello Sam, welcome to the shop.",
            "Are you there?",
            "I'll wait.",
            "Third thought.",
        ]
    finally:
        relationship.close()
        store.stop()


def test_queued_messages_survive_a_restart_of_the_player(tmp_path: Path) -> None:
    db, store, first = store_with_listener_online(tmp_path, **FAST)
    store.stop()
    first.send_message("Written while offline, before quitting.")
    first.close()  # quit with the message still in the outbox

    second = Relationship(store.url, **FAST)
    try:
        assert [m.state for m in second.state().messages] == [MessageState.PENDING]
        store.start()
        second.start().result(10)
        eventually(lambda: second.state().waiting_to_send == 0, timeout=30)
        assert _listener_messages(db) == ["Written while offline, before quitting."]
    finally:
        second.close()
        store.stop()
