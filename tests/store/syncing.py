"""A minimal sync client for tests: reads pages with ``after=`` and folds entries into state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from rvibe_player.store_server.database import Database
from rvibe_player.store_server.models import Message, Note, Pick, SyncEntry
from tests.store.live import Api


@dataclass
class Replica:
    """What a client holds after applying entries: objects by key, and the cursor."""

    after: int = 0
    epoch: int | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, entry: dict[str, Any]) -> None:
        """Upsert by object; tombstones remove."""
        assert entry["seq"] > self.after, "seq must strictly increase"
        self.after = entry["seq"]
        self.entries.append(entry)
        if entry["kind"] in ("note.deleted", "pick.withdrawn"):
            self.objects.pop(entry["object"], None)
        else:
            self.objects[entry["object"]] = entry["data"]

    def pull(self, api: Api, path: str = "/v1/sync", page: int = 500) -> int:
        """Read every page after the cursor; returns how many requests it took."""
        requests = 0
        while True:
            params = {"after": self.after, "limit": page}
            if self.epoch is not None:
                params["epoch"] = self.epoch
            answer = api.get(path, params=params)
            requests += 1
            assert answer.status_code == 200, answer.text
            body = answer.json()
            assert len(body["entries"]) <= page
            for entry in body["entries"]:
                self.apply(entry)
            assert body["next_after"] >= self.after
            self.after = body["next_after"]
            self.epoch = body["epoch"]
            if not body["has_more"]:
                return requests

    def state(self) -> dict[str, Any]:
        """Live notes, picks (with feedback) and messages, as the replica sees them."""
        notes = {
            d["note"]["id"]: d["note"]["body"]
            for k, d in self.objects.items()
            if k.startswith("note:")
        }
        picks = {
            d["pick"]["id"]: d["pick"]["feedback"]
            for k, d in self.objects.items()
            if k.startswith("pick:")
        }
        messages = {
            d["message"]["id"]: d["message"]["body"]
            for k, d in self.objects.items()
            if k.startswith("message:")
        }
        return {"notes": notes, "picks": picks, "messages": messages}


def server_state(db: Database, listener_id: int) -> dict[str, Any]:
    """The same view read straight from the store's tables."""
    with db.read() as s:
        notes = {
            n.id: n.body
            for n in s.scalars(
                select(Note).where(Note.listener_id == listener_id, Note.deleted_at.is_(None))
            )
        }
        picks = {
            p.id: p.feedback
            for p in s.scalars(
                select(Pick).where(Pick.listener_id == listener_id, Pick.withdrawn_at.is_(None))
            )
        }
        messages = {
            m.id: m.body
            for m in s.scalars(select(Message).where(Message.listener_id == listener_id))
        }
    return {"notes": notes, "picks": picks, "messages": messages}


def server_log(db: Database, listener_id: int) -> list[tuple[int, str, str]]:
    """``(seq, kind, object)`` of every entry the store keeps for the listener."""
    with db.read() as s:
        rows = s.execute(
            select(SyncEntry.seq, SyncEntry.kind, SyncEntry.object_key)
            .where(SyncEntry.listener_id == listener_id)
            .order_by(SyncEntry.seq)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]
