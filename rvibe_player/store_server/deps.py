"""Authorization: one FastAPI dependency per rule, so every route states who may call it.

Rules: ``authenticated`` (any signed-in account), ``listener_only``, ``curator_only``,
``admin_only``, and ``assigned_listener`` (a curator, and the listener in the path is theirs,
or belongs to a curator they cover for now).
Another curator's listener and an unknown id answer the same 404, so ids cannot be probed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.addresses import client_address
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.feed import visible_curators
from rvibe_player.store_server.models import Account, Relationship, utcnow
from rvibe_player.store_server.services.accounts import Principal
from rvibe_player.store_server.store import Store

_bearer = HTTPBearer(auto_error=False, description="The token from POST /v1/auth/login.")
_TOKEN_MAX = 200


async def get_store(request: Request) -> Store:
    """The worker's composed services."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


async def caller_address(request: Request, store: StoreDep) -> str:
    """The caller's address (``X-Forwarded-For`` counts only from configured proxies)."""
    peer = request.client.host if request.client else None
    return client_address(
        peer, request.headers.get("x-forwarded-for"), store.config.trusted_proxies
    )


CallerAddress = Annotated[str, Depends(caller_address)]


async def authenticated(
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """Any signed-in account (401 without a valid, unexpired, unrevoked token)."""
    principal = await maybe_authenticated(store, credentials)
    if principal is None:
        raise ApiError(
            401,
            "unauthenticated",
            "Sign in first: this needs a valid session token.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return principal


Authenticated = Annotated[Principal, Depends(authenticated)]


async def maybe_authenticated(
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    """The signed-in account if a valid token came along, else None (never a 401).

    Async on purpose: a token checked lately is answered from the cache on the event loop
    (a sync dependency would take a worker thread every time, see ``Authenticator.check``).
    """
    token = credentials.credentials if credentials else ""
    return await store.auth.check(token) if 0 < len(token) <= _TOKEN_MAX else None


MaybeAuthenticated = Annotated[Principal | None, Depends(maybe_authenticated)]


def _role(principal: Principal, role: Role) -> Principal:
    if principal.role is not role:
        raise ApiError(403, "forbidden", f"Only a {role.value} may do this.")
    return principal


async def listener_only(principal: Authenticated) -> Principal:
    """A listener, acting on their own relationship."""
    return _role(principal, Role.LISTENER)


async def curator_only(principal: Authenticated) -> Principal:
    """A curator."""
    return _role(principal, Role.CURATOR)


async def admin_only(principal: Authenticated) -> Principal:
    """An admin (accounts and assignments; admins do not read relationships)."""
    return _role(principal, Role.ADMIN)


ListenerOnly = Annotated[Principal, Depends(listener_only)]
CuratorOnly = Annotated[Principal, Depends(curator_only)]
AdminOnly = Annotated[Principal, Depends(admin_only)]
ListenerIdPath = Annotated[int, Path(ge=1, le=2_147_483_647, description="The listener's id")]


@dataclass(frozen=True)
class StaffTarget:
    """A curator and one of their listeners (``owner_id``: the curator assigned)."""

    curator: Principal
    listener_id: int
    owner_id: int


def assigned_listener(
    store: StoreDep, curator: CuratorOnly, listener_id: ListenerIdPath
) -> StaffTarget:
    """The curator's own listener, or one of a curator they cover for now (404 for anyone
    else's or an unknown id)."""
    with store.db.read() as session:
        owner = session.scalar(
            select(Relationship.curator_id)
            .join(Account, Account.id == Relationship.listener_id)
            .where(Relationship.listener_id == listener_id, Account.disabled.is_(False))
        )
        allowed = owner is not None and owner in visible_curators(
            session, curator.account_id, utcnow()
        )
    if owner is None or not allowed:
        raise not_found("listener among yours")
    return StaffTarget(curator, listener_id, owner)


AssignedListener = Annotated[StaffTarget, Depends(assigned_listener)]
