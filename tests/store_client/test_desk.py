"""The curator's desk, headless, against the real store: live arrival, sends through the
outbox exactly once (a killed store included), crates through faults, offline reading."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.desk import CuratorDesk, DeskError
from rvibe_player.store_client.errors import StoreRejectedError
from rvibe_player.store_client.model import Connection, MessageState
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import Account, Message, Pick, StaffNote
from rvibe_player.store_server.services import relationship
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer, make_actor
from tests.store_client.fault_proxy import FaultProxy
from tests.store_client.processes import StoreProcess, prepare_store

FAST = {"backoff_s": 0.02, "backoff_max_s": 0.2, "read_timeout_s": 5.0}


@pytest.fixture
def make_desk(isolated_user_dirs: Path) -> Iterator[Callable[..., CuratorDesk]]:
    made: list[CuratorDesk] = []

    def make(url: str, **kwargs: Any) -> CuratorDesk:
        options: dict[str, Any] = {
            "store_key": "test-store",
            "wait_s": 5,
            "api_options": FAST,
            "backoff_s": (0.05, 0.5),
        }
        desk = CuratorDesk(url, **(options | kwargs))
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


def test_a_listeners_message_reaches_the_open_desk_by_itself(
    make_desk: Callable[..., CuratorDesk], store: LiveServer, curator: Actor
) -> None:
    listener = make_actor(store, "sam", Role.LISTENER, curator=curator)
    desk = make_desk(store.url)
    desk.sign_in(curator.username, PASSWORD)
    eventually(lambda: desk.status.connection is Connection.ONLINE)
    eventually(lambda: [r.username for r in desk.inbox()] == ["sam"])
    context = desk.fetch_context(listener.id)
    assert context.name == "Sam" and context.sharing_level == "off"
    listener.api.post("/v1/messages", {"client_id": "m" * 12, "body": "Anything for tonight?"})
    eventually(
        lambda: [m.body for m in desk.conversation(listener.id)] == ["Anything for tonight?"],
        timeout=10,
    )
    row = eventually(lambda: (r := desk.inbox()) and r[0].need == "waiting" and r[0])
    assert row.unread == 1 and row.excerpt == "Anything for tonight?"
    assert desk.figures().waiting == 1


def test_a_listener_account_cannot_open_the_desk(
    make_desk: Callable[..., CuratorDesk], store: LiveServer, curator: Actor
) -> None:
    listener = make_actor(store, "sam", Role.LISTENER, curator=curator, login=False)
    desk = make_desk(store.url)
    with pytest.raises(StoreRejectedError, match="curator desk is for curators"):
        desk.sign_in(listener.username, PASSWORD)
    assert desk.account is None


def test_every_send_goes_out_once_and_a_gap_never_leaves(
    make_desk: Callable[..., CuratorDesk], store: LiveServer, curator: Actor
) -> None:
    listener = make_actor(store, "sam", Role.LISTENER, curator=curator)
    with store.store.db.write() as session:
        release = seed_catalog(session, releases=1)[0]
    desk = make_desk(store.url)
    desk.sign_in(curator.username, PASSWORD)
    with pytest.raises(DeskError, match=r"\[\[what you loved\]\]"):
        desk.reply(listener.id, "Hi Sam, [[what you loved]].")
    with pytest.raises(DeskError, match="reason"):
        desk.pick(listener.id, release, "   ")
    pending = desk.reply(listener.id, "Try side B tonight.")
    assert pending.state is MessageState.PENDING
    desk.note(listener.id, "Record Store Day is on the 18th.")
    desk.pick(listener.id, release, "Recorded in one afternoon; it sounds like it.")
    desk.staff_note(listener.id, "Prefers instrumentals after 10 pm.")
    desk.cadence(listener.id, 14)
    eventually(lambda: desk.waiting_sends() == 0, timeout=15)
    assert desk.failed_sends() == []
    eventually(
        lambda: (
            [(m.body, m.state) for m in desk.conversation(listener.id)]
            == [("Try side B tonight.", MessageState.SENT)]
        )
    )
    with store.store.db.read() as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert (count(Message), count(Pick), count(StaffNote)) == (1, 1, 1)
    replica = listener.api.get("/v1/sync", params={"after": 0}).json()["entries"]
    assert "instrumentals" not in str(replica), "a staff-only note never reaches the listener"


def test_curator_sends_survive_the_store_killed_mid_send(
    make_desk: Callable[..., CuratorDesk], tmp_path: Path
) -> None:
    db = tmp_path / "store.sqlite3"
    _curator_id, listener_id = prepare_store(db)
    server = StoreProcess(db)
    server.start()
    desk = make_desk(server.url, api_options=FAST | {"retries": 1, "read_timeout_s": 1.5})
    try:
        desk.sign_in("mira", PASSWORD)
        expected = [f"reply {n:03d}" for n in range(60)]
        for n, body in enumerate(expected):
            desk.reply(listener_id, body)
            if n == 20:
                server.stop(kill=True)  # mid-send: some answers never come back
            if n == 35:
                server.start()  # on the same port
        eventually(lambda: desk.waiting_sends() == 0, timeout=60, every=0.1)
        assert desk.failed_sends() == []
        import sqlite3

        with sqlite3.connect(db) as conn:
            bodies = [
                r[0]
                for r in conn.execute(
                    "SELECT body FROM messages WHERE author_role = 'curator' ORDER BY seq"
                )
            ]
        assert bodies == expected, "each reply at the store once, in order"
        eventually(lambda: [m.body for m in desk.conversation(listener_id)] == expected)
    finally:
        desk.close()
        server.stop()


def test_a_crate_to_fifty_listeners_goes_out_once_each_through_faults(
    make_desk: Callable[..., CuratorDesk], store: LiveServer, curator: Actor
) -> None:
    crowd = [
        make_actor(store, f"crowd{n:02d}", Role.LISTENER, curator=curator, login=False)
        for n in range(50)
    ]
    with store.store.db.write() as session:
        releases = seed_catalog(session, releases=2)
    proxy = FaultProxy(store.port)
    desk = make_desk(proxy.url, api_options=FAST | {"retries": 0, "read_timeout_s": 2.0})
    try:
        desk.sign_in(curator.username, PASSWORD)
        with pytest.raises(DeskError, match="line for every listener"):
            desk.send_crate(releases, {crowd[0].id: "For you", crowd[1].id: " "})
        lines = {p.id: f"{p.username}, this one is yours" for p in crowd}
        eventually(lambda: desk.status.connection is Connection.ONLINE)
        # Answers hang longer than the read timeout: the first attempt's answer is lost, the
        # retry goes out under the same client id while the first may still arrive.
        proxy.stall(3.0)
        items = desk.send_crate(releases, lines)
        assert len(items) == 1
        eventually(lambda: desk.waiting_sends() == 0, timeout=30, every=0.1)
        assert proxy.stalls == 1
        assert desk.failed_sends() == []
        with store.store.db.read() as session:
            rows = session.execute(select(Pick.listener_id, Pick.reason)).all()
        assert len(rows) == 100, "two releases for each of 50 listeners, once"
        assert {reason for _lid, reason in rows} == set(lines.values())
    finally:
        desk.close()
        proxy.close()


def test_a_long_catch_up_reads_the_inbox_once_caught_up_not_after_every_page(
    make_desk: Callable[..., CuratorDesk],
    store: LiveServer,
    curator: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listener = make_actor(store, "sam", Role.LISTENER, curator=curator, login=False)
    with store.store.db.write() as session:
        author = session.get(Account, curator.id)
        assert author is not None
        for n in range(1100):  # three pages of the staff stream
            relationship.create_note(session, listener.id, author, f"note {n}", f"note-{n:05d}")
    reads: list[dict[str, Any]] = []
    read_inbox = StoreApi.staff_inbox

    def counted(api: StoreApi, **params: Any) -> dict[str, Any]:
        reads.append(params)
        return read_inbox(api, **params)

    monkeypatch.setattr(StoreApi, "staff_inbox", counted)
    desk = make_desk(store.url)
    desk.sign_in(curator.username, PASSWORD)

    def notes() -> int:
        with desk._lock:
            kept = desk._store()
            return len(kept.objects(listener.id, "note")) if kept is not None else 0

    eventually(lambda: notes() == 1100, timeout=20)
    eventually(lambda: len(reads) == 2)  # on coming online, and once caught up
    time.sleep(0.3)
    assert len(reads) == 2, "not once per page of the catch-up"
    assert [row.username for row in desk.inbox()] == ["sam"]
