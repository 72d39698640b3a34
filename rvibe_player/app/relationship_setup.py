"""Opens the listener's relationship: the store in the settings, or the embedded demo store.

With no store configured (``RVIBE_STORE_URL`` or the ``store.url`` setting), the player runs
``rvibe-store`` on a free loopback port with a SQLite file and the demo seed, and signs the
demo listener in, so a newcomer sees everything work. Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rvibe_player.core.store_protocol import DEMO_LISTENER
from rvibe_player.settings import STORE_URL, Settings
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.embedded import STORE_KEY, EmbeddedStore
from rvibe_player.store_client.errors import StoreUnauthorizedError
from rvibe_player.store_client.model import SyncStatus
from rvibe_player.store_client.relationship import Relationship

log = logging.getLogger(__name__)

STORE_URL_ENV = "RVIBE_STORE_URL"
UNREACHABLE = "http://127.0.0.1:9"
"""Where a relationship points when its embedded store could not start (cache only)."""


@dataclass
class RelationshipSession:
    """The relationship, the embedded store behind it (if any), and what went wrong."""

    relationship: Relationship
    embedded: EmbeddedStore | None
    problem: str | None = None

    def close(self) -> None:
        """Stop syncing and, for the embedded store, stop its process."""
        self.relationship.close()
        if self.embedded is not None:
            self.embedded.stop()


def configured_store(settings: Settings) -> str:
    """The store URL the user chose, or "" for the embedded one."""
    return os.environ.get(STORE_URL_ENV, "").strip() or settings.get(STORE_URL).strip()


def _still_valid(url: str, token: str) -> bool:
    """Whether the store still knows this session (a deleted store file forgets it)."""
    api = StoreApi(url, token, retries=1)
    try:
        api.me()
    except StoreUnauthorizedError:
        return False
    finally:
        api.close()
    return True


def open_embedded(embedded: EmbeddedStore, **options: Any) -> Relationship:
    """Start the built-in store, open its relationship, and sign the demo listener in
    unless a session is kept in the keyring. ``options`` go to :class:`Relationship`."""
    url = embedded.start()
    relationship = Relationship(url, store_key=STORE_KEY, **options)
    token = relationship.credentials.load(STORE_KEY)
    if relationship.account is not None and token and _still_valid(url, token):
        relationship.start().result()
    else:
        relationship.sign_in(*DEMO_LISTENER)
    return relationship


def open_relationship(
    settings: Settings,
    library_path: Path,
    on_change: Callable[[frozenset[ChangeArea]], None],
    on_status: Callable[[SyncStatus], None],
) -> RelationshipSession:
    """Open the relationship (blocking: may start a process and sign in)."""
    options = {"library_path": library_path, "on_change": on_change, "on_status": on_status}
    url = configured_store(settings)
    if url:
        relationship = Relationship(url, **options)  # type: ignore[arg-type]
        relationship.start()
        return RelationshipSession(relationship, None)
    embedded = EmbeddedStore()
    try:
        return RelationshipSession(open_embedded(embedded, **options), embedded)
    except Exception as exc:  # the panel still shows what is cached, and says why
        log.exception("The embedded store could not start")
        embedded.stop()
        relationship = Relationship(UNREACHABLE, store_key=STORE_KEY, **options)  # type: ignore[arg-type]
        relationship.start()
        problem = f"The built-in store could not start ({exc}); showing what is saved here."
        return RelationshipSession(relationship, None, problem)
