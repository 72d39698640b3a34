"""SQLAlchemy tables of the store: accounts, sessions, catalog, the relationship and its log.

Every timestamp is stored as naive UTC and read back as aware UTC, the same on SQLite and
PostgreSQL. The Alembic migrations create exactly these tables (a test compares them).
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Now, aware, in UTC."""
    return datetime.now(UTC)


def new_avatar_key() -> str:
    """A fresh random avatar key (64 bits: not guessable, short in a URL)."""
    return secrets.token_hex(8)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and returned as aware UTC on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints alike."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), date: Date()}  # noqa: RUF012


def _account_fk(ondelete: str = "CASCADE") -> ForeignKey:
    return ForeignKey("accounts.id", ondelete=ondelete)


class Account(Base):
    """A person: listener, curator or admin."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("role IN ('listener', 'curator', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    bio: Mapped[str] = mapped_column(String(500), default="")
    avatar_url: Mapped[str | None] = mapped_column(String(500))
    avatar_key: Mapped[str] = mapped_column(String(32), default=new_avatar_key)
    """The secret part of the served avatar's URL, so staff accounts cannot be enumerated."""
    capacity: Mapped[int | None] = mapped_column(Integer)
    """How many listeners a curator may be assigned (curators only)."""
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class AuthSession(Base):
    """A login: only the SHA-256 of its random token is stored."""

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    user_agent: Mapped[str] = mapped_column(String(200), default="")


class LoginThrottle(Base):
    """Sign-in attempts per key (user name, address, or both) in the current window."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[datetime]
    failures: Mapped[int] = mapped_column(Integer, default=0)


class KnownAddress(Base):
    """An address an account signed in from successfully (kept 90 days after the last time).

    Attempts from such an address do not count against the user name's budget for unknown
    addresses, so guesses from elsewhere cannot lock the account's owner out.
    """

    __tablename__ = "known_addresses"

    account_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_sign_in_at: Mapped[datetime]


class Relationship(Base):
    """One row per listener: the log's counter and the inbox's denormalised figures.

    ``last_seq`` is incremented in the same transaction that appends to the log, so the
    row lock orders appends per listener and makes ``seq`` gapless and commit-ordered.
    """

    __tablename__ = "relationships"
    __table_args__ = (
        Index("ix_relationships_inbox", "curator_id", "waiting_since", "last_activity_at"),
    )

    listener_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    curator_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    resync_below: Mapped[int] = mapped_column(BigInteger, default=0)
    """Cursors ``0 < after < resync_below`` from an older epoch are no longer served."""
    log_epoch: Mapped[int] = mapped_column(Integer, default=1)
    """Raised when compaction drops tombstones: cursors read in this epoch stay valid."""
    sharing_level: Mapped[str] = mapped_column(String(16), default="off")
    listener_read_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    curator_read_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    waiting_since: Mapped[datetime | None]
    """When the oldest listener message still without a curator reply was sent."""
    unread_by_curator: Mapped[int] = mapped_column(Integer, default=0)
    last_activity_at: Mapped[datetime | None]
    last_message_at: Mapped[datetime | None]
    last_message_from: Mapped[str | None] = mapped_column(String(16))
    last_message_excerpt: Mapped[str | None] = mapped_column(String(140))
    last_touch_at: Mapped[datetime | None]
    """The curator's last personal touch: a message, a note or a pick."""
    touch_every_days: Mapped[int] = mapped_column(Integer, default=30)
    """How often the curator means to be in touch with this listener."""
    touch_due_at: Mapped[datetime | None]
    """``last_touch_at`` plus the cadence (None: never touched, the listener is new)."""
    snoozed_until: Mapped[datetime | None]
    snooze_until_reply: Mapped[bool] = mapped_column(Boolean, default=False)
    """Snoozed until the listener writes (cleared by their next message)."""
    library_sharing: Mapped[bool] = mapped_column(Boolean, default=False)
    """The listener shares the albums in their library (a consent of its own)."""


class Cover(Base):
    """A curator looks after another's listeners for a while (holidays, sick leave)."""

    __tablename__ = "covers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    curator_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    """Whose listeners are covered."""
    by_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    """Who covers them."""
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]


class StaffFeed(Base):
    """The curators' stream: one row per log entry of a listener they look after (``seq``),
    or per desk event that is no log entry (``seq`` 0, the event in ``data``)."""

    __tablename__ = "staff_feed"
    __table_args__ = (Index("ix_staff_feed_curator_id", "curator_id", "id"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    curator_id: Mapped[int] = mapped_column(_account_fk())
    listener_id: Mapped[int] = mapped_column(_account_fk())
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class StaffNote(Base):
    """A curator's note about a listener that the listener never sees."""

    __tablename__ = "staff_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    author_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]


class StaffPresence(Base):
    """Who has a listener open at the desk, or is typing to them, until when."""

    __tablename__ = "staff_presence"

    listener_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    staff_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    until: Mapped[datetime]


class SavedReply(Base):
    """A curator's own saved reply, with ``{{fields}}`` and ``[[gaps]]`` to fill."""

    __tablename__ = "saved_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    curator_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ListenerAlbum(Base):
    """An album in a listener's own library, shared with their consent (no paths)."""

    __tablename__ = "listener_albums"

    listener_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    key: Mapped[str] = mapped_column(String(420), primary_key=True)
    """Folded artist and album, so the same album sent twice is one row."""
    artist: Mapped[str] = mapped_column(String(200))
    album: Mapped[str] = mapped_column(String(200))
    artist_mbid: Mapped[str | None] = mapped_column(String(36))
    release_mbid: Mapped[str | None] = mapped_column(String(36), index=True)


class Assignment(Base):
    """Who curated whom and when: hand-overs add a row and close the previous one."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    curator_id: Mapped[int] = mapped_column(_account_fk())
    assigned_by: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class SyncEntry(Base):
    """One entry of a listener's relationship log (the JSON payload pre-serialised)."""

    __tablename__ = "sync_entries"

    listener_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    object_key: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    client_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    data: Mapped[str] = mapped_column(Text)


class Note(Base):
    """A curator's note to a listener; deletion keeps the row as a tombstone."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    author_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    edited_by: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    """Who changed the note last (the author, or a curator who took the listener over)."""
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]


class Pick(Base):
    """A catalog item a curator picked for a listener, with the reason and the feedback."""

    __tablename__ = "picks"
    __table_args__ = (
        CheckConstraint("(release_id IS NULL) <> (track_id IS NULL)", name="one_item"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk(), index=True)
    curator_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    release_id: Mapped[int | None] = mapped_column(ForeignKey("releases.id"))
    track_id: Mapped[int | None] = mapped_column(ForeignKey("tracks.id"))
    reason: Mapped[str] = mapped_column(Text)
    feedback: Mapped[str | None] = mapped_column(String(16))
    feedback_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]


class Message(Base):
    """A conversation message, listener to curator or back."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_listener_seq", "listener_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk())
    author_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    author_role: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    seq: Mapped[int] = mapped_column(BigInteger)


class ReplyWait(Base):
    """How long a listener waited for a curator's first reply (for the median)."""

    __tablename__ = "reply_waits"
    __table_args__ = (Index("ix_reply_waits_curator_replied", "curator_id", "replied_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk())
    curator_id: Mapped[int] = mapped_column(_account_fk())
    started_at: Mapped[datetime]
    replied_at: Mapped[datetime]
    seconds: Mapped[float] = mapped_column(Float)


class AccessRecord(Base):
    """A staff member looked at a listener's context; the listener can read these."""

    __tablename__ = "access_records"
    __table_args__ = (Index("ix_access_records_listener_at", "listener_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk())
    staff_id: Mapped[int | None] = mapped_column(_account_fk("SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]


class ListeningDay(Base):
    """Shared listening at ``summary`` level: plays per day, artist and genre."""

    __tablename__ = "listening_days"

    listener_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    artist: Mapped[str] = mapped_column(String(200), primary_key=True)
    genre: Mapped[str] = mapped_column(String(200), primary_key=True)
    plays: Mapped[int] = mapped_column(Integer, default=0)


class ListeningPlay(Base):
    """Shared listening at ``full`` level: one row per play."""

    __tablename__ = "listening_plays"
    __table_args__ = (Index("ix_listening_plays_listener_at", "listener_id", "played_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    listener_id: Mapped[int] = mapped_column(_account_fk())
    played_at: Mapped[datetime]
    artist: Mapped[str] = mapped_column(String(200))
    album: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    genre: Mapped[str] = mapped_column(String(200))


class IdempotencyKey(Base):
    """A client id already used by an account, with the request's hash and the answer."""

    __tablename__ = "idempotency_keys"

    account_id: Mapped[int] = mapped_column(_account_fk(), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Artist(Base):
    """A catalog artist."""

    __tablename__ = "artists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200))
    mbid: Mapped[str | None] = mapped_column(String(36))


class Release(Base):
    """A catalog release (album, EP, single)."""

    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    artist_id: Mapped[int] = mapped_column(ForeignKey("artists.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    genre: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(200), default="")
    mbid: Mapped[str | None] = mapped_column(String(36))
    price_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    search_text: Mapped[str] = mapped_column(Text)
    """Folded words of artist, title, label, genre and track titles, for text search."""


class Track(Base):
    """A catalog track; its preview is generated and served by the store."""

    __tablename__ = "tracks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    duration_ms: Mapped[int] = mapped_column(Integer)
    mbid: Mapped[str | None] = mapped_column(String(36))
    price_cents: Mapped[int] = mapped_column(Integer)
