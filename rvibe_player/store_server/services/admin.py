"""What admins do: accounts, curator capacity and assignment with hand-over history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import EntryKind, Role
from rvibe_player.store_server.errors import ApiError, not_found
from rvibe_player.store_server.models import Account, Assignment, Relationship, utcnow
from rvibe_player.store_server.services.accounts import revoke_all
from rvibe_player.store_server.services.views import curator_profile, person
from rvibe_player.store_server.synclog import append, iso, lock_relationship

DEFAULT_CAPACITY = 500
"""Listeners per curator when none is set (Trunk Club ran 200-500 per stylist)."""


def account_view(account: Account, assigned: int | None = None) -> dict[str, Any]:
    """An account as admins see it (never the password hash)."""
    view: dict[str, Any] = dict(person(account))
    view |= {
        "username": account.username,
        "bio": account.bio,
        "disabled": account.disabled,
        "created_at": iso(account.created_at),
    }
    if account.role == Role.CURATOR:
        view |= {"capacity": account.capacity or DEFAULT_CAPACITY, "assigned": assigned}
    return view


def assigned_counts(session: Session, curator_ids: list[int]) -> dict[int, int]:
    """How many listeners each of these curators has now (absent: none)."""
    if not curator_ids:
        return {}
    rows = session.execute(
        select(Relationship.curator_id, func.count())
        .where(Relationship.curator_id.in_(curator_ids))
        .group_by(Relationship.curator_id)
    ).all()
    return {int(curator or 0): int(count) for curator, count in rows}


def assigned_count(session: Session, curator_id: int) -> int:
    """How many listeners the curator has now."""
    return assigned_counts(session, [curator_id]).get(curator_id, 0)


def account_views(session: Session, accounts: list[Account]) -> list[dict[str, Any]]:
    """:func:`account_view` of each, curators with how many listeners they have."""
    loads = assigned_counts(session, [a.id for a in accounts if a.role == Role.CURATOR])
    return [account_view(a, loads.get(a.id, 0)) for a in accounts]


def assign(
    session: Session, listener_id: int, curator_id: int | None, by: int | None
) -> dict[str, Any]:
    """(Re)assign a listener; the old assignment is closed, every entry and message stays."""
    listener = session.get(Account, listener_id)
    if listener is None or listener.role != Role.LISTENER:
        raise not_found("listener")
    curator = None
    if curator_id is not None:
        curator = session.get(Account, curator_id, with_for_update=True)  # orders capacity checks
        if curator is None or curator.role != Role.CURATOR:
            raise not_found("curator")
        if curator.disabled:
            raise ApiError(409, "curator_disabled", "This curator's account is disabled.")
    rel = lock_relationship(session, listener_id)
    previous = rel.curator_id
    if previous == curator_id:
        return {"entry": None, "listener_id": listener_id, "curator_id": curator_id}
    if curator is not None:
        capacity = curator.capacity or DEFAULT_CAPACITY
        if assigned_count(session, curator.id) >= capacity:
            raise ApiError(
                409,
                "curator_full",
                f"{curator.display_name} already has {capacity} listeners (their capacity); "
                "raise the capacity or choose another curator.",
            )
    now = utcnow()
    for open_row in session.scalars(
        select(Assignment).where(
            Assignment.listener_id == listener_id, Assignment.ended_at.is_(None)
        )
    ):
        open_row.ended_at = now
    if curator is not None:
        session.add(
            Assignment(
                listener_id=listener_id,
                curator_id=curator.id,
                assigned_by=by,
                started_at=now,
                ended_at=None,
            )
        )
    rel.curator_id = curator_id
    entry = append(
        session,
        rel,
        EntryKind.CURATOR_ASSIGNED,
        "curator",
        {
            "curator": curator_profile(curator, None) if curator else None,
            "previous_curator_id": previous,
        },
        actor_id=by,
    )
    return {"entry": entry.as_dict(), "listener_id": listener_id, "curator_id": curator_id}


def history(session: Session, listener_id: int) -> list[dict[str, Any]]:
    """Every assignment of the listener, oldest first."""
    rows = session.scalars(
        select(Assignment)
        .where(Assignment.listener_id == listener_id)
        .order_by(Assignment.started_at, Assignment.id)
    ).all()
    return [
        {
            "curator_id": r.curator_id,
            "assigned_by": r.assigned_by,
            "started_at": iso(r.started_at),
            "ended_at": iso(r.ended_at),
        }
        for r in rows
    ]


def update_account(session: Session, account_id: int, changes: dict[str, Any]) -> Account:
    """Change an account's profile, capacity or disabled flag; disabling logs it out."""
    account = session.get(Account, account_id)
    if account is None:
        raise not_found("account")
    for field in ("display_name", "bio", "avatar_url"):
        if field in changes:
            setattr(account, field, changes[field])
    if "capacity" in changes:
        if account.role != Role.CURATOR:
            raise ApiError(422, "invalid_request", "Only curators have a capacity.")
        account.capacity = changes["capacity"]
    if changes.get("disabled") is not None:
        if changes["disabled"] and account.role == Role.ADMIN and not account.disabled:
            _keep_an_admin(session)
        account.disabled = bool(changes["disabled"])
        if account.disabled:
            revoke_all(session, account.id)
    return account


def _keep_an_admin(session: Session) -> None:
    """409 ``last_admin`` unless another admin stays enabled (rows locked: no race)."""
    enabled = session.scalars(
        select(Account.id)
        .where(Account.role == Role.ADMIN.value, Account.disabled.is_(False))
        .order_by(Account.id)
        .with_for_update()
    ).all()
    if len(enabled) <= 1:
        raise ApiError(
            409,
            "last_admin",
            "This is the only enabled admin account; create or enable another admin first.",
        )


def reset_password(session: Session, account_id: int, password_hash: str) -> int:
    """Set an account's password hash and end every session of it; how many were live."""
    account = session.get(Account, account_id)
    if account is None:
        raise not_found("account")
    account.password_hash = password_hash
    return revoke_all(session, account_id)
