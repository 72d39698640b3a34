"""The catalog (search, releases, previews, avatars) and the limits on every input."""

from __future__ import annotations

import io
import uuid
import wave
from collections.abc import Iterator
from datetime import timedelta

from rvibe_player.core import store_protocol as p
from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.models import Artist, Release
from rvibe_player.store_server.services.catalog import search_text
from tests.helpers.clock import TestClock
from tests.store.live import Actor, LiveServer, make_actor


def _add_release(live: LiveServer, artist: str, title: str, tracks: list[str]) -> int:
    from rvibe_player.store_server.models import Track

    with live.store.db.write() as session:
        a = Artist(name=artist, sort_name=artist, mbid="0383dadf-2a4e-4d10-a46a-e9e041da8eb3")
        session.add(a)
        session.flush()
        r = Release(
            artist_id=a.id,
            title=title,
            year=1966,
            genre="Pop",
            label="",
            mbid=None,
            price_cents=999,
            currency="EUR",
            search_text=search_text(artist, title, "", "Pop", tracks),
        )
        session.add(r)
        session.flush()
        for n, t in enumerate(tracks, 1):
            session.add(
                Track(
                    release_id=r.id,
                    position=n,
                    title=t,
                    duration_ms=200_000,
                    mbid=None,
                    price_cents=129,
                )
            )
        return r.id


def test_search_matches_every_word_in_any_field_ignoring_case_and_accents(
    live: LiveServer,
) -> None:
    bjork = _add_release(live, "Björk", "Début", ["Human Behaviour", "Venus as a Boy"])
    _add_release(live, "Other", "Venus Rising", ["Nothing"])
    client = live.client()

    def found(q: str) -> list[int]:
        answer = client.get("/v1/catalog/search", params={"q": q})
        assert answer.status_code == 200
        return [item["id"] for item in answer.json()["items"]]

    assert found("bjork debut") == [bjork]
    assert found("BJÖRK") == [bjork]
    assert found("venus boy") == [bjork], "track titles count, every word must match"
    assert len(found("venus")) == 2
    assert found("100%_") == [], "LIKE wildcards are literal"
    assert len(found("")) == 2
    detail = client.get(f"/v1/catalog/releases/{bjork}").json()
    assert detail["artist"]["mbid"] == "0383dadf-2a4e-4d10-a46a-e9e041da8eb3"
    assert [t["title"] for t in detail["tracks"]] == ["Human Behaviour", "Venus as a Boy"]
    assert detail["price"] == {"cents": 999, "currency": "EUR"}
    assert client.get("/v1/catalog/releases/999999").status_code == 404


def test_previews_are_real_short_wav_files(live: LiveServer) -> None:
    release = _add_release(live, "A", "B", ["C"])
    track = live.client().get(f"/v1/catalog/releases/{release}").json()["tracks"][0]
    answer = live.client().get(track["preview_url"])
    assert answer.status_code == 200 and answer.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(answer.content)) as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert 3.5 < wav.getnframes() / wav.getframerate() < 5
        frames = wav.readframes(wav.getnframes())
    assert max(frames[1::2]) > 20, "not silence"
    assert live.client().get("/v1/catalog/tracks/999999/preview.wav").status_code == 404


def test_avatars_are_served_at_unguessable_urls_and_tell_strangers_nothing(
    live: LiveServer, curator: Actor, listener: Actor
) -> None:
    url = listener.api.get("/v1/me").json()["relationship"]["curator"]["avatar_url"]
    answer = live.client().get(url)  # anyone holding the URL, as the player fetches it
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/svg+xml"
    assert b">C</text>" in answer.content
    key = url.rsplit("-", 1)[1].removesuffix(".svg")
    strangers = {
        live.client().get(path).status_code
        for who in (curator.id, listener.id, 999_999)
        for path in (f"/v1/avatars/{who}.svg", f"/v1/avatars/{who}-{key}.svg")
        if path != url
    }
    assert strangers == {404}, "staff, listeners and unknown ids look the same"


def test_health_shows_the_waiting_polls_to_admins_only(live: LiveServer, listener: Actor) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    for api in (live.client(), listener.api):
        body = api.get("/v1/health").json()
        assert body["status"] == "ok" and "waiting_long_polls" not in body
    assert admin.api.get("/v1/health").json()["waiting_long_polls"] == 0


def _error(answer: object, status: int, code: str) -> None:
    import httpx

    assert isinstance(answer, httpx.Response)
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert "Traceback" not in answer.text and 'File "' not in answer.text


def test_every_input_is_limited_and_every_error_is_the_same_json(
    live: LiveServer, listener: Actor
) -> None:
    api = listener.api
    cid = uuid.uuid4().hex
    _error(
        api.post("/v1/messages", {"client_id": cid, "body": "x" * (p.MESSAGE_MAX + 1)}),
        422,
        "invalid_request",
    )
    _error(
        api.post("/v1/messages", {"client_id": cid, "body": "nul\x00byte"}), 422, "invalid_request"
    )
    _error(api.post("/v1/messages", {"client_id": cid, "body": "   "}), 422, "invalid_request")
    _error(api.post("/v1/messages", {"client_id": "short", "body": "x"}), 422, "invalid_request")
    _error(
        api.post("/v1/messages", {"client_id": cid, "body": "x", "extra": 1}),
        422,
        "invalid_request",
    )
    lone_surrogate = ('{"client_id": "' + cid + '", "body": "\\ud800"}').encode()
    _error(
        api.post(
            "/v1/messages", content=lone_surrogate, headers={"content-type": "application/json"}
        ),
        422,
        "invalid_request",
    )
    _error(api.get("/v1/sync", params={"limit": p.SYNC_PAGE_MAX + 1}), 422, "invalid_request")
    _error(api.get("/v1/sync", params={"after": -1}), 422, "invalid_request")
    _error(api.get("/v1/me/access-log", params={"limit": p.PAGE_MAX + 1}), 422, "invalid_request")
    _error(
        api.post("/v1/picks/99999999999/feedback", {"client_id": cid, "feedback": "seen"}),
        422,
        "invalid_request",
    )
    plays = [{"played_at": TestClock.start().iso_ago(days=1), "artist": "a", "title": "t"}] * (
        p.LISTENING_PLAYS_MAX + 1
    )
    _error(api.post("/v1/me/listening", {"client_id": cid, "plays": plays}), 422, "invalid_request")
    _error(
        api.post(
            "/v1/messages", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
        "invalid_request",
    )
    _error(api.post("/v1/messages", content=b"x" * (300 * 1024)), 413, "too_large")
    _error(
        api.get("/v1/catalog/search", params={"q": "x" * (p.SEARCH_QUERY_MAX + 1)}),
        422,
        "invalid_request",
    )
    # Found by the OpenAPI fuzz: PostgreSQL cannot store NUL, so it must never reach it.
    nul_login = {"username": "lou\x00", "password": "whatever"}
    _error(live.client().post("/v1/auth/login", nul_login), 422, "invalid_request")
    _error(api.get("/v1/no/such/thing"), 404, "not_found")
    _error(api.request("DELETE", "/v1/me"), 405, "method_not_allowed")
    _error(live.client("not-a-token").get("/v1/me"), 401, "unauthenticated")
    _error(live.client("x" * 5000).get("/v1/me"), 401, "unauthenticated")


def test_answers_are_not_cached_and_say_which_worker_answered(
    live: LiveServer, listener: Actor
) -> None:
    answer = listener.api.get("/v1/me")
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-rvibe-worker"].isdigit()


def test_a_play_at_a_moment_out_of_range_is_a_422_not_a_500(
    live: LiveServer, listener: Actor, clock: TestClock
) -> None:
    api = listener.api
    level = api.request(
        "PUT", "/v1/me/sharing", json={"client_id": uuid.uuid4().hex, "level": "full"}
    )
    assert level.status_code == 201

    def share(played_at: str) -> object:
        play = {"played_at": played_at, "artist": "A", "title": "T"}
        return api.post("/v1/me/listening", {"client_id": uuid.uuid4().hex, "plays": [play]})

    for moment in (
        "0001-01-01T00:00:00+14:00",  # before year 1 in UTC
        "9999-12-31T23:59:59-14:00",  # after year 9999 in UTC
        "1969-12-31T23:59:59Z",
        (clock.now + timedelta(days=3)).isoformat(),
    ):
        _error(share(moment), 422, "invalid_request")
    accepted = share(clock.iso_ago(days=1))
    assert accepted.status_code == 200 and accepted.json()["accepted"] == 1  # type: ignore[attr-defined]


def test_bodies_the_store_cannot_read_answer_documented_codes(
    live: LiveServer, listener: Actor
) -> None:
    api = listener.api

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted as it arrives
        for _ in range(30):
            yield b"x" * 10_240

    _error(api.post("/v1/messages", content=chunks()), 413, "too_large")
    json_headers = {"content-type": "application/json"}
    not_utf8 = b'{"client_id": "abcdefgh12", "body": "caf\xe9"}'
    _error(api.post("/v1/messages", content=not_utf8, headers=json_headers), 422, "invalid_request")
    deep = b"[" * 100_000 + b"]" * 100_000
    _error(api.post("/v1/messages", content=deep, headers=json_headers), 422, "invalid_request")


def test_every_error_code_the_store_can_answer_is_in_the_protocol() -> None:
    import re
    from pathlib import Path

    from rvibe_player.store_server import error_handlers

    package = Path(error_handlers.__file__).parent
    protocol = (package / "PROTOCOL.md").read_text()
    errors = protocol[protocol.index("## Errors") : protocol.index("## Limits")]
    documented = set(re.findall(r"`([a-z_]+)`", errors))
    used = set(error_handlers.STATUS_CODES.values()) | {error_handlers.FALLBACK_CODE}
    for source in package.rglob("*.py"):
        text = source.read_text()
        used |= set(re.findall(r'ApiError\(\s*\d{3},\s*"([a-z_]+)"', text))
        used |= set(re.findall(r'_refuse\(\s*\w+,\s*\d{3},\s*"([a-z_]+)"', text))
        used |= set(re.findall(r'error_body\(\s*"([a-z_]+)"', text))
    assert used - documented == set()


def test_invisible_text_and_bidi_overrides_are_refused_or_neutralised(
    live: LiveServer, listener: Actor, curator: Actor, clock: TestClock
) -> None:
    def send(body: str) -> object:
        return listener.api.post("/v1/messages", {"client_id": uuid.uuid4().hex, "body": body})

    for invisible in ("\u200b", "\ufeff", "\u200b\u200c\u200d", " \u2060\n", "\u3164", "\u0301"):
        _error(send(invisible), 422, "invalid_request")
    _error(send("pay me \u202eeulav"), 422, "invalid_request")
    assert send("שלום \u2067Mira\u2069!").status_code == 201, "isolates are fine in a message"  # type: ignore[attr-defined]
    note = {"client_id": uuid.uuid4().hex, "body": "\u200b\u200b"}
    _error(
        curator.api.post(f"/v1/staff/listeners/{listener.id}/notes", note), 422, "invalid_request"
    )
    admin = make_actor(live, "root", Role.ADMIN)
    for name in ("Mira\u202eokafor", "Mira \u2066x", "\u200b\u2060"):
        body = {"username": "spoof", "password": "a good password", "role": "curator"}
        _error(
            admin.api.post("/v1/admin/accounts", body | {"display_name": name}),
            422,
            "invalid_request",
        )
        patch = admin.api.request(
            "PATCH", f"/v1/admin/accounts/{curator.id}", json={"display_name": name}
        )
        _error(patch, 422, "invalid_request")
    level = {"client_id": uuid.uuid4().hex, "level": "full"}
    assert listener.api.request("PUT", "/v1/me/sharing", json=level).status_code == 201
    play = {"played_at": clock.iso_ago(days=1), "artist": "Bad\u202eName", "title": "T\u2066x"}
    shared = listener.api.post("/v1/me/listening", {"client_id": uuid.uuid4().hex, "plays": [play]})
    assert shared.status_code == 200, shared.text
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()
    recent = context["sharing"]["recent_plays"][0]
    assert (recent["artist"], recent["title"]) == ("BadName", "Tx"), "tags are neutralised"
