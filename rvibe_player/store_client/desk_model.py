"""Plain records the curator's desk shows: inbox rows, a listener's context, figures.

Read once from the store's answers (kept in the desk's cache, so the desk reads offline);
every text field came over the network: show it as plain text, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rvibe_player.store_client.model import parse_time


@dataclass(frozen=True, slots=True)
class Colleague:
    """Another member of staff with the listener open, or typing to them."""

    id: int
    name: str
    state: str
    """``viewing`` or ``typing``."""

    @classmethod
    def from_wire(cls, other: dict[str, Any]) -> Colleague:
        staff = other.get("staff") or {}
        return cls(int(staff.get("id") or 0), str(staff.get("name") or ""), str(other["state"]))


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One listener in the curator's inbox."""

    listener_id: int
    name: str
    username: str
    avatar_url: str
    need: str
    """``waiting``, ``due``, ``new``, ``fine`` or ``snoozed``: why they are where they are."""
    waiting_seconds: float | None
    unread: int
    excerpt: str
    excerpt_from: str
    sharing_level: str
    library_sharing: bool
    touch_due_at: datetime | None
    snoozed_until: datetime | None
    snooze_until_reply: bool
    latest_seq: int
    others: tuple[Colleague, ...] = ()

    @property
    def first_name(self) -> str:
        """What a saved reply's ``{{first_name}}`` becomes."""
        return self.name.split()[0] if self.name.strip() else self.username

    @classmethod
    def from_wire(cls, row: dict[str, Any]) -> InboxRow:
        listener = row["listener"]
        last = row.get("last_message") or {}
        return cls(
            listener_id=int(listener["id"]),
            name=str(listener.get("name") or ""),
            username=str(listener.get("username") or ""),
            avatar_url=str(listener.get("avatar_url") or ""),
            need=str(row.get("need") or "fine"),
            waiting_seconds=row.get("waiting_seconds"),
            unread=int(row.get("unread") or 0),
            excerpt=str(last.get("excerpt") or ""),
            excerpt_from=str(last.get("from") or ""),
            sharing_level=str(row.get("sharing_level") or "off"),
            library_sharing=bool(row.get("library_sharing")),
            touch_due_at=parse_time(row.get("touch_due_at")),
            snoozed_until=parse_time(row.get("snoozed_until")),
            snooze_until_reply=bool(row.get("snooze_until_reply")),
            latest_seq=int(row.get("latest_seq") or 0),
            others=tuple(Colleague.from_wire(o) for o in row.get("others") or ()),
        )


@dataclass(frozen=True, slots=True)
class Figures:
    """The curator's own figures at the top of the desk."""

    median_first_reply_today_s: float | None = None
    median_first_reply_month_s: float | None = None
    waiting: int = 0
    due: int = 0
    new: int = 0
    snoozed: int = 0
    unread_total: int = 0

    @classmethod
    def from_wire(cls, stats: dict[str, Any]) -> Figures:
        return cls(
            median_first_reply_today_s=stats.get("median_first_reply_today_seconds"),
            median_first_reply_month_s=stats.get("median_first_reply_seconds"),
            waiting=int(stats.get("waiting") or 0),
            due=int(stats.get("due") or 0),
            new=int(stats.get("new") or 0),
            snoozed=int(stats.get("snoozed") or 0),
            unread_total=int(stats.get("unread_total") or 0),
        )


@dataclass(frozen=True, slots=True)
class Ranked:
    """An artist or genre with its plays."""

    name: str
    plays: int


@dataclass(frozen=True, slots=True)
class PickOutcome:
    """A pick sent to the listener and how it fared."""

    id: int
    release_id: int
    title: str
    artist: str
    reason: str
    feedback: str | None
    plays: int | None
    withdrawn: bool
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class StaffNote:
    """A note about the listener for staff only."""

    id: int
    body: str
    author: str
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class ListenerContext:
    """One listener on one screen, as much as they share."""

    listener_id: int
    name: str
    username: str
    member_since: datetime | None
    assigned_since: datetime | None
    sharing_level: str
    this_month: tuple[Ranked, ...] = ()
    this_month_genres: tuple[Ranked, ...] = ()
    last_month: tuple[Ranked, ...] = ()
    new_artists: tuple[str, ...] = ()
    owned_total: int | None = None
    """Albums in their library (None: they do not share it)."""
    owned: tuple[tuple[str, str], ...] = ()
    picks: tuple[PickOutcome, ...] = ()
    notes: tuple[tuple[int, str], ...] = ()
    staff_notes: tuple[StaffNote, ...] = ()
    touch_every_days: int = 30
    touch_due_at: datetime | None = None
    snoozed_until: datetime | None = None
    snooze_until_reply: bool = False
    others: tuple[Colleague, ...] = ()
    has_older: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.username

    @classmethod
    def from_wire(cls, context: dict[str, Any]) -> ListenerContext:
        listener = context["listener"]
        listening = context.get("listening") or {}
        this = listening.get("this_month") or {}
        last = listening.get("last_month") or {}
        owned = context.get("owned")
        touch = context.get("touch") or {}

        def ranked(rows: Any) -> tuple[Ranked, ...]:
            return tuple(Ranked(str(r["name"]), int(r["plays"])) for r in rows or ())

        picks = []
        for pick in context.get("picks") or ():
            release = ((pick.get("item") or {}).get("release")) or {}
            outcome = pick.get("outcome") or {}
            picks.append(
                PickOutcome(
                    id=int(pick["id"]),
                    release_id=int(release.get("id") or 0),
                    title=str(release.get("title") or ""),
                    artist=str((release.get("artist") or {}).get("name") or ""),
                    reason=str(pick.get("reason") or ""),
                    feedback=pick.get("feedback"),
                    plays=outcome.get("plays"),
                    withdrawn=pick.get("withdrawn_at") is not None,
                    created_at=parse_time(pick.get("created_at")),
                )
            )
        return cls(
            listener_id=int(listener["id"]),
            name=str(listener.get("name") or ""),
            username=str(listener.get("username") or ""),
            member_since=parse_time(listener.get("member_since")),
            assigned_since=parse_time(context.get("assigned_since")),
            sharing_level=str(listening.get("level") or "off"),
            this_month=ranked(this.get("top_artists")),
            this_month_genres=ranked(this.get("top_genres")),
            last_month=ranked(last.get("top_artists")),
            new_artists=tuple(str(a) for a in listening.get("new_artists") or ()),
            owned_total=int(owned["total"]) if owned else None,
            owned=tuple(
                (str(a["artist"]), str(a["album"])) for a in (owned or {}).get("albums") or ()
            ),
            picks=tuple(picks),
            notes=tuple(
                (int(n["id"]), str(n.get("body") or "")) for n in context.get("notes") or ()
            ),
            staff_notes=tuple(
                StaffNote(
                    int(n["id"]),
                    str(n.get("body") or ""),
                    str((n.get("author") or {}).get("name") or ""),
                    parse_time(n.get("updated_at")),
                )
                for n in context.get("staff_notes") or ()
            ),
            touch_every_days=int(touch.get("every_days") or 30),
            touch_due_at=parse_time(touch.get("due_at")),
            snoozed_until=parse_time(touch.get("snoozed_until")),
            snooze_until_reply=bool(touch.get("snooze_until_reply")),
            others=tuple(Colleague.from_wire(o) for o in context.get("others") or ()),
            has_older=bool((context.get("conversation") or {}).get("has_older")),
        )


@dataclass(frozen=True, slots=True)
class CatalogResult:
    """A release found for one listener, marked and explained."""

    release_id: int
    title: str
    artist: str
    year: int | None
    genre: str
    owned: bool
    picked: bool
    closeness: int
    why: str

    @classmethod
    def from_wire(cls, item: dict[str, Any]) -> CatalogResult:
        return cls(
            release_id=int(item["id"]),
            title=str(item.get("title") or ""),
            artist=str((item.get("artist") or {}).get("name") or ""),
            year=item.get("year"),
            genre=str(item.get("genre") or ""),
            owned=bool(item.get("owned")),
            picked=bool(item.get("picked")),
            closeness=int(item.get("closeness") or 0),
            why=str(item.get("why") or ""),
        )
