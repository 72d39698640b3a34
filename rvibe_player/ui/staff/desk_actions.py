"""What a curator does to the open listener at the desk: reply (asking first when the
listener wrote again since it was opened: Help Scout's rule), notes, picks, a better
reason, snooze and cadence, crates, saved replies, and telling colleagues who has the
listener open or is typing. Every send goes through the desk's outbox."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.desk import CuratorDesk, DeskError
from rvibe_player.store_client.desk_model import InboxRow, ListenerContext
from rvibe_player.ui.shell.core_words import error_text
from rvibe_player.ui.staff.crate_dialog import CrateDialog
from rvibe_player.ui.staff.desk_bridge import DeskBridge
from rvibe_player.ui.staff.listener_panel import ListenerPanel
from rvibe_player.ui.staff.pick_dialog import PickDialog
from rvibe_player.ui.staff.saved_replies import SavedReplies

PRESENCE_RENEW_MS = 30_000
"""How often "I still have them open" is said (the store forgets presence after a minute)."""
TYPING_EVERY_S = 8.0
SNOOZES = {"day": timedelta(days=1), "week": timedelta(days=7)}
SNOOZE_WORDS = (
    ("day", str(QT_TRANSLATE_NOOP("DeskActions", "Until tomorrow"))),
    ("week", str(QT_TRANSLATE_NOOP("DeskActions", "For a week"))),
    ("reply", str(QT_TRANSLATE_NOOP("DeskActions", "Until they write"))),
    ("date", str(QT_TRANSLATE_NOOP("DeskActions", "Until a date…"))),
    ("wake", str(QT_TRANSLATE_NOOP("DeskActions", "Wake now"))),
)


class DeskActions(QObject):
    """The desk's doing, for the listener open in ``panel``."""

    def __init__(self, bridge: DeskBridge, panel: ListenerPanel, page: QWidget) -> None:
        super().__init__(page)
        self.bridge = bridge
        self.panel = panel
        self.page = page
        self.listener: InboxRow | None = None
        self.opened_seq = 0
        """The listener's newest message when the conversation was opened or last answered."""
        self.confirm_newer: Callable[[str], bool] = self._ask_newer
        """Asked before a reply goes out when the listener wrote again since it was opened."""
        self.pick_dialog: PickDialog | None = None
        self.crate_dialog: CrateDialog | None = None
        self.snooze_popup: QMenu | None = None
        self._typing_at = 0.0
        self._presence = QTimer(self, interval=PRESENCE_RENEW_MS)
        self._presence.timeout.connect(lambda: self.tell("viewing"))
        editor = panel.conversation.composer.editor
        self.replies = SavedReplies(editor, self._names, page)
        self.replies.save_requested.connect(self._save_reply)
        panel.reply_requested.connect(self.reply)
        panel.pick_requested.connect(lambda: self.open_pick(self._id()))
        panel.replies_requested.connect(self.replies.open_menu)
        panel.note_requested.connect(lambda text: self._act(lambda d, lid: d.note(lid, text)))
        panel.staff_note_requested.connect(
            lambda text: self._act(lambda d, lid: d.staff_note(lid, text))
        )
        panel.cadence_requested.connect(lambda days: self._act(lambda d, lid: d.cadence(lid, days)))
        panel.snooze_menu_requested.connect(self.snooze_menu)
        panel.reason_edit_requested.connect(self.edit_reason)
        panel.note_edit_requested.connect(self.edit_note)
        panel.older_requested.connect(self.load_older)
        panel.typing.connect(self._typed)

    def _id(self) -> int:
        return self.listener.listener_id if self.listener is not None else 0

    def _names(self) -> tuple[str, str]:
        desk = self.bridge.desk
        curator = str((desk.account or {}).get("name") or "") if desk is not None else ""
        first = self.panel.context.first_name if self.panel.context else ""
        if not first and self.listener is not None:
            first = self.listener.first_name
        return first, curator

    # -- the open listener ---------------------------------------------------------------------

    def opened(self, listener: InboxRow) -> None:
        """A listener was opened: presence, their newest message, read up to it."""
        desk = self.bridge.desk
        if desk is None:
            return
        if self.listener is not None and self.listener.listener_id != listener.listener_id:
            self.tell("gone")
        self.listener = listener
        self.opened_seq = desk.newest_from_listener(listener.listener_id)
        self.tell("viewing")
        self._presence.start()
        if listener.unread and listener.latest_seq:
            desk.mark_read(listener.listener_id, listener.latest_seq)

    def context_read(self, context: ListenerContext) -> None:
        """The store's context arrived: what was on screen is now the newest seen."""
        desk = self.bridge.desk
        if desk is not None and self.listener is not None:
            self.opened_seq = max(self.opened_seq, desk.newest_from_listener(context.listener_id))

    def seen_newest(self) -> None:
        """The conversation was drawn while no reply was being written: the curator has
        everything in front of them (a message arriving mid-reply still asks first)."""
        desk = self.bridge.desk
        if desk is not None and self.listener is not None:
            self.opened_seq = desk.newest_from_listener(self.listener.listener_id)

    def _act(self, action: Callable[[CuratorDesk, int], Any]) -> bool:
        desk = self.bridge.desk
        if desk is None or self.listener is None:
            return False
        try:
            action(desk, self.listener.listener_id)
        except DeskError as exc:
            self.panel.conversation.composer.show_problem(error_text(exc))
            return False
        return True

    # -- writing -------------------------------------------------------------------------------

    def reply(self, text: str) -> None:
        """Send a reply; asks first when the listener wrote again since it was opened."""
        desk = self.bridge.desk
        if desk is None or self.listener is None:
            return
        newest = desk.newest_from_listener(self.listener.listener_id)
        if newest > self.opened_seq and not self.confirm_newer(text):
            self.opened_seq = newest  # they have seen it now; the reply stays in the editor
            return
        if self._act(lambda d, lid: d.reply(lid, text)):
            self.panel.conversation.composer.sent()
            self.opened_seq = newest
            self.tell("viewing")

    def _ask_newer(self, _text: str) -> bool:
        name = self._names()[0] or self.tr("The listener")
        answer = QMessageBox.question(
            self.page,
            self.tr("A newer message"),
            self.tr(
                "%1 wrote again since you opened the conversation. Send your reply anyway?"
            ).replace("%1", name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_pick(self, listener_id: int) -> PickDialog | None:
        """P: choose a release and say why, for the open listener."""
        if not listener_id:
            return None
        dialog = PickDialog(self.bridge, listener_id, self._names()[0], self.page)
        dialog.picked.connect(
            lambda release, reason: self._act(lambda d, lid: d.pick(lid, release, reason))
        )
        self.pick_dialog = dialog
        dialog.open()
        return dialog

    def edit_reason(self, pick_id: int) -> QInputDialog:
        """A better reason for a past pick (the listener's log gets the update)."""
        picks = self.panel.context.picks if self.panel.context else ()
        pick = next((p for p in picks if p.id == pick_id), None)
        dialog = QInputDialog(self.page)
        dialog.setWindowTitle(self.tr("The reason"))
        dialog.setLabelText(self.tr("Why this pick, for them:"))
        dialog.setTextValue(pick.reason if pick else "")
        dialog.textValueSelected.connect(
            lambda text: self._act(lambda d, lid: d.edit_pick_reason(lid, pick_id, text.strip()))
        )
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def edit_note(self, note_id: int) -> QInputDialog:
        """Reword a note the listener reads (their log gets the update)."""
        notes = dict(self.panel.context.notes) if self.panel.context else {}
        dialog = QInputDialog(self.page)
        dialog.setWindowTitle(self.tr("The note"))
        dialog.setLabelText(self.tr("What they read:"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(notes.get(note_id, ""))
        editor = dialog.findChild(QPlainTextEdit)
        if editor is not None:  # a plain-text editor has no buddy label to be named by
            editor.setAccessibleName(self.tr("What they read"))
        dialog.textValueSelected.connect(
            lambda text: self._act(lambda d, lid: d.edit_note(lid, note_id, text.strip()))
        )
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def snooze_menu(self) -> QMenu:
        """S: the ways to set the open listener aside."""
        menu = QMenu(self.page)
        menu.setAccessibleName(self.tr("Snooze"))
        for key, words in SNOOZE_WORDS:
            menu.addAction(self.tr(words), functools.partial(self.snooze, key))
        self.snooze_popup = menu
        menu.popup(self.panel.mapToGlobal(self.panel.rect().center()))
        return menu

    def snooze(self, how: str) -> None:
        """``day``, ``week``, ``reply`` (until they write), ``date`` (asks) or ``wake``."""
        if how == "date":
            self.snooze_date()
            return
        until = datetime.now(UTC) + SNOOZES[how] if how in SNOOZES else None
        self._act(lambda d, lid: d.snooze(lid, until, how == "reply"))

    def snooze_date(self) -> QDialog:
        """Snooze until a day the curator picks (from 9 in the morning, their time)."""
        dialog = QDialog(self.page)
        dialog.setWindowTitle(self.tr("Snooze until"))
        box = QVBoxLayout(dialog)
        when = QDateEdit(QDate.currentDate().addDays(14))
        when.setCalendarPopup(True)
        when.setMinimumDate(QDate.currentDate().addDays(1))
        when.setAccessibleName(self.tr("The day they come back to the inbox"))
        box.addWidget(when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        box.addWidget(buttons)

        def chosen() -> None:
            day = when.date()
            until = datetime(day.year(), day.month(), day.day(), 9).astimezone()  # local 9:00
            self._act(lambda d, lid: d.snooze(lid, until, False))

        dialog.accepted.connect(chosen)
        self.date_dialog = dialog
        self.date_edit = when
        dialog.open()
        return dialog

    def load_older(self) -> None:
        """The conversation's older messages (from the store)."""
        desk = self.bridge.desk
        if desk is None or self.listener is None:
            return
        listener = self.listener.listener_id
        first = next((m.seq for m in desk.conversation(listener) if m.seq), None)
        if first is not None:
            self.bridge.run(
                desk.fetch_older, listener, first,
                then=lambda more, _e: self.panel.older.setVisible(bool(more)),
            )  # fmt: skip

    # -- crates --------------------------------------------------------------------------------

    def open_crate(self, chosen: list[InboxRow], filter: str, query: str) -> CrateDialog | None:
        """A crate for the chosen listeners, or for everyone the inbox's filter lists."""
        desk = self.bridge.desk
        if desk is None or desk.account is None:
            return None
        dialog = CrateDialog(self.bridge, chosen, self._names()[1], self.page)
        if not chosen:
            dialog.load_listeners(filter, query)
        dialog.send_requested.connect(self._send_crate)
        self.crate_dialog = dialog
        dialog.open()
        return dialog

    def _send_crate(self, releases: list[int], lines: dict[int, str]) -> None:
        desk = self.bridge.desk
        if desk is None:
            return
        try:
            desk.send_crate(releases, lines)
        except DeskError as exc:
            QMessageBox.warning(self.page, self.tr("The crate"), error_text(exc))

    # -- saved replies -------------------------------------------------------------------------

    def load_replies(self) -> None:
        desk = self.bridge.desk
        if desk is not None:
            self.bridge.run(
                desk.saved_replies, then=lambda replies, _e: self.replies.set_replies(replies or [])
            )

    def _save_reply(self, title: str, body: str) -> None:
        desk = self.bridge.desk
        if desk is not None:
            self.bridge.run(desk.save_reply, title, body, then=lambda _r, _e: self.load_replies())

    # -- presence ------------------------------------------------------------------------------

    def tell(self, state: str) -> None:
        """Tell colleagues I have the listener open (``viewing``), am ``typing`` or left."""
        desk = self.bridge.desk
        if desk is None or self.listener is None or desk.account is None:
            return
        self.bridge.run(
            desk.set_presence, self.listener.listener_id, state, then=lambda _r, _e: None
        )

    def _typed(self) -> None:
        now = datetime.now(UTC).timestamp()
        if now - self._typing_at >= TYPING_EVERY_S:
            self._typing_at = now
            self.tell("typing")

    def leave(self) -> None:
        """The window is closing: leave the listener (colleagues see it), stop the timer."""
        self._presence.stop()
        self.tell("gone")
