"""The listener's client against the real store on 127.0.0.1: sign in, hear, reply, sign out."""

from __future__ import annotations

import time

import httpx

from rvibe_player.core.store_protocol import PickFeedback
from rvibe_player.store_client.model import Connection, MessageState, Ownership
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.waiting import eventually
from tests.store.live import Actor, LiveServer
from tests.store_client.helpers import (
    Changes,
    curator_notes,
    curator_picks,
    curator_says,
)

KEY = ("rvibe-player", "store-session:test-store")


def _context(curator: Actor, listener: Actor) -> dict:
    answer = curator.api.get(f"/v1/staff/listeners/{listener.id}/context")
    assert answer.status_code == 200, answer.text
    return answer.json()


def _parked(store: LiveServer) -> bool:
    return store.store.notifier.waiting() >= 1


def test_sign_in_hear_from_the_curator_reply_and_sign_out(
    signed_in: Relationship,
    store: LiveServer,
    curator: Actor,
    listener: Actor,
    releases: list[int],
    memory_keyring: MemoryKeyring,
    changes: Changes,
) -> None:
    relationship = signed_in
    token = memory_keyring.secrets[KEY]
    assert token.startswith("rvs_"), "the session token is in the keyring"
    eventually(lambda: relationship.status.connection is Connection.ONLINE)

    curator_notes(curator, listener.id, "Welcome, Sam! Tell me what you love.")
    pick = curator_picks(curator, listener.id, "Quiet and warm.", release_id=releases[0])
    state = eventually(lambda: (s := relationship.state()).notes and s.picks and s)
    assert [n.body for n in state.notes] == ["Welcome, Sam! Tell me what you love."]
    assert state.notes[0].author == "Mira"
    assert state.picks[0].id == pick["pick"]["id"] and state.picks[0].reason == "Quiet and warm."
    assert state.picks[0].is_new and state.picks[0].item.release_id == releases[0]
    assert state.picks[0].item.preview_url.startswith(store.url + "/v1/catalog/tracks/")
    assert state.picks[0].match.ownership is Ownership.UNKNOWN, "no library given"
    assert state.curator is not None and state.curator.name == "Mira"
    assert state.unread == 2

    # Reply: shown at once, then sent, and at the store exactly once.
    bubble = relationship.send_message("Thanks Mira! <b>Anything</b> like Alice Coltrane?")
    assert bubble.mine and bubble.state in (MessageState.PENDING, MessageState.SENT)
    mine = eventually(
        lambda: [m for m in relationship.state().messages if m.state is MessageState.SENT]
    )
    assert [m.key for m in mine] == [bubble.key], "the pending bubble became the sent one"
    at_store = [
        m
        for m in _context(curator, listener)["conversation"]["messages"]
        if m["from"] == "listener"
    ]
    assert [m["body"] for m in at_store] == ["Thanks Mira! <b>Anything</b> like Alice Coltrane?"]

    # Feedback and the read marker reach the store too.
    relationship.pick_feedback(pick["pick"]["id"], PickFeedback.LOVED)
    read_up_to = relationship.state().latest_seq
    relationship.mark_read()
    assert relationship.state().picks[0].feedback == "loved"
    assert relationship.state().unread == 0
    eventually(lambda: relationship.state().waiting_to_send == 0)
    context = _context(curator, listener)
    assert context["picks"][0]["feedback"] == "loved"
    assert context["conversation"]["listener_read_seq"] == read_up_to

    # A curator's message arrives through the parked long-poll (bench/sync.py times it).
    eventually(lambda: _parked(store))
    sent_at = time.monotonic()
    curator_says(curator, listener.id, "Try the second pick, side B.")
    eventually(
        lambda: any(
            m.body == "Try the second pick, side B." for m in relationship.state().messages
        ),
        timeout=10.0,
    )
    assert changes.seen("messages", since=sent_at)
    assert {"store-sync", "store-outbox"} <= changes.threads, "callbacks come off the caller"

    # Sign out: the token leaves the keyring and stops working at the store.
    relationship.sign_out()
    assert KEY not in memory_keyring.secrets
    assert relationship.status.connection is Connection.SIGNED_OUT
    answer = httpx.get(f"{store.url}/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
