"""Each listener's data stays theirs: deletes, lowered levels, summaries, disabled accounts.

Every test starts from two listeners of one curator with shared listening, notes and picks,
and a third, disabled listener with the same, so a query missing its ``listener_id`` (or its
window, or the disabled rule) shows up as someone else's data changing or appearing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.models import ListeningDay, ListeningPlay, Note
from tests.helpers.clock import TestClock
from tests.store.live import Actor, LiveServer, make_actor


def cid() -> dict[str, str]:
    return {"client_id": uuid.uuid4().hex}


@dataclass
class Tenants:
    """A curator, listeners ``a`` and ``b`` with data, and ``gone``: disabled, with data."""

    live: LiveServer
    curator: Actor
    a: Actor
    b: Actor
    gone: Actor


def _plays(clock: TestClock, artist: str, days_ago: float, n: int) -> list[dict[str, Any]]:
    at = clock.iso_ago(days=days_ago)
    return [
        {"played_at": at, "artist": artist, "title": f"t{i}", "genre": "Jazz"} for i in range(n)
    ]


@pytest.fixture
def tenants(live: LiveServer, clock: TestClock) -> Tenants:
    curator = make_actor(live, "cora", Role.CURATOR)
    people = {
        name: make_actor(live, name, Role.LISTENER, curator=curator)
        for name in ("ann", "bob", "gil")
    }
    for name, who in people.items():
        level = {**cid(), "level": "full"}
        assert who.api.request("PUT", "/v1/me/sharing", json=level).status_code == 201
        for artist, days, n in ((f"{name} now", 1, 3), (f"{name} long ago", 40, 5)):
            upload = {**cid(), "plays": _plays(clock, artist, days, n)}
            assert who.api.post("/v1/me/listening", upload).status_code == 200
        note = {**cid(), "body": f"a note for {name}"}
        assert curator.api.post(f"/v1/staff/listeners/{who.id}/notes", note).status_code == 201
    admin = make_actor(live, "root", Role.ADMIN)
    gone = people["gil"]
    disabled = admin.api.request("PATCH", f"/v1/admin/accounts/{gone.id}", json={"disabled": True})
    assert disabled.status_code == 200
    return Tenants(live, curator, people["ann"], people["bob"], gone)


def held(live: LiveServer, who: Actor) -> tuple[int, int, int]:
    """(plays, day counts, live notes) the store keeps for ``who``."""
    with live.store.db.read() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(model).where(where)) or 0)
            for model, where in (
                (ListeningPlay, ListeningPlay.listener_id == who.id),
                (ListeningDay, ListeningDay.listener_id == who.id),
                (Note, (Note.listener_id == who.id) & Note.deleted_at.is_(None)),
            )
        )


def test_deleting_my_shared_data_deletes_only_mine(tenants: Tenants) -> None:
    live, a, b, gone = tenants.live, tenants.a, tenants.b, tenants.gone
    others = {who.username: held(live, who) for who in (b, gone)}
    assert others["bob"] == (8, 2, 1)
    deleted = a.api.request("DELETE", "/v1/me/listening")
    assert deleted.status_code == 200
    assert deleted.json()["deleted"] == {"plays": 8, "day_counts": 2}, "what it says it removed"
    assert held(live, a) == (0, 0, 1)
    assert {who.username: held(live, who) for who in (b, gone)} == others


def test_lowering_my_level_deletes_only_my_data(tenants: Tenants) -> None:
    live, a, b, gone = tenants.live, tenants.a, tenants.b, tenants.gone
    others = {who.username: held(live, who) for who in (b, gone)}
    down = a.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "summary"})
    assert down.json()["deleted"] == {"plays": 8, "day_counts": 0}
    off = a.api.request("PUT", "/v1/me/sharing", json={**cid(), "level": "off"})
    assert off.json()["deleted"] == {"plays": 0, "day_counts": 2}
    assert held(live, a) == (0, 0, 1)
    assert {who.username: held(live, who) for who in (b, gone)} == others


def test_the_curators_summary_counts_only_the_last_30_days_of_that_listener(
    tenants: Tenants,
) -> None:
    context = tenants.curator.api.get(f"/v1/staff/listeners/{tenants.a.id}/context").json()
    assert context["sharing"]["days"] == 30
    assert context["sharing"]["top_artists"] == [{"name": "ann now", "plays": 3}]
    assert context["sharing"]["top_genres"] == [{"name": "Jazz", "plays": 3}]
    recent = {p["artist"] for p in context["sharing"]["recent_plays"]}
    assert recent == {"ann now", "ann long ago"}, "recent plays: theirs only, at full level"


def test_a_disabled_listener_is_hidden_from_their_curator(tenants: Tenants) -> None:
    curator, gone = tenants.curator, tenants.gone
    base = f"/v1/staff/listeners/{gone.id}"
    for method, path, body in (
        ("GET", f"{base}/context", None),
        ("GET", f"{base}/sync", None),
        ("POST", f"{base}/messages", {**cid(), "body": "hello?"}),
        ("POST", f"{base}/notes", {**cid(), "body": "a note"}),
    ):
        answer = curator.api.request(method, path, json=body)
        assert answer.status_code == 404, (method, path, answer.text)
    assert curator.api.get(f"/v1/staff/listeners/{tenants.a.id}/context").status_code == 200
    assert held(tenants.live, gone) == (8, 2, 1), "hidden, not deleted"
