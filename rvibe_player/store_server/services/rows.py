"""Finding a listener's own rows (notes, picks, staff-only notes) by id, the one way.

Another listener's row is a 404 like a missing one (ids are not a way to learn who has
what); a deleted or withdrawn row is a 404 to whatever needs it alive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from rvibe_player.store_server.errors import not_found


class ListenerRow(Protocol):
    """A row that belongs to one listener's relationship."""

    id: int
    listener_id: int


Row = TypeVar("Row", bound=ListenerRow)


def listener_row(
    session: Session, model: type[Row], row_id: int, listener_id: int, what: str
) -> Row:
    """The row, if it is this listener's (deleted or not); else 404 naming ``what``."""
    row = session.get(model, row_id)
    if row is None or row.listener_id != listener_id:
        raise not_found(what)
    return row


def live_row(
    session: Session, model: type[Row], row_id: int, listener_id: int, what: str, gone: str
) -> Row:
    """As :func:`listener_row`, and 404 once its ``gone`` stamp (``deleted_at``...) is set."""
    row = listener_row(session, model, row_id, listener_id, what)
    stamp: datetime | None = getattr(row, gone)
    if stamp is not None:
        raise not_found(what)
    return row
