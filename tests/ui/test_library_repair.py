"""The window over a damaged library: repaired at start and said so; damage found while
running is announced and repaired at the next start."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rvibe_player import paths
from rvibe_player.app.events import CacheRepaired
from rvibe_player.core.sqlite_salvage import Repair
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.recovery import open_library
from scripts.make_corpus import Manifest
from tests.helpers.damage import damage_indexes

pytestmark = pytest.mark.gui
ASIDE = r"library\.sqlite3\.damaged-[0-9]{8}-[0-9]{6}"


def _rate_and_close(path: Path) -> dict[str, int]:
    db = LibraryDatabase(path)
    ratings = {}
    for n, track in enumerate(db.conn.execute("SELECT id, path_text FROM tracks").fetchall()):
        db.set_rating(track[0], 1 + n % 5)
        ratings[track[1]] = 1 + n % 5
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return ratings


def test_a_damaged_library_is_repaired_at_start_and_the_window_says_so(
    scanned_library: Manifest, open_window, qtbot
) -> None:
    path = paths.library_database()
    ratings = _rate_and_close(path)
    db, _ = open_library(path)
    db.close()  # and never said closed: the player crashed, or the power went
    damage_indexes(path, "tracks_order", "tracks_fingerprint", "tracks_scan")

    window = open_window()

    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    text = window.banner.label.text()
    assert "library database was damaged" in text
    assert f"{len(ratings)} tracks" in text
    [aside] = [p for p in path.parent.iterdir() if re.fullmatch(ASIDE, p.name)]
    assert str(aside) in text and aside.stat().st_size > 0
    # the folders are scanned again, and the ratings survived the repair
    qtbot.waitUntil(lambda: window.songs.model.rowCount() == len(ratings), timeout=30_000)
    qtbot.waitUntil(lambda: "up to date" in window.scan_status.label.text(), timeout=30_000)
    rows = window.session.library.conn.execute("SELECT path_text, rating FROM tracks")
    assert dict(rows.fetchall()) == ratings
    assert window.session.library.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    window.grab().save(str(path.parent / "repaired.png"))


def test_damage_found_while_running_is_announced_and_repaired_at_the_next_start(
    scanned_library: Manifest, open_window, qtbot
) -> None:
    path = paths.library_database()
    _rate_and_close(path)
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: not window.queries.waiting(), timeout=10_000)
    assert not window.banner.isVisible()
    damage_indexes(path, "tracks_order")

    window.session.started(check_after_s=0)

    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "library database is damaged" in window.banner.label.text()
    assert "start the player again" in window.banner.label.text()
    window.close()
    window.session.close()
    db, repair = open_library(path)
    try:
        assert repair is not None
        assert repair.salvaged["tracks"] == len(scanned_library.tracks)
    finally:
        db.close()


def test_a_repaired_store_cache_is_said_in_the_bar(scanned_library: Manifest, open_window, qtbot):  # type: ignore[no-untyped-def]
    window = open_window()
    kept = Path("/data/relationship/cache.sqlite3.damaged-20261202-101010")
    window.session.events.publish(CacheRepaired(Repair(kept, "malformed", {"outbox": 3})))
    qtbot.waitUntil(window.banner.isVisible, timeout=5_000)
    text = window.banner.label.text()
    assert "3 unsent items were kept" in text and str(kept) in text


def test_damage_met_by_a_search_is_said_in_words_and_repaired_at_the_next_start(
    scanned_library: Manifest, open_window, qtbot
) -> None:
    path = paths.library_database()
    _rate_and_close(path)
    window = open_window()
    qtbot.waitUntil(lambda: not window.queries.waiting(), timeout=10_000)
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    damage_indexes(path, "tracks_fingerprint", "tracks_year")
    window.search.setText("year:>1950")  # the year index is read: it is damaged
    window.searchbox.run()
    qtbot.waitUntil(
        lambda: "library database is damaged" in window.search_error.text(), timeout=10_000
    )
    window.close()
    window.session.close()
    db, repair = open_library(path)  # the search marked it: the next start repairs
    try:
        assert repair is not None and repair.salvaged["tracks"] == len(scanned_library.tracks)
    finally:
        db.close()
