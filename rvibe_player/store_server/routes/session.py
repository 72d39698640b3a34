"""Signing in and out, and ``/v1/me``: who I am and, for a listener, my relationship."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.deps import Authenticated, CallerAddress, StoreDep
from rvibe_player.store_server.models import Account, Relationship, SyncEntry
from rvibe_player.store_server.routes.common import ERRORS
from rvibe_player.store_server.schemas import (
    LoginRequest,
    LoginResponse,
    LogoutResponse,
    PasswordChange,
)
from rvibe_player.store_server.services.staff import median_first_reply
from rvibe_player.store_server.services.views import curator_profile, person
from rvibe_player.store_server.synclog import iso

router = APIRouter(prefix="/v1", tags=["session"])


def account_out(account: Account) -> dict[str, Any]:
    """The signed-in account."""
    return person(account) | {"username": account.username, "bio": account.bio}


@router.post("/auth/login", response_model=LoginResponse, responses=ERRORS)
async def login(
    body: LoginRequest, request: Request, store: StoreDep, address: CallerAddress
) -> dict[str, Any]:
    """Sign in with user name and password; the answer holds the bearer token.

    Failed attempts are limited per user name and address, per address, and per user name
    from new addresses (429 with ``Retry-After``); see PROTOCOL.md.
    """
    issued = await run_in_threadpool(
        store.auth.login,
        body.username,
        body.password,
        address,
        request.headers.get("user-agent", ""),
    )
    return {
        "token": issued.token,
        "token_type": "bearer",
        "expires_at": issued.expires_at,
        "account": account_out(issued.account),
    }


@router.post("/auth/password", response_model=LogoutResponse, responses=ERRORS)
async def change_password(
    body: PasswordChange, principal: Authenticated, store: StoreDep, address: CallerAddress
) -> dict[str, int]:
    """Change my password (the current one is needed); my other sessions end.

    A wrong current password is 403 ``wrong_password`` and counts like a failed sign-in.
    """
    revoked = await run_in_threadpool(
        store.auth.change_password, principal, body.old_password, body.new_password, address
    )
    return {"revoked": revoked}


@router.post("/auth/logout", response_model=LogoutResponse, responses=ERRORS)
def logout(principal: Authenticated, store: StoreDep) -> dict[str, int]:
    """End this session (the token stops working)."""
    store.auth.logout(principal)
    return {"revoked": 1}


@router.post("/auth/logout-all", response_model=LogoutResponse, responses=ERRORS)
def logout_everywhere(principal: Authenticated, store: StoreDep) -> dict[str, int]:
    """End every session of this account, on every device."""
    return {"revoked": store.auth.logout_everywhere(principal.account_id)}


@router.get("/me", responses=ERRORS)
def me(principal: Authenticated, store: StoreDep) -> dict[str, Any]:
    """My account; for a listener also my curator, sharing level, unread count and log end."""
    with store.db.read() as session:
        account = session.get(Account, principal.account_id)
        assert account is not None
        out: dict[str, Any] = {"account": account_out(account)}
        if principal.role is not Role.LISTENER:
            return out
        rel = session.get(Relationship, account.id)
        assert rel is not None
        curator = session.get(Account, rel.curator_id) if rel.curator_id else None
        unread = session.scalar(
            select(func.count())
            .select_from(SyncEntry)
            .where(
                SyncEntry.listener_id == account.id,
                SyncEntry.seq > rel.listener_read_seq,
                SyncEntry.kind.in_(("message.sent", "note.created", "pick.sent")),
                SyncEntry.actor_id != account.id,
            )
        )
        out["relationship"] = {
            "curator": curator_profile(curator, median_first_reply(session, curator.id))
            if curator
            else None,
            "sharing_level": rel.sharing_level,
            "library_sharing": rel.library_sharing,
            "latest_seq": rel.last_seq,
            "read_seq": rel.listener_read_seq,
            "curator_read_seq": rel.curator_read_seq,
            "unread": int(unread or 0),
            "last_activity_at": iso(rel.last_activity_at),
        }
        return out
