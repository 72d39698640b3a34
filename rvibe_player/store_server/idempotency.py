"""Idempotent sends: a client id per account under a unique key, with the stored answer.

A send runs in one transaction that also inserts ``(account, client_id)``; a replay finds the
row and gets the very same status and body back, and a concurrent duplicate loses the race on
the primary key, rolls back and then finds the winner's row. Reusing a client id for another
request (another route or other content) is a 409, never a silent success.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rvibe_player.store_server.database import Database
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.models import IdempotencyKey, utcnow
from rvibe_player.store_server.synclog import dumps


@dataclass(frozen=True)
class Outcome:
    """What a send answered: status and JSON body text."""

    status: int
    body: str
    replayed: bool = False


def request_hash(route: str, payload: dict[str, Any]) -> str:
    """A fingerprint of what was asked (route, path ids and body without the client id)."""
    canonical = json.dumps(
        {"route": route, "payload": {k: v for k, v in payload.items() if k != "client_id"}},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _stored(db: Database, account_id: int, client_id: str, fingerprint: str) -> Outcome | None:
    with db.read() as session:
        row = session.get(IdempotencyKey, (account_id, client_id))
        if row is None:
            return None
        if row.request_hash != fingerprint:
            raise ApiError(
                409,
                "client_id_reused",
                f"The client id {client_id!r} was already used for a different request; "
                "use a new id for each new send.",
            )
        return Outcome(row.status_code, row.response, replayed=True)


def run_once(
    db: Database,
    account_id: int,
    client_id: str,
    fingerprint: str,
    action: Callable[[Session], tuple[int, dict[str, Any]]],
) -> Outcome:
    """Run ``action`` once per ``(account_id, client_id)``; replays get the first answer.

    ``action`` runs inside the write transaction and returns ``(status, body)``. If it raises,
    nothing is stored and a retry runs it again.
    """
    found = _stored(db, account_id, client_id, fingerprint)
    if found is not None:
        return found
    try:
        with db.write() as session:
            status, body = action(session)
            text = dumps(body)
            session.add(
                IdempotencyKey(
                    account_id=account_id,
                    client_id=client_id,
                    request_hash=fingerprint,
                    status_code=status,
                    response=text,
                    created_at=utcnow(),
                )
            )
            session.flush()
    except IntegrityError:
        # A concurrent request with the same id committed first; answer as it did.
        found = _stored(db, account_id, client_id, fingerprint)
        if found is None:
            raise
        return found
    return Outcome(status, text)


def prune(session: Session, older_than: datetime) -> int:
    """Forget client ids used before ``older_than``; returns how many."""
    result = session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < older_than))
    return int(getattr(result, "rowcount", 0) or 0)
