"""The curator's desk on the store: need order, the staff stream, staff-only notes, what a
context shows at each sharing level, pick search, saved-reply gaps, crates, snoozes."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import select, update

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import AccessRecord, Pick, Relationship, Release, utcnow
from tests.helpers.clock import TestClock
from tests.store.live import Actor, LiveServer, make_actor
from tests.store.syncing import Replica


def cid() -> dict[str, str]:
    return {"client_id": uuid.uuid4().hex}


def ok(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code in (200, 201), answer.text
    body: dict[str, Any] = answer.json()
    return body


def say(actor: Actor, text: str, to: Actor | None = None) -> dict[str, Any]:
    path = f"/v1/staff/listeners/{to.id}/messages" if to else "/v1/messages"
    return ok(actor.api.post(path, {**cid(), "body": text}))


def rel_set(live: LiveServer, listener: Actor, **values: Any) -> None:
    with live.store.db.write() as session:
        session.execute(
            update(Relationship).where(Relationship.listener_id == listener.id).values(**values)
        )


def names(inbox: dict[str, Any]) -> list[str]:
    return [item["listener"]["username"] for item in inbox["items"]]


def test_the_inbox_goes_by_need_waiting_due_new_then_the_rest_and_snoozed_last(
    live: LiveServer, curator: Actor
) -> None:
    now = utcnow()
    people = {
        n: make_actor(live, n, Role.LISTENER, curator=curator)
        for n in ("fine", "new1", "due", "waits", "snoozed", "new2", "overdue")
    }
    for name in ("fine", "due", "overdue", "waits", "snoozed"):
        say(curator, "hello", to=people[name])  # a touch: none of these is new any more
    rel_set(live, people["due"], touch_due_at=now - timedelta(days=1))
    rel_set(live, people["overdue"], touch_due_at=now - timedelta(days=9))
    say(people["waits"], "are you there?")
    say(people["snoozed"], "later is fine")
    ok(
        curator.api.request(
            "PUT",
            f"/v1/staff/listeners/{people['snoozed'].id}/snooze",
            json={**cid(), "until": TestClock.start().iso_ago(days=-3)},
        )
    )
    inbox = ok(curator.api.get("/v1/staff/inbox"))
    assert names(inbox) == ["waits", "overdue", "due", "new1", "new2", "fine", "snoozed"]
    assert [i["need"] for i in inbox["items"]] == [
        "waiting",
        "due",
        "due",
        "new",
        "new",
        "fine",
        "snoozed",
    ]
    assert (inbox["waiting"], inbox["due"], inbox["new"], inbox["snoozed"]) == (1, 2, 2, 1)
    assert names(ok(curator.api.get("/v1/staff/inbox"))) == names(inbox), "stable"
    for kind, expected in (
        ("waiting", ["waits"]),
        ("due", ["overdue", "due"]),
        ("new", ["new1", "new2"]),
        ("snoozed", ["snoozed"]),
    ):
        page = ok(curator.api.get("/v1/staff/inbox", params={"filter": kind}))
        assert names(page) == expected, kind
    found = ok(curator.api.get("/v1/staff/inbox", params={"q": "NEW"}))
    assert names(found) == ["new1", "new2"] and found["total"] == 2
    # The listener writes: a snooze "until they write" ends; a dated one holds.
    ok(
        curator.api.request(
            "PUT",
            f"/v1/staff/listeners/{people['fine'].id}/snooze",
            json={**cid(), "until_reply": True},
        )
    )
    assert names(ok(curator.api.get("/v1/staff/inbox")))[-2:] == ["snoozed", "fine"]
    say(people["fine"], "back again")
    assert names(ok(curator.api.get("/v1/staff/inbox")))[:2] == ["waits", "fine"]


def test_a_cadence_sets_when_the_next_touch_is_due(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    say(curator, "hi", to=listener)
    answer = ok(
        curator.api.request(
            "PUT", f"/v1/staff/listeners/{listener.id}/cadence", json={**cid(), "days": 14}
        )
    )
    with live.store.db.read() as session:
        rel = session.get(Relationship, listener.id)
        assert rel is not None and rel.last_touch_at is not None
        assert rel.touch_due_at == rel.last_touch_at + timedelta(days=14)
    assert answer["touch_every_days"] == 14
    assert (
        curator.api.request(
            "PUT", f"/v1/staff/listeners/{listener.id}/cadence", json={**cid(), "days": 0}
        ).status_code
        == 422
    )


def test_the_staff_stream_wakes_at_once_and_forgets_listeners_handed_over(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    first = ok(curator.api.get("/v1/staff/sync", params={"after": 0}))
    after = first["next_after"]
    result: dict[str, Any] = {}

    def poll() -> None:
        answer = curator.api.get("/v1/staff/sync", params={"after": after, "wait": 20})
        result["body"] = answer.json()

    waiting = threading.Thread(target=poll)
    waiting.start()
    # wait until it is parked, then the listener writes
    for _ in range(200):
        if live.store.notifier.waiting():
            break
        threading.Event().wait(0.02)
    say(listener, "a new question")
    waiting.join(15)
    entries = result["body"]["entries"]
    assert [e["listener_id"] for e in entries] == [listener.id]
    assert entries[0]["entry"]["data"]["message"]["body"] == "a new question"
    assert "timed_out" not in result["body"]
    # A cursor past the end (a store started afresh) gets the resync answer.
    ahead = curator.api.get("/v1/staff/sync", params={"after": 10**9})
    assert ahead.status_code == 410 and ahead.json()["resync"]["reason"] == "cursor_ahead"
    # Handed over: what came before is no longer the old curator's to read.
    other = make_actor(live, "cyd", Role.CURATOR)
    admin = make_actor(live, "ada", Role.ADMIN)
    ok(
        admin.api.request(
            "PUT", f"/v1/admin/listeners/{listener.id}/curator", json={"curator_id": other.id}
        )
    )
    assert ok(curator.api.get("/v1/staff/sync", params={"after": 0}))["entries"] == []
    say(listener, "hello new curator")
    theirs = ok(other.api.get("/v1/staff/sync", params={"after": 0}))["entries"]
    assert [
        e["entry"]["data"]["message"]["body"]
        for e in theirs
        if e["entry"] and e["kind"] == "message.sent"
    ] == ["hello new curator"]


def test_staff_only_notes_never_reach_the_listener(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    base = f"/v1/staff/listeners/{listener.id}"
    note = ok(curator.api.post(f"{base}/staff-notes", {**cid(), "body": "Prefers vinyl rips"}))
    edited = ok(
        curator.api.request(
            "PUT",
            f"{base}/staff-notes/{note['staff_note']['id']}",
            json={**cid(), "body": "Prefers vinyl, hates remasters"},
        )
    )
    assert edited["staff_note"]["body"] == "Prefers vinyl, hates remasters"
    say(curator, "a message the listener does see", to=listener)
    replica = Replica()
    replica.pull(listener.api)
    text = str(replica.entries) + str(ok(listener.api.get("/v1/me")))
    assert "vinyl" not in text and "a message the listener does see" in text
    context = ok(curator.api.get(f"{base}/context"))
    assert [n["body"] for n in context["staff_notes"]] == ["Prefers vinyl, hates remasters"]


def _share(live: LiveServer, listener: Actor, level: str, clock: TestClock) -> None:
    ok(listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": level}))
    if level != "off":
        plays = [
            {
                "played_at": clock.iso_ago(days=d),
                "artist": a,
                "album": "Tide",
                "title": "t",
                "genre": "Jazz",
            }
            for d, a in ((1, "Mara Quist"), (2, "Mara Quist"), (40, "Ivo"), (3, "Newcomer"))
        ]
        ok(listener.api.post("/v1/me/listening", {**cid(), "plays": plays}))


def test_the_context_shows_nothing_beyond_what_the_listener_shares_and_is_recorded(
    live: LiveServer, curator: Actor, clock: TestClock
) -> None:
    contexts = {}
    for level in ("off", "summary", "full"):
        listener = make_actor(live, f"lis{level}", Role.LISTENER, curator=curator)
        _share(live, listener, level, clock)
        contexts[level] = ok(curator.api.get(f"/v1/staff/listeners/{listener.id}/context"))
        with live.store.db.read() as session:
            recorded = session.scalars(
                select(AccessRecord.action).where(AccessRecord.listener_id == listener.id)
            ).all()
        assert recorded == ["context.viewed"], level
    off, summary, full = contexts["off"], contexts["summary"], contexts["full"]
    assert off["listening"] == {
        "level": "off",
        "this_month": None,
        "last_month": None,
        "new_artists": [],
    }
    assert off["sharing"]["top_artists"] == [] and off["owned"] is None
    month = summary["listening"]["this_month"]
    assert month["top_artists"][0] == {"name": "Mara Quist", "plays": 2}
    assert summary["listening"]["last_month"]["top_artists"] == [{"name": "Ivo", "plays": 1}]
    assert summary["listening"]["new_artists"] == ["Mara Quist", "Newcomer"]
    assert summary["sharing"]["recent_plays"] == [], "a summary keeps no single plays"
    assert summary["owned"] is None, "the library is a consent of its own"
    assert len(full["sharing"]["recent_plays"]) == 4
    # With the library consent, and only then, the albums show (and leave when revoked).
    listener = make_actor(live, "owner", Role.LISTENER, curator=curator)
    ok(listener.api.request("PUT", "/v1/me/library-sharing", json={**cid(), "on": True}))
    ok(
        listener.api.post(
            "/v1/me/albums",
            {
                **cid(),
                "replace": True,
                "albums": [
                    {"artist": "Mara Quist", "album": "Tide"},
                    {"artist": "Ivo", "album": "Colours"},
                ],
            },
        )
    )
    owned = ok(curator.api.get(f"/v1/staff/listeners/{listener.id}/context"))["owned"]
    assert owned == {
        "total": 2,
        "albums": [
            {"artist": "Ivo", "album": "Colours"},
            {"artist": "Mara Quist", "album": "Tide"},
        ],
    }
    off_again = ok(
        listener.api.request("PUT", "/v1/me/library-sharing", json={**cid(), "on": False})
    )
    assert off_again["deleted"] == 2
    assert ok(curator.api.get(f"/v1/staff/listeners/{listener.id}/context"))["owned"] is None
    refused = listener.api.post("/v1/me/albums", {**cid(), "albums": []})
    assert refused.status_code == 403


def test_pick_search_marks_owned_and_picked_and_says_why(
    live: LiveServer, curator: Actor, listener: Actor, clock: TestClock
) -> None:
    with live.store.db.write() as session:
        ids = seed_catalog(session, releases=12)
        releases = {r.id: r for r in session.scalars(select(Release).where(Release.id.in_(ids)))}
        artists = {r.id: r.artist_id for r in releases.values()}
        from rvibe_player.store_server.models import Artist

        names_by_id = {a.id: a.name for a in session.scalars(select(Artist))}
    owned_id, picked_id, close_id = ids[0], ids[1], ids[2]
    close_artist = names_by_id[artists[close_id]]
    ok(listener.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "summary"}))
    plays = [
        {
            "played_at": clock.iso_ago(days=1),
            "artist": close_artist,
            "title": "x",
            "genre": releases[close_id].genre,
        }
    ] * 5
    ok(listener.api.post("/v1/me/listening", {**cid(), "plays": plays}))
    ok(listener.api.request("PUT", "/v1/me/library-sharing", json={**cid(), "on": True}))
    owned = releases[owned_id]
    ok(
        listener.api.post(
            "/v1/me/albums",
            {**cid(), "albums": [{"artist": names_by_id[owned.artist_id], "album": owned.title}]},
        )
    )
    ok(
        curator.api.post(
            f"/v1/staff/listeners/{listener.id}/picks",
            {**cid(), "release_id": picked_id, "reason": "earlier"},
        )
    )
    found = ok(
        curator.api.get(f"/v1/staff/listeners/{listener.id}/catalog", params={"q": "", "limit": 50})
    )["items"]
    assert found, "without words: releases close to what they play"
    assert found[0]["artist"]["name"] == close_artist and found[0]["closeness"] >= 3
    assert "top artists" in found[0]["why"]
    everything = []
    for release in releases.values():
        everything += ok(
            curator.api.get(
                f"/v1/staff/listeners/{listener.id}/catalog", params={"q": release.title}
            )
        )["items"]
    flags = {item["id"]: (item["owned"], item["picked"]) for item in everything}
    assert flags[owned_id] == (True, False) and flags[picked_id] == (False, True)
    assert flags[close_id] == (False, False)


def test_a_saved_reply_with_a_gap_left_is_refused_in_words(curator: Actor, listener: Actor) -> None:
    reply = ok(
        curator.api.post(
            "/v1/staff/saved-replies",
            {**cid(), "title": "Welcome", "body": "Hi {{first_name}}, [[what you loved]]."},
        )
    )
    assert (
        ok(curator.api.get("/v1/staff/saved-replies"))["items"][0]["id"]
        == (reply["saved_reply"]["id"])
    )
    refused = curator.api.post(
        f"/v1/staff/listeners/{listener.id}/messages",
        {**cid(), "body": "Hi Lou, [[what you loved]]."},
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "unfilled_gap"
    assert "[[what you loved]]" in refused.json()["error"]["message"]
    say(curator, "Hi Lou, the brushwork on side B.", to=listener)


def test_a_crate_skips_what_each_listener_owns_or_had_and_replays_exactly(
    live: LiveServer, curator: Actor
) -> None:
    with live.store.db.write() as session:
        ids = seed_catalog(session, releases=3)
        owned = session.get(Release, ids[0])
        assert owned is not None
        from rvibe_player.store_server.models import Artist

        owned_artist = session.get(Artist, owned.artist_id)
        assert owned_artist is not None
    crowd = [make_actor(live, f"crowd{n}", Role.LISTENER, curator=curator) for n in range(5)]
    ok(crowd[0].api.request("PUT", "/v1/me/library-sharing", json={**cid(), "on": True}))
    ok(
        crowd[0].api.post(
            "/v1/me/albums",
            {**cid(), "albums": [{"artist": owned_artist.name, "album": owned.title}]},
        )
    )
    ok(
        curator.api.post(
            f"/v1/staff/listeners/{crowd[1].id}/picks",
            {**cid(), "release_id": ids[1], "reason": "before"},
        )
    )
    body = {
        **cid(),
        "releases": ids[:2],
        "lines": [{"listener_id": p.id, "reason": f"For {p.username}"} for p in crowd],
    }
    sent = curator.api.post("/v1/staff/crates", json=body)
    assert sent.status_code == 201, sent.text
    result = {r["listener_id"]: r for r in sent.json()["listeners"]}
    assert [s["release_id"] for s in result[crowd[0].id]["sent"]] == [ids[1]]
    assert result[crowd[0].id]["skipped"] == [{"release_id": ids[0], "why": "owned"}]
    assert result[crowd[1].id]["skipped"] == [{"release_id": ids[1], "why": "already_picked"}]
    assert sent.json()["picks"] == 1 + 1 + 2 * 3
    again = curator.api.post("/v1/staff/crates", json=body)
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    with live.store.db.read() as session:
        count = len(session.scalars(select(Pick).where(Pick.reason.like("For crowd%"))).all())
    assert count == 8, "the replay made nothing new"
    replica = Replica()
    replica.pull(crowd[2].api)
    reasons = [e["data"]["pick"]["reason"] for e in replica.entries if e["kind"] == "pick.sent"]
    assert reasons == ["For crowd2", "For crowd2"], "each listener their own line"
    stranger = make_actor(live, "elsewhere", Role.LISTENER)
    foreign = curator.api.post(
        "/v1/staff/crates",
        json={**body, **cid(), "lines": [{"listener_id": stranger.id, "reason": "not mine"}]},
    )
    assert foreign.status_code == 404


def test_a_picks_reason_can_be_bettered_and_the_listener_sees_it(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    with live.store.db.write() as session:
        release = seed_catalog(session, releases=1)[0]
    base = f"/v1/staff/listeners/{listener.id}/picks"
    pick = ok(curator.api.post(base, {**cid(), "release_id": release, "reason": "good"}))["pick"]
    edited = curator.api.request(
        "PATCH", f"{base}/{pick['id']}", json={**cid(), "reason": "Side B."}
    )
    assert edited.status_code == 201 and edited.json()["entry"]["kind"] == "pick.updated"
    replica = Replica()
    replica.pull(listener.api)
    assert replica.objects[f"pick:{pick['id']}"]["pick"]["reason"] == "Side B."


def test_a_colleague_covering_sees_who_has_a_listener_open(
    live: LiveServer, curator: Actor, listener: Actor, clock: TestClock
) -> None:
    colleague = make_actor(live, "cyd", Role.CURATOR)
    admin = make_actor(live, "ada", Role.ADMIN)
    path = f"/v1/staff/listeners/{listener.id}"
    assert colleague.api.get(f"{path}/context").status_code == 404, "not theirs yet"
    ok(
        admin.api.post(
            "/v1/admin/covers",
            {"curator_id": curator.id, "by_id": colleague.id, "until": clock.iso_ago(days=-7)},
        )
    )
    ok(curator.api.request("PUT", f"{path}/presence", json={"state": "typing"}))
    context = ok(colleague.api.get(f"{path}/context"))
    assert [(o["staff"]["id"], o["state"]) for o in context["others"]] == [(curator.id, "typing")]
    row = next(
        i
        for i in ok(colleague.api.get("/v1/staff/inbox"))["items"]
        if i["listener"]["id"] == listener.id
    )
    assert row["others"][0]["state"] == "typing"
    stream = ok(colleague.api.get("/v1/staff/sync", params={"after": 0}))["entries"]
    assert any(e["kind"] == "desk.presence" and e["event"]["state"] == "typing" for e in stream)
    ok(curator.api.request("PUT", f"{path}/presence", json={"state": "gone"}))
    assert ok(colleague.api.get(f"{path}/context"))["others"] == []
