"""The store session token in the operating system's keyring, or in memory only; never a file.

The only module that imports keyring. Without a usable backend (none installed, the fail or
null backend, or only a plain-text one from keyrings.alt) or when the keyring refuses (locked,
no D-Bus), the token lives in this process only and :attr:`Credentials.problem` says so in
words the player shows: the person signs in again after a restart.
"""

from __future__ import annotations

import logging
import threading

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from rvibe_player.appinfo import APP_ID

log = logging.getLogger(__name__)

NO_KEYRING = (
    "This system has no keyring the player can use (such as GNOME Keyring, KWallet, the macOS "
    "Keychain or the Windows Credential Manager), so you stay signed in only until the player "
    "quits. Your session is never written to a file."
)


def _insecure(backend: KeyringBackend) -> bool:
    """Backends that keep nothing (fail, null) or keep secrets readable in a file."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return True
    module = type(backend).__module__
    return module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower()


def secure_backends(backend: KeyringBackend | None = None) -> list[KeyringBackend]:
    """The usable backends behind ``backend`` (default: keyring's choice), best first."""
    chosen = backend if backend is not None else keyring.get_keyring()
    candidates = chosen.backends if isinstance(chosen, chainer.ChainerBackend) else [chosen]
    return [b for b in candidates if not _insecure(b)]


class Credentials:
    """Session tokens per store, kept in the keyring under the service name ``APP_ID``."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = APP_ID) -> None:
        self.service = service
        self._backend = backend
        self._lock = threading.Lock()
        self._memory: dict[str, str] = {}
        self._problem: str | None = None
        self._backends: list[KeyringBackend] | None = None

    @staticmethod
    def _user(store_key: str) -> str:
        return f"store-session:{store_key}"

    def _usable(self) -> list[KeyringBackend]:
        if self._backends is None:
            self._backends = secure_backends(self._backend)
            if not self._backends:
                self._problem = NO_KEYRING
                log.warning("no usable keyring backend; the store session stays in memory")
        return self._backends

    @property
    def problem(self) -> str | None:
        """Why the session will not outlive the player, in words; None when it is kept."""
        self._usable()
        return self._problem

    @property
    def persistent(self) -> bool:
        """True when a token saved now will be there after a restart."""
        return self.problem is None

    def load(self, store_key: str) -> str | None:
        """The token saved for this store, if any."""
        with self._lock:
            if store_key in self._memory:
                return self._memory[store_key]
            for backend in self._usable():
                try:
                    token = backend.get_password(self.service, self._user(store_key))
                except KeyringError as exc:
                    self._refused("read", exc)
                    continue
                if token:
                    return token
            return None

    def save(self, store_key: str, token: str) -> None:
        """Keep the token in the keyring (else in memory, with :attr:`problem` set)."""
        with self._lock:
            for backend in self._usable():
                try:
                    backend.set_password(self.service, self._user(store_key), token)
                except KeyringError as exc:
                    self._refused("save", exc)
                    continue
                self._memory.pop(store_key, None)
                return
            self._memory[store_key] = token

    def hold(self, store_key: str, token: str) -> None:
        """Keep the token in memory only ("remember me" off): gone when the player quits."""
        with self._lock:
            self._memory[store_key] = token

    def delete(self, store_key: str) -> None:
        """Forget the token everywhere it may be (sign-out)."""
        with self._lock:
            self._memory.pop(store_key, None)
            for backend in self._usable():
                try:
                    backend.delete_password(self.service, self._user(store_key))
                except PasswordDeleteError:
                    pass  # it was not there
                except KeyringError as exc:
                    self._refused("delete", exc)

    def _refused(self, action: str, exc: Exception) -> None:
        log.warning("the keyring refused to %s the store session: %s", action, exc)
        self._problem = (
            f"The system keyring refused to {action} your store session ({exc}), so you stay "
            "signed in only until the player quits. Your session is never written to a file."
        )
