"""Every control a keyboard or a click reaches has an accessible name, on every page and in
every dialog of the window (issue 16): walked through Qt's accessibility interfaces."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rvibe_player.ui.library.backups_dialog import BackupsDialog
from rvibe_player.ui.library.problems_dialog import ProblemsDialog
from rvibe_player.ui.shell.info_dialogs import ShortcutsDialog, TrackInfoDialog
from rvibe_player.ui.shell.settings_dialog import SettingsDialog
from rvibe_player.ui.shell.sign_in_dialog import SignInDialog
from scripts.make_corpus import Manifest
from tests.ui.a11y import unnamed_on_every_tab


def test_every_page_names_its_controls(open_window, scanned_library: Manifest, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.made("playback"), timeout=10_000)  # the transport bar
    pages = list(dict.fromkeys([*window._lazy_pages, *window.pages]))
    assert {"tracks", "albums", "artists", "queue", "store", "desk"} <= set(pages)
    unnamed = {}
    for page in pages:
        window.show_page(page)
        qtbot.wait(20)
        if missing := unnamed_on_every_tab(window):
            unnamed[page] = missing
    assert not unnamed, unnamed


def test_every_dialog_names_its_controls(open_window, scanned_library: Manifest, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    session = window.session
    track = session.library.track(window.songs.model.ids()[0])
    dialogs: list[QWidget] = [
        SettingsDialog(session.settings, session.library.roots(), [("", "Default")], window),
        SignInDialog("https://store.example", None, window),
        ShortcutsDialog(window),
        TrackInfoDialog(track, window),
        ProblemsDialog(session.library, window),
        BackupsDialog(session.care.backups(), window),
        window.playlist_actions.text_dialog("New playlist", "Name:"),
    ]
    unnamed = {}
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        if missing := unnamed_on_every_tab(dialog):
            unnamed[type(dialog).__name__] = missing
        dialog.close()
    assert not unnamed, unnamed
