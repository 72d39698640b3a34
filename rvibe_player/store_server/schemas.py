"""Request and response shapes (pydantic): every text has a length limit and is plain text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from rvibe_player.core import store_protocol as p
from rvibe_player.core.store_protocol import PickFeedback, Role, SharingLevel


def _plain(multiline: bool, *, name: bool = False) -> AfterValidator:
    """Plain text a person wrote: no control characters, no bidi overrides (no bidi
    controls at all in a ``name``), and something visible."""

    def check(value: str) -> str:
        problem = p.plain_text_problem(value, multiline=multiline)
        if problem:
            raise ValueError(problem)
        if not value.strip():
            raise ValueError("must not be blank")
        problem = p.written_text_problem(value, name=name)
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


def safe_line(value: str) -> str:
    """``value`` if it is one line of plain text; ValueError otherwise."""
    problem = p.plain_text_problem(value, multiline=False)
    if problem:
        raise ValueError(problem)
    return value


def _no_overrides(value: str) -> str:
    if any(ch in p.BIDI_OVERRIDES for ch in value):
        raise ValueError("must not contain bidirectional overrides (U+202A to U+202E)")
    return value


Line = Annotated[
    str,
    StringConstraints(max_length=p.CATALOG_TEXT_MAX),
    AfterValidator(safe_line),
    AfterValidator(p.without_bidi_controls),  # tags come from files: neutralised, not refused
]
DisplayName = Annotated[
    str, StringConstraints(max_length=p.DISPLAY_NAME_MAX), _plain(False, name=True)
]
Bio = Annotated[
    str,
    StringConstraints(max_length=p.BIO_MAX),
    AfterValidator(safe_line),
    AfterValidator(_no_overrides),
]
Url = Annotated[
    str, StringConstraints(max_length=p.URL_MAX, pattern=r"^(https?://|/)[^\s]*$"), _plain(False)
]
MessageBody = Annotated[
    str, StringConstraints(min_length=1, max_length=p.MESSAGE_MAX), _plain(True)
]
NoteBody = Annotated[str, StringConstraints(min_length=1, max_length=p.NOTE_MAX), _plain(True)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=p.PICK_REASON_MAX), _plain(True)]
ClientId = Annotated[
    str,
    StringConstraints(
        min_length=p.CLIENT_ID_MIN, max_length=p.CLIENT_ID_MAX, pattern=p.CLIENT_ID_PATTERN
    ),
]
Username = Annotated[
    str,
    StringConstraints(
        min_length=p.USERNAME_MIN, max_length=p.USERNAME_MAX, pattern=p.USERNAME_PATTERN
    ),
]
Password = Annotated[
    str,
    StringConstraints(min_length=1, max_length=p.PASSWORD_MAX),
    AfterValidator(safe_line),
]
NewPassword = Annotated[
    str,
    StringConstraints(min_length=p.PASSWORD_MIN, max_length=p.PASSWORD_MAX),
    AfterValidator(safe_line),
]
PLAYED_AT_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
PLAYED_AT_AHEAD = timedelta(days=1)
"""A play may be dated this far past the store's clock (a player's clock may run ahead)."""


def _played_at(value: datetime) -> datetime:
    """``value`` in UTC if it is a real moment from 1970 to tomorrow; ValueError otherwise.

    A zone can push a legal local time out of the calendar (``0001-01-01T00:00+14:00`` is in
    year 0 in UTC): that, and plays dated before 1970 or in the future, are refused.
    """
    try:
        utc = value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("must be a moment from 1970 to today in UTC") from exc
    if not PLAYED_AT_EARLIEST <= utc <= datetime.now(UTC) + PLAYED_AT_AHEAD:
        raise ValueError("must be a moment from 1970 to today in UTC")
    return utc


PlayedAt = Annotated[AwareDatetime, AfterValidator(_played_at)]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Seq = Annotated[int, Field(ge=0, le=2**62)]


class Strict(BaseModel):
    """Unknown fields are refused, so a typo is an error rather than ignored."""

    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    """What went wrong."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error response."""

    error: ErrorDetail


class LoginRequest(Strict):
    """Credentials for ``POST /v1/auth/login``."""

    username: Annotated[
        str, StringConstraints(min_length=1, max_length=p.USERNAME_MAX), AfterValidator(safe_line)
    ]
    password: Password


class AccountOut(BaseModel):
    """An account as its owner or an admin sees it."""

    id: int
    username: str
    name: str
    role: Role
    avatar_url: str | None
    bio: str = ""


class LoginResponse(BaseModel):
    """A new session: send ``Authorization: Bearer <token>`` from now on."""

    token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a scheme name)
    expires_at: datetime
    account: AccountOut


class LogoutResponse(BaseModel):
    """How many sessions were ended."""

    revoked: int


class MessageIn(Strict):
    """A conversation message."""

    client_id: ClientId
    body: MessageBody


class NoteIn(Strict):
    """A note to the listener (new or edited)."""

    client_id: ClientId
    body: NoteBody


class PickIn(Strict):
    """A pick: exactly one of ``release_id`` and ``track_id``, and the reason."""

    client_id: ClientId
    release_id: DbId | None = None
    track_id: DbId | None = None
    reason: Reason


class FeedbackIn(Strict):
    """The listener's answer to a pick."""

    client_id: ClientId
    feedback: PickFeedback


class ReadIn(Strict):
    """Everything up to ``seq`` has been read."""

    client_id: ClientId
    seq: Seq


class SharingIn(Strict):
    """The consent level for listening sharing."""

    client_id: ClientId
    level: SharingLevel


class PlayIn(Strict):
    """One play reported by the player."""

    played_at: PlayedAt
    artist: Line
    album: Line = ""
    title: Line
    genre: Line = ""


class ListeningIn(Strict):
    """A batch of plays (kept only at the listener's sharing level)."""

    client_id: ClientId
    plays: Annotated[list[PlayIn], Field(min_length=1, max_length=p.LISTENING_PLAYS_MAX)]


class AccountIn(Strict):
    """A new account (admin)."""

    username: Username
    password: NewPassword
    role: Role
    display_name: DisplayName | None = None
    bio: Bio = ""
    avatar_url: Url | None = None
    capacity: Annotated[int, Field(ge=0, le=100_000)] | None = None

    @model_validator(mode="after")
    def _password_is_not_the_name(self) -> AccountIn:
        problem = p.password_problem(self.password, self.username)
        if problem:
            raise ValueError(f"password {problem}")
        return self


class PasswordChange(Strict):
    """``POST /v1/auth/password``: the current password and the new one."""

    old_password: Password
    new_password: NewPassword


class PasswordReset(Strict):
    """An admin's reset: the new password (every session of the account ends)."""

    new_password: NewPassword


class AccountPatch(Strict):
    """Changes to an account (admin); absent fields stay as they are."""

    display_name: DisplayName | None = None
    bio: Bio | None = None
    avatar_url: Url | None = None
    capacity: Annotated[int, Field(ge=0, le=100_000)] | None = None
    disabled: bool | None = None


class AssignIn(Strict):
    """Give the listener to this curator (``null``: to nobody)."""

    curator_id: DbId | None


class Entry(BaseModel):
    """One relationship log entry."""

    seq: int
    kind: str
    object: str
    at: datetime
    actor_id: int | None
    client_id: str | None
    data: dict[str, Any]


class SyncPage(BaseModel):
    """Entries after the cursor; continue with ``after=next_after``."""

    entries: list[Entry]
    next_after: int
    has_more: bool
    latest_seq: int
    epoch: int
    timed_out: bool


class ResyncInfo(BaseModel):
    """Why the cursor is no longer served and where to start again."""

    reason: Literal["compacted", "cursor_ahead"]
    after: Literal[0] = 0
    latest_seq: int


class ResyncBody(ErrorBody):
    """HTTP 410 from sync: drop the cached relationship and read from ``after=0``."""

    resync: ResyncInfo


class SendResult(BaseModel):
    """The answer to a send: the log entry it made (null when nothing changed)."""

    model_config = ConfigDict(extra="allow")

    entry: Entry | None


class Paged(BaseModel):
    """A page of a listing."""

    model_config = ConfigDict(extra="allow")

    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


class Health(BaseModel):
    """The service answers and its database too (an admin also sees the waiting polls)."""

    status: Literal["ok"]
    database: str
    version: str
    waiting_long_polls: int | None = None
