"""The sidebar: library views, playlists, the queue, and the slot for the store relationship."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from rvibe_player.ui.shell.icons import icon

if TYPE_CHECKING:
    from rvibe_player.library.playlist_store import PlaylistInfo

_ICONS = {"artists": "artists", "albums": "albums", "tracks": "songs", "queue": "queue",
          "store": "curator", "desk": "desk"}  # fmt: skip
_STYLE = """
QTreeWidget#sidebar { border: none; background: palette(window); outline: 0; }
QTreeWidget#sidebar::item { padding: 3px 6px; border-radius: 6px; }
QTreeWidget#sidebar::item:selected { background: palette(highlight);
                                     color: palette(highlighted-text); }
QTreeWidget#sidebar::item:hover:!selected { background: palette(alternate-base); }
QTreeWidget#sidebar::item:focus { border: 2px solid palette(text); }
"""
"""``outline: 0`` hides Qt's dotted focus rectangle; a keyboard user sees instead a ring
around the current item while the sidebar has focus."""

ROLE_PAGE = Qt.ItemDataRole.UserRole
ROLE_PLAYLIST = Qt.ItemDataRole.UserRole + 1


class Sidebar(QTreeWidget):
    """Emits ``page_selected(name)`` or ``playlist_selected(id)``."""

    page_selected = Signal(str)
    playlist_selected = Signal(int)
    playlist_menu_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Sections and playlists"))
        self.setStyleSheet(_STYLE)
        self.setIconSize(QSize(18, 18))
        self.setHeaderHidden(True)
        self.setIndentation(6)
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(170)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        library = self._section(self.tr("LIBRARY"))
        self.pages: dict[str, QTreeWidgetItem] = {
            "artists": self._item(library, self.tr("Artists"), page="artists"),
            "albums": self._item(library, self.tr("Albums"), page="albums"),
            "tracks": self._item(library, self.tr("Songs"), page="tracks"),
        }
        listening = self._section(self.tr("LISTENING"))
        self.pages["queue"] = self._item(listening, self.tr("Play queue"), page="queue")
        self.store_section = self._section(self.tr("YOUR STORE"))
        self.pages["store"] = self._item(self.store_section, self.tr("Your curator"), page="store")
        self.pages["desk"] = self._item(self.store_section, self.tr("Curator desk"), page="desk")
        self.pages["desk"].setHidden(True)  # shown for curators (and on the demo store)
        self.playlists_section = self._section(self.tr("PLAYLISTS"))
        self.expandAll()
        self.currentItemChanged.connect(self._changed)

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.78)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        item.setFont(0, font)
        item.setForeground(0, self.palette().color(QPalette.ColorRole.PlaceholderText))
        item.setSizeHint(0, QSize(0, 34))
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _item(
        self, parent: QTreeWidgetItem, label: str, page: str = "", playlist: int = 0,
        icon_name: str = "",
    ) -> QTreeWidgetItem:  # fmt: skip
        item = QTreeWidgetItem(parent, [label])
        item.setData(0, ROLE_PAGE, page)
        item.setData(0, ROLE_PLAYLIST, playlist)
        item.setSizeHint(0, QSize(0, 30))
        name = icon_name or _ICONS.get(page, "")
        if name:
            item.setData(0, Qt.ItemDataRole.UserRole + 2, name)
            item.setIcon(0, icon(name, self.palette().color(QPalette.ColorRole.Text)))
        return item

    def recolour(self) -> None:
        """Redraw the icons in the current theme's text colour."""
        colour = self.palette().color(QPalette.ColorRole.Text)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for section in (self.topLevelItem(i) for i in range(self.topLevelItemCount())):
            if section is None:
                continue
            section.setForeground(0, muted)
            for item in (section.child(i) for i in range(section.childCount())):
                if item is not None and (name := item.data(0, Qt.ItemDataRole.UserRole + 2)):
                    item.setIcon(0, icon(str(name), colour))

    def set_playlists(self, playlists: list[PlaylistInfo]) -> None:
        """Show these playlists (smart ones marked)."""
        current = self.currentItem()
        keep = current.data(0, ROLE_PLAYLIST) if current is not None else 0
        self.blockSignals(True)
        self.playlists_section.takeChildren()
        for info in playlists:
            item = self._item(
                self.playlists_section, info.name, playlist=info.id,
                icon_name="smart" if info.smart else "playlist",
            )  # fmt: skip
            if info.smart:
                item.setToolTip(0, self.tr("Smart playlist: %1").replace("%1", info.query or ""))
            else:
                item.setToolTip(0, info.name)
            if keep and info.id == keep:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def select_page(self, name: str) -> None:
        """Highlight a page (without asking to show it again)."""
        self.blockSignals(True)
        self.setCurrentItem(self.pages[name])
        self.blockSignals(False)

    def set_badge(self, page: str, text: str) -> None:
        """A count after a page's name, such as unread messages."""
        item = self.pages[page]
        base = item.text(0).split("  (")[0]
        item.setText(0, f"{base}  ({text})" if text else base)

    def show_page_item(self, page: str, shown: bool) -> None:
        """Show or hide a page's entry (the curator desk is for curators)."""
        self.pages[page].setHidden(not shown)

    def _changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        if playlist := item.data(0, ROLE_PLAYLIST):
            self.playlist_selected.emit(int(playlist))
        elif page := item.data(0, ROLE_PAGE):
            self.page_selected.emit(str(page))

    def _menu(self, position) -> None:  # type: ignore[no-untyped-def]
        item = self.itemAt(position)
        if item is not None and (playlist := item.data(0, ROLE_PLAYLIST)):
            self.playlist_menu_requested.emit(int(playlist), self.viewport().mapToGlobal(position))
