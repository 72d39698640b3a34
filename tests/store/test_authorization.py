"""The authorization matrix: every route, every role, own and other people's ids.

Routes are enumerated from the app itself, so a new route without a row here fails the test.
For each route: no token is 401, a role that may not call it is 403, an allowed role gets a
2xx with its own ids and a 403/404 with another listener's or another curator's ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import (
    Account,
    ListeningDay,
    ListeningPlay,
    Message,
    Note,
    Pick,
    Track,
)
from tests.helpers.clock import TestClock
from tests.store.live import PASSWORD, Actor, LiveServer, make_actor
from tests.store.syncing import Replica

ANON, LISTENER, CURATOR, ADMIN = "anon", "listener", "curator", "admin"
EVERYONE = frozenset({ANON, LISTENER, CURATOR, ADMIN})
SIGNED_IN = frozenset({LISTENER, CURATOR, ADMIN})
YESTERDAY = TestClock.start().iso_ago(days=1)


@dataclass
class World:
    """Two curators, each with a listener, their notes and picks, and an admin."""

    live: LiveServer
    actors: dict[str, Actor]
    ids: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    http: httpx.Client = field(default_factory=httpx.Client)
    avatar: str = ""

    def token(self, who: str) -> str | None:
        """A session for a role's actor (signed in again after a logout route)."""
        if who == ANON:
            return None
        if who in self.tokens:
            return self.tokens[who]
        actor = self.actors[who]
        answer = self.http.post(
            "/v1/auth/login", json={"username": actor.username, "password": PASSWORD}
        )
        assert answer.status_code == 200, answer.text
        token: str = answer.json()["token"]
        self.tokens[who] = token
        return token


def _cid() -> dict[str, str]:
    return {"client_id": uuid.uuid4().hex}


@pytest.fixture
def world(live: LiveServer) -> World:
    admin = make_actor(live, "ada", Role.ADMIN)
    c1 = make_actor(live, "cora", Role.CURATOR)
    c2 = make_actor(live, "cyd", Role.CURATOR)
    l1 = make_actor(live, "lou", Role.LISTENER, curator=c1)
    l2 = make_actor(live, "lea", Role.LISTENER, curator=c2)
    l3 = make_actor(live, "lia", Role.LISTENER, curator=c1)  # disabled below, data kept
    with live.store.db.write() as session:
        releases = seed_catalog(session, releases=3)
        track = session.scalars(select(Track.id).limit(1)).one()
        avatar_key = session.scalars(select(Account.avatar_key).where(Account.id == c1.id)).one()
    w = World(
        live,
        {LISTENER: l1, CURATOR: c1, ADMIN: admin, "l2": l2, "c2": c2},
        http=httpx.Client(base_url=live.url, timeout=30),
    )
    w.ids |= {"l1": l1.id, "l2": l2.id, "l3": l3.id, "c1": c1.id, "c2": c2.id}
    w.ids["release"] = releases[0]
    w.ids["track"] = track
    w.avatar = f"{c1.id}-{avatar_key}"
    for tag, listener, curator in (("1", l1, c1), ("2", l2, c2), ("3", l3, c1)):
        base = f"/v1/staff/listeners/{listener.id}"
        for name in ("note", "note_del"):
            body = {**_cid(), "body": f"{name} for L{tag}"}
            w.ids[f"{name}{tag}"] = curator.api.post(f"{base}/notes", body).json()["note"]["id"]
        for name in ("pick", "pick_del"):
            body = {**_cid(), "release_id": releases[0], "reason": f"{name} for L{tag}"}
            w.ids[f"{name}{tag}"] = curator.api.post(f"{base}/picks", body).json()["pick"]["id"]
        curator.api.post(f"{base}/messages", {**_cid(), "body": f"secret for L{tag}"})
        listener.api.post("/v1/messages", {**_cid(), "body": f"secret from L{tag}"})
        listener.api.request("PUT", "/v1/me/sharing", json={**_cid(), "level": "full"})
        plays = [{"played_at": YESTERDAY, "artist": f"A{tag}", "title": "T"}] * 3
        listener.api.post("/v1/me/listening", {**_cid(), "plays": plays})
        listener.api.request("PUT", "/v1/me/library-sharing", json={**_cid(), "on": True})
        for name in ("sn", "sn_del"):
            body = {**_cid(), "body": f"staff only about L{tag}"}
            made = curator.api.post(f"{base}/staff-notes", body).json()
            w.ids[f"{name}{tag}"] = made["staff_note"]["id"]
        for name in ("sr", "sr_del"):
            body = {**_cid(), "title": f"{name} of C{tag}", "body": "Hi {{first_name}}"}
            made = curator.api.post("/v1/staff/saved-replies", body).json()
            w.ids[f"{name}{tag}"] = made["saved_reply"]["id"]
    admin.api.request("PATCH", f"/v1/admin/accounts/{l3.id}", json={"disabled": True})
    c3 = make_actor(live, "cyan", Role.CURATOR)
    w.ids["c3"] = c3.id
    cover = admin.api.post(
        "/v1/admin/covers",
        {"curator_id": c2.id, "by_id": c3.id, "until": TestClock.start().iso_ago(days=-1)},
    )
    w.ids["cover"] = cover.json()["cover"]["id"]
    return w


def held(w: World, listener_id: int) -> dict[str, Any]:
    """What the store keeps of one listener: shared listening, live notes and picks, messages."""
    counted = {
        "plays": select(ListeningPlay.id).where(ListeningPlay.listener_id == listener_id),
        "days": select(ListeningDay.day).where(ListeningDay.listener_id == listener_id),
        "messages": select(Message.id).where(Message.listener_id == listener_id),
    }
    with w.live.store.db.read() as session:
        out: dict[str, Any] = {k: len(session.execute(q).all()) for k, q in counted.items()}
        out["notes"] = set(
            session.scalars(
                select(Note.id).where(Note.listener_id == listener_id, Note.deleted_at.is_(None))
            )
        )
        out["picks"] = set(
            session.scalars(
                select(Pick.id).where(Pick.listener_id == listener_id, Pick.withdrawn_at.is_(None))
            )
        )
    return out


Call = Callable[[World, bool], tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any]]]
"""(world, foreign) -> (path params, JSON body, query params)."""


@dataclass(frozen=True)
class Rule:
    """Who may call a route and how to call it with own (or someone else's) ids."""

    allowed: frozenset[str]
    call: Call = lambda w, foreign: ({}, None, {})
    has_foreign: bool = False


Body = Callable[[World], dict[str, Any]]


def _staff(
    extra: Callable[[World, bool], dict[str, Any]] | None = None, body: Body | None = None
) -> Rule:
    def call(w: World, foreign: bool) -> tuple[dict[str, Any], Any, dict[str, Any]]:
        path = {"listener_id": w.ids["l2" if foreign else "l1"]}
        if extra:
            path |= extra(w, foreign)
        return path, (body(w) if body else None), {}

    return Rule(frozenset({CURATOR}), call, has_foreign=True)


def _note(name: str) -> Callable[[World, bool], dict[str, Any]]:
    return lambda w, foreign: {"note_id": w.ids[f"{name}{'2' if foreign else '1'}"]}


def _pick(name: str) -> Callable[[World, bool], dict[str, Any]]:
    return lambda w, foreign: {"pick_id": w.ids[f"{name}{'2' if foreign else '1'}"]}


def _staff_note(name: str) -> Callable[[World, bool], dict[str, Any]]:
    return lambda w, foreign: {"note_id": w.ids[f"{name}{'2' if foreign else '1'}"]}


def _saved_reply(name: str, body: Body | None = None) -> Rule:
    """A curator's own saved reply; the other curator's is 404."""
    return Rule(
        frozenset({CURATOR}),
        lambda w, foreign: (
            {"reply_id": w.ids[f"{name}{'2' if foreign else '1'}"]},
            body(w) if body else None,
            {},
        ),
        has_foreign=True,
    )


def _crate(w: World, foreign: bool) -> tuple[dict[str, Any], Any, dict[str, Any]]:
    listener = w.ids["l2" if foreign else "l1"]
    lines = [{"listener_id": listener, "reason": "for you, this"}]
    return {}, {**_cid(), "releases": [w.ids["release"]], "lines": lines}, {}


def _admin(path: Callable[[World, bool], dict[str, Any]], body: Body | None = None) -> Rule:
    return Rule(
        frozenset({ADMIN}),
        lambda w, foreign: (path(w, foreign), body(w) if body else None, {}),
        has_foreign=True,
    )


def _listener_id(w: World, foreign: bool) -> dict[str, Any]:
    return {"listener_id": 2_000_000 if foreign else w.ids["l1"]}


def _account_id(w: World, foreign: bool) -> dict[str, Any]:
    return {"account_id": 2_000_000 if foreign else w.ids["l1"]}


def _body(**fields: Any) -> Body:
    return lambda w: {**_cid(), **fields}


ROUTES: dict[tuple[str, str], Rule] = {
    ("GET", "/v1/health"): Rule(EVERYONE),
    ("GET", "/v1/catalog/search"): Rule(EVERYONE, lambda w, f: ({}, None, {"q": "the"})),
    ("GET", "/v1/catalog/releases/{release_id}"): Rule(
        EVERYONE, lambda w, f: ({"release_id": w.ids["release"]}, None, {})
    ),
    ("GET", "/v1/catalog/tracks/{track_id}/preview.wav"): Rule(
        EVERYONE, lambda w, f: ({"track_id": w.ids["track"]}, None, {})
    ),
    ("GET", "/v1/avatars/{avatar_id}.svg"): Rule(
        EVERYONE, lambda w, f: ({"avatar_id": w.avatar}, None, {})
    ),
    ("POST", "/v1/auth/login"): Rule(
        EVERYONE, lambda w, f: ({}, {"username": "lou", "password": PASSWORD}, {})
    ),
    ("POST", "/v1/auth/password"): Rule(
        SIGNED_IN,  # to the same password, so the world's sign-ins keep working
        lambda w, f: ({}, {"old_password": PASSWORD, "new_password": PASSWORD}, {}),
    ),
    ("POST", "/v1/auth/logout"): Rule(SIGNED_IN),
    ("POST", "/v1/auth/logout-all"): Rule(SIGNED_IN),
    ("GET", "/v1/me"): Rule(SIGNED_IN),
    ("GET", "/v1/sync"): Rule(frozenset({LISTENER}), lambda w, f: ({}, None, {"after": 0})),
    ("POST", "/v1/messages"): Rule(
        frozenset({LISTENER}), lambda w, f: ({}, _body(body="hi")(w), {})
    ),
    ("POST", "/v1/picks/{pick_id}/feedback"): Rule(
        frozenset({LISTENER}),
        lambda w, f: (_pick("pick")(w, f), _body(feedback="loved")(w), {}),
        has_foreign=True,
    ),
    ("POST", "/v1/read"): Rule(frozenset({LISTENER}), lambda w, f: ({}, _body(seq=1)(w), {})),
    ("PUT", "/v1/me/sharing"): Rule(
        frozenset({LISTENER}), lambda w, f: ({}, _body(level="summary")(w), {})
    ),
    ("POST", "/v1/me/listening"): Rule(
        frozenset({LISTENER}),
        lambda w, f: (
            {},
            _body(plays=[{"played_at": YESTERDAY, "artist": "A", "title": "T"}])(w),
            {},
        ),
    ),
    ("DELETE", "/v1/me/listening"): Rule(frozenset({LISTENER})),
    ("GET", "/v1/me/access-log"): Rule(frozenset({LISTENER})),
    ("GET", "/v1/staff/inbox"): Rule(frozenset({CURATOR})),
    ("GET", "/v1/staff/stats"): Rule(frozenset({CURATOR})),
    ("GET", "/v1/staff/listeners/{listener_id}/context"): _staff(),
    ("GET", "/v1/staff/listeners/{listener_id}/sync"): _staff(),
    ("POST", "/v1/staff/listeners/{listener_id}/messages"): _staff(body=_body(body="hello")),
    ("POST", "/v1/staff/listeners/{listener_id}/notes"): _staff(body=_body(body="a note")),
    ("PATCH", "/v1/staff/listeners/{listener_id}/notes/{note_id}"): _staff(
        _note("note"), _body(body="edited")
    ),
    ("DELETE", "/v1/staff/listeners/{listener_id}/notes/{note_id}"): _staff(_note("note_del")),
    ("POST", "/v1/staff/listeners/{listener_id}/picks"): _staff(
        body=lambda w: {**_cid(), "release_id": w.ids["release"], "reason": "why"}
    ),
    ("DELETE", "/v1/staff/listeners/{listener_id}/picks/{pick_id}"): _staff(_pick("pick_del")),
    ("POST", "/v1/staff/listeners/{listener_id}/read"): _staff(body=_body(seq=1)),
    ("GET", "/v1/admin/accounts"): Rule(frozenset({ADMIN})),
    ("POST", "/v1/admin/accounts"): Rule(
        frozenset({ADMIN}),
        lambda w, f: (
            {},
            {"username": f"u{uuid.uuid4().hex[:9]}", "password": "long enough", "role": "listener"},
            {},
        ),
    ),
    ("PATCH", "/v1/admin/accounts/{account_id}"): _admin(
        _account_id, lambda w: {"display_name": "Renamed"}
    ),
    ("POST", "/v1/admin/accounts/{account_id}/logout-all"): _admin(_account_id),
    ("POST", "/v1/admin/accounts/{account_id}/password"): _admin(
        _account_id, lambda w: {"new_password": PASSWORD}
    ),
    ("PUT", "/v1/admin/listeners/{listener_id}/curator"): _admin(
        _listener_id, lambda w: {"curator_id": w.ids["c1"]}
    ),
    ("GET", "/v1/admin/listeners/{listener_id}/assignments"): _admin(_listener_id),
    ("GET", "/v1/admin/curators"): Rule(frozenset({ADMIN})),
    # The curator's desk
    ("GET", "/v1/staff/sync"): Rule(frozenset({CURATOR}), lambda w, f: ({}, None, {"after": 0})),
    ("GET", "/v1/staff/listeners/{listener_id}/messages"): _staff(),
    ("GET", "/v1/staff/listeners/{listener_id}/catalog"): _staff(),
    ("POST", "/v1/staff/listeners/{listener_id}/staff-notes"): _staff(body=_body(body="s.o.")),
    ("PUT", "/v1/staff/listeners/{listener_id}/staff-notes/{note_id}"): _staff(
        _staff_note("sn"), _body(body="edited")
    ),
    ("DELETE", "/v1/staff/listeners/{listener_id}/staff-notes/{note_id}"): _staff(
        _staff_note("sn_del")
    ),
    ("PUT", "/v1/staff/listeners/{listener_id}/snooze"): _staff(body=_body(until_reply=True)),
    ("PUT", "/v1/staff/listeners/{listener_id}/cadence"): _staff(body=_body(days=14)),
    ("PUT", "/v1/staff/listeners/{listener_id}/presence"): _staff(
        body=lambda w: {"state": "viewing"}
    ),
    ("PATCH", "/v1/staff/listeners/{listener_id}/picks/{pick_id}"): _staff(
        _pick("pick"), _body(reason="a better reason")
    ),
    ("POST", "/v1/staff/crates"): Rule(frozenset({CURATOR}), _crate, has_foreign=True),
    ("POST", "/v1/staff/crates/preview"): Rule(
        frozenset({CURATOR}),
        lambda w, foreign: (
            {},
            {"releases": [w.ids["release"]], "listener_ids": [w.ids["l2" if foreign else "l1"]]},
            {},
        ),
        has_foreign=True,
    ),
    ("GET", "/v1/staff/saved-replies"): Rule(frozenset({CURATOR})),
    ("POST", "/v1/staff/saved-replies"): Rule(
        frozenset({CURATOR}), lambda w, f: ({}, _body(title="t", body="b")(w), {})
    ),
    ("PUT", "/v1/staff/saved-replies/{reply_id}"): _saved_reply(
        "sr", _body(title="Welcome", body="Hello {{first_name}}, [[why you will love it]].")
    ),
    ("DELETE", "/v1/staff/saved-replies/{reply_id}"): _saved_reply("sr_del"),
    ("PUT", "/v1/me/library-sharing"): Rule(
        frozenset({LISTENER}), lambda w, f: ({}, _body(on=True)(w), {})
    ),
    ("POST", "/v1/me/albums"): Rule(
        frozenset({LISTENER}),
        lambda w, f: ({}, _body(albums=[{"artist": "Mara Quist", "album": "Tide"}])(w), {}),
    ),
    ("POST", "/v1/admin/covers"): Rule(
        frozenset({ADMIN}),
        lambda w, foreign: (
            {},
            {
                "curator_id": 2_000_000 if foreign else w.ids["c1"],
                "by_id": w.ids["c3"],
                "until": TestClock.start().iso_ago(days=-1),
            },
            {},
        ),
        has_foreign=True,
    ),
    ("GET", "/v1/admin/covers"): Rule(frozenset({ADMIN})),
    ("DELETE", "/v1/admin/covers/{cover_id}"): _admin(
        lambda w, foreign: {"cover_id": 2_000_000 if foreign else w.ids["cover"]}
    ),
}


def _request(w: World, method: str, template: str, role: str, foreign: bool) -> httpx.Response:
    path_params, body, query = ROUTES[(method, template)].call(w, foreign)
    token = w.token(role)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    path = template.format(**path_params)
    answer = w.http.request(method, path, json=body, params=query, headers=headers)
    if "logout" in template or template.endswith("/password"):  # sessions were ended
        w.tokens.clear()
    return answer


def app_routes(live: LiveServer) -> set[tuple[str, str]]:
    """Every (method, path) the app serves, as its OpenAPI document lists them.

    (FastAPI now wraps included routers, so the OpenAPI builder is the public way to walk
    them; no route of the store is hidden from the schema.)
    """
    paths: dict[str, dict[str, Any]] = live.app.openapi()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops}


def test_every_route_has_a_row_in_the_matrix(live: LiveServer) -> None:
    assert app_routes(live) == set(ROUTES)


def test_every_route_refuses_the_wrong_role_and_other_peoples_ids(world: World) -> None:
    others = {who: held(world, world.ids[who]) for who in ("l2", "l3")}
    assert others["l2"]["plays"] == 3 and len(others["l2"]["notes"]) == 2
    problems = []
    for (method, template), rule in ROUTES.items():
        for role in sorted(EVERYONE):
            answer = _request(world, method, template, role, foreign=False)
            if role in rule.allowed:
                ok = 200 <= answer.status_code < 300
            else:
                ok = answer.status_code == (401 if role == ANON else 403)
                ok = ok and answer.json()["error"]["code"] in ("unauthenticated", "forbidden")
            if not ok:
                problems.append(f"{role} {method} {template}: {answer.status_code} {answer.text}")
            if rule.has_foreign and role in rule.allowed:
                other = _request(world, method, template, role, foreign=True)
                if other.status_code not in (403, 404):
                    problems.append(f"{role} {method} {template} with others' ids: {other.text}")
        if template.startswith("/v1/staff/listeners/"):  # the curator's own, but disabled
            path_params, body, _query = rule.call(world, False)
            path = template.format(**(path_params | {"listener_id": world.ids["l3"]}))
            token = {"Authorization": f"Bearer {world.token(CURATOR)}"}
            hidden = world.http.request(method, path, json=body, headers=token)
            if hidden.status_code != 404:
                problems.append(f"{method} {template} on a disabled listener: {hidden.text}")
    assert problems == []
    # What the deletes removed: only what they named, and only the caller's.
    mine = held(world, world.ids["l1"])
    assert (mine["plays"], mine["days"]) == (0, 0), "the listener deleted their shared data"
    ids = world.ids
    assert ids["note1"] in mine["notes"] and ids["note_del1"] not in mine["notes"]
    assert ids["pick1"] in mine["picks"] and ids["pick_del1"] not in mine["picks"]
    assert {who: held(world, world.ids[who]) for who in ("l2", "l3")} == others


def test_a_listeners_data_never_appears_in_another_listeners_sync(world: World) -> None:
    l1, c1 = world.actors[LISTENER], world.actors[CURATOR]
    for (method, template), rule in ROUTES.items():  # every route, own ids, as every role
        for role in rule.allowed - {ANON}:
            _request(world, method, template, role, foreign=False)
    for who, own, other in ((LISTENER, "L1", "L2"), ("l2", "L2", "L1")):
        replica = Replica()
        replica.pull(world.live.client(world.token(who)))
        text = str(replica.entries)
        assert f"for {own}" in text and f"secret from {own}" in text
        assert f"for {other}" not in text and f"from {other}" not in text
    staff = Replica()
    staff.pull(world.live.client(world.token(CURATOR)), path=f"/v1/staff/listeners/{l1.id}/sync")
    assert "L2" not in str(staff.entries)
    assert c1.id in {e["actor_id"] for e in staff.entries}


def test_another_listeners_note_or_pick_is_404_even_under_ones_own_listener(world: World) -> None:
    mine, theirs = world.ids["l1"], world.ids
    cases = [
        ("PATCH", f"/v1/staff/listeners/{mine}/notes/{theirs['note2']}", {**_cid(), "body": "x"}),
        ("DELETE", f"/v1/staff/listeners/{mine}/notes/{theirs['note_del2']}", None),
        ("DELETE", f"/v1/staff/listeners/{mine}/picks/{theirs['pick_del2']}", None),
    ]
    token = world.token(CURATOR)
    for method, path, body in cases:
        answer = world.http.request(
            method, path, json=body, headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 404, (method, path, answer.text)
    c2 = world.http.get(
        f"/v1/staff/listeners/{world.ids['l2']}/context",
        headers={"Authorization": f"Bearer {world.token('c2')}"},
    )
    notes = {n["id"] for n in c2.json()["notes"]}
    assert {theirs["note2"], theirs["note_del2"]} <= notes, "nothing of theirs was touched"
