"""A bounded schemathesis run against the live store's OpenAPI: no input gets a 5xx.

Every operation gets generated requests, valid and invalid, with a real token of the role the
route is for, against a store holding a small world of accounts, notes and picks. (Driven
through schemathesis' Python API and hypothesis: its pytest plugin does not run on pytest 9.)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from sqlalchemy import delete, update

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.app import create_app
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import Account, LoginThrottle
from tests.store.live import PASSWORD, LiveServer, make_actor

EXAMPLES_PER_OPERATION = 10


@dataclass
class FuzzWorld:
    """A live store with one account per role and some relationship content."""

    live: LiveServer
    usernames: dict[str, str]
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, role: str) -> str:
        """A token for the role, signing in again (and undoing harm) after one stopped working."""
        token = self.tokens.get(role)
        if token:
            return token
        known = self.live.store.passwords.hash(PASSWORD)
        with self.live.store.db.write() as session:  # the fuzzer may disable, throttle, reset
            session.execute(update(Account).values(disabled=False, password_hash=known))
            session.execute(delete(LoginThrottle))
        login = {"username": self.usernames[role], "password": PASSWORD}
        answer = self.live.client().post("/v1/auth/login", login)
        assert answer.status_code == 200, answer.text
        self.tokens[role] = answer.json()["token"]
        return self.tokens[role]


@pytest.fixture(scope="module")
def fuzz_world(live_server: LiveServer) -> Iterator[FuzzWorld]:
    live = live_server
    live.reset()
    curator = make_actor(live, "cora", Role.CURATOR)
    listener = make_actor(live, "lou", Role.LISTENER, curator=curator)
    make_actor(live, "ada", Role.ADMIN)
    with live.store.db.write() as session:
        release = seed_catalog(session, releases=5)[0]
    base = f"/v1/staff/listeners/{listener.id}"
    for n in range(3):
        cid = uuid.uuid4().hex
        curator.api.post(f"{base}/notes", {"client_id": cid, "body": f"note {n}"})
        cid = uuid.uuid4().hex
        curator.api.post(f"{base}/picks", {"client_id": cid, "release_id": release, "reason": "r"})
        listener.api.post("/v1/messages", {"client_id": uuid.uuid4().hex, "body": f"hi {n}"})
    listener.api.request("PUT", "/v1/me/sharing", json={"client_id": "fuzz-share", "level": "full"})
    yield FuzzWorld(live, {"listener": "lou", "curator": "cora", "admin": "ada"})
    live.reset()


def _role_for(path: str) -> str:
    if path.startswith("/v1/staff"):
        return "curator"
    if path.startswith("/v1/admin"):
        return "admin"
    return "listener"


def _operations() -> list[tuple[str, str, GenerationMode]]:
    """Every operation of the app's own OpenAPI document (read at collection time), with
    valid inputs, and with invalid ones where it takes any input at all."""
    document = create_app(StoreConfig("sqlite://")).openapi()
    cases = []
    for path, operations in document["paths"].items():
        for method, spec in operations.items():
            cases.append((method.upper(), path, GenerationMode.POSITIVE))
            if spec.get("parameters") or spec.get("requestBody"):
                cases.append((method.upper(), path, GenerationMode.NEGATIVE))
    return sorted(cases)


@pytest.fixture(scope="module")
def api_schema(fuzz_world: FuzzWorld) -> BaseSchema:
    return schemathesis.openapi.from_url(f"{fuzz_world.live.url}/openapi.json")


@pytest.mark.parametrize(("method", "path", "mode"), _operations())
def test_no_request_gets_a_server_error(
    fuzz_world: FuzzWorld, api_schema: BaseSchema, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Case) -> None:
        if isinstance(case.query, dict) and "wait" in case.query:
            case.query["wait"] = 0  # long-polls are tested elsewhere; keep the run bounded
        headers = {"Authorization": f"Bearer {fuzz_world.token(_role_for(path))}"}
        response = case.call_and_validate(
            base_url=fuzz_world.live.url, headers=headers, checks=[not_a_server_error]
        )
        if response.status_code == 401:  # e.g. a generated logout: sign in again next time
            fuzz_world.tokens.clear()

    check()


def test_the_openapi_document_describes_errors_and_sync(live: LiveServer) -> None:
    document = httpx.get(f"{live.url}/openapi.json").json()
    sync = document["paths"]["/v1/sync"]["get"]
    assert {"200", "410", "401", "403", "422"} <= set(sync["responses"])
    parameters = {p["name"] for p in sync["parameters"]}
    assert {"after", "limit", "wait", "epoch"} <= parameters
    assert "ErrorBody" in document["components"]["schemas"]
    assert httpx.get(f"{live.url}/docs").status_code == 200
