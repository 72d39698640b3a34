"""The sync protocol: paging converges, edits and deletes converge, seq under concurrency."""

from __future__ import annotations

import random
import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import Release, Track
from tests.store.live import Actor, LiveServer, make_actor
from tests.store.syncing import Replica, server_log, server_state


def cid() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def catalog(live: LiveServer) -> dict[str, list[int]]:
    """A small catalog: release and track ids."""
    with live.store.db.write() as session:
        releases = seed_catalog(session, releases=12)
        tracks = list(session.scalars(select(Track.id).order_by(Track.id)))
    return {"releases": releases, "tracks": tracks}


def churn(
    rng: random.Random,
    listener: Actor,
    curator: Actor,
    catalog: dict[str, list[int]],
    steps: int,
) -> None:
    """A random mix of every kind of change, through the API."""
    base = f"/v1/staff/listeners/{listener.id}"
    notes: list[int] = []
    picks: list[int] = []
    for _ in range(steps):
        op = rng.choice(
            ["note", "edit", "delete", "pick", "withdraw", "feedback", "msg", "reply", "read"]
        )
        if op == "note" or (op in ("edit", "delete") and not notes):
            r = curator.api.post(f"{base}/notes", {"client_id": cid(), "body": f"n{rng.random()}"})
            notes.append(r.json()["note"]["id"])
        elif op == "edit":
            r = curator.api.request(
                "PATCH",
                f"{base}/notes/{rng.choice(notes)}",
                json={"client_id": cid(), "body": f"edited {rng.random()}"},
            )
        elif op == "delete":
            r = curator.api.request(
                "DELETE", f"{base}/notes/{notes.pop(rng.randrange(len(notes)))}"
            )
        elif op == "pick" or (op in ("withdraw", "feedback") and not picks):
            item = (
                {"release_id": rng.choice(catalog["releases"])}
                if rng.random() < 0.5
                else {"track_id": rng.choice(catalog["tracks"])}
            )
            r = curator.api.post(f"{base}/picks", {"client_id": cid(), "reason": "try", **item})
            picks.append(r.json()["pick"]["id"])
        elif op == "withdraw":
            r = curator.api.request(
                "DELETE", f"{base}/picks/{picks.pop(rng.randrange(len(picks)))}"
            )
        elif op == "feedback":
            r = listener.api.post(
                f"/v1/picks/{rng.choice(picks)}/feedback",
                {"client_id": cid(), "feedback": rng.choice(["seen", "played", "loved"])},
            )
        elif op == "msg":
            r = listener.api.post("/v1/messages", {"client_id": cid(), "body": "hello"})
        elif op == "reply":
            r = curator.api.post(f"{base}/messages", {"client_id": cid(), "body": "hi back"})
        else:
            latest = listener.api.get("/v1/me").json()["relationship"]["latest_seq"]
            r = listener.api.post("/v1/read", {"client_id": cid(), "seq": latest})
        assert r.status_code in (200, 201), (op, r.text)


@pytest.mark.parametrize("page", [1, 2, 3, 7, 50, 1000])
def test_any_page_size_ends_with_exactly_the_server_log(
    live: LiveServer, listener: Actor, curator: Actor, catalog: dict[str, list[int]], page: int
) -> None:
    churn(random.Random(page), listener, curator, catalog, steps=60)
    replica = Replica()
    requests = replica.pull(listener.api, page=page)
    log = server_log(live.store.db, listener.id)
    assert [(e["seq"], e["kind"], e["object"]) for e in replica.entries] == log
    assert [seq for seq, _k, _o in log] == list(range(1, len(log) + 1)), "gapless"
    assert requests == max(1, -(-len(log) // page)), "pages are full until the last one"
    assert replica.state() == server_state(live.store.db, listener.id)


def test_a_client_that_syncs_between_changes_converges_too(
    live: LiveServer, listener: Actor, curator: Actor, catalog: dict[str, list[int]]
) -> None:
    rng = random.Random(5)
    incremental = Replica()
    for _round in range(6):
        churn(rng, listener, curator, catalog, steps=12)
        incremental.pull(listener.api, page=rng.choice([1, 4, 100]))
    fresh = Replica()
    fresh.pull(listener.api)
    expected = server_state(live.store.db, listener.id)
    assert incremental.state() == fresh.state() == expected
    assert incremental.entries == fresh.entries


def test_edits_and_deletes_reach_the_client_as_whole_objects_and_tombstones(
    live: LiveServer, listener: Actor, curator: Actor, catalog: dict[str, list[int]]
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    note = curator.api.post(f"{base}/notes", {"client_id": cid(), "body": "first"}).json()
    replica = Replica()
    replica.pull(listener.api)
    note_id = note["note"]["id"]
    assert replica.state()["notes"] == {note_id: "first"}
    curator.api.request("PATCH", f"{base}/notes/{note_id}", json={"client_id": cid(), "body": "v2"})
    replica.pull(listener.api)
    assert replica.state()["notes"] == {note_id: "v2"}
    assert replica.entries[-1]["kind"] == "note.edited"
    deleted = curator.api.request("DELETE", f"{base}/notes/{note_id}")
    assert deleted.status_code == 200
    again = curator.api.request("DELETE", f"{base}/notes/{note_id}")
    assert again.status_code == 200 and again.json()["entry"] is None, "no second tombstone"
    replica.pull(listener.api)
    assert replica.state()["notes"] == {}
    assert [e["kind"] for e in replica.entries][-1] == "note.deleted"
    edit_deleted = curator.api.request(
        "PATCH", f"{base}/notes/{note_id}", json={"client_id": cid(), "body": "zombie"}
    )
    assert edit_deleted.status_code == 404


def test_concurrent_writers_get_gapless_strictly_increasing_seq(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    per_thread, threads = 8, 6
    errors: list[str] = []

    def send(actor: Actor, path: str) -> None:
        api = live.client(actor.api.token)
        for _ in range(per_thread):
            r = api.post(path, {"client_id": cid(), "body": "x"})
            if r.status_code != 201:
                errors.append(r.text)
        api.close()

    workers = [
        threading.Thread(target=send, args=(listener, "/v1/messages"))
        if i % 2
        else threading.Thread(
            target=send, args=(curator, f"/v1/staff/listeners/{listener.id}/messages")
        )
        for i in range(threads)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    log = server_log(live.store.db, listener.id)
    assert [seq for seq, _k, _o in log] == list(range(1, per_thread * threads + 2))
    replica = Replica()
    replica.pull(listener.api, page=5)
    assert len(replica.state()["messages"]) == per_thread * threads


def test_a_reader_polling_during_concurrent_writes_never_skips_an_entry(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    done = threading.Event()

    def write() -> None:
        api = live.client(curator.api.token)
        for _ in range(40):
            api.post(
                f"/v1/staff/listeners/{listener.id}/messages", {"client_id": cid(), "body": "x"}
            )
        api.close()

    writers = [threading.Thread(target=write) for _ in range(3)]
    for w in writers:
        w.start()
    replica = Replica()
    reader = live.client(listener.api.token)
    while not done.is_set():
        replica.pull(reader, page=3)
        if not any(w.is_alive() for w in writers):
            done.set()
    replica.pull(reader, page=3)
    assert [e["seq"] for e in replica.entries] == [
        s for s, _k, _o in server_log(live.store.db, listener.id)
    ]


def _send_twice(api: Any, path: str, body: dict[str, Any]) -> tuple[Any, Any]:
    first = api.post(path, body)
    second = api.post(path, body)
    return first, second


def test_a_replayed_send_returns_the_original_and_creates_nothing(
    live: LiveServer, listener: Actor, curator: Actor, catalog: dict[str, list[int]]
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    pick = curator.api.post(
        f"{base}/picks", {"client_id": cid(), "release_id": catalog["releases"][0], "reason": "r"}
    ).json()["pick"]
    sends = [
        (listener.api, "/v1/messages", {"client_id": cid(), "body": "only once"}),
        (curator.api, f"{base}/messages", {"client_id": cid(), "body": "reply once"}),
        (curator.api, f"{base}/notes", {"client_id": cid(), "body": "note once"}),
        (
            curator.api,
            f"{base}/picks",
            {"client_id": cid(), "track_id": catalog["tracks"][0], "reason": "pick once"},
        ),
        (
            listener.api,
            f"/v1/picks/{pick['id']}/feedback",
            {"client_id": cid(), "feedback": "loved"},
        ),
        (listener.api, "/v1/read", {"client_id": cid(), "seq": 2}),
        (listener.api, "/v1/me/sharing", {"client_id": cid(), "level": "summary"}),
    ]
    for api, path, body in sends:
        method = "PUT" if path.endswith("sharing") else "POST"
        first = api.request(method, path, json=body)
        assert first.status_code == 201, first.text
        log_before = server_log(live.store.db, listener.id)
        replay = api.request(method, path, json=body)
        assert replay.status_code == first.status_code
        assert replay.content == first.content, "byte for byte the original answer"
        assert replay.headers["idempotent-replayed"] == "true"
        assert server_log(live.store.db, listener.id) == log_before, f"{path} created something"


def test_the_same_client_id_with_other_content_is_a_clear_409(
    live: LiveServer, listener: Actor
) -> None:
    key = cid()
    assert listener.api.post("/v1/messages", {"client_id": key, "body": "a"}).status_code == 201
    clash = listener.api.post("/v1/messages", {"client_id": key, "body": "b"})
    assert clash.status_code == 409
    assert clash.json()["error"]["code"] == "client_id_reused"
    other_route = listener.api.post("/v1/read", {"client_id": key, "seq": 1})
    assert other_route.status_code == 409
    assert len(server_state(live.store.db, listener.id)["messages"]) == 1


def test_concurrent_duplicates_of_one_send_make_one_message(
    live: LiveServer, listener: Actor
) -> None:
    key, answers = cid(), []
    barrier = threading.Barrier(6)

    def send() -> None:
        api = live.client(listener.api.token)
        barrier.wait()
        r = api.post("/v1/messages", {"client_id": key, "body": "once"})
        answers.append((r.status_code, r.json()["entry"]["seq"]))
        api.close()

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(answers)) == 1 and answers[0][0] == 201, answers
    assert len(server_state(live.store.db, listener.id)["messages"]) == 1


def test_a_listener_without_curator_still_has_a_log(live: LiveServer) -> None:
    loner = make_actor(live, "solo", Role.LISTENER)
    answer = loner.api.get("/v1/sync", params={"after": 0})
    assert answer.status_code == 200
    assert answer.json() == {
        "entries": [],
        "next_after": 0,
        "has_more": False,
        "latest_seq": 0,
        "epoch": 1,
        "timed_out": False,
    }


def test_a_release_pick_carries_what_the_client_needs_to_match_its_library(
    live: LiveServer, listener: Actor, curator: Actor, catalog: dict[str, list[int]]
) -> None:
    release_id = catalog["releases"][3]
    curator.api.post(
        f"/v1/staff/listeners/{listener.id}/picks",
        {"client_id": cid(), "release_id": release_id, "reason": "because"},
    )
    replica = Replica()
    replica.pull(listener.api)
    pick = replica.entries[-1]["data"]["pick"]
    with live.store.db.read() as session:
        release = session.get(Release, release_id)
        assert release is not None
        assert pick["item"]["release"]["title"] == release.title
    assert {"artist", "mbid", "year", "price"} <= pick["item"]["release"].keys()
    assert pick["item"]["preview_url"].endswith("preview.wav")
    assert pick["reason"] == "because" and pick["feedback"] is None


def test_a_client_id_reused_with_the_same_body_elsewhere_is_a_409_not_a_replay(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    second = make_actor(live, "lea", Role.LISTENER, curator=curator)
    key, body = cid(), "the same words"
    first = curator.api.post(
        f"/v1/staff/listeners/{listener.id}/messages", {"client_id": key, "body": body}
    )
    assert first.status_code == 201
    elsewhere = curator.api.post(
        f"/v1/staff/listeners/{second.id}/messages", {"client_id": key, "body": body}
    )
    assert elsewhere.status_code == 409, "another listener, same body: not the first reply"
    assert elsewhere.json()["error"]["code"] == "client_id_reused"
    assert "idempotent-replayed" not in elsewhere.headers
    as_note = curator.api.post(
        f"/v1/staff/listeners/{listener.id}/notes", {"client_id": key, "body": body}
    )
    assert as_note.status_code == 409, "another route, same body"
    assert server_state(live.store.db, second.id)["messages"] == {}
    assert server_state(live.store.db, listener.id)["notes"] == {}
    mine = cid()
    assert listener.api.post("/v1/messages", {"client_id": mine, "body": body}).status_code == 201
    other_listener = second.api.post("/v1/messages", {"client_id": mine, "body": body})
    assert other_listener.status_code == 201, "client ids are per account"
