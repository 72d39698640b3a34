"""Accounts and sessions: argon2id, hashed tokens, expiry, revocation, throttled login."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.models import Account, AuthSession, utcnow
from rvibe_player.store_server.security import token_hash
from tests.store.live import PASSWORD, Actor, LiveServer, make_actor


def _login(live: LiveServer, username: str, password: str = PASSWORD) -> tuple[int, dict]:
    answer = live.client().post("/v1/auth/login", {"username": username, "password": password})
    return answer.status_code, answer.json()


def test_passwords_are_argon2id_and_tokens_are_stored_only_as_hashes(
    live: LiveServer, listener: Actor
) -> None:
    with live.store.db.read() as session:
        account = session.get(Account, listener.id)
        assert account is not None
        assert account.password_hash.startswith("$argon2id$")
        assert PASSWORD not in account.password_hash
        hashes = set(session.scalars(select(AuthSession.token_hash)))
    assert listener.api.token is not None
    assert listener.api.token not in hashes
    assert token_hash(listener.api.token) in hashes


def test_login_answers_a_token_that_works_and_a_wrong_password_that_does_not(
    live: LiveServer, listener: Actor
) -> None:
    status, body = _login(live, "LOU")  # user names are case-insensitive
    assert status == 200
    assert body["account"]["username"] == "lou" and body["token_type"] == "bearer"
    me = live.client(body["token"]).get("/v1/me")
    assert me.json()["account"]["id"] == listener.id
    for name, password in (("lou", "wrong password"), ("nobody", PASSWORD)):
        status, body = _login(live, name, password)
        assert status == 401
        assert body == {
            "error": {
                "code": "invalid_credentials",
                "message": "The user name or password is wrong.",
            }
        }


def test_login_is_throttled_per_user_name_after_five_failures(
    live: LiveServer, listener: Actor
) -> None:
    make_actor(live, "other", Role.LISTENER)
    for _ in range(5):
        assert _login(live, "lou", "not it at all")[0] == 401
    answer = live.client().post("/v1/auth/login", {"username": "lou", "password": PASSWORD})
    assert answer.status_code == 429
    assert answer.json()["error"]["code"] == "too_many_attempts"
    assert 1 <= int(answer.headers["retry-after"]) <= 15 * 60 + 1
    assert _login(live, "other")[0] == 200, "other users are not locked out"
    assert listener.api.get("/v1/me").status_code == 200, "existing sessions keep working"


def test_logout_ends_one_session_and_logout_all_ends_every_one(
    live: LiveServer, listener: Actor, curator: Actor
) -> None:
    second = live.client(_login(live, "lou")[1]["token"])
    third = live.client(_login(live, "lou")[1]["token"])
    assert second.post("/v1/auth/logout").json() == {"revoked": 1}
    assert second.get("/v1/me").status_code == 401
    assert third.get("/v1/me").status_code == 200
    assert third.post("/v1/auth/logout-all").json() == {"revoked": 2}
    for api in (listener.api, third):
        answer = api.get("/v1/me")
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
    assert curator.api.get("/v1/me").status_code == 200


def test_sessions_expire_and_use_extends_them_up_to_the_maximum(
    live: LiveServer, listener: Actor
) -> None:
    assert listener.api.token is not None
    digest = token_hash(listener.api.token)
    long_ago = utcnow() - timedelta(hours=2)
    with live.store.db.write() as session:
        session.execute(
            update(AuthSession)
            .where(AuthSession.token_hash == digest)
            .values(last_used_at=long_ago, expires_at=utcnow() + timedelta(minutes=5))
        )
    live.store.auth.cache.clear()  # the edit above went behind the app's back
    assert listener.api.get("/v1/me").status_code == 200
    with live.store.db.read() as session:
        row = session.scalars(select(AuthSession).where(AuthSession.token_hash == digest)).one()
    assert row.expires_at > utcnow() + timedelta(days=29), "use extended the session"
    with live.store.db.write() as session:
        session.execute(
            update(AuthSession)
            .where(AuthSession.token_hash == digest)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    live.store.auth.cache.clear()  # the edit above went behind the app's back
    assert listener.api.get("/v1/me").status_code == 401


def test_checked_tokens_are_cached_but_revocation_is_immediate(
    live: LiveServer, listener: Actor
) -> None:
    assert listener.api.get("/v1/me").status_code == 200
    assert listener.api.token is not None
    with live.store.db.write() as session:  # behind the app's back: the cache answers
        session.execute(update(AuthSession).values(revoked_at=utcnow()))
    assert listener.api.get("/v1/me").status_code == 200
    live.store.auth.cache.clear()
    assert listener.api.get("/v1/me").status_code == 401
    second = live.client(_login(live, "lou")[1]["token"])
    assert second.get("/v1/me").status_code == 200  # cached now
    assert second.post("/v1/auth/logout-all").status_code == 200
    assert second.get("/v1/me").status_code == 401, "logging out drops the cached token"


def test_a_disabled_account_is_signed_out_and_cannot_sign_in(
    live: LiveServer, listener: Actor
) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    answer = admin.api.request(
        "PATCH", f"/v1/admin/accounts/{listener.id}", json={"disabled": True}
    )
    assert answer.status_code == 200 and answer.json()["disabled"] is True
    assert listener.api.get("/v1/me").status_code == 401
    assert _login(live, "lou")[0] == 401


def test_admin_creates_accounts_with_unique_names(live: LiveServer) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    body = {"username": "newbie", "password": "long enough", "role": "curator", "capacity": 3}
    created = admin.api.post("/v1/admin/accounts", body)
    assert created.status_code == 201, created.text
    assert created.json()["capacity"] == 3 and "password_hash" not in created.text
    again = admin.api.post("/v1/admin/accounts", body)
    assert again.status_code == 409 and again.json()["error"]["code"] == "username_taken"
    assert _login(live, "newbie", "long enough")[0] == 200
    short = admin.api.post("/v1/admin/accounts", body | {"username": "x2", "password": "short"})
    assert short.status_code == 422
