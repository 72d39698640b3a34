"""The action table: every action has a handler, no two share a key, and keys do what it says."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from rvibe_player.ui.shell.actions import ACTIONS, ActionId, key_sequence, typing_aware_keys
from rvibe_player.ui.shell.info_dialogs import shortcut_rows

pytestmark = pytest.mark.gui


def test_every_action_is_declared_once_with_a_unique_shortcut(qapp) -> None:  # type: ignore[no-untyped-def]
    assert Counter(spec.id for spec in ACTIONS) == Counter(set(ActionId)), "each id once"
    keys = [key_sequence(spec).toString() for spec in ACTIONS if spec.shortcut is not None]
    assert all(keys), "every declared shortcut means something on this platform"
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert {spec.text for spec in ACTIONS if spec.shortcut} <= {d for _, d in shortcut_rows()}


def test_the_window_has_a_handler_and_a_menu_entry_for_every_action(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert set(window.handlers) == set(ActionId)
    assert set(window.menu_actions) == set(ActionId)
    for spec in ACTIONS:
        action = window.menu_actions[spec.id]
        if spec.shortcut is not None and not spec.typing_aware:
            assert action.shortcut() == key_sequence(spec), spec.id
    # A menu shortcut does what the table says: Ctrl+2 shows the albums.
    window.menu_actions[ActionId.SHOW_ALBUMS].trigger()
    assert window.stack.currentWidget() is window.albums


def test_typing_aware_keys_act_outside_text_fields_only(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    ran: list[ActionId] = []
    window.run_action = ran.append  # what the key filter calls
    window.playback  # noqa: B018 - installs the key filter
    window.playback._run_action = ran.append
    assert typing_aware_keys()["Space"] is ActionId.PLAY_PAUSE
    QTest.keyClick(window.songs.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.songs.table, Qt.Key.Key_Space)
    assert ran == [ActionId.NEXT, ActionId.PLAY_PAUSE]
    window.search.setFocus()
    QTest.keyClick(window.search, Qt.Key.Key_Space)
    QTest.keyClick(window.search, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert ran == [ActionId.NEXT, ActionId.PLAY_PAUSE], "the search box keeps its keys"
    assert window.search.text() == " "
    assert QKeySequence("Ctrl+5").toString() in [k for k, _ in shortcut_rows()]
