"""One listener on one screen at the desk: who they are, what they share, how past picks
fared, notes (theirs and staff-only), the conversation, and what the curator can do next.

It only shows and forwards: every change goes out through the desk (``DeskPage``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.desk_model import (
    Colleague,
    InboxRow,
    ListenerContext,
    PickOutcome,
)
from rvibe_player.store_client.model import Message
from rvibe_player.ui.shell.conversation_view import ConversationView
from rvibe_player.ui.shell.formats import date_text, month_text
from rvibe_player.ui.shell.theme import colours_of
from rvibe_player.ui.shell.widgets import heading, plain_label

NO_ANSWER = str(QT_TRANSLATE_NOOP("ListenerPanel", "No answer yet"))
OUTCOME_WORDS = {
    "loved": str(QT_TRANSLATE_NOOP("ListenerPanel", "Loved")),
    "played": str(QT_TRANSLATE_NOOP("ListenerPanel", "Played")),
    "seen": str(QT_TRANSLATE_NOOP("ListenerPanel", "Seen")),
    "dismissed": str(QT_TRANSLATE_NOOP("ListenerPanel", "Not for them")),
}
SHARES = {
    "off": str(QT_TRANSLATE_NOOP("ListenerPanel", "shares no listening")),
    "summary": str(QT_TRANSLATE_NOOP("ListenerPanel", "shares a listening summary")),
    "full": str(QT_TRANSLATE_NOOP("ListenerPanel", "shares every play")),
}
"""How a pick fared and what a listener shares, marked for translation: show them through
``ListenerPanel.tr`` (lupdate reads only literals written in a ``tr()`` call or marked)."""


def _list(name: str, height: int) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    widget.setProperty("most", height)
    return widget


def _fill(widget: QListWidget, rows: list[tuple[str, int]], empty: str) -> None:
    """Rows with their ids; as tall as they need (up to its most), one grey line when none."""
    widget.clear()
    for text, key in rows:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        widget.addItem(item)
    if not rows:
        item = QListWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
    tall = sum(widget.sizeHintForRow(n) for n in range(widget.count()))
    most = int(widget.property("most") or 150)
    widget.setFixedHeight(min(most, tall + 2 * widget.frameWidth() + 2))


def _section(title: str) -> QLabel:
    label = plain_label(title)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


class ListenerPanel(QWidget):
    """The right-hand side of the desk for the chosen listener."""

    reply_requested = Signal(str)
    pick_requested = Signal()
    note_requested = Signal(str)
    staff_note_requested = Signal(str)
    cadence_requested = Signal(int)
    reason_edit_requested = Signal(int)
    note_edit_requested = Signal(int)
    """The id of a note (they read) to reword."""
    """The id of a pick whose reason to edit."""
    older_requested = Signal()
    replies_requested = Signal()
    snooze_menu_requested = Signal()
    typing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: ListenerContext | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.name = heading("")
        self.details = plain_label("")
        self.details.setEnabled(False)
        self.collision = plain_label("")
        self.collision.setObjectName("collision")
        text, background = colours_of(self).warning
        self.collision.setStyleSheet(
            f"QLabel#collision {{ background: {background.name()}; color: {text.name()}; "
            "padding: 6px 10px; border-radius: 6px; }"
        )
        self.collision.hide()
        self.problem = plain_label("")
        self.problem.setWordWrap(True)
        self.problem.setEnabled(False)
        self.problem.hide()
        layout.addWidget(self.name)
        layout.addWidget(self.problem)
        layout.addWidget(self.details)
        layout.addWidget(self.collision)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._about())
        split.addWidget(self._conversation())
        split.setStretchFactor(1, 1)
        split.setSizes([330, 420])
        layout.addWidget(split, 1)

    # -- building ------------------------------------------------------------------------------

    def _about(self) -> QScrollArea:
        """Everything about the listener in one column: listening, picks, notes, touch."""
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 8, 0)
        box.setSpacing(4)
        self.listening = plain_label("")
        self.listening.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.listening.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(_section(self.tr("Listening")))
        box.addWidget(self.listening)
        box.addWidget(_section(self.tr("Picks and how they fared")))
        self.picks = _list(self.tr("Past picks and how they fared"), 150)
        self.picks.itemActivated.connect(lambda _item: self._edit_reason())
        self.edit_reason = QPushButton(self.tr("Edit the chosen pick's reason…"))
        self.edit_reason.setAccessibleName(self.tr("Edit the reason of the chosen pick"))
        self.edit_reason.clicked.connect(self._edit_reason)
        box.addWidget(self.picks)
        box.addWidget(self.edit_reason, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(_section(self.tr("Notes they read")))
        self.notes = _list(self.tr("Notes the listener reads (Enter or a double click edits)"), 80)
        self.notes.itemActivated.connect(self._edit_note)
        box.addWidget(self.notes)
        box.addWidget(_section(self.tr("Staff only: never shown to them")))
        self.staff_notes = _list(self.tr("Staff-only notes"), 80)
        box.addWidget(self.staff_notes)
        self.note_editor = QPlainTextEdit()
        self.note_editor.setAccessibleName(self.tr("New note"))
        self.note_editor.setPlaceholderText(self.tr("A note…"))
        self.note_editor.setFixedHeight(52)
        box.addWidget(self.note_editor)
        buttons = QHBoxLayout()
        self.to_them_button = QPushButton(self.tr("Note to them"))
        self.to_them_button.setAccessibleName(self.tr("Leave the note for them to read"))
        self.staff_only_button = QPushButton(self.tr("Staff-only note"))
        self.staff_only_button.setAccessibleName(self.tr("Keep the note for staff only"))
        self.to_them_button.clicked.connect(lambda: self._note(self.note_requested))
        self.staff_only_button.clicked.connect(lambda: self._note(self.staff_note_requested))
        buttons.addWidget(self.to_them_button)
        buttons.addWidget(self.staff_only_button)
        buttons.addStretch()
        box.addLayout(buttons)
        box.addWidget(_section(self.tr("Touch")))
        self.touch_words = plain_label("")
        box.addWidget(self.touch_words)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Every")))
        self.cadence = QSpinBox()
        self.cadence.setRange(1, 365)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setAccessibleName(self.tr("Be in touch every so many days"))
        apply = QPushButton(self.tr("Set"))
        apply.setAccessibleName(self.tr("Set the touch cadence"))
        apply.clicked.connect(lambda: self.cadence_requested.emit(self.cadence.value()))
        snooze = QPushButton(self.tr("Snooze…  (S)"))
        snooze.setAccessibleName(self.tr("Snooze them"))
        snooze.clicked.connect(self.snooze_menu_requested)
        row.addWidget(self.cadence)
        row.addWidget(apply)
        row.addStretch()
        row.addWidget(snooze)
        box.addLayout(row)
        box.addStretch()
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("About this listener"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        return scroll

    def _conversation(self) -> QWidget:
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        self.older = QPushButton(self.tr("Show older messages"))
        self.older.clicked.connect(self.older_requested)
        self.older.hide()
        box.addWidget(self.older)
        self.conversation = ConversationView(
            placeholder=self.tr("Write to them…  (Enter sends, / for saved replies)"),
            empty=self.tr("No messages yet: a first hello goes a long way."),
        )
        self.conversation.composer.send_requested.connect(self.reply_requested)
        self.conversation.composer.editor.textChanged.connect(self.typing)
        box.addWidget(self.conversation, 1)
        actions = QHBoxLayout()
        self.pick_button = QPushButton(self.tr("Pick a release…  (P)"))
        self.pick_button.setAccessibleName(self.tr("Pick a release for them"))
        self.pick_button.clicked.connect(self.pick_requested)
        actions.addWidget(self.pick_button)
        self.replies_button = QPushButton(self.tr("Saved replies…  (/)"))
        self.replies_button.setAccessibleName(self.tr("Start from a saved reply"))
        self.replies_button.clicked.connect(self.replies_requested)
        actions.addWidget(self.replies_button)
        actions.addStretch()
        box.addLayout(actions)
        return side

    # -- showing -------------------------------------------------------------------------------

    def show_context(self, context: ListenerContext) -> None:
        """Everything the store gave about the listener, as plain text."""
        self.context = context
        self.name.setText(context.name or context.username)
        details = []
        if context.member_since:
            details.append(
                self.tr("member since %1").replace("%1", month_text(context.member_since))
            )
        if context.assigned_since:
            details.append(
                self.tr("yours since %1").replace("%1", date_text(context.assigned_since))
            )
        details.append(self.tr(SHARES.get(context.sharing_level, "")))
        if context.owned_total is not None:
            details.append(self.tr("%n albums in their library", "", context.owned_total))
        self.details.setText(" · ".join(d for d in details if d))
        self.problem.hide()
        self.listening.setText(self._listening_words(context))
        picks = [
            (f"{p.title} — {p.artist}\n“{p.reason}”\n{self.outcome_words(p)}", p.id)
            for p in context.picks
        ]
        _fill(self.picks, picks, self.tr("No picks yet."))
        self.edit_reason.setEnabled(bool(picks))
        _fill(self.notes, [(body, n) for n, body in context.notes], self.tr("No notes yet."))
        staff = [(f"{n.body}\n— {n.author}", 0) for n in context.staff_notes]
        _fill(self.staff_notes, staff, self.tr("Nothing noted yet."))
        self.cadence.setValue(context.touch_every_days)
        due = date_text(context.touch_due_at)
        touch = (
            self.tr("Next touch due %1.").replace("%1", due)
            if due
            else self.tr("Never contacted yet: say hello.")
        )
        if context.snooze_until_reply:
            touch += " " + self.tr("Snoozed until they write.")
        elif context.snoozed_until:
            touch += " " + self.tr("Snoozed until %1.").replace(
                "%1", f"{context.snoozed_until.astimezone():%d %b}"
            )
        self.touch_words.setText(touch)
        self.older.setVisible(context.has_older)
        self.show_colleagues(list(context.others))

    def _listening_words(self, context: ListenerContext) -> str:
        lines = []
        if context.sharing_level == "off":
            lines.append(
                self.tr("%1 does not share their listening.").replace("%1", context.first_name)
            )
        else:

            def names(rows: tuple) -> str:
                listed = ", ".join(f"{r.name} ({r.plays})" for r in rows[:6])
                return listed or self.tr("nothing yet")

            lines += [
                self.tr("This month: %1").replace("%1", names(context.this_month)),
                self.tr("Last month: %1").replace("%1", names(context.last_month)),
                self.tr("Genres this month: %1").replace("%1", names(context.this_month_genres)),
            ]
            if context.new_artists:
                lines.append(
                    self.tr("New to them: %1").replace("%1", ", ".join(context.new_artists[:6]))
                )
        if context.owned:
            albums = "; ".join(f"{a} — {b}" for a, b in context.owned[:8])
            lines.append(self.tr("In their library: %1").replace("%1", albums))
        return "\n\n".join(lines)

    def show_row(self, row: InboxRow) -> None:
        """What the inbox knows, until the context arrives."""
        self.context = None
        self.name.setText(row.name or row.username)
        self.details.setText(self.tr(SHARES.get(row.sharing_level, "")))
        self.listening.setText("")
        for widget in (self.picks, self.notes, self.staff_notes):
            _fill(widget, [], "…")
        self.show_colleagues(list(row.others))

    def show_problem(self, text: str) -> None:
        """Why what is shown may be old (the store could not be asked)."""
        self.problem.setText(text)
        self.problem.show()

    def show_messages(self, messages: list[Message]) -> None:
        """The conversation (oldest first, unsent replies last)."""
        self.conversation.show_messages(messages)

    def show_colleagues(self, others: list[Colleague]) -> None:
        """Say who else has this listener open, or is typing to them."""
        name = self.context.first_name if self.context else self.tr("them")
        words = self.colleague_words(others, name)
        self.collision.setText(words)
        self.collision.setVisible(bool(words))

    # -- words -------------------------------------------------------------------------------

    def outcome_words(self, pick: PickOutcome) -> str:
        """How a pick fared, in a few words."""
        if pick.withdrawn:
            return self.tr("Withdrawn")
        words = self.tr(OUTCOME_WORDS.get(pick.feedback or "", NO_ANSWER))
        if pick.plays:
            words += " · " + self.tr("played %n times", "", pick.plays)
        return words

    def colleague_words(self, others: list[Colleague], name: str) -> str:
        """The collision notice: who else has the listener open or is typing to them."""
        typing = [o.name for o in others if o.state == "typing"]
        viewing = [o.name for o in others if o.state != "typing"]
        parts = []
        also = self.tr(" and ")
        if typing:
            parts.append(
                self.tr("%1 typing to %2 right now", "", len(typing))
                .replace("%1", also.join(typing))
                .replace("%2", name)
            )
        if viewing:
            parts.append(
                self.tr("%1 also looking at %2", "", len(viewing))
                .replace("%1", also.join(viewing))
                .replace("%2", name)
            )
        return "; ".join(parts) + "." if parts else ""

    # -- forwarding ----------------------------------------------------------------------------

    def _note(self, signal: SignalInstance) -> None:
        text = self.note_editor.toPlainText()
        if text.strip():
            signal.emit(text)
            self.note_editor.clear()

    def _edit_note(self, item: QListWidgetItem) -> None:
        note_id = item.data(Qt.ItemDataRole.UserRole)
        if note_id:
            self.note_edit_requested.emit(int(note_id))

    def _edit_reason(self) -> None:
        item = self.picks.currentItem()
        if item is not None:
            self.reason_edit_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
