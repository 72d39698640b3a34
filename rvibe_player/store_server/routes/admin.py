"""The admin's routes: accounts, curator capacity and load, assignment and hand-over."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import func, select

from rvibe_player.core.store_protocol import Role
from rvibe_player.store_server.deps import AdminOnly, StoreDep
from rvibe_player.store_server.errors import not_found
from rvibe_player.store_server.models import Account
from rvibe_player.store_server.routes.common import ERRORS, ItemId, Offset, PageLimit
from rvibe_player.store_server.schemas import (
    AccountIn,
    AccountPatch,
    AssignIn,
    LogoutResponse,
    Paged,
    PasswordReset,
)
from rvibe_player.store_server.services import admin, staff
from rvibe_player.store_server.services.accounts import (
    check_password,
    create_account,
    revoke_all,
)

router = APIRouter(prefix="/v1/admin", tags=["admin"])


@router.get("/accounts", response_model=Paged, responses=ERRORS)
def list_accounts(
    _admin: AdminOnly,
    store: StoreDep,
    role: Role | None = None,
    limit: PageLimit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Accounts by id, optionally of one role."""
    with store.db.read() as session:
        query = select(Account)
        if role is not None:
            query = query.where(Account.role == role.value)
        rows = list(session.scalars(query.order_by(Account.id).limit(limit).offset(offset)))
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        return {
            "items": admin.account_views(session, rows),
            "total": int(total or 0),
            "offset": offset,
            "limit": limit,
        }


@router.post("/accounts", status_code=201, responses=ERRORS)
def new_account(body: AccountIn, _admin: AdminOnly, store: StoreDep) -> dict[str, Any]:
    """Create a listener, curator or admin (409 when the user name is taken)."""
    password_hash = store.passwords.hash(body.password)  # slow: outside the transaction
    with store.db.write() as session:
        account = create_account(
            session,
            store.passwords,
            username=body.username,
            password=body.password,
            role=body.role,
            display_name=body.display_name,
            bio=body.bio,
            avatar_url=body.avatar_url,
            capacity=body.capacity,
            password_hash=password_hash,
        )
        return admin.account_view(account, 0 if body.role is Role.CURATOR else None)


@router.patch("/accounts/{account_id}", responses=ERRORS)
def change_account(
    body: AccountPatch, account_id: ItemId, _admin: AdminOnly, store: StoreDep
) -> dict[str, Any]:
    """Change a profile, a curator's capacity, or disable an account (ends its sessions)."""
    with store.db.write() as session:
        account = admin.update_account(session, account_id, body.model_dump(exclude_unset=True))
        return admin.account_views(session, [account])[0]


@router.post("/accounts/{account_id}/logout-all", responses=ERRORS)
def logout_account(account_id: ItemId, _admin: AdminOnly, store: StoreDep) -> dict[str, int]:
    """End every session of an account (a lost laptop)."""
    with store.db.write() as session:
        if session.get(Account, account_id) is None:
            raise not_found("account")
        return {"revoked": revoke_all(session, account_id)}


@router.post("/accounts/{account_id}/password", response_model=LogoutResponse, responses=ERRORS)
def reset_password(
    body: PasswordReset, account_id: ItemId, _admin: AdminOnly, store: StoreDep
) -> dict[str, int]:
    """Give an account a new password (a forgotten one); every session of it ends."""
    with store.db.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise not_found("account")
        username = account.username
    check_password(body.new_password, username)
    password_hash = store.passwords.hash(body.new_password)  # slow: outside the transaction
    with store.db.write() as session:
        return {"revoked": admin.reset_password(session, account_id, password_hash)}


@router.put("/listeners/{listener_id}/curator", responses=ERRORS)
def assign_curator(
    body: AssignIn, listener_id: ItemId, admin_: AdminOnly, store: StoreDep
) -> dict[str, Any]:
    """Assign the listener to a curator or hand them over; the history stays with them.

    409 ``curator_full`` when the curator is at capacity.
    """
    with store.db.write() as session:
        return admin.assign(session, listener_id, body.curator_id, admin_.account_id)


@router.get("/listeners/{listener_id}/assignments", responses=ERRORS)
def assignments(listener_id: ItemId, _admin: AdminOnly, store: StoreDep) -> dict[str, Any]:
    """Every curator the listener has had, oldest first."""
    with store.db.read() as session:
        listener = session.get(Account, listener_id)
        if listener is None or listener.role != Role.LISTENER:
            raise not_found("listener")
        return {"listener_id": listener_id, "items": admin.history(session, listener_id)}


@router.get("/curators", responses=ERRORS)
def curators(
    _admin: AdminOnly, store: StoreDep, limit: PageLimit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Curators by id with load, capacity and reply-time figures."""
    with store.db.read() as session:
        rows = session.scalars(
            select(Account)
            .where(Account.role == Role.CURATOR.value)
            .order_by(Account.id)
            .limit(limit)
            .offset(offset)
        ).all()
        return {
            "items": [
                view | staff.reply_figures(session, view["id"])
                for view in admin.account_views(session, list(rows))
            ]
        }
