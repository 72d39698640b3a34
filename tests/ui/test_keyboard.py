"""A keyboard alone reaches every control: Tab walks each page through all of them and comes
back to where it started (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from scripts.make_corpus import Manifest

MAX_TABS = 200


def tab_stops(root: QWidget) -> list[QWidget]:
    """The visible, enabled widgets under ``root`` that Tab should reach."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.objectName() != "qt_spinbox_lineedit"
    ]


def walk(root: QWidget, qtbot) -> tuple[list[QWidget], bool]:  # type: ignore[no-untyped-def]
    """Press Tab from the first stop until focus comes back to it: the widgets reached, and
    whether it came back."""
    first = tab_stops(root)[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2000)
    reached = [first]
    for _ in range(MAX_TABS):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first:
            return reached, True
        if now is not None:
            reached.append(now)
    return reached, False


def test_tab_reaches_every_control_of_every_page_and_comes_back(
    open_window, scanned_library: Manifest, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.made("playback"), timeout=10_000)
    problems = {}
    for page in dict.fromkeys([*window._lazy_pages, *window.pages]):
        window.show_page(page)
        qtbot.wait(20)
        reached, came_back = walk(window, qtbot)
        missed = [
            f"{type(w).__name__} {w.accessibleName() or w.objectName()!r}"
            for w in tab_stops(window)
            if w not in reached
        ]
        if missed or not came_back:
            problems[page] = {"missed": missed, "came back": came_back}
    assert not problems, problems
