"""Accounts and sessions: creation, login with throttling, bearer tokens, logout everywhere."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rvibe_player.core.store_protocol import (
    Role,
    display_name_problem,
    password_problem,
    username_problem,
)
from rvibe_player.store_server.config import StoreConfig
from rvibe_player.store_server.database import Database, record_revocation
from rvibe_player.store_server.errors import ApiError
from rvibe_player.store_server.models import (
    Account,
    AuthSession,
    Relationship,
    utcnow,
)
from rvibe_player.store_server.security import Passwords, new_token, token_hash
from rvibe_player.store_server.services.throttle import SignInLimiter
from rvibe_player.store_server.token_cache import TokenCache

_REFRESH_EVERY = timedelta(hours=1)

# Built once (its compiled form is reused), run on a Core connection: a token not cached yet.
_TOKEN_QUERY = (
    select(
        AuthSession.id,
        AuthSession.created_at,
        AuthSession.last_used_at,
        AuthSession.expires_at,
        Account.id,
        Account.role,
        Account.username,
        Account.display_name,
    )
    .join(Account, Account.id == AuthSession.account_id)
    .where(
        AuthSession.token_hash == bindparam("digest"),
        AuthSession.revoked_at.is_(None),
        AuthSession.expires_at > bindparam("now", type_=AuthSession.expires_at.type),
        Account.disabled.is_(False),
    )
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account behind a valid bearer token."""

    account_id: int
    role: Role
    session_id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class IssuedToken:
    """A fresh login: the token is shown once and never stored in clear."""

    token: str
    expires_at: datetime
    account: Account


def create_account(
    session: Session,
    passwords: Passwords,
    *,
    username: str,
    password: str,
    role: Role,
    display_name: str | None = None,
    bio: str = "",
    avatar_url: str | None = None,
    capacity: int | None = None,
    password_hash: str | None = None,
) -> Account:
    """A new account (and, for a listener, an empty relationship); 409 if the name is taken.

    The same rules hold whatever creates it (the API, ``rvibe-store create-user``): 422 for
    a user name, display name or password the store does not take.
    """
    username = username.strip().lower()
    check_account_rules(username, password, display_name)
    if session.scalar(select(Account.id).where(Account.username == username)) is not None:
        raise ApiError(409, "username_taken", f"The user name {username!r} is already taken.")
    account = Account(
        username=username,
        display_name=display_name or username,
        role=role.value,
        password_hash=password_hash or passwords.hash(password),
        bio=bio,
        avatar_url=avatar_url,
        capacity=capacity if role is Role.CURATOR else None,
        disabled=False,
        created_at=utcnow(),
    )
    session.add(account)
    session.flush()
    if role is Role.LISTENER:
        session.add(
            Relationship(
                listener_id=account.id,
                last_seq=0,
                resync_below=0,
                log_epoch=1,
                sharing_level="off",
                listener_read_seq=0,
                curator_read_seq=0,
                unread_by_curator=0,
            )
        )
        session.flush()
    return account


def _invalid(what: str, problem: str) -> ApiError:
    return ApiError(422, "invalid_request", f"The {what} {problem}.")


def check_account_rules(username: str, password: str, display_name: str | None) -> None:
    """422 unless the user name, password and display name follow the store's rules."""
    problem = username_problem(username)
    if problem:
        raise _invalid("user name", problem)
    if display_name is not None:
        problem = display_name_problem(display_name)
        if problem:
            raise _invalid("display name", problem)
    check_password(password, username)


def check_password(password: str, username: str) -> None:
    """422 unless ``password`` will do for ``username``."""
    problem = password_problem(password, username)
    if problem:
        raise _invalid("password", problem)


class Authenticator:
    """Logins, tokens and their revocation, with the configured lifetimes and throttles."""

    def __init__(
        self,
        db: Database,
        config: StoreConfig,
        passwords: Passwords,
        cache: TokenCache[Principal] | None = None,
    ) -> None:
        self._db = db
        self._config = config
        self._passwords = passwords
        ttl = config.token_cache_pushed_s if db.is_postgres else config.token_cache_s
        self.cache: TokenCache[Principal] = cache or TokenCache(ttl)
        self.limiter = SignInLimiter(db, config)
        self.pending: dict[str, asyncio.Future[Principal | None]] = {}
        """Database checks of tokens in flight (event loop only, see :meth:`check`)."""
        db.add_revoke_hook(self.cache.drop_accounts)

    def login(self, username: str, password: str, address: str, user_agent: str) -> IssuedToken:
        """A new session for valid credentials; 401 otherwise, 429 when throttled.

        The attempt is counted before the password is checked (see ``throttle``), so parallel
        guesses cannot get past the limit; a success gives the count back.
        """
        username = username.strip().lower()
        reservation = self.limiter.take(username, address)
        with self._db.read() as session:
            account = session.scalar(select(Account).where(Account.username == username))
        stored = account.password_hash if account is not None else None
        # Verified with no database connection held: argon2 is deliberately slow.
        if not self._passwords.verify(stored, password) or account is None or account.disabled:
            raise ApiError(401, "invalid_credentials", "The user name or password is wrong.")
        now = utcnow()
        token = new_token()
        expires = now + self._config.session_idle
        with self._db.write() as session:
            session.add(
                AuthSession(
                    account_id=account.id,
                    token_hash=token_hash(token),
                    created_at=now,
                    last_used_at=now,
                    expires_at=expires,
                    revoked_at=None,
                    user_agent=user_agent[:200],
                )
            )
            self.limiter.give_back(session, reservation, account.id, address)
            if self._passwords.needs_rehash(account.password_hash):
                fresh = session.get(Account, account.id)
                if fresh is not None:
                    fresh.password_hash = self._passwords.hash(password)
        return IssuedToken(token, expires, account)

    def cached(self, token: str) -> Principal | None:
        """The caller behind ``token`` if the cache can answer alone (no database, no I/O)."""
        now = utcnow()
        found = self.cache.get(token_hash(token), now)
        if found is not None and now - found[1] < _REFRESH_EVERY:
            return found[0]
        return None

    async def check(self, token: str) -> Principal | None:
        """:meth:`authenticate` for the event loop: from the cache when it can answer, else
        one database check in a worker thread shared by every request carrying the token
        meanwhile (a client opening a thousand connections at once with a token not cached
        yet would otherwise make a thousand identical queries, and everyone wait on them).
        """
        found = self.cached(token)
        if found is not None:
            return found
        check = self.pending.get(token)
        if check is None:
            check = asyncio.ensure_future(run_in_threadpool(self.authenticate, token))
            self.pending[token] = check
            check.add_done_callback(lambda _done: self.pending.pop(token, None))
        return await asyncio.shield(check)  # one caller going away cancels no one else's

    def authenticate(self, token: str) -> Principal | None:
        """The caller behind ``token``, or None when it is unknown, expired or revoked."""
        principal = self.cached(token)
        if principal is not None:
            return principal
        now = utcnow()
        digest = token_hash(token)
        with self._db.read_connection() as connection:
            row = connection.execute(_TOKEN_QUERY, {"digest": digest, "now": now}).one_or_none()
        if row is None:
            return None
        session_id, created_at, last_used, expires, account_id, role, username, name = row
        if now - last_used >= _REFRESH_EVERY:
            last_used = now
            expires = min(now + self._config.session_idle, created_at + self._config.session_max)
            with self._db.write() as session:
                session.execute(
                    update(AuthSession)
                    .where(AuthSession.id == session_id)
                    .values(last_used_at=now, expires_at=expires)
                )
        principal = Principal(account_id, Role(role), session_id, username, name)
        self.cache.put(digest, principal, account_id, expires, last_used)
        return principal

    def logout(self, principal: Principal) -> None:
        """Revoke one session."""
        with self._db.write() as session:
            session.execute(
                update(AuthSession)
                .where(AuthSession.id == principal.session_id, AuthSession.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
            record_revocation(session, principal.account_id)

    def change_password(self, principal: Principal, old: str, new: str, address: str) -> int:
        """Set a new password after checking the old one; ends the account's other sessions.

        A wrong old password is 403 ``wrong_password`` and counts like a failed sign-in, so
        a stolen session cannot be used to guess the password either.
        """
        check_password(new, principal.username)
        reservation = self.limiter.take(principal.username, address)
        with self._db.read() as session:
            account = session.get(Account, principal.account_id)
        if account is None or not self._passwords.verify(account.password_hash, old):
            raise ApiError(403, "wrong_password", "The current password is wrong.")
        new_hash = self._passwords.hash(new)  # slow: outside the transaction
        with self._db.write() as session:
            session.execute(
                update(Account).where(Account.id == account.id).values(password_hash=new_hash)
            )
            revoked = revoke_all(session, account.id, keep=principal.session_id)
            self.limiter.give_back(session, reservation, account.id, address)
        return revoked

    def logout_everywhere(self, account_id: int) -> int:
        """Revoke every session of an account; returns how many were live."""
        with self._db.write() as session:
            return revoke_all(session, account_id)


def revoke_all(session: Session, account_id: int, keep: int | None = None) -> int:
    """Revoke every live session of ``account_id`` (but ``keep``) in the caller's transaction."""
    live = (AuthSession.account_id == account_id) & AuthSession.revoked_at.is_(None)
    if keep is not None:
        live &= AuthSession.id != keep
    result = session.execute(update(AuthSession).where(live).values(revoked_at=utcnow()))
    record_revocation(session, account_id)
    return int(getattr(result, "rowcount", 0) or 0)
