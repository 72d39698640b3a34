"""The curator's desk, headless: the inbox, listeners' contexts and conversations, and every
send a curator makes, through the same outbox rules as a listener's.

Like :class:`~rvibe_player.store_client.relationship.Relationship` it keeps a local cache
(readable offline), follows the store in the background (the staff stream: one long-poll
for all the curator's listeners) and sends through an outbox under fixed client ids, in
order, exactly once. Reads come from the cache and are fast; the calls that need the store
(a context, a catalog search, presence, saved replies) block and belong off the GUI thread
(:meth:`in_background`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.core.store_protocol import MESSAGE_MAX, SYNC_WAIT_MAX_S, Role
from rvibe_player.store_client import intents
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.backoff import Backoff
from rvibe_player.store_client.cache import RelationshipCache
from rvibe_player.store_client.credentials import Credentials
from rvibe_player.store_client.desk_model import (
    CatalogResult,
    Colleague,
    Figures,
    InboxRow,
    ListenerContext,
)
from rvibe_player.store_client.desk_store import DeskStore, ensure_schema
from rvibe_player.store_client.desk_stream import DeskStream, read_inbox
from rvibe_player.store_client.errors import StoreError, said
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.log_store import message_of
from rvibe_player.store_client.model import Message, MessageState, SyncStatus
from rvibe_player.store_client.outbox import OutboxDrainer
from rvibe_player.store_client.outbox_store import OutboxItem, new_client_id
from rvibe_player.store_client.projector import pending_message, readable
from rvibe_player.store_client.signed_in import SignedInClient

if TYPE_CHECKING:
    from rvibe_player.store_client.api import StoreApi

log = logging.getLogger(__name__)

REORDERING = frozenset({IntentKind.SNOOZE, IntentKind.CADENCE, IntentKind.STAFF_READ})
"""Sends that change where the listener stands in my inbox."""
GAP_MARK = "[["
"""A saved reply's gap the curator must fill before sending (``[[...]]``)."""


class DeskError(ValueError):
    """A send the desk refuses before it leaves, in words (an unfilled gap, an empty line)."""


def unfilled_gap(body: str) -> str | None:
    """The first ``[[...]]`` still in ``body``, or None."""
    start = body.find(GAP_MARK)
    if start < 0:
        return None
    end = body.find("]]", start)
    return body[start : end + 2] if end > start else None


def fill_fields(text: str, first_name: str, curator: str) -> str:
    """A saved reply's ``{{fields}}`` filled for one listener (gaps stay for the curator)."""
    return text.replace("{{first_name}}", first_name).replace("{{curator}}", curator)


class CuratorDesk(SignedInClient):
    """One curator's desk at one store."""

    ROLE = Role.CURATOR
    SIGN_IN_PROMPT = said(
        QT_TRANSLATE_NOOP("StoreMessage", "Sign in with a curator account to open the desk.")
    )
    WRONG_ROLE = QT_TRANSLATE_NOOP(
        "StoreMessage", "%1 is a %2 account; the curator desk is for curators."
    )

    def __init__(
        self,
        store_url: str,
        *,
        store_key: str | None = None,
        data_dir: Path | None = None,
        credentials: Credentials | None = None,
        on_change: Callable[[frozenset[ChangeArea]], None] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        wait_s: float = SYNC_WAIT_MAX_S,
        api_options: dict[str, Any] | None = None,
        backoff_s: tuple[float, float] = (0.5, 10.0),
    ) -> None:
        super().__init__(
            store_url,
            store_key=f"{store_key or store_address_of(store_url)}#desk",
            data_dir=data_dir,
            credentials=credentials,
            on_change=on_change,
            on_status=on_status,
            api_options=api_options,
        )
        self.wait_s = wait_s
        self.backoff_s = backoff_s
        self._stream: DeskStream | None = None
        self._outbox: OutboxDrainer | None = None
        self._present: dict[int, dict[int, Colleague]] = {}

    def _open_cache(self, path: Path) -> RelationshipCache:
        cache = super()._open_cache(path)
        ensure_schema(cache.db)
        return cache

    # -- the loops -----------------------------------------------------------------------------

    def _start_loops(self, token: str) -> None:
        self._stop_loops()
        with self._lock:
            if self._closed or self.account is None or self._cache is None:
                return
            path, my_id = self._cache.path, int(self.account["id"])
            outbox = OutboxDrainer(
                path,
                self._api(token),
                my_id,
                self._changed,
                on_unauthorized=self._unauthorized,
                backoff=Backoff(*self.backoff_s),
                finish=self._finished,
            )
            stream = DeskStream(
                path,
                self._api(token),
                my_id,
                self._changed,
                on_status=self._set_status,
                on_unauthorized=self._unauthorized,
                on_event=self._event,
                on_online=outbox.wake,
                wait_s=self.wait_s,
                backoff=Backoff(*self.backoff_s),
            )
            self._outbox, self._stream = outbox, stream
        outbox.start()
        stream.start()

    def _finished(
        self, cache: RelationshipCache, item: OutboxItem, entry: dict[str, Any] | None
    ) -> set[ChangeArea]:
        """A send went through (outbox thread): keep its answer; a change of the inbox's
        order (snooze, cadence, read) reads the inbox again, since the stream tells only
        colleagues about my own changes."""
        areas = DeskStore(cache.db).complete(item, entry)
        if item.kind in REORDERING:
            self.in_background(self._reread_inbox)
        return areas

    def _reread_inbox(self) -> None:
        with self._lock:
            store = self._store()
        if store is None:
            return
        try:
            self._online(lambda api: read_inbox(api, store))
        except StoreError as exc:
            log.info("the inbox could not be read again: %s", exc)
            return
        self._changed({ChangeArea.INBOX})

    def _stop_loops(self) -> None:
        with self._lock:
            loops = [loop for loop in (self._stream, self._outbox) if loop is not None]
            self._stream = self._outbox = None
        for loop in loops:
            loop.stop()

    def _event(self, item: dict[str, Any]) -> None:
        """A desk event from the stream: presence is kept here (it is not worth a row)."""
        if item.get("kind") != "desk.presence":
            return
        event = item["event"]
        listener, who = int(item["listener_id"]), Colleague.from_wire(event)
        present = self._present.setdefault(listener, {})
        if who.state == "gone":
            present.pop(who.id, None)
        else:
            present[who.id] = who

    def _send(self, intent: intents.Intent) -> OutboxItem:
        with self._writable_cache() as cache:
            item = cache.outbox.enqueue(intent)
        if self._outbox is not None:
            self._outbox.wake()
        self._changed({ChangeArea.OUTBOX, intents.AREA_OF_KIND[intent.kind]})
        return item

    # -- reading (from the cache; fast, offline too) -------------------------------------------

    def _store(self) -> DeskStore | None:
        cache = self._cache
        return DeskStore(cache.db) if cache is not None else None

    def inbox(self) -> list[InboxRow]:
        """The inbox as last read from the store (its first rows), by need."""
        with self._lock:
            store = self._store()
            rows, _extra = store.inbox() if store is not None else ([], {})
        return [InboxRow.from_wire(r) for r in rows]

    def figures(self) -> Figures:
        """My figures as last read."""
        with self._lock:
            store = self._store()
            _rows, extra = store.inbox() if store is not None else ([], {})
        return Figures.from_wire(extra.get("figures") or {})

    def context(self, listener_id: int) -> ListenerContext | None:
        """A listener's context as last read (None before the first read)."""
        with self._lock:
            store = self._store()
            found = store.context(listener_id) if store is not None else None
        return ListenerContext.from_wire(found) if found else None

    def others(self, listener_id: int) -> list[Colleague]:
        """Colleagues with this listener open or typing to them, as last heard."""
        return list(self._present.get(listener_id, {}).values())

    def conversation(self, listener_id: int) -> list[Message]:
        """The conversation with one listener, oldest first, my unsent replies last."""
        my_name = str((self.account or {}).get("name") or "")
        with self._lock:
            store, cache = self._store(), self._cache
            if store is None or cache is None:
                return []
            stored = store.objects(listener_id, "message")
            waiting = [
                i
                for i in cache.outbox.items(IntentKind.STAFF_MESSAGE)
                if int(i.payload.get("listener_id", 0)) == listener_id
            ]

        def parse(item: Any) -> Message:
            data = message_of(item)
            seq = int(data["seq"] or item.seq)
            mine = data["from"] == "curator"
            state = MessageState.SENT if mine else MessageState.READ
            key = item.client_id if mine and item.client_id else item.key
            return Message.from_wire(data, key=key, seq=seq, mine=mine, state=state)

        messages = readable(stored, parse)
        for item in waiting:
            body = str(item.payload.get("body", ""))
            messages.append(
                pending_message(
                    item.client_id, body, item.created_at, item.error, item.state, my_name
                )
            )
        return messages

    def newest_from_listener(self, listener_id: int) -> int:
        """The seq of the listener's newest message here (0 for none): what a reply answers."""
        messages = [m for m in self.conversation(listener_id) if not m.mine and m.seq]
        return max((m.seq or 0 for m in messages), default=0)

    # -- reading from the store (blocking; off the GUI thread) ---------------------------------

    def fetch_context(self, listener_id: int) -> ListenerContext:
        """Read a listener's context (recorded in their access log) and keep it.

        No change is announced: the caller shows what it asked for (announcing it would
        make a desk that reads the context on changes read it forever)."""
        context = self._online(lambda api: api.staff_context(listener_id))
        self._keep_conversation(listener_id, context["conversation"]["messages"])
        with self._lock:
            store = self._store()
            if store is not None:
                store.put_context(listener_id, context)
        return ListenerContext.from_wire(context)

    def fetch_older(self, listener_id: int, before_seq: int) -> bool:
        """The conversation's page before ``before_seq``; True when there is more before it."""
        page = self._online(lambda api: api.staff_messages(listener_id, before_seq))
        self._keep_conversation(listener_id, page["messages"])
        self._changed({ChangeArea.CONVERSATION})
        return bool(page.get("has_older"))

    def _keep_conversation(self, listener_id: int, messages: list[dict[str, Any]]) -> None:
        entries = [
            {
                "seq": m["seq"],
                "kind": "message.sent",
                "object": f"message:{m['id']}",
                "at": m.get("created_at") or "",
                "actor_id": (m.get("author") or {}).get("id"),
                "client_id": None,
                "data": {"message": m},
            }
            for m in messages
        ]
        with self._lock:
            store = self._store()
            if store is not None:
                store.apply_entries(listener_id, entries)

    def search_catalog(self, listener_id: int, query: str) -> list[CatalogResult]:
        """Releases for this listener: owned and picked marked, closest first, with why."""
        found = self._online(lambda api: api.staff_catalog(listener_id, query))
        return [CatalogResult.from_wire(item) for item in found["items"]]

    def inbox_page(self, filter: str, query: str, offset: int = 0) -> list[InboxRow]:
        """A page of the inbox read from the store (a filter, a search, a later page)."""
        page = self._online(
            lambda api: api.staff_inbox(filter=filter, query=query, limit=50, offset=offset)
        )
        return [InboxRow.from_wire(r) for r in page["items"]]

    def listeners_of(self, filter: str, query: str, most: int = 5000) -> list[InboxRow]:
        """Everyone the inbox lists under a filter and search (for a crate), by need."""
        from rvibe_player.core.store_protocol import PAGE_MAX

        rows: list[InboxRow] = []
        while len(rows) < most:

            def ask(api: StoreApi, offset: int = len(rows)) -> dict[str, Any]:
                return api.staff_inbox(filter=filter, query=query, limit=PAGE_MAX, offset=offset)

            page = self._online(ask)["items"]
            rows += [InboxRow.from_wire(r) for r in page]
            if len(page) < PAGE_MAX:
                break
        return rows[:most]

    def preview_crate(self, releases: list[int], listener_ids: list[int]) -> dict[int, list[str]]:
        """For each listener, what a crate of ``releases`` would leave out and why
        (``owned``, ``already_picked``), by release id as text ("12: owned")."""
        from rvibe_player.core.store_protocol import CRATE_LISTENERS_MAX

        left_out: dict[int, list[str]] = {}
        for start in range(0, len(listener_ids), CRATE_LISTENERS_MAX):
            part = listener_ids[start : start + CRATE_LISTENERS_MAX]

            def ask(api: StoreApi, part: list[int] = part) -> dict[str, Any]:
                return api.staff_crate_preview(releases, part)

            answer = self._online(ask)
            for row in answer["listeners"]:
                left_out[int(row["listener_id"])] = [
                    f"{s['release_id']}:{s['why']}" for s in row["skipped"]
                ]
        return left_out

    def set_presence(self, listener_id: int, state: str) -> None:
        """Tell colleagues I have the listener open, am typing, or left (best effort)."""
        self._online(lambda api: api.staff_presence(listener_id, state))

    def saved_replies(self) -> list[dict[str, Any]]:
        """My saved replies (kept for offline use)."""
        try:
            replies = self._online(lambda api: api.saved_replies())["items"]
        except Exception:
            with self._lock:
                cache = self._cache
                return list(cache.meta("saved_replies", [])) if cache is not None else []
        with self._lock:
            if self._cache is not None:
                self._cache.set_meta("saved_replies", replies)
        return list(replies)

    def save_reply(self, title: str, body: str, reply_id: int | None = None) -> dict[str, Any]:
        """Save a reply to start from."""
        return self._online(lambda api: api.save_reply(title, body, new_client_id(), reply_id))

    # -- sends (outbox first; never blocks on the network) -------------------------------------

    def reply(self, listener_id: int, body: str) -> Message:
        """Write to a listener; shows at once as pending, goes out in order.

        Raises DeskError for an empty message, a too long one, or a saved reply's gap left.
        """
        if not body.strip():
            raise DeskError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage", "Write something first: the message is empty."
                    )
                )
            )
        if len(body) > MESSAGE_MAX:
            raise DeskError(
                said(
                    QT_TRANSLATE_NOOP("StoreMessage", "A message holds up to %1 characters."),
                    f"{MESSAGE_MAX:,}",
                )
            )
        gap = unfilled_gap(body)
        if gap:
            raise DeskError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage",
                        "Fill in %1 first: a saved reply is a start, not a form letter.",
                    ),
                    gap,
                )
            )
        item = self._send(intents.staff(IntentKind.STAFF_MESSAGE, listener_id, body=body))
        author = str((self.account or {}).get("name") or "")
        return pending_message(item.client_id, body, item.created_at, "", "pending", author)

    def note(self, listener_id: int, body: str) -> None:
        """A note the listener reads."""
        self._require(body, said(QT_TRANSLATE_NOOP("StoreMessage", "The note is empty.")))
        self._send(intents.staff(IntentKind.STAFF_NOTE, listener_id, body=body))

    def edit_note(self, listener_id: int, note_id: int, body: str) -> None:
        """A better wording of a note the listener reads (their log gets the update)."""
        self._require(body, said(QT_TRANSLATE_NOOP("StoreMessage", "The note is empty.")))
        self._send(intents.staff(IntentKind.NOTE_EDIT, listener_id, note_id=note_id, body=body))

    def pick(self, listener_id: int, release_id: int, reason: str) -> None:
        """Pick a release for the listener; the reason line is required."""
        self._require(
            reason,
            said(QT_TRANSLATE_NOOP("StoreMessage", "Say why in a line: a pick needs its reason.")),
        )
        self._send(
            intents.staff(IntentKind.STAFF_PICK, listener_id, release_id=release_id, reason=reason)
        )

    def edit_pick_reason(self, listener_id: int, pick_id: int, reason: str) -> None:
        """A better reason for a pick."""
        self._require(reason, said(QT_TRANSLATE_NOOP("StoreMessage", "A pick needs its reason.")))
        self._send(
            intents.staff(IntentKind.PICK_REASON, listener_id, pick_id=pick_id, reason=reason)
        )

    def staff_note(self, listener_id: int, body: str) -> None:
        """A note about the listener for staff only (they never see it)."""
        self._require(body, said(QT_TRANSLATE_NOOP("StoreMessage", "The note is empty.")))
        self._send(intents.staff(IntentKind.STAFF_ONLY_NOTE, listener_id, body=body))

    def snooze(self, listener_id: int, until: datetime | None, until_reply: bool) -> None:
        """Set the listener aside until ``until`` or until they write (neither: wake)."""
        when = until.astimezone(UTC).isoformat() if until is not None else None
        self._send(
            intents.staff(IntentKind.SNOOZE, listener_id, until=when, until_reply=until_reply)
        )

    def cadence(self, listener_id: int, days: int) -> None:
        """Be in touch with the listener every ``days`` days."""
        self._send(intents.staff(IntentKind.CADENCE, listener_id, days=days))

    def mark_read(self, listener_id: int, seq: int) -> None:
        """I have read this listener's log up to ``seq``."""
        self._send(intents.staff(IntentKind.STAFF_READ, listener_id, seq=seq))

    def send_crate(self, releases: list[int], lines: dict[int, str]) -> list[OutboxItem]:
        """A crate: each listener's own line, sent in parts of up to 200 listeners.

        Every line is required; each part keeps its client id through retries, so each
        listener gets the crate exactly once.
        """
        from rvibe_player.core.store_protocol import CRATE_LISTENERS_MAX

        missing = [lid for lid, line in lines.items() if not line.strip()]
        if missing:
            raise DeskError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage", "Write a line for every listener in the crate."
                    )
                )
            )
        if not releases:
            raise DeskError(
                said(
                    QT_TRANSLATE_NOOP("StoreMessage", "Choose at least one release for the crate.")
                )
            )
        rows = [{"listener_id": lid, "reason": line} for lid, line in lines.items()]
        parts = [
            rows[n : n + CRATE_LISTENERS_MAX] for n in range(0, len(rows), CRATE_LISTENERS_MAX)
        ]
        with self._writable_cache() as cache:
            items = [cache.outbox.enqueue(intents.crate(releases, part)) for part in parts]
        if self._outbox is not None:
            self._outbox.wake()
        self._changed({ChangeArea.OUTBOX, ChangeArea.CONVERSATION})
        return items

    def failed_sends(self) -> list[OutboxItem]:
        """Sends the store refused, with its words."""
        with self._lock:
            cache = self._cache
            return cache.outbox.items(state="failed") if cache is not None else []

    def waiting_sends(self) -> int:
        """Sends still to go out."""
        with self._lock:
            cache = self._cache
            return len(cache.outbox.items(state="pending")) if cache is not None else 0

    @staticmethod
    def _require(text: str, problem: str) -> None:
        if not text.strip():
            raise DeskError(problem)


def store_address_of(url: str) -> str:
    """The store's normalized address (the default key of its accounts)."""
    from rvibe_player.store_client.address import store_address

    return store_address(url)
