"""The track table model paints what it answers: one multiData call per cell, like data()."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.reader import LibraryReader
from rvibe_player.library.tags import TrackTags
from rvibe_player.ui.library.track_model import COLUMNS, TrackTableModel

pytestmark = pytest.mark.gui


class Probe(QStyledItemDelegate):
    """What the view's delegate reads from the model for one cell (Qt asks multiData)."""

    def option_for(self, model: TrackTableModel, row: int, key: str) -> QStyleOptionViewItem:
        column = next(n for n, c in enumerate(COLUMNS) if c.key == key)
        option = QStyleOptionViewItem()
        self.initStyleOption(option, model.index(row, column))
        return option


@pytest.fixture
def model(qapp: QApplication, tmp_path: Path):  # type: ignore[no-untyped-def]
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    with transaction(db.conn):
        first = db.insert_track(
            root, "/music/a.flac", 1, 1, b"a", TrackTags(title="Harbour", duration=185.0)
        )
        second = db.insert_track(
            root, "/music/b.flac", 1, 1, b"b", TrackTags(title="Lighthouse", year=1971)
        )
        db.set_status([second], "offline")
    table = TrackTableModel(LibraryReader(db))
    table.set_ids([first, second])
    yield table
    db.close()


def test_a_painted_cell_gets_text_alignment_and_font_from_the_model(model) -> None:  # type: ignore[no-untyped-def]
    probe = Probe()
    title = probe.option_for(model, 0, "title")
    assert title.text == "Harbour" == model.index(0, 1).data()
    assert not title.font.bold()
    assert title.displayAlignment & Qt.AlignmentFlag.AlignLeft
    length = probe.option_for(model, 0, "duration")
    assert length.text == "3:05"
    assert length.displayAlignment & Qt.AlignmentFlag.AlignRight
    model.set_current_track(model.track_id(0))
    assert probe.option_for(model, 0, "title").font.bold()
    assert not probe.option_for(model, 1, "title").font.bold()


def test_an_offline_track_is_painted_greyed_out(model) -> None:  # type: ignore[no-untyped-def]
    probe = Probe()
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    online = probe.option_for(model, 0, "year")
    offline = probe.option_for(model, 1, "year")
    assert offline.text == "1971"
    assert offline.palette.color(QPalette.ColorRole.Text) == grey
    assert online.palette.color(QPalette.ColorRole.Text) != grey
    tip = model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("/music/b.flac") and "offline" in tip


def test_in_a_right_to_left_window_each_cell_is_a_bidi_isolate(
    qapp: QApplication, tmp_path: Path
) -> None:
    db = LibraryDatabase(tmp_path / "lib.sqlite3")
    root = db.add_root("/music")
    with transaction(db.conn):
        track = db.insert_track(root, "/music/q.flac", 1, 1, b"q", TrackTags(title="What Is It?"))
    title = [c.key for c in COLUMNS].index("title")
    try:
        left_to_right = TrackTableModel(LibraryReader(db))
        left_to_right.set_ids([track])
        assert left_to_right.index(0, title).data() == "What Is It?"
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        right_to_left = TrackTableModel(LibraryReader(db))
        right_to_left.set_ids([track])
        # first-strong isolate: the title's own direction inside, "?" stays at its end
        assert right_to_left.index(0, title).data() == "\u2068What Is It?\u2069"
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        db.close()
