"""The embedded store: ``rvibe-store serve`` on a free loopback port, run by the player.

With no store configured, the player runs its own store with a SQLite file in the user data
dir and the demo catalog, curator and listener, so a newcomer sees the relationship work.
The player never imports the store: it starts it as a process (``python -m
rvibe_player.store_server.cli``, or the ``rvibe-store`` command in a frozen build) and reads
the ``RVIBE_STORE_URL=`` line it prints. :meth:`EmbeddedStore.stop` ends it: SIGTERM (the
store finishes in-flight requests for up to 3 s), then a kill if it does not go.

Everything here blocks (process start-up takes a second or two): call it off the GUI thread.
"""

from __future__ import annotations

import atexit
import collections
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from rvibe_player import paths
from rvibe_player.core.errors import QT_TRANSLATE_NOOP
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.errors import StoreError, said

log = logging.getLogger(__name__)

STORE_KEY = "embedded"
"""The embedded store's identity across restarts (its port changes every time)."""

URL_LINE = "RVIBE_STORE_URL="


class EmbeddedStoreError(StoreError):
    """The embedded store could not be started; the message says why and what to do."""


def store_command() -> list[str]:
    """How to run ``rvibe-store`` from this player (source checkout, install or bundle)."""
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-m", "rvibe_player.store_server.cli"]
    found = shutil.which("rvibe-store")
    if found is None:
        raise EmbeddedStoreError(
            said(
                QT_TRANSLATE_NOOP(
                    "StoreMessage",
                    "This build of the player has no built-in store. Set the address of your "
                    "store in the settings (or install rvibe-store).",
                )
            )
        )
    return [found]


class EmbeddedStore:
    """One ``rvibe-store serve`` process owned by the player."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        command: Sequence[str] | None = None,
        env: dict[str, str] | None = None,
        start_timeout_s: float = 60.0,
        stop_timeout_s: float = 5.0,
    ) -> None:
        self.data_dir = data_dir or paths.data_dir()
        self.command = list(command) if command is not None else None
        self.env = env
        self.start_timeout_s = start_timeout_s
        self.stop_timeout_s = stop_timeout_s
        self.url: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=40)

    @property
    def database(self) -> Path:
        """The store's SQLite file."""
        return self.data_dir / "store.sqlite3"

    @property
    def running(self) -> bool:
        """True while the process is alive."""
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The process id while it runs."""
        return self._process.pid if self._process is not None else None

    def start(self) -> str:
        """Start the store (demo data on first use), wait until it answers; its base URL."""
        if self.running and self.url:
            return self.url
        command = [
            *(self.command or store_command()),
            "--database-url",
            f"sqlite:///{self.database}",
            "serve",
            "--port",
            "0",
            "--seed-demo-if-empty",
        ]
        log.info("starting the embedded store: %s", " ".join(command))
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=os.environ | (self.env or {}),
            )
        except OSError as exc:
            raise EmbeddedStoreError(
                said(
                    QT_TRANSLATE_NOOP(
                        "StoreMessage", "The built-in store could not be started: %1."
                    ),
                    str(exc),
                )
            ) from exc
        self._process = process
        atexit.register(self.stop)
        found = threading.Event()
        threading.Thread(
            target=self._read_output, args=(process, found), name="store-output", daemon=True
        ).start()
        if not found.wait(self.start_timeout_s) or self.url is None:
            self.stop()
            raise EmbeddedStoreError(
                said(
                    QT_TRANSLATE_NOOP("StoreMessage", "The built-in store did not start: %1"),
                    self._output[-1] if self._output else "-",
                )
            )
        self._wait_healthy(self.url)
        log.info("the embedded store answers at %s", self.url)
        return self.url

    def _read_output(self, process: subprocess.Popen[str], found: threading.Event) -> None:
        """Find the URL line, then keep draining (a full pipe would stall the store)."""
        assert process.stdout is not None
        for line in process.stdout:
            text = line.rstrip("\n")
            if text.startswith(URL_LINE) and not found.is_set():
                self.url = text[len(URL_LINE) :].strip()
                found.set()
            else:
                self._output.append(text)
        found.set()  # the process ended

    def _wait_healthy(self, url: str) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        api = StoreApi(url, retries=0, read_timeout_s=5.0)
        try:
            while True:
                try:
                    if api.health().get("status") == "ok":
                        return
                except StoreError as exc:
                    if not self.running or time.monotonic() > deadline:
                        self.stop()
                        raise EmbeddedStoreError(
                            said(
                                QT_TRANSLATE_NOOP(
                                    "StoreMessage", "The built-in store does not answer: %1"
                                ),
                                str(exc),
                            )
                        ) from exc
                time.sleep(0.05)
        finally:
            api.close()

    def stop(self) -> None:
        """End the store: SIGTERM, wait, then kill. Safe to call twice."""
        process, self._process = self._process, None
        self.url = None
        atexit.unregister(self.stop)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(self.stop_timeout_s)
        except subprocess.TimeoutExpired:
            log.warning(
                "the embedded store did not stop in %.0f s; killing it", self.stop_timeout_s
            )
            process.kill()
            process.wait(self.stop_timeout_s)

    def __enter__(self) -> EmbeddedStore:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
