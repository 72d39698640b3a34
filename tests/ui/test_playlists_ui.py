"""Playlists in the window: create, reorder by drag and drop, remove, import, export, smart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from rvibe_player.library.playlists import read_playlist
from rvibe_player.ui.library.playlist_actions import PlaylistActions
from scripts.make_corpus import Manifest

pytestmark = pytest.mark.gui


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the user types into the next input dialogs (the true edge: a person)."""
    queue: list[str] = []
    monkeypatch.setattr(PlaylistActions, "ask", lambda self, *a, **k: queue.pop(0))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    return queue


def titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.entries
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_create_reorder_remove_and_export(
    open_window, scanned_library: Manifest, answers: list[str], qtbot, tmp_path: Path
) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 5, timeout=10_000)
    ids = list(window.songs.model.ids()[:4])
    answers.append("Road trip")
    playlist_id = window.playlist_actions.new(ids)
    assert playlist_id is not None
    sidebar = window.sidebar.playlists_section
    assert [sidebar.child(i).text(0) for i in range(sidebar.childCount())] == ["Road trip"]

    window.show_playlist(playlist_id)
    page = window.playlist_page
    names = [window.session.library.track(i).title for i in ids]
    assert titles(page) == names

    # Drag rows 0 and 1 and drop them at the end, as the view does on a drop.
    model = page.entries
    data = model.mimeData([model.index(0, 0), model.index(1, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    assert titles(page) == [names[2], names[3], names[0], names[1]]

    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert titles(page) == [names[3], names[0], names[1]]

    target = tmp_path / "trip.xspf"
    window.playlist_actions.export(playlist_id, str(target))
    exported = read_playlist(str(target))
    wanted = [window.session.library.track(i).path for i in (ids[3], ids[0], ids[1])]
    assert [entry.path for entry in exported.entries] == wanted


def test_import_keeps_unresolved_entries_visible(
    open_window, scanned_library: Manifest, qtbot, tmp_path: Path, answers: list[str]
) -> None:
    window = open_window()
    spec = scanned_library.tracks[0]
    playlist = tmp_path / "mix.m3u8"
    playlist.write_text(
        f"#EXTM3U\n{scanned_library.root / spec.path}\n/nowhere/gone.mp3\n", encoding="utf-8"
    )
    playlist_id = window.playlist_actions.import_file(str(playlist))
    assert playlist_id is not None
    window.show_playlist(playlist_id)
    page = window.playlist_page
    assert page.entries.rowCount() == 2
    assert page.entries.index(0, 1).data() == spec.title
    assert page.entries.index(1, 5).data() == "not found"
    assert "1 not in your library (kept here)" in page.summary.text()


def test_smart_playlist_shows_its_search(
    open_window, scanned_library: Manifest, answers: list[str], qtbot
) -> None:
    window = open_window()
    year = sorted(t.year for t in scanned_library.tracks)[len(scanned_library.tracks) // 2]
    expected = sum(1 for t in scanned_library.tracks if t.year >= year)
    answers.extend(["Recent", f"year:>={year}"])
    window.playlist_actions.new_smart()
    (info,) = window.session.playlists.playlists()
    assert info.smart and info.query == f"year:>={year}"
    window.show_playlist(info.id)
    smart = window.playlist_page.smart_page
    qtbot.waitUntil(lambda: smart.model.rowCount() == expected, timeout=10_000)
