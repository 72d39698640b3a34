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


def test_blank_passwords_and_the_user_name_as_password_are_refused(live: LiveServer) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    for username, password in (("spaces", " " * 8), ("samesame", "samesame"), ("caps", "CAPS   ")):
        body = {"username": username, "password": password, "role": "listener"}
        answer = admin.api.post("/v1/admin/accounts", body)
        assert answer.status_code == 422, (password, answer.text)
        assert answer.json()["error"]["code"] == "invalid_request"
    fine = {"username": "fine", "password": "a good password", "role": "listener"}
    assert admin.api.post("/v1/admin/accounts", fine).status_code == 201


def test_the_last_admin_cannot_disable_itself(live: LiveServer) -> None:
    first = make_actor(live, "root", Role.ADMIN)
    alone = first.api.request("PATCH", f"/v1/admin/accounts/{first.id}", json={"disabled": True})
    assert alone.status_code == 409 and alone.json()["error"]["code"] == "last_admin"
    second = make_actor(live, "backup", Role.ADMIN)
    ok = second.api.request("PATCH", f"/v1/admin/accounts/{first.id}", json={"disabled": True})
    assert ok.status_code == 200 and ok.json()["disabled"] is True
    last = second.api.request("PATCH", f"/v1/admin/accounts/{second.id}", json={"disabled": True})
    assert last.status_code == 409 and last.json()["error"]["code"] == "last_admin"
    assert second.api.get("/v1/me").status_code == 200, "still someone to run the store"


def test_changing_ones_password_needs_the_old_one_and_ends_the_other_sessions(
    live: LiveServer, listener: Actor
) -> None:
    other = live.client(_login(live, "lou")[1]["token"])
    change = {"old_password": "not the password", "new_password": "a brand new secret"}
    wrong = listener.api.post("/v1/auth/password", change)
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "wrong_password"
    weak = listener.api.post("/v1/auth/password", {"old_password": PASSWORD, "new_password": "lou"})
    assert weak.status_code == 422
    same_as_name = {"old_password": PASSWORD, "new_password": "LOU     "}
    assert listener.api.post("/v1/auth/password", same_as_name).status_code == 422
    done = listener.api.post("/v1/auth/password", change | {"old_password": PASSWORD})
    assert done.status_code == 200 and done.json() == {"revoked": 1}
    assert other.get("/v1/me").status_code == 401, "the other device signs in again"
    assert listener.api.get("/v1/me").status_code == 200, "this one carries on"
    assert _login(live, "lou")[0] == 401
    assert _login(live, "lou", "a brand new secret")[0] == 200


def test_an_admin_password_reset_ends_every_session(live: LiveServer, listener: Actor) -> None:
    admin = make_actor(live, "root", Role.ADMIN)
    path = f"/v1/admin/accounts/{listener.id}/password"
    weak = admin.api.post(path, {"new_password": "lou"})
    assert weak.status_code == 422
    reset = admin.api.post(path, {"new_password": "given by the admin"})
    assert reset.status_code == 200 and reset.json() == {"revoked": 1}
    assert listener.api.get("/v1/me").status_code == 401
    assert _login(live, "lou", "given by the admin")[0] == 200
    missing = admin.api.post("/v1/admin/accounts/999999/password", {"new_password": "whatever!"})
    assert missing.status_code == 404
