"""The curator's side: inbox order and counts, context and its access record, reply times,
hand-over with history, capacity, read markers, pick feedback and listening sharing."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import ListeningDay, ListeningPlay, Relationship, utcnow
from tests.helpers.clock import TestClock
from tests.store.live import Actor, LiveServer, make_actor
from tests.store.syncing import Replica


def cid() -> dict[str, str]:
    return {"client_id": uuid.uuid4().hex}


def say(actor: Actor, text: str, to: Actor | None = None) -> dict[str, Any]:
    path = f"/v1/staff/listeners/{to.id}/messages" if to else "/v1/messages"
    answer = actor.api.post(path, {**cid(), "body": text})
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def backdate_wait(live: LiveServer, listener: Actor, hours: float) -> None:
    with live.store.db.write() as session:
        session.execute(
            update(Relationship)
            .where(Relationship.listener_id == listener.id)
            .values(waiting_since=utcnow() - timedelta(hours=hours))
        )


def test_the_inbox_puts_whoever_waits_longest_first_with_unread_counts(
    live: LiveServer, curator: Actor
) -> None:
    names = ("quiet", "answered", "recent", "oldest")
    people = {n: make_actor(live, n, Role.LISTENER, curator=curator) for n in names}
    say(people["answered"], "hello?")
    say(curator, "hi!", to=people["answered"])
    say(people["recent"], "one")
    say(people["recent"], "two")
    say(people["oldest"], "still there?")
    backdate_wait(live, people["oldest"], 3)
    backdate_wait(live, people["recent"], 1)
    inbox = curator.api.get("/v1/staff/inbox").json()
    order = [item["listener"]["username"] for item in inbox["items"]]
    assert order[:2] == ["oldest", "recent"], "whoever waits longest first"
    assert order[2:] == ["quiet", "answered"], "then whoever was never contacted"
    assert [item["need"] for item in inbox["items"]] == ["waiting", "waiting", "new", "fine"]
    by_name = {item["listener"]["username"]: item for item in inbox["items"]}
    assert by_name["recent"]["unread"] == 2 and by_name["oldest"]["unread"] == 1
    assert by_name["oldest"]["waiting_seconds"] >= 3 * 3600 - 5
    assert by_name["answered"]["waiting_since"] is None
    assert by_name["recent"]["last_message"]["excerpt"] == "two"
    assert (inbox["total"], inbox["waiting"], inbox["unread_total"]) == (4, 2, 4)
    # Reading clears unread; replying ends the wait.
    latest = by_name["recent"]["latest_seq"]
    read = curator.api.post(
        f"/v1/staff/listeners/{people['recent'].id}/read", {**cid(), "seq": latest}
    )
    assert read.status_code == 201
    say(curator, "answer", to=people["oldest"])
    after = {
        i["listener"]["username"]: i for i in curator.api.get("/v1/staff/inbox").json()["items"]
    }
    assert after["recent"]["unread"] == 0
    assert after["oldest"]["waiting_since"] is None
    # "recent" still waits; "quiet" was never contacted; "answered" and "oldest" were, and
    # the one touched first is due first.
    page = curator.api.get("/v1/staff/inbox", params={"limit": 2, "offset": 2}).json()
    assert [i["listener"]["username"] for i in page["items"]] == ["answered", "oldest"]


def test_median_first_reply_counts_each_wait_once(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    other = make_actor(live, "other", Role.LISTENER, curator=curator)
    for who, hours in ((listener, 1.0), (other, 3.0), (listener, 2.0)):
        say(who, "a question")
        say(who, "and another")  # still the same wait
        backdate_wait(live, who, hours)
        say(curator, "an answer", to=who)
        say(curator, "and a second reply (not a first reply)", to=who)
    stats = curator.api.get("/v1/staff/stats").json()
    assert stats["first_replies"] == 3
    assert stats["median_first_reply_seconds"] == pytest.approx(7200, abs=30)
    assert stats["waiting_now"] == 0
    me = listener.api.get("/v1/me").json()
    assert me["relationship"]["curator"]["median_first_reply_seconds"] == pytest.approx(
        7200, abs=30
    )


def test_opening_a_context_is_recorded_and_the_listener_can_read_the_record(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    say(listener, "hello")
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context")
    assert context.status_code == 200
    body = context.json()
    assert body["listener"]["username"] == "lou"
    assert [m["body"] for m in body["conversation"]["messages"]] == ["hello"]
    assert body["sharing"]["level"] == "off" and body["sharing"]["top_artists"] == []
    curator.api.get(f"/v1/staff/listeners/{listener.id}/context")
    for _ in range(3):  # reading the log is recorded once per ten minutes
        curator.api.get(f"/v1/staff/listeners/{listener.id}/sync")
    record = listener.api.get("/v1/me/access-log").json()
    actions = [item["action"] for item in record["items"]]
    assert sorted(actions) == ["context.viewed", "context.viewed", "log.read"]
    assert {item["staff"]["name"] for item in record["items"]} == {"Cora"}
    assert record["total"] == 3


def test_hand_over_keeps_the_whole_history_and_moves_access(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    successor = make_actor(live, "sasha", Role.CURATOR)
    curator.api.post(f"/v1/staff/listeners/{listener.id}/notes", {**cid(), "body": "likes brass"})
    say(listener, "before the hand-over")
    moved = admin.api.request(
        "PUT", f"/v1/admin/listeners/{listener.id}/curator", json={"curator_id": successor.id}
    )
    assert moved.status_code == 200 and moved.json()["entry"]["kind"] == "curator.assigned"
    context = successor.api.get(f"/v1/staff/listeners/{listener.id}/context").json()
    assert [n["body"] for n in context["notes"]] == ["likes brass"]
    assert [m["body"] for m in context["conversation"]["messages"]] == ["before the hand-over"]
    assert context["conversation"]["waiting_since"] is not None, "the wait moves along"
    assert curator.api.get(f"/v1/staff/listeners/{listener.id}/context").status_code == 404
    history = admin.api.get(f"/v1/admin/listeners/{listener.id}/assignments").json()["items"]
    assert [h["curator_id"] for h in history] == [curator.id, successor.id]
    assert history[0]["ended_at"] is not None and history[1]["ended_at"] is None
    replica = Replica()
    replica.pull(listener.api)
    assigned = replica.objects["curator"]["curator"]
    assert assigned["name"] == "Sasha" and assigned["avatar_url"].endswith(".svg")
    assert listener.api.get("/v1/me").json()["relationship"]["curator"]["id"] == successor.id


def test_a_curator_at_capacity_takes_no_more_listeners(live: LiveServer) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    small = make_actor(live, "small", Role.CURATOR, capacity=1)
    first = make_actor(live, "first", Role.LISTENER, curator=small)
    second = make_actor(live, "second", Role.LISTENER)
    full = admin.api.request(
        "PUT", f"/v1/admin/listeners/{second.id}/curator", json={"curator_id": small.id}
    )
    assert full.status_code == 409 and full.json()["error"]["code"] == "curator_full"
    admin.api.request("PATCH", f"/v1/admin/accounts/{small.id}", json={"capacity": 2})
    ok = admin.api.request(
        "PUT", f"/v1/admin/listeners/{second.id}/curator", json={"curator_id": small.id}
    )
    assert ok.status_code == 200
    curators = admin.api.get("/v1/admin/curators").json()["items"]
    assert [(c["username"], c["assigned"], c["capacity"]) for c in curators] == [("small", 2, 2)]
    listed = admin.api.get("/v1/admin/accounts", params={"role": "curator"}).json()["items"]
    assert [(c["username"], c["assigned"]) for c in listed] == [("small", 2)]
    changed = admin.api.request("PATCH", f"/v1/admin/accounts/{small.id}", json={"bio": "hi"})
    assert changed.json()["assigned"] == 2
    assert first.id != second.id


def test_read_markers_only_move_forward_and_never_past_the_log(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    say(curator, "one", to=listener)
    say(curator, "two", to=listener)
    latest = listener.api.get("/v1/me").json()["relationship"]["latest_seq"]
    assert listener.api.get("/v1/me").json()["relationship"]["unread"] == 2
    assert listener.api.post("/v1/read", {**cid(), "seq": latest}).status_code == 201
    back = listener.api.post("/v1/read", {**cid(), "seq": 1})
    assert back.status_code == 200
    assert back.json() == {"entry": None, "reader": "listener", "read_seq": latest}
    ahead = listener.api.post("/v1/read", {**cid(), "seq": latest + 10})
    assert ahead.status_code == 409 and ahead.json()["error"]["code"] == "beyond_log"
    me = listener.api.get("/v1/me").json()["relationship"]
    assert (me["read_seq"], me["unread"]) == (latest, 0)


def test_seen_never_replaces_a_stronger_answer_and_withdrawn_picks_take_none(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    with live.store.db.write() as session:
        release = seed_catalog(session, releases=1)[0]
    base = f"/v1/staff/listeners/{listener.id}/picks"
    pick = curator.api.post(base, {**cid(), "release_id": release, "reason": "r"}).json()["pick"]
    url = f"/v1/picks/{pick['id']}/feedback"
    assert listener.api.post(url, {**cid(), "feedback": "loved"}).status_code == 201
    seen = listener.api.post(url, {**cid(), "feedback": "seen"})
    assert seen.status_code == 200 and seen.json()["pick"]["feedback"] == "loved"
    assert listener.api.post(url, {**cid(), "feedback": "dismissed"}).status_code == 201
    curator.api.request("DELETE", f"{base}/{pick['id']}")
    assert listener.api.post(url, {**cid(), "feedback": "played"}).status_code == 404
    missing = curator.api.post(base, {**cid(), "release_id": 999_999, "reason": "r"})
    assert missing.status_code == 404
    both = curator.api.post(base, {**cid(), "release_id": release, "track_id": 1, "reason": "r"})
    assert both.status_code == 422


def _plays(clock: TestClock, n: int, artist: str = "Mara Quist") -> list[dict[str, Any]]:
    """``n`` plays yesterday, well inside the curator's 30-day summary."""
    at = clock.iso_ago(days=1)
    return [
        {"played_at": at, "artist": artist, "title": f"t{i}", "genre": "Jazz"} for i in range(n)
    ]


def _shared(live: LiveServer, listener: Actor) -> tuple[int, int]:
    with live.store.db.read() as session:
        days = len(
            session.scalars(
                select(ListeningDay).where(ListeningDay.listener_id == listener.id)
            ).all()
        )
        plays = len(
            session.scalars(
                select(ListeningPlay).where(ListeningPlay.listener_id == listener.id)
            ).all()
        )
    return days, plays


def test_listening_is_shared_only_at_the_chosen_level_and_revocably(
    live: LiveServer, listener: Actor, curator: Actor, clock: TestClock
) -> None:
    refused = listener.api.post("/v1/me/listening", {**cid(), "plays": _plays(clock, 2)})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "sharing_off"
    level = listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "summary"})
    assert level.status_code == 201 and level.json()["entry"]["kind"] == "sharing.changed"
    assert (
        listener.api.post("/v1/me/listening", {**cid(), "plays": _plays(clock, 3)}).status_code
        == 200
    )
    assert _shared(live, listener) == (1, 0), "summary keeps counts, not plays"
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()["sharing"]
    assert context["top_artists"] == [{"name": "Mara Quist", "plays": 3}]
    assert context["recent_plays"] == []
    listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "full"})
    listener.api.post("/v1/me/listening", {**cid(), "plays": _plays(clock, 2, "Ivo")})
    assert _shared(live, listener) == (2, 2)
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()["sharing"]
    assert [p["artist"] for p in context["recent_plays"]] == ["Ivo", "Ivo"]
    down = listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "summary"})
    assert down.json()["deleted"] == {"plays": 2, "day_counts": 0}
    assert _shared(live, listener) == (2, 0)
    wiped = listener.api.request("DELETE", "/v1/me/listening")
    assert wiped.status_code == 200 and wiped.json()["deleted"]["day_counts"] == 2
    assert wiped.json()["level"] == "summary", "deleting data keeps the level"
    listener.api.post("/v1/me/listening", {**cid(), "plays": _plays(clock, 1)})
    off = listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "off"})
    assert off.json()["deleted"] == {"plays": 0, "day_counts": 1}
    assert _shared(live, listener) == (0, 0)
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()["sharing"]
    assert context == {"level": "off", "top_artists": [], "top_genres": [], "recent_plays": []}
    naive_at = clock.ago(days=1).replace(tzinfo=None).isoformat()
    naive = {"played_at": naive_at, "artist": "A", "title": "T"}
    assert listener.api.post("/v1/me/listening", {**cid(), "plays": [naive]}).status_code == 422


def test_after_a_hand_over_the_new_curator_edits_notes_as_themselves(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    successor = make_actor(live, "sasha", Role.CURATOR)
    base = f"/v1/staff/listeners/{listener.id}/notes"
    kept = curator.api.post(base, {**cid(), "body": "likes brass"}).json()["note"]
    dropped = curator.api.post(base, {**cid(), "body": "hates brass"}).json()["note"]
    assert kept["edited_by"] is None, "a note nobody edited"
    own = curator.api.request("PATCH", f"{base}/{kept['id']}", json={**cid(), "body": "v2"})
    assert own.json()["note"]["edited_by"]["id"] == curator.id
    admin.api.request(
        "PUT", f"/v1/admin/listeners/{listener.id}/curator", json={"curator_id": successor.id}
    )
    # The listener's curator now looks after every note in the relationship, whoever wrote it.
    edited = successor.api.request(
        "PATCH", f"{base}/{kept['id']}", json={**cid(), "body": "likes brass, loves tuba"}
    )
    assert edited.status_code == 201, edited.text
    note = edited.json()["note"]
    assert (note["author"]["id"], note["edited_by"]["id"]) == (curator.id, successor.id)
    assert note["edited_by"]["name"] == "Sasha", "it reads as the successor's edit"
    assert successor.api.request("DELETE", f"{base}/{dropped['id']}").status_code == 200
    replica = Replica()
    replica.pull(listener.api)
    synced = replica.objects[f"note:{kept['id']}"]["note"]
    assert (synced["author"]["id"], synced["edited_by"]["id"]) == (curator.id, successor.id)
    tombstone = [e for e in replica.entries if e["kind"] == "note.deleted"][-1]
    assert tombstone["actor_id"] == successor.id, "the log says who withdrew it"
    context = successor.api.get(f"/v1/staff/listeners/{listener.id}/context").json()
    assert [(n["author"]["id"], n["edited_by"]["id"]) for n in context["notes"]] == [
        (curator.id, successor.id)
    ]
