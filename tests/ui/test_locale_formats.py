"""Prices, dates, durations and counts as an English and a German user read them, through
QLocale and the shipped translation (issue 16)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rvibe_player.core.errors import QueryError
from rvibe_player.library.query import parse
from rvibe_player.playback.backend import Failed, PlayItem
from rvibe_player.playback.vlc_log import file_problem
from rvibe_player.ui.library.tracks_page import songs_summary
from rvibe_player.ui.relationship.cards import CuratorHeader
from rvibe_player.ui.shell.core_words import error_text, say
from rvibe_player.ui.shell.formats import date_text, day_words, format_duration, price_text

MOMENT = datetime(2026, 3, 9, 14, 5, tzinfo=UTC)


def test_a_price_in_the_stores_currency(language) -> None:  # type: ignore[no-untyped-def]
    language("en_US")
    assert price_text(1299, "EUR") == "€12.99"
    language("de_DE")
    assert price_text(1299, "EUR").replace("\xa0", " ") == "12,99 €"


def test_a_date_and_a_day(language) -> None:  # type: ignore[no-untyped-def]
    local = MOMENT.astimezone()
    language("en_US")
    assert date_text(MOMENT) == f"{local.month}/{local.day}/{local.year % 100}"
    assert day_words(date(2026, 3, 9), today=date(2026, 3, 10)) == "Yesterday"
    assert day_words(date(2026, 3, 2), today=date(2026, 3, 10)) == "Monday 2 March"
    language("de_DE")
    assert date_text(MOMENT) == f"{local.day:02d}.{local.month:02d}.{local.year % 100:02d}"
    assert day_words(date(2026, 3, 9), today=date(2026, 3, 10)) == "Gestern"
    assert day_words(date(2026, 3, 2), today=date(2026, 3, 10)) == "Montag, 2. März"


def test_a_duration_reads_the_same_everywhere(language) -> None:  # type: ignore[no-untyped-def]
    language("en_US")
    assert format_duration(3725) == "1:02:05"
    language("de_DE")
    assert format_duration(3725) == "1:02:05"
    assert format_duration(65) == "1:05"


def test_counts_take_their_plural_and_the_locales_digits(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    language("en_US")
    assert songs_summary(1, "") == "1 song"
    assert songs_summary(12345, "") == "12,345 songs"
    header = CuratorHeader()
    qtbot.addWidget(header)
    assert header.reply_words(3600) == "Usually replies within 1 hour"
    assert header.reply_words(3 * 3600) == "Usually replies within 3 hours"
    language("de_DE")
    assert songs_summary(1, "") == "1 Titel"
    assert songs_summary(12345, "") == "12.345 Titel"
    singular, plural = header.reply_words(3600), header.reply_words(3 * 3600)
    assert "1 Stunde" in singular and "3 Stunden" in plural, (singular, plural)


def test_a_search_error_made_below_the_interface_is_said_in_the_users_language(language) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError) as caught:
        parse("year:abc")
    language("en_US")
    assert error_text(caught.value) == "year needs a number, not 'abc' (at character 6)"
    language("de_DE")
    assert error_text(caught.value) == "year braucht eine Zahl, nicht „abc“ (bei Zeichen 6)"
    assert caught.value.reason == "year needs a number, not 'abc'", "the library's own words"


def test_why_a_file_cannot_play_is_said_in_the_users_language(language, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = str(tmp_path / "Gone Song.flac")
    failed = Failed(PlayItem(missing), file_problem(missing) or "")
    english = (
        "Cannot play “Gone Song.flac”: the file does not exist (moved, deleted, or on a disk "
        "that is not connected)."
    )
    assert failed.message == english, "below the interface it is English, as it is logged"
    language("en_US")
    assert say(failed.message) == english
    language("de_DE")
    assert say(failed.message) == (
        "„Gone Song.flac“ kann nicht abgespielt werden: die Datei existiert nicht (verschoben, "
        "gelöscht oder auf einem nicht verbundenen Laufwerk)."
    )
    assert say("a message nobody marked") == "a message nobody marked"
