"""Messages made below the interface (the scanner's reasons, playlist files, the store client)
are said in the user's language where the interface shows them (issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rvibe_player.core.errors import PlaylistFormatError, Words
from rvibe_player.library import reasons
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.model import UNKNOWN_ARTIST
from rvibe_player.library.playlist_store import PlaylistStore
from rvibe_player.library.scanner import Scanner
from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.errors import StoreUnreachableError
from rvibe_player.ui.library.playlist_actions import PlaylistActions
from rvibe_player.ui.library.problems_dialog import ProblemsDialog
from rvibe_player.ui.shell.actions import ActionId, keys_of
from rvibe_player.ui.shell.core_words import artist_text, error_text, say
from rvibe_player.ui.shell.formats import month_text


def test_a_stored_reason_is_recognised_again_with_the_reasons_inside_it() -> None:
    """The database keeps the English; recognising it gives back the template and words."""
    stored = str(reasons.reason(reasons.FOLDER_SKIPPED, reasons.reason(reasons.PERMISSION)))
    assert stored == "folder skipped: permission denied"
    found = reasons.recognise(stored)
    assert isinstance(found, Words)
    assert (found.template, found.words) == (reasons.FOLDER_SKIPPED, ("permission denied",))
    assert isinstance(found.words[0], Words) and found.words[0].template == reasons.PERMISSION
    system = "Input/output error"  # what the operating system said stays as it was said
    assert reasons.recognise(system) == system and not isinstance(reasons.recognise(system), Words)


def test_the_problems_dialog_gives_the_scanners_reasons_in_german(
    language, tmp_path: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    music = tmp_path / "music"
    music.mkdir()
    (music / "silent.mp3").write_bytes(b"")
    (music / "cover.jpg").write_bytes(b"\xff\xd8 not music")
    database = tmp_path / "library.sqlite3"
    Scanner(database, workers=1).scan([str(music)])
    library = LibraryDatabase(database)
    try:
        language("de_DE")
        dialog = ProblemsDialog(library)
        qtbot.addWidget(dialog)
        dialog.show_skipped.setChecked(True)
        rows = {
            Path(dialog.table.item(n, 0).text()).name: dialog.table.item(n, 1).text()
            for n in range(dialog.table.rowCount())
        }
        assert rows == {"silent.mp3": "leere Datei (0 Bytes)", "cover.jpg": "keine Audiodatei"}
        language("en_US")
        dialog.reload()
        assert dialog.table.item(0, 1).text() in ("empty file (0 bytes)", "not an audio file")
    finally:
        library.close()


def test_a_playlist_import_and_its_errors_in_german(language, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    library = LibraryDatabase(tmp_path / "library.sqlite3")
    try:
        store = PlaylistStore(library)
        playlist = tmp_path / "road trip.m3u8"
        playlist.write_text("#EXTM3U\n/nowhere/01 Gone.flac\nhttp://radio.example/stream\n")
        report = store.import_file(playlist)
        actions = PlaylistActions(store, None)  # type: ignore[arg-type]
        language("de_DE")
        assert actions.import_summary(report) == (
            "„road trip“ importiert: 0 von 2 Einträgen gefunden. "
            "2 nicht gefunden; bleiben in der Playlist."
        )
        assert say(report.unresolved[0].reason) == (
            "kein Titel in deiner Mediathek hat diesen Pfad oder diesen Dateinamen"
        )
        binary = tmp_path / "noise.m3u"
        binary.write_bytes(b"\x00\x01\x02")
        with pytest.raises(PlaylistFormatError) as caught:
            store.import_file(binary)
        assert error_text(caught.value) == (
            "Diese Datei enthält Binärdaten, keine Playlist in Textform."
        )
        language("en_US")
        assert actions.import_summary(report) == (
            "Imported “road trip”: 0 of 2 entries found. 2 not found; kept in the playlist."
        )
    finally:
        library.close()


def test_the_store_clients_words_in_german(language) -> None:  # type: ignore[no-untyped-def]
    """A store nobody answers at: the client's own sentence, translated by the interface."""
    api = StoreApi("http://127.0.0.1:9", retries=0, connect_timeout_s=2)
    try:
        with pytest.raises(StoreUnreachableError) as caught:
            api.health()
    finally:
        api.close()
    assert str(caught.value).startswith("The store at 127.0.0.1:9 cannot be reached")
    language("de_DE")
    assert error_text(caught.value) == (
        "Der Store unter 127.0.0.1:9 ist nicht erreichbar: Prüfe deine Verbindung. Deine "
        "Nachrichten warten hier und gehen raus, sobald er erreichbar ist."
    )


def test_the_keys_in_tooltips_are_named_as_qt_names_them_in_german(language) -> None:  # type: ignore[no-untyped-def]
    """Tooltips take their keys from the action table, written by Qt in the user's language."""
    language("en_US")
    assert keys_of(ActionId.VOLUME_UP) == "Shift+Up"
    language("de_DE")
    assert keys_of(ActionId.VOLUME_UP) == "Umschalt+Hoch"
    assert keys_of(ActionId.PREVIOUS) == "Strg+Links"


def test_the_librarys_placeholder_artist_and_a_month_in_german(language) -> None:  # type: ignore[no-untyped-def]
    """A track with no artist tag is filed under the library's placeholder, which the
    interface translates; a month is named by the locale (the desk's "member since")."""
    language("de_DE")
    assert artist_text(UNKNOWN_ARTIST) == "Unbekannter Künstler"
    assert artist_text("Nina Simone") == "Nina Simone"
    assert month_text(datetime(2025, 10, 15, 12, tzinfo=UTC)) == "Oktober 2025"
    language("en_US")
    assert artist_text(UNKNOWN_ARTIST) == "Unknown artist"
    assert month_text(datetime(2025, 10, 15, 12, tzinfo=UTC)) == "October 2025"
