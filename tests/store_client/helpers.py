"""Helpers for store-client tests: waiting on conditions, recording changes, a curator's sends."""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

from sqlalchemy import func, select

from rvibe_player.store_server.models import ListeningDay, ListeningPlay
from tests.store.live import Actor, LiveServer


class Changes:
    """An ``on_change`` callback that remembers what changed and when."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, frozenset[str]]] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, areas: frozenset[str]) -> None:
        with self._lock:
            self.calls.append((time.monotonic(), areas))
            self.threads.add(threading.current_thread().name)

    def seen(self, area: str, since: float = 0.0) -> bool:
        with self._lock:
            return any(area in areas and at >= since for at, areas in self.calls)


def staff_post(curator: Actor, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """The curator sends through the real staff API (a fresh client id); the answer body."""
    answer = curator.api.post(path, json={"client_id": uuid.uuid4().hex, **body})
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def curator_says(curator: Actor, listener_id: int, body: str) -> dict[str, Any]:
    """The curator writes to the listener."""
    return staff_post(curator, f"/v1/staff/listeners/{listener_id}/messages", {"body": body})


def curator_notes(curator: Actor, listener_id: int, body: str) -> dict[str, Any]:
    """The curator leaves a note."""
    return staff_post(curator, f"/v1/staff/listeners/{listener_id}/notes", {"body": body})


def curator_picks(
    curator: Actor,
    listener_id: int,
    reason: str,
    *,
    release_id: int | None = None,
    track_id: int | None = None,
) -> dict[str, Any]:
    """The curator sends a pick (a release or a track)."""
    body: dict[str, Any] = {"reason": reason}
    body["release_id" if release_id is not None else "track_id"] = release_id or track_id
    return staff_post(curator, f"/v1/staff/listeners/{listener_id}/picks", body)


def shared_plays(store: LiveServer, listener: Actor) -> tuple[int, int]:
    """(plays counted in day summaries, plays kept one by one) at the store."""
    with store.store.db.read() as session:
        counted = session.scalar(
            select(func.coalesce(func.sum(ListeningDay.plays), 0)).where(
                ListeningDay.listener_id == listener.id
            )
        )
        kept = session.scalar(
            select(func.count())
            .select_from(ListeningPlay)
            .where(ListeningPlay.listener_id == listener.id)
        )
    return int(counted or 0), int(kept or 0)
