"""One player per profile: a second launch hands its files and folders to the running one.

Two players on one profile would open the same library, a second embedded store on the
same ``store.sqlite3`` and a second outbox drainer over the same cache. The first player
listens on a local endpoint named after its data folder (a Unix socket in a private
folder, a named pipe on Windows); a later launch connects, sends its arguments and exits.
The link uses the standard library's authenticated connections (a random key kept in the
profile, readable by its owner only) and carries JSON, never pickles.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rvibe_player import paths

if TYPE_CHECKING:  # imported when used: ~14 ms that the first paint need not wait for
    from multiprocessing.connection import Connection, Listener

log = logging.getLogger(__name__)

_MAX_MESSAGE = 1 << 20
_WAKE = b"\0"


class PlayerInstance:
    """The endpoint of the player that owns a profile (its data folder)."""

    def __init__(self, data_dir: Path) -> None:
        # A name, not a secret (the key file guards the door): two checksums of the folder's
        # path, 64 bits, so the first start needs no OpenSSL (hashlib costs 2-4 ms here).
        where = str(data_dir.resolve()).encode()
        digest = f"{zlib.crc32(where):08x}{zlib.adler32(where):08x}"
        if sys.platform == "win32":
            self.family, self.address = "AF_PIPE", rf"\\.\pipe\rvibe-player-{digest}"
        else:  # short enough for a socket path, in a folder only this user can enter
            folder = Path(tempfile.gettempdir()) / f"rvibe-player-{os.getuid()}"
            folder.mkdir(mode=0o700, exist_ok=True)
            os.chmod(folder, 0o700)
            self.family, self.address = "AF_UNIX", str(folder / f"{digest}.sock")
        self._key_file = data_dir / "instance.key"
        self._listener: Listener | None = None
        self._thread: threading.Thread | None = None

    def _key(self) -> bytes:
        try:
            return bytes.fromhex(self._key_file.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            key = os.urandom(32)  # what secrets.token_bytes does, without importing hmac
            paths.private_file(self._key_file)
            self._key_file.write_text(key.hex() + "\n", encoding="ascii")
            return key

    def hand_over(self, arguments: list[str]) -> bool:
        """Give ``arguments`` to the player already running on this profile; False if none."""
        if not os.path.exists(self.address):
            return False  # the common case, answered without importing the connection code
        from multiprocessing.connection import Client

        try:
            conn = Client(self.address, family=self.family, authkey=self._key())
        except (OSError, EOFError, ValueError) as exc:
            log.debug("no running player at %s: %s", self.address, exc)
            return False
        with conn:
            try:
                conn.send_bytes(json.dumps(arguments).encode())
                return conn.recv_bytes(16) == b"ok"
            except (OSError, EOFError):
                return False

    def serve(self, on_arguments: Callable[[list[str]], None]) -> bool:
        """Listen for later launches (``on_arguments`` runs on a thread of its own).

        Call it after :meth:`hand_over` found no player. A socket file left by a player
        that crashed is taken over. False when listening is impossible (the player runs on;
        a later launch then opens a window of its own).
        """
        from multiprocessing.connection import Listener

        if self.family == "AF_UNIX":
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.address)  # nobody answered on it: left by a crash
        try:
            self._listener = Listener(self.address, family=self.family, authkey=self._key())
        except OSError as exc:
            log.warning("Cannot listen for other launches at %s: %s", self.address, exc)
            return False
        self._thread = threading.Thread(
            target=self._accept, args=(self._listener, on_arguments), name="instance", daemon=True
        )
        self._thread.start()
        return True

    def _accept(self, listener: Listener, on_arguments: Callable[[list[str]], None]) -> None:
        while True:
            try:
                conn = listener.accept()
            except OSError:
                return  # closed
            except Exception as exc:  # a wrong key, a peer that went away mid-handshake
                log.info("refused a local connection: %s", exc)
                continue
            arguments = self._receive(conn)
            if arguments is None:
                return
            try:
                on_arguments(arguments)
            except Exception:
                log.exception("could not take the arguments of a second launch")

    @staticmethod
    def _receive(conn: Connection) -> list[str] | None:
        with conn:
            try:
                data = conn.recv_bytes(_MAX_MESSAGE)
                if data == _WAKE:
                    return None
                conn.send_bytes(b"ok")
                value = json.loads(data)
            except (OSError, EOFError, ValueError) as exc:
                log.info("unreadable message from a second launch: %s", exc)
                return []
        return [str(v) for v in value] if isinstance(value, list) else []

    def close(self) -> None:
        """Stop listening (the endpoint is free for the next player)."""
        listener, self._listener = self._listener, None
        if listener is None:
            return
        from multiprocessing.connection import Client

        with (
            contextlib.suppress(OSError, EOFError, ValueError),  # wake the blocked accept()
            Client(self.address, family=self.family, authkey=self._key()) as conn,
        ):
            conn.send_bytes(_WAKE)
        if self._thread is not None:
            self._thread.join(5)
        listener.close()
