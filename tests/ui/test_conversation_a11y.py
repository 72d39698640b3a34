"""A screen reader hears the conversation: each bubble reads as sender, time and words, and a
message that arrives from the other side is announced, once (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from rvibe_player.store_client.model import Message, MessageState
from rvibe_player.ui.shell.conversation_view import ConversationView
from rvibe_player.ui.shell.formats import time_text

AT = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)


def message(key: str, body: str, *, mine: bool, author: str = "Ana") -> Message:
    state = MessageState.SENT if mine else MessageState.UNREAD
    return Message(key, None, None, body, mine, author, AT, state)


def test_bubbles_read_as_sender_time_and_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ConversationView()
    qtbot.addWidget(view)
    view.show_messages([message("m:1", "Try the Nils Frahm", mine=False)])
    bubble = view.model.index(1, 0)  # row 0 is the day's separator
    spoken = bubble.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Ana, {time_text(AT.astimezone())}: Try the Nils Frahm"


def test_only_what_arrives_later_from_the_other_side_is_announced(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ConversationView()
    qtbot.addWidget(view)
    history = [message("m:1", "Welcome!", mine=False), message("c:1", "Thanks", mine=True)]
    view.show_messages(history)
    assert view.announced == [], "the history shown first is not news"
    view.show_messages([*history, message("c:2", "Any tips?", mine=True)])
    assert view.announced == [], "my own message is not announced to me"
    arrived = message("m:2", "Listen to Floating Points", mine=False)
    view.show_messages([*history, message("c:2", "Any tips?", mine=True), arrived])
    assert view.announced == ["New message from Ana: Listen to Floating Points"]
    view.show_messages([*history, message("c:2", "Any tips?", mine=True), arrived])
    assert len(view.announced) == 1, "a refresh announces nothing twice"
