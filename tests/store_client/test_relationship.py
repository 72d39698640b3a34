"""The façade against the real store: convergence, resync, refusals, sessions, no token on disk."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends import fail

from rvibe_player.store_client import intents
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.credentials import NO_KEYRING, Credentials
from rvibe_player.store_client.errors import StoreRejectedError
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.model import Connection, MessageState
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.store_server import synclog
from rvibe_player.store_server.models import utcnow
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.helpers import (
    curator_notes,
    curator_picks,
    curator_says,
)

KEY = ("rvibe-player", "store-session:test-store")


def _staff(curator: Actor, method: str, path: str) -> None:
    answer = curator.api.request(method, path)
    assert answer.status_code == 200, answer.text


def test_edits_and_tombstones_converge(
    signed_in: Relationship, curator: Actor, listener: Actor, releases: list[int]
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    keep = curator_notes(curator, listener.id, "First draft")["note"]["id"]
    gone = curator_notes(curator, listener.id, "A note to delete")["note"]["id"]
    pick = curator_picks(curator, listener.id, "Withdrawn soon", release_id=releases[1])
    eventually(lambda: len(signed_in.state().notes) == 2 and signed_in.state().picks)
    answer = curator.api.request(
        "PATCH", f"{base}/notes/{keep}", json={"client_id": "edit-0001", "body": "Final words"}
    )
    assert answer.status_code == 201, answer.text
    _staff(curator, "DELETE", f"{base}/notes/{gone}")
    _staff(curator, "DELETE", f"{base}/picks/{pick['pick']['id']}")
    state = eventually(lambda: (s := signed_in.state()) and len(s.notes) == 1 and not s.picks and s)
    assert [(n.id, n.body) for n in state.notes] == [(keep, "Final words")]
    assert state.notes[0].edited


def test_text_from_the_store_stays_exactly_as_written(
    signed_in: Relationship, curator: Actor, listener: Actor
) -> None:
    hostile = '<script>alert("hi")</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>\n\tok'
    curator_notes(curator, listener.id, hostile)
    curator_says(curator, listener.id, hostile)
    state = eventually(lambda: (s := signed_in.state()).notes and s.messages and s)
    assert state.notes[0].body == hostile and state.messages[0].body == hostile


def test_a_compacted_log_is_read_again_and_the_outbox_survives(
    make_relationship: Callable[..., Relationship],
    store: LiveServer,
    curator: Actor,
    listener: Actor,
) -> None:
    keep = curator_notes(curator, listener.id, "Keep me")["note"]["id"]
    gone = curator_notes(curator, listener.id, "Delete me")["note"]["id"]
    first = make_relationship()
    first.sign_in(listener.username, PASSWORD)
    eventually(lambda: len(first.state().notes) == 2)
    first.close()
    # While the player is closed: a note is deleted and the log compacted past it.
    _staff(curator, "DELETE", f"/v1/staff/listeners/{listener.id}/notes/{gone}")
    with store.store.db.write() as session:
        assert synclog.compact(session, listener.id, utcnow() + timedelta(seconds=1)).removed

    again = make_relationship()
    again.send_message("Queued before the resync")
    assert [n.id for n in again.state().notes] == [gone, keep], "the stale copy, offline"
    again.start().result(10)
    state = eventually(
        lambda: (
            (s := again.state())
            and [n.id for n in s.notes] == [keep]
            and not s.waiting_to_send
            and s
        )
    )
    assert [m.body for m in state.messages] == ["Queued before the resync"]
    assert again._loops.resyncs == 1


def test_a_refused_send_is_marked_failed_with_the_stores_words_and_the_rest_go_on(
    signed_in: Relationship, store: LiveServer, curator: Actor, listener: Actor
) -> None:
    eventually(lambda: signed_in.status.connection is Connection.ONLINE)
    signed_in.send_message("First, under its own id")
    eventually(lambda: signed_in.state().waiting_to_send == 0)
    first = signed_in.state().messages[0]
    used = first.key
    cache = RelationshipCache(signed_in._cache.path)  # type: ignore[union-attr]
    # The sync must have read the first message back from the log too: when it applies an
    # entry it drops outbox rows with that client id (the send was done), which would take
    # the injected row with it and make this test a race.
    assert first.seq is not None
    eventually(lambda: cache.log.cursor()[0] >= first.seq)
    # A client bug: the same client id for other words (409 client_id_reused).
    cache.outbox.enqueue(intents.message("Other words"), client_id=used)
    cache.close()
    signed_in.send_message("After the refused one")
    eventually(lambda: signed_in.state().waiting_to_send == 0)
    state = signed_in.state()
    assert [(m.body, m.state) for m in state.messages] == [
        ("First, under its own id", MessageState.SENT),
        ("After the refused one", MessageState.SENT),
        ("Other words", MessageState.FAILED),
    ]
    assert "already used" in state.messages[2].error and state.failed_to_send == 1
    signed_in.discard_send(state.messages[2].key)
    assert signed_in.state().failed_to_send == 0


def test_a_refused_sharing_change_stays_failed_with_the_stores_words(
    signed_in: Relationship, store: LiveServer, listener: Actor
) -> None:
    """The panel must not show a level the store never took: the change stays, failed."""
    eventually(lambda: signed_in.status.connection is Connection.ONLINE)
    cache = RelationshipCache(signed_in._cache.path)  # type: ignore[union-attr]
    cache.outbox.enqueue(intents.sharing("everything"))  # a level the store does not know
    cache.close()
    signed_in.set_sharing("summary")  # a good one after it still goes out
    eventually(lambda: signed_in.state().waiting_to_send == 0)
    state = signed_in.state()
    assert state.failed_to_send == 1 and state.sharing_level == "summary"
    cache = RelationshipCache(signed_in._cache.path)  # type: ignore[union-attr]
    [failed] = cache.outbox.items(IntentKind.SHARING, "failed")
    cache.close()
    assert failed.payload == {"level": "everything"} and failed.error_code == "invalid_request"
    assert failed.error, "the store's words are kept for the panel"


def test_feedback_on_a_withdrawn_pick_is_dropped_not_retried_forever(
    signed_in: Relationship, curator: Actor, listener: Actor, releases: list[int]
) -> None:
    pick = curator_picks(curator, listener.id, "Soon gone", release_id=releases[0])["pick"]
    kept = curator_picks(curator, listener.id, "Stays", release_id=releases[1])["pick"]
    eventually(lambda: len(signed_in.state().picks) == 2)
    _staff(curator, "DELETE", f"/v1/staff/listeners/{listener.id}/picks/{pick['id']}")
    signed_in.pick_feedback(pick["id"], "loved")  # the withdrawal has not arrived yet, maybe
    signed_in.pick_feedback(kept["id"], "played")
    eventually(lambda: signed_in.state().waiting_to_send == 0)
    state = signed_in.state()
    assert [(p.id, p.feedback, p.feedback_pending) for p in state.picks] == [
        (kept["id"], "played", False)
    ]
    assert state.failed_to_send == 0


def test_the_store_ending_the_session_signs_out_and_keeps_unsent_messages(
    signed_in: Relationship,
    store: LiveServer,
    listener: Actor,
    memory_keyring: MemoryKeyring,
) -> None:
    eventually(lambda: signed_in.status.connection is Connection.ONLINE)
    other = httpx.post(
        f"{store.url}/v1/auth/login", json={"username": listener.username, "password": PASSWORD}
    ).json()["token"]
    ended = httpx.post(
        f"{store.url}/v1/auth/logout-all", headers={"Authorization": f"Bearer {other}"}
    )
    assert ended.status_code == 200
    signed_in.send_message("Typed as the session ends")
    status = eventually(
        lambda: signed_in.status.connection is Connection.SIGNED_OUT and signed_in.status
    )
    assert "sign in again" in status.error
    assert KEY not in memory_keyring.secrets
    assert [m.state for m in signed_in.state().messages] == [MessageState.PENDING]
    signed_in.sign_in(listener.username, PASSWORD)
    eventually(lambda: signed_in.state().waiting_to_send == 0)


def test_only_listeners_sign_in_to_the_panel(
    make_relationship: Callable[..., Relationship], curator: Actor, memory_keyring: MemoryKeyring
) -> None:
    relationship = make_relationship()
    with pytest.raises(StoreRejectedError, match="curator account"):
        relationship.sign_in(curator.username, "correct horse battery")
    assert memory_keyring.secrets == {} and relationship.account is None


def test_closing_ends_a_waiting_long_poll_at_once(
    make_relationship: Callable[..., Relationship], store: LiveServer, listener: Actor
) -> None:
    relationship = make_relationship(wait_s=25)
    relationship.sign_in(listener.username, PASSWORD)
    eventually(lambda: store.store.notifier.waiting() >= 1)
    started = time.monotonic()
    relationship.close()
    assert time.monotonic() - started < 15, "the 25 s long-poll was cut short"


def test_the_curators_picture_is_kept_for_offline_use(
    signed_in: Relationship, store: LiveServer
) -> None:
    card = eventually(lambda: signed_in.state().curator)
    assert card.avatar_url.startswith(f"{store.url}/v1/avatars/{card.id}-")
    picture = eventually(lambda: signed_in.avatar(card.avatar_url))
    assert picture[1] == "image/svg+xml" and picture[0].startswith(b"<svg")


@pytest.fixture
def debug_log_file(isolated_user_dirs: Path) -> Iterator[None]:
    """Everything logged at DEBUG (urllib3's request lines included) into the log dir."""
    (isolated_user_dirs / "log").mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(isolated_user_dirs / "log" / "debug.log")
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


def test_no_token_is_ever_written_to_a_file(
    make_relationship: Callable[..., Relationship],
    curator: Actor,
    listener: Actor,
    memory_keyring: MemoryKeyring,
    isolated_user_dirs: Path,
    debug_log_file: None,
) -> None:
    relationship = make_relationship()
    relationship.sign_in(listener.username, PASSWORD)
    token = memory_keyring.secrets[KEY]
    curator_says(curator, listener.id, "Hello")
    relationship.send_message("Hi!")
    relationship.mark_read()
    eventually(
        lambda: len(relationship.state().messages) == 2 and not relationship.state().waiting_to_send
    )
    files = [p for p in isolated_user_dirs.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files) and any(p.name == "debug.log" for p in files)
    relationship.sign_out()
    files = [p for p in isolated_user_dirs.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        assert token.encode() not in data, f"the token is in {path}"
        assert token[4:].encode() not in data, f"the token is in {path}"


def test_remember_me_off_and_no_keyring_keep_the_session_in_memory_only(
    make_relationship: Callable[..., Relationship],
    listener: Actor,
    memory_keyring: MemoryKeyring,
) -> None:
    first = make_relationship()
    first.sign_in(listener.username, PASSWORD, remember=False)
    eventually(lambda: first.status.connection is Connection.ONLINE)
    assert memory_keyring.secrets == {} and first.keyring_problem is None
    first.close()
    again = make_relationship()
    again.start().result(10)
    assert again.status.connection is Connection.SIGNED_OUT, "nothing kept: sign in again"

    keyring.set_keyring(fail.Keyring())
    none = make_relationship(credentials=Credentials())
    none.sign_in(listener.username, PASSWORD)
    eventually(lambda: none.status.connection is Connection.ONLINE)
    assert none.keyring_problem == NO_KEYRING
