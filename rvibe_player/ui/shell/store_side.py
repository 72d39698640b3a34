"""The window's store side: the listener's relationship panel and the curator's desk, their
bridges to the session, the sidebar's badge and entries, and their notifications.

Made by the window, used through it; each page is built the first time it is needed.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from rvibe_player import settings as keys

if TYPE_CHECKING:
    from rvibe_player.ui.relationship.bridge import RelationshipBridge
    from rvibe_player.ui.relationship.store_page import StorePage
    from rvibe_player.ui.shell.main_window import MainWindow
    from rvibe_player.ui.staff.desk_bridge import DeskBridge
    from rvibe_player.ui.staff.desk_page import DeskPage


class StoreSide:
    """The relationship panel and the curator's desk of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def made(self, attribute: str) -> bool:
        return attribute in self.__dict__

    @functools.cached_property
    def relationship(self) -> RelationshipBridge:
        """The link to the store (opened once the window is painted)."""
        from rvibe_player.ui.relationship.bridge import RelationshipBridge

        return RelationshipBridge(self.window.session, self.window)

    @functools.cached_property
    def store_page(self) -> StorePage:
        from rvibe_player.ui.relationship.store_page import StorePage

        page = StorePage(self.relationship)
        window = self.window
        window.add_page("store", page)
        page.play_requested.connect(lambda ids: window.play_tracks(ids, 0))
        page.preview_requested.connect(self.preview)
        page.unread_changed.connect(self._unread_changed)
        page.news.connect(self._store_news)
        page.sharing_requested.connect(self.open_sharing)
        return page

    @functools.cached_property
    def desk_bridge(self) -> DeskBridge:
        """The curator's desk at the same store (made before the store opens)."""
        from rvibe_player.ui.staff.desk_bridge import DeskBridge

        bridge = DeskBridge(self.window.session, self.window)
        bridge.opened.connect(self._desk_state)
        bridge.status_changed.connect(lambda _status: self._desk_state())
        return bridge

    @functools.cached_property
    def desk_page(self) -> DeskPage:
        from rvibe_player.ui.staff.desk_page import DeskPage

        page = DeskPage(self.desk_bridge)
        self.window.add_page("desk", page)
        page.news.connect(self._desk_news)
        return page

    def open(self) -> None:
        """Start following the store: the desk listens first, then the relationship opens
        (and, with it, the desk at the same store)."""
        self.store_page  # noqa: B018 - badges and notifications even while it is hidden
        self.desk_bridge  # noqa: B018
        self.relationship.open()

    def close(self) -> None:
        """The window is closing: colleagues see the desk leave; nothing more is emitted."""
        if self.made("desk_page"):
            self.desk_page.close_desk()
        if self.made("desk_bridge"):
            self.desk_bridge.close()
        if self.made("relationship"):
            self.relationship.close()

    def preview(self, url: str, title: str) -> None:
        """Stream a pick's preview through the player."""
        self.window.playback.player.preview(url, title)

    def open_sharing(self) -> None:
        from rvibe_player.ui.relationship.sharing_dialog import SharingDialog

        SharingDialog(self.relationship, self.window).exec()

    def _desk_state(self) -> None:
        """The desk is in the sidebar for a curator (and on the demo store, to try it)."""
        desk = self.desk_bridge.desk
        curator = desk is not None and desk.account is not None
        embedded = desk is not None and desk.store_key.startswith("embedded")
        self.window.sidebar.show_page_item("desk", curator or embedded)
        if curator:
            self.desk_page  # noqa: B018 - listeners' messages are announced while hidden

    def _desk_news(self, title: str, text: str) -> None:
        """A listener wrote: a desktop notification unless the desk is in front of the user."""
        window = self.window
        if not (window.isActiveWindow() and window.current_page == "desk"):
            self._notify(title, text)

    def _unread_changed(self, count: int) -> None:
        self.window.sidebar.set_badge("store", QLocale().toString(count) if count else "")
        if self.window.made("playback"):
            self.window.playback.tray.set_unread(count)

    def _store_news(self, title: str, text: str) -> None:
        if self.window.session.settings.get(keys.STORE_NOTIFICATIONS):
            self._notify(title, text)

    def _notify(self, title: str, text: str) -> None:
        if self.window.made("playback"):
            self.window.playback.tray.notify(title, text)
