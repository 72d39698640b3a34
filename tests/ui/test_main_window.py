"""The main window driven for real: search, browse, empty library, settings across restarts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rvibe_player import settings as keys
from rvibe_player.settings import Settings
from rvibe_player.ui.library.track_model import COLUMNS
from rvibe_player.ui.library.track_table import TITLE_MIN
from rvibe_player.ui.shell.settings_dialog import SettingsDialog
from scripts.make_corpus import Manifest

pytestmark = pytest.mark.gui


def test_empty_library_shows_the_welcome_page(open_window, qtbot) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome)
    assert "library is empty" in window.welcome.findChildren(type(window.search_error))[1].text()


def test_search_filters_the_table(open_window, scanned_library: Manifest, qtbot) -> None:
    window = open_window()
    total = len(scanned_library.tracks)
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)
    artist = "; ".join(scanned_library.tracks[0].artists)
    expected = sorted(t.title for t in scanned_library.tracks if "; ".join(t.artists) == artist)
    assert 0 < len(expected) < total
    qtbot.keyClicks(window.search, f'artist:="{artist}"')
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == len(expected), timeout=10_000)
    model = window.songs.model
    assert sorted(model.index(row, 1).data() for row in range(model.rowCount())) == expected
    assert f"{len(expected)} song" in window.songs.summary.text()
    window.search.clear()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)


def test_malformed_query_shows_where_and_why(open_window, scanned_library, qtbot) -> None:
    window = open_window()
    total = len(scanned_library.tracks)
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == total, timeout=10_000)
    qtbot.keyClicks(window.search, "year:>abc")
    qtbot.waitUntil(lambda: "year needs a number" in window.search_error.text(), timeout=10_000)
    assert "character 7" in window.search_error.text()
    assert window.songs.model.rowCount() == total  # the last good results stay
    window.search.setText("year:>1900")
    qtbot.waitUntil(lambda: window.search_error.text() == "", timeout=10_000)


def test_header_click_sorts_through_the_query(open_window, scanned_library, qtbot) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    year_column = 4
    window.songs.table.sortByColumn(year_column, Qt.SortOrder.DescendingOrder)

    def years() -> list[int]:
        model = window.songs.model
        return [int(model.index(r, year_column).data() or 0) for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: bool(years()) and years() == sorted(years(), reverse=True))
    assert years()[0] == max(t.year for t in scanned_library.tracks)


def test_albums_and_artists_pages(open_window, scanned_library: Manifest, qtbot) -> None:
    window = open_window()
    window.show_page("albums")
    grid = window.albums.grid.albums
    albums = {(t.album, t.albumartist or t.artists[0]) for t in scanned_library.tracks}
    qtbot.waitUntil(lambda: grid.rowCount() == len(albums), timeout=10_000)
    first = grid.album(0)
    window.albums.grid.album_activated.emit(first)
    qtbot.waitUntil(lambda: window.albums.detail.model.rowCount() == first.tracks, timeout=10_000)
    assert window.albums.detail.title.text() == first.title
    window.show_page("artists")
    qtbot.waitUntil(lambda: window.artists.names.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.artists.tracks.model.rowCount() > 0, timeout=10_000)
    # Beside the artist list the songs table is narrow: the title keeps room to be read
    # (it was squeezed to one letter while the artist and album columns kept theirs).
    window.resize(1280, 800)
    table = window.artists.tracks.table
    title = next(n for n, column in enumerate(COLUMNS) if column.key == "title")
    qtbot.waitUntil(lambda: table.columnWidth(title) >= TITLE_MIN, timeout=5_000)
    window.show_page("tracks")
    songs = window.songs.table
    qtbot.waitUntil(lambda: songs.columnWidth(title) > TITLE_MIN, timeout=5_000)  # stretched


def test_settings_and_window_state_persist_across_a_restart(
    open_window, scanned_library, qtbot
) -> None:
    window = open_window()
    dialog = SettingsDialog(window.session.settings, window.session.library.roots())
    qtbot.addWidget(dialog)
    dialog.replaygain.setCurrentIndex(dialog.replaygain.findData("album"))
    dialog.preamp.setValue(3.5)
    dark = next(b for b in dialog.theme_group.buttons() if b.property("value") == "dark")
    dark.setChecked(True)
    dialog.close_to_tray.setChecked(True)
    dialog.accept()
    window.resize(701, 503)  # within the offscreen screen (restoreGeometry clamps to it)
    window.songs.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    window.show_page("albums")
    window.close()

    stored = Settings(window.session.settings.path)
    assert stored.get(keys.REPLAYGAIN_MODE) == "album"
    assert stored.get(keys.REPLAYGAIN_PREAMP_DB) == 3.5
    assert stored.get(keys.THEME) == "dark"
    assert stored.get(keys.CLOSE_TO_TRAY) is True
    again = open_window()
    assert (again.width(), again.height()) == (701, 503)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.albums)
    assert again.searchbox.sort == "sort:-year"


def test_songs_start_in_library_order(open_window, scanned_library: Manifest, qtbot) -> None:
    # Regression: restoring the header's "no sort column" (-1) sorted by the last column.
    first = open_window()
    qtbot.waitUntil(lambda: first.songs.model.rowCount() > 0, timeout=10_000)
    first.close()  # saves the header state that the next start restores
    window = open_window()
    model = window.songs.model
    qtbot.waitUntil(lambda: model.rowCount() == len(scanned_library.tracks), timeout=10_000)
    assert window.searchbox.sort == ""
    rows = window.session.library.tracks(list(model.ids()))
    keys = [((t.albumartist or t.artist).casefold().removeprefix("the "), t.album.casefold(),
             t.discnumber or 0, t.tracknumber or 0) for t in rows]  # fmt: skip
    assert keys == sorted(keys)
