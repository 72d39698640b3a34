"""The curator's desk page: figures on top, the inbox by need on the left, the chosen
listener on one screen on the right, and the keys a busy curator lives on.

J/K move in the inbox, Enter opens, R writes, P picks, S snoozes, C makes a crate of the
chosen listeners, ? shows the keys. Everything on screen reads the desk's cache (so it
reads offline); everything done goes out through the desk's outbox (``DeskActions``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.areas import ChangeArea
from rvibe_player.store_client.desk_model import Figures, InboxRow, ListenerContext
from rvibe_player.store_client.model import Connection, SyncStatus
from rvibe_player.ui.shell.core_words import say
from rvibe_player.ui.shell.widgets import heading, plain_label
from rvibe_player.ui.staff.desk_actions import DeskActions
from rvibe_player.ui.staff.desk_bridge import DeskBridge
from rvibe_player.ui.staff.desk_sign_in import open_sign_in
from rvibe_player.ui.staff.inbox_model import InboxDelegate, InboxModel, wait_words
from rvibe_player.ui.staff.listener_panel import ListenerPanel

FILTERS = (
    ("all", str(QT_TRANSLATE_NOOP("DeskPage", "All"))),
    ("waiting", str(QT_TRANSLATE_NOOP("DeskPage", "Waiting"))),
    ("due", str(QT_TRANSLATE_NOOP("DeskPage", "Due"))),
    ("new", str(QT_TRANSLATE_NOOP("DeskPage", "New"))),
    ("snoozed", str(QT_TRANSLATE_NOOP("DeskPage", "Snoozed"))),
)
KEYS = (
    ("J / K", str(QT_TRANSLATE_NOOP("DeskPage", "Next / previous listener"))),
    ("Enter", str(QT_TRANSLATE_NOOP("DeskPage", "Open the listener"))),
    ("R", str(QT_TRANSLATE_NOOP("DeskPage", "Write to them"))),
    ("P", str(QT_TRANSLATE_NOOP("DeskPage", "Pick a release for them"))),
    ("S", str(QT_TRANSLATE_NOOP("DeskPage", "Snooze them"))),
    ("C", str(QT_TRANSLATE_NOOP("DeskPage", "A crate for the chosen listeners"))),
    ("/", str(QT_TRANSLATE_NOOP("DeskPage", "In an empty message: the saved replies"))),
    ("?", str(QT_TRANSLATE_NOOP("DeskPage", "These keys"))),
)
CONTEXT_AGAIN_MS = 400
"""After the open listener's log moved, their context is read again this much later (once)."""
MORE_AT_PX = 120
"""How near the end of the inbox the next page is asked for."""


def figures_words(figures: Figures) -> str:
    """The curator's own figures, in a line."""

    def median(seconds: float | None) -> str:
        return wait_words(seconds) if seconds is not None else "–"

    return (
        QCoreApplication.translate(
            "DeskPage",
            "Median first reply: today {today}, 30 days {month}  ·  {waiting} waiting  ·  "
            "{due} due  ·  {new} new",
        )
        .replace("{today}", median(figures.median_first_reply_today_s))
        .replace("{month}", median(figures.median_first_reply_month_s))
        .replace("{waiting}", str(figures.waiting))
        .replace("{due}", str(figures.due))
        .replace("{new}", str(figures.new))
    )


class DeskPage(QStackedWidget):
    """Signed out: a way in. Signed in: the desk."""

    news = Signal(str, str)
    """(title, text) worth a desktop notification: a listener wrote."""

    def __init__(self, bridge: DeskBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.current: int | None = None
        self.filter = "all"
        self._seen: dict[int, int] = {}
        self._more_asked = False
        self._context_timer = QTimer(self, singleShot=True, interval=CONTEXT_AGAIN_MS)
        self._context_timer.timeout.connect(self._fetch_context)
        self.signed_out = self._signed_out_page()
        self.main = self._desk()
        self.addWidget(self.signed_out)
        self.addWidget(self.main)
        self.doing = DeskActions(bridge, self.panel, self)
        bridge.opened.connect(self.refresh)
        bridge.changed.connect(self._changed)
        bridge.status_changed.connect(self._status)
        self._shortcuts()
        self.refresh()
        self._status(bridge.status)  # what happened before this page was made

    # -- building ------------------------------------------------------------------------------

    def _signed_out_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch()
        title = heading(self.tr("Curator desk"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = plain_label(
            self.tr(
                "Sign in with a curator account to see every listener who needs you, "
                "by need. On the built-in demo store the demo curator is filled in."
            )
        )
        words.setWordWrap(True)
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in_button = QPushButton(self.tr("Sign in as a curator…"))
        self.sign_in_button.clicked.connect(self.open_sign_in)
        box.addWidget(title)
        box.addWidget(words)
        box.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch()
        return page

    def _desk(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(12, 8, 12, 8)
        box.addLayout(self._top())
        box.addLayout(self._filters())
        split = QSplitter(Qt.Orientation.Horizontal)
        self.inbox_model = InboxModel(self)
        self.inbox = QListView()
        self.inbox.setAccessibleName(self.tr("Inbox: listeners by need"))
        self.inbox.setModel(self.inbox_model)
        self.inbox.setItemDelegate(InboxDelegate(self.inbox))
        self.inbox.setUniformItemSizes(True)
        self.inbox.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.inbox.activated.connect(lambda index: self.open_row(index.row(), focus=True))
        self.inbox.clicked.connect(lambda index: self.open_row(index.row()))
        self.inbox.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.panel = ListenerPanel()
        self.empty = plain_label(self.tr("Nobody here. J/K move in the inbox, Enter opens."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.panel)
        split.addWidget(self.inbox)
        split.addWidget(self.right)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 900])
        box.addWidget(split, 1)
        return page

    def _top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = heading(self.tr("Curator desk"))
        self.figures = plain_label("")
        self.figures.setEnabled(False)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.sign_in_again = QPushButton(self.tr("Sign in again…"))
        self.sign_in_again.setAccessibleName(self.tr("Sign in to the desk again"))
        self.sign_in_again.clicked.connect(self.open_sign_in)
        self.sign_in_again.hide()
        self.crate_button = QPushButton(self.tr("Crate… (C)"))
        self.crate_button.setAccessibleName(self.tr("A crate for the chosen listeners"))
        self.crate_button.clicked.connect(self.open_crate)
        keys = QPushButton("?")
        keys.setAccessibleName(self.tr("Keys of the desk"))
        keys.setFixedWidth(32)
        keys.clicked.connect(self.show_keys)
        top.addWidget(self.title)
        top.addWidget(self.figures, 1)
        top.addWidget(self.status)
        top.addWidget(self.sign_in_again)
        top.addWidget(self.crate_button)
        top.addWidget(keys)
        return top

    def _filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        self.filter_buttons = QButtonGroup(self)
        self.filter_buttons.setExclusive(True)
        for key, words in FILTERS:
            button = QPushButton(self.tr(words))
            button.setCheckable(True)
            button.setChecked(key == "all")
            button.setProperty("filter", key)
            button.setAccessibleName(self.tr("Show: %1").replace("%1", self.tr(words)))
            button.clicked.connect(lambda _c=False, k=key: self.set_filter(k))
            self.filter_buttons.addButton(button)
            filters.addWidget(button)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Find a listener by name"))
        self.search.setPlaceholderText(self.tr("Find a listener…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh_inbox)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        filters.addStretch()
        filters.addWidget(self.search)
        return filters

    def _shortcuts(self) -> None:
        keys = (
            ("J", lambda: self.step(1)),
            ("K", lambda: self.step(-1)),
            ("R", self.focus_reply),
            ("P", self.open_pick),
            ("S", self.snooze_menu),
            ("C", self.open_crate),
            ("?", self.show_keys),
            ("Shift+?", self.show_keys),
        )
        for key, action in keys:
            shortcut = QShortcut(QKeySequence(key), self.main)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- what the desk shows -------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the desk or the way in, as the desk's state says."""
        desk = self.bridge.desk
        if desk is None or desk.account is None:
            self.current = None
            self.setCurrentWidget(self.signed_out)
            return
        self.setCurrentWidget(self.main)
        name = str(desk.account.get("name") or desk.account.get("username") or "")
        self.title.setText(self.tr("Desk of %1").replace("%1", name))
        for row in desk.inbox():  # what is there when the desk opens is not news
            self._seen.setdefault(row.listener_id, row.latest_seq)
        self.refresh_inbox()
        self.doing.load_replies()

    def refresh_inbox(self) -> None:
        """The inbox as the filter and search say (the cache for "all"; the store otherwise)."""
        desk = self.bridge.desk
        if desk is None or desk.account is None:
            return
        self.figures.setText(figures_words(desk.figures()))
        query = self.search.text().strip()
        if self.filter == "all" and not query:
            self.show_rows(desk.inbox())
        else:
            self.bridge.run(
                desk.inbox_page,
                self.filter,
                query,
                then=lambda rows, _e: self.show_rows(rows or []),
            )

    def show_rows(self, rows: list[InboxRow]) -> None:
        """Show these inbox rows, keeping the chosen listeners chosen."""
        chosen = self.chosen_ids() or ({self.current} if self.current is not None else set())
        self._more_asked = False
        self.inbox_model.set_rows(rows)
        selection = self.inbox.selectionModel()
        for listener in chosen:
            row = self.inbox_model.row_of(listener)
            if row >= 0:
                index = self.inbox_model.index(row)
                selection.select(index, selection.SelectionFlag.Select)
                if listener == self.current:
                    selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
        if self.current is None and rows:
            self.open_row(0)  # whoever needs the curator most, open at once
        elif not rows and self.current is None:
            self.right.setCurrentWidget(self.empty)

    def chosen_ids(self) -> set[int]:
        """The listeners chosen in the inbox."""
        rows = self.inbox_model.rows
        return {
            rows[i.row()].listener_id
            for i in self.inbox.selectionModel().selectedIndexes()
            if i.row() < len(rows)
        }

    def _scrolled(self, value: int) -> None:
        """Near the end of the inbox: the next page, from the store."""
        bar = self.inbox.verticalScrollBar()
        desk = self.bridge.desk
        if desk is None or self._more_asked or bar.maximum() - value > MORE_AT_PX:
            return
        self._more_asked = True
        offset = len(self.inbox_model.rows)
        self.bridge.run(
            desk.inbox_page, self.filter, self.search.text().strip(), offset,
            then=lambda rows, _e: self._more(rows or []),
        )  # fmt: skip

    def _more(self, rows: list[InboxRow]) -> None:
        known = {r.listener_id for r in self.inbox_model.rows}
        fresh = [r for r in rows if r.listener_id not in known]
        if fresh:
            self.inbox_model.append_rows(fresh)
            self._more_asked = False

    def set_filter(self, key: str) -> None:
        """Show only waiting, due, new or snoozed listeners (or all)."""
        self.filter = key
        for button in self.filter_buttons.buttons():
            button.setChecked(button.property("filter") == key)
        self.refresh_inbox()

    def open_row(self, row: int, *, focus: bool = False) -> None:
        """Open the listener of an inbox row (``focus``: the cursor in the message)."""
        if not 0 <= row < len(self.inbox_model.rows):
            return
        listener = self.inbox_model.rows[row]
        self.inbox.setCurrentIndex(self.inbox_model.index(row))
        self.current = listener.listener_id
        self.right.setCurrentWidget(self.panel)
        desk = self.bridge.desk
        if desk is None:
            return
        cached = desk.context(listener.listener_id)
        if cached is not None:
            self.panel.show_context(cached)
        else:
            self.panel.show_row(listener)
        self._show_conversation()
        self.doing.opened(listener)
        self.bridge.run(desk.fetch_context, listener.listener_id, then=self._context)
        if focus:
            self.focus_reply()

    def _fetch_context(self) -> None:
        desk = self.bridge.desk
        if desk is not None and self.current is not None:
            self.bridge.run(desk.fetch_context, self.current, then=self._context)

    def _context(self, context: ListenerContext | None, error: BaseException | None) -> None:
        if error is not None and self.current is not None:
            self.panel.show_problem(
                self.tr("Showing what is saved here: %1").replace("%1", str(error))
            )
        if context is not None and context.listener_id == self.current:
            self.panel.show_context(context)
            self._show_conversation()
            self.doing.context_read(context)

    def _show_conversation(self) -> None:
        desk = self.bridge.desk
        if desk is not None and self.current is not None:
            self.panel.show_messages(desk.conversation(self.current))
            if not self.panel.conversation.composer.editor.toPlainText().strip():
                self.doing.seen_newest()  # on screen before a reply was begun: seen

    def _changed(self, areas: frozenset[ChangeArea]) -> None:
        desk = self.bridge.desk
        if desk is None or desk.account is None or ChangeArea.ACCOUNT in areas:
            self.refresh()
            if desk is None or desk.account is None:
                return
        if ChangeArea.INBOX in areas:
            self.refresh_inbox()
            self._announce(desk.inbox())
        if ChangeArea.CONVERSATION in areas or ChangeArea.OUTBOX in areas:
            self._show_conversation()
        if ChangeArea.CONVERSATION in areas and self.current is not None:
            self._context_timer.start()  # notes and picks: the context says how they stand
        if ChangeArea.STAFF_NOTES in areas and self.current is not None:
            self._fetch_context()
        if ChangeArea.PRESENCE in areas and self.current is not None:
            self.panel.show_colleagues(desk.others(self.current))

    def _announce(self, rows: list[InboxRow]) -> None:
        """Tell (once per message) that a listener wrote: a desktop notification."""
        for row in rows:
            seen = self._seen.get(row.listener_id)
            if seen is not None and row.need == "waiting" and row.unread and seen < row.latest_seq:
                name = row.name or row.username
                self.news.emit(self.tr("%1 wrote").replace("%1", name), row.excerpt)
            self._seen[row.listener_id] = max(seen or 0, row.latest_seq)

    def _status(self, status: SyncStatus) -> None:
        words = {
            Connection.OFFLINE: self.tr(
                "Offline: showing what is saved here; what you send waits and goes out "
                "when the store is back."
            ),
            Connection.CONNECTING: self.tr("Connecting…"),
            Connection.SIGNED_OUT: self.tr("Signed out: you are reading what is saved here."),
        }
        self.status.setText(words.get(status.connection, ""))
        self.status.setToolTip(say(status.error))
        self.sign_in_again.setVisible(status.connection is Connection.SIGNED_OUT)
        if status.connection is Connection.SIGNED_OUT:
            self.refresh()

    # -- keys ----------------------------------------------------------------------------------

    def step(self, by: int) -> None:
        """J/K: the next or previous listener, opened."""
        rows = self.inbox_model.rows
        if not rows:
            return
        here = self.inbox.currentIndex().row()
        self.open_row(max(0, min(len(rows) - 1, here + by)))
        self.inbox.setFocus()

    def focus_reply(self) -> None:
        """R: the cursor in the message to the open listener."""
        if self.current is not None:
            self.panel.conversation.composer.editor.setFocus()

    def show_keys(self) -> QMessageBox:
        """?: the desk's keys."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keys of the desk"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText("\n".join(f"{key}\t{self.tr(words)}" for key, words in KEYS))
        box.open()
        self.keys_box = box
        return box

    # -- doing (forwarded to the actions) ------------------------------------------------------

    def open_pick(self) -> None:
        """P: a pick for the open listener."""
        if self.current is not None:
            self.doing.open_pick(self.current)

    def snooze_menu(self) -> None:
        """S: snooze the open listener."""
        if self.current is not None:
            self.doing.snooze_menu()

    def open_crate(self) -> None:
        """C: a crate for the chosen listeners (everyone in the filter when one is chosen)."""
        chosen = self.chosen_ids()
        rows = self.inbox_model.rows
        listeners = [r for r in rows if r.listener_id in chosen] if len(chosen) > 1 else []
        self.doing.open_crate(listeners, self.filter, self.search.text().strip())

    def open_sign_in(self) -> None:
        """Sign in as a curator (the demo curator filled in on the built-in store)."""
        self.sign_in_dialog = open_sign_in(self.bridge, self, self.refresh)

    def close_desk(self) -> None:
        """The window is closing: leave the listener (colleagues see it) and stop timers."""
        self.doing.leave()
