"""The relationship panel: your curator, the conversation, picks and notes, and your account."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.model import Connection, Pick, RelationshipState, SyncStatus
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.ui.relationship.bridge import RelationshipBridge
from rvibe_player.ui.relationship.cards import CardList, CuratorHeader, NoteCard, PickCard
from rvibe_player.ui.relationship.release_view import ReleaseView
from rvibe_player.ui.shell.conversation_view import ConversationView
from rvibe_player.ui.shell.core_words import error_text, say
from rvibe_player.ui.shell.widgets import PlaceholderPage, plain_label

log = logging.getLogger(__name__)

SHORT_STATUS = {
    Connection.ONLINE: str(QT_TRANSLATE_NOOP("StorePage", "Connected")),
    Connection.CONNECTING: str(QT_TRANSLATE_NOOP("StorePage", "Connecting…")),
    Connection.OFFLINE: str(QT_TRANSLATE_NOOP("StorePage", "Offline")),
    Connection.SIGNED_OUT: str(QT_TRANSLATE_NOOP("StorePage", "Signed out")),
}
STATUS_WORDS = {
    Connection.ONLINE: str(QT_TRANSLATE_NOOP("StorePage", "Connected")),
    Connection.CONNECTING: str(QT_TRANSLATE_NOOP("StorePage", "Connecting…")),
    Connection.OFFLINE: str(
        QT_TRANSLATE_NOOP(
            "StorePage",
            "Offline — what you write waits here and goes out when the store is back",
        )
    ),
    Connection.SIGNED_OUT: str(QT_TRANSLATE_NOOP("StorePage", "Signed out")),
}
"""The connection in a word or two, and as the status's tooltip says it (marked for
translation: show them through tr())."""


class StorePage(QStackedWidget):
    """Shows the relationship; everything it does goes through the bridge."""

    play_requested = Signal(object)
    """Library track ids to play (a pick you already own)."""
    preview_requested = Signal(str, str)
    """(preview URL, title) to stream through the player."""
    unread_changed = Signal(int)
    news = Signal(str, str)
    """(title, text) worth a desktop notification: a new message or pick."""
    sharing_requested = Signal()

    def __init__(self, bridge: RelationshipBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.waiting = PlaceholderPage(
            self.tr("Your curator"), self.tr("Connecting to your store…")
        )
        self.signed_out = self._signed_out_page()
        self.main = self._main_page()
        for page in (self.waiting, self.signed_out, self.main):
            self.addWidget(page)
        self._state: RelationshipState | None = None
        self._photo_for = ""
        self._photo: bytes | None = None
        self._seen_messages: set[str] | None = None
        self._seen_picks: set[int] | None = None
        self._read_up_to = 0
        self._marked_seen: set[int] = set()
        self._shown_picks: list[Pick] | None = None
        self._shown_notes: list[object] | None = None
        self._drawn = False
        bridge.opened.connect(self.refresh)
        # Changes come in bursts (a sync page, its matches, the outbox): one redraw per burst.
        self._refresh_soon = QTimer(self, singleShot=True, interval=30)
        self._refresh_soon.timeout.connect(self.refresh)
        bridge.changed.connect(lambda _areas: self._refresh_soon.start())
        bridge.status_changed.connect(self._status)
        bridge.failed.connect(lambda text: self.waiting.text.setText(text))

    # -- building ----------------------------------------------------------------------------

    def _signed_out_page(self) -> QWidget:
        page = PlaceholderPage(
            self.tr("Meet your curator"),
            self.tr(
                "Sign in to your music store: a real person who knows your music writes to you, "
                "picks records for you (never ones you already own), and answers your messages."
            ),
        )
        button = QPushButton(self.tr("Sign in…"))
        button.clicked.connect(self.open_sign_in)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(button)
        row.addStretch()
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, row)
        return page

    def _main_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 8)
        header = QHBoxLayout()
        self.curator = CuratorHeader()
        header.addWidget(self.curator, 1)
        side = QVBoxLayout()
        self.account = QToolButton()
        self.account.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.account.setText(self.tr("Account"))
        side.addWidget(self.account, 0, Qt.AlignmentFlag.AlignRight)
        self.status = plain_label("")
        self.status.setEnabled(False)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.status.setWordWrap(False)
        side.addWidget(self.status)
        header.addLayout(side)
        layout.addLayout(header)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.conversation = ConversationView()
        self.conversation.composer.send_requested.connect(self._send)
        self.conversation.retry_requested.connect(
            lambda key: self._call(lambda r: r.retry_send(key))
        )
        self.conversation.discard_requested.connect(
            lambda key: self._call(lambda r: r.discard_send(key))
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Picks and notes from your curator"))
        self.picks = CardList(
            self.tr("No picks yet. Your curator sends records they think you'll love.")
        )
        self.picks.setAccessibleName(self.tr("Picks"))
        self.notes = CardList(self.tr("No notes yet."))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.tabs.addTab(self.picks, self.tr("Picks"))
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.tabs.currentChanged.connect(lambda _i: self._mark_seen())
        self.splitter.addWidget(self.conversation)
        self.splitter.addWidget(self.tabs)
        self.splitter.setSizes([560, 420])
        layout.addWidget(self.splitter, 1)
        return page

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Take the state from the local cache (fast; works offline) and redraw if shown.

        Hidden, the page keeps only what the rest of the window shows (the unread badge,
        notifications) and draws when it is shown: during a scan the picks' matches change
        with every batch, and rebuilding hidden cards stopped the window for up to 66 ms.
        """
        relationship = self.bridge.relationship
        if relationship is None:
            return
        if not relationship.signed_in and relationship.account is None:
            self.setCurrentWidget(self.signed_out)
            return
        state = relationship.state()
        self._state = state
        self.setCurrentWidget(self.main)
        self._drawn = False
        if self.isVisible():
            self._draw(state)
        self._status(self.bridge.status)
        self.unread_changed.emit(state.unread)
        self._announce(state)
        if self.isVisible():
            self._mark_seen()

    def _draw(self, state: RelationshipState) -> None:
        relationship = self.bridge.relationship
        if relationship is None:
            return
        self._drawn = True
        self._account_menu(state)
        curator = state.curator
        if curator is not None and curator.avatar_url != self._photo_for:
            self._photo_for = curator.avatar_url
            avatar = relationship.avatar(curator.avatar_url)
            self._photo = avatar[0] if avatar is not None else None
        self.curator.show_curator(curator, self._photo)
        self.conversation.show_messages(state.messages)
        if state.picks != self._shown_picks:  # rebuild cards only when they changed
            self._shown_picks = list(state.picks)
            self.picks.set_cards([self._pick_card(p) for p in state.picks])
        if state.notes != self._shown_notes:
            self._shown_notes = list(state.notes)
            self.notes.set_cards([NoteCard(n) for n in state.notes])
        new = sum(p.is_new for p in state.picks)
        self.tabs.setTabText(0, self.tr("Picks (%n new)", "", new) if new else self.tr("Picks"))

    def _pick_card(self, pick: Pick) -> PickCard:
        card = PickCard(pick)
        card.play_requested.connect(lambda ids: self.play_requested.emit(list(ids)))
        card.preview_requested.connect(self._preview)
        card.open_requested.connect(self._open_in_store)
        card.feedback_requested.connect(
            lambda pick_id, fb: self._call(lambda r: r.pick_feedback(pick_id, fb))
        )
        return card

    def _preview(self, pick: Pick) -> None:
        title = pick.item.track_title or pick.item.release_title
        self.preview_requested.emit(pick.item.preview_url, f"{title} — {pick.item.artist}")

    def _account_menu(self, state: RelationshipState) -> None:
        account = state.account or {}
        name = account.get("display_name") or account.get("username") or self.tr("you")
        self.account.setText(f"{name} ▾")
        menu = QMenu(self.account)
        menu.addAction(self.tr("Signed in as %1").replace("%1", name)).setEnabled(False)
        menu.addAction(self.tr("Sharing and privacy…"), self.sharing_requested.emit)
        menu.addSeparator()
        menu.addAction(self.tr("Sign out"), self.sign_out)
        self.account.setMenu(menu)

    def _status(self, status: SyncStatus) -> None:
        short = SHORT_STATUS.get(status.connection)
        parts = [self.tr(short) if short else ""]
        state = self._state
        if state is not None and state.waiting_to_send:
            parts.append(self.tr("%n waiting to send", "", state.waiting_to_send))
        if state is not None and state.failed_to_send:
            parts.append(self.tr("%n not sent", "", state.failed_to_send))
        self.status.setText(" · ".join(parts))
        words = STATUS_WORDS.get(status.connection)
        detail = say(status.error) if status.error else (self.tr(words) if words else "")
        self.status.setToolTip(detail)
        self.conversation.offline.setVisible(status.connection is Connection.OFFLINE)
        relationship = self.bridge.relationship
        signed_out = status.connection is Connection.SIGNED_OUT
        if signed_out and relationship is not None and relationship.account is None:
            self.setCurrentWidget(self.signed_out)

    def _announce(self, state: RelationshipState) -> None:
        """New messages and picks since the last look become notifications (not the first)."""
        messages = {m.key for m in state.messages if not m.mine}
        picks = {p.id for p in state.picks}
        if self._seen_messages is not None:
            for message in state.messages:
                if not message.mine and message.key not in self._seen_messages:
                    self.news.emit(
                        self.tr("Message from %1").replace("%1", message.author),
                        message.body[:200],
                    )
            for pick in state.picks:
                if pick.id not in (self._seen_picks or set()):
                    title = pick.item.track_title or pick.item.release_title
                    self.news.emit(
                        self.tr("New pick from %1").replace("%1", pick.curator),
                        f"{title} — {pick.item.artist}",
                    )
        self._seen_messages, self._seen_picks = messages, picks

    def _mark_seen(self) -> None:
        """What is on screen counts as seen: new picks get 'seen', messages a read marker."""
        state, relationship = self._state, self.bridge.relationship
        if state is None or relationship is None or not self.isVisible():
            return
        # Each marker is written once: the refresh it causes must not write it again.
        if state.unread and state.latest_seq > self._read_up_to:
            self._read_up_to = state.latest_seq
            relationship.mark_read()
        if self.tabs.currentWidget() is self.picks:
            for pick in state.picks:
                if pick.is_new and not pick.feedback_pending and pick.id not in self._marked_seen:
                    self._marked_seen.add(pick.id)
                    relationship.pick_feedback(pick.id, "seen")

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._drawn and self._state is not None:
            self._draw(self._state)
        self._mark_seen()

    # -- acting ------------------------------------------------------------------------------

    def _send(self, text: str) -> None:
        relationship = self.bridge.relationship
        if relationship is None:
            return
        try:
            relationship.send_message(text)
        except ValueError as exc:
            self.conversation.composer.show_problem(error_text(exc))
            return
        self.conversation.composer.sent()
        self.refresh()

    def _call(self, action: Callable[[Relationship], object]) -> None:
        """Do something with the relationship (a quick, local send) and redraw."""
        relationship = self.bridge.relationship
        if relationship is not None:
            action(relationship)
            self.refresh()

    def _open_in_store(self, pick: Pick) -> None:
        """The release as the store describes it (from the cache: it opens offline too)."""
        relationship = self.bridge.relationship
        release = relationship.release(pick.item.release_id) if relationship else None
        view = ReleaseView(pick, release, self)
        view.preview_requested.connect(self.preview_requested)
        view.play_requested.connect(lambda ids: self.play_requested.emit(list(ids)))
        self.release_view = view  # the test and the screenshot script look at it
        view.open()

    def open_sign_in(self) -> None:
        from rvibe_player.ui.shell.sign_in_dialog import SignInDialog

        relationship = self.bridge.relationship
        if relationship is None:
            return
        dialog = SignInDialog(relationship.store_url, relationship.keyring_problem, self)

        def submit(username: str, password: str, remember: bool) -> None:
            def then(result: object, error: BaseException | None) -> None:
                if error is not None:
                    dialog.show_problem(error_text(error))
                else:
                    dialog.accept()
                    self.refresh()

            self.bridge.run(relationship.sign_in, username, password, then=then,
                            remember=remember)  # fmt: skip

        dialog.submitted.connect(submit)
        dialog.exec()

    def sign_out(self) -> None:
        relationship = self.bridge.relationship
        if relationship is None:
            return

        def then(result: object, error: BaseException | None) -> None:
            if error is not None:
                QMessageBox.warning(self, self.tr("Sign out"), str(error))
            self.setCurrentWidget(self.signed_out)

        self.bridge.run(relationship.sign_out, then=then)
