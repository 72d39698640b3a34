"""Full garbage collections wait until the user is idle, and the interpreter gets them back."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from rvibe_player.ui import startup_gc
from rvibe_player.ui.shell.gc_pacer import GcPacer

pytestmark = pytest.mark.gui


@pytest.fixture
def pacer(qapp: QApplication) -> Iterator[GcPacer]:
    before = gc.get_threshold()
    made = GcPacer(qapp, idle_s=1.0, settle_s=5.0, min_gap_s=10.0, overdue_s=120.0)
    yield made
    made.stop()
    assert gc.get_threshold() == before, "the interpreter's thresholds are given back"
    gc.unfreeze()


def _full_passes() -> int:
    return gc.get_stats()[2]["collections"]


def test_no_automatic_full_collection_while_it_runs(pacer: GcPacer) -> None:
    assert gc.get_threshold()[2] > 10**6
    before = _full_passes()
    for _ in range(300):  # many young passes: the default thresholds would go full
        kept = [[] for _ in range(1000)]
    assert len(kept) == 1000
    assert _full_passes() == before


def test_it_waits_for_the_app_to_settle_and_the_user_to_pause(
    pacer: GcPacer, qapp: QApplication
) -> None:
    now = time.monotonic()
    assert not pacer.due(now + 1), "not before the app has settled"
    assert pacer.due(now + 6)
    pacer._settle_until = 0.0  # settled: now only the user counts
    field = QLineEdit()
    QApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    typed = time.monotonic()
    assert not pacer.due(typed + 0.5), "the user is typing"
    assert pacer.due(typed + 1.5)


def test_the_first_collection_freezes_what_lives_on(pacer: GcPacer) -> None:
    pacer._settle_until = 0.0
    pacer._last_input = time.monotonic() - 5
    before = _full_passes()
    pacer.tick()
    assert _full_passes() == before + 1 and pacer.full_collections == 1
    assert gc.get_freeze_count() > 0
    pacer.tick()
    assert pacer.full_collections == 1, "the next one waits for the minimum gap"


def test_a_long_busy_stretch_still_frees_cycles(pacer: GcPacer) -> None:
    pacer._settled = True
    start = time.monotonic()
    pacer._last_full = start
    while gc.get_count()[2] < 10:  # as many young passes as would have made a full one
        [[] for _ in range(1000)]
    busy = start + 30
    pacer._last_input = busy
    assert not pacer.due(busy), "busy, and not overdue yet"
    assert pacer.due(start + 121), "overdue: collected even though the user is busy"


def test_the_window_starts_pacing_once_it_is_on_screen(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Not before: its app-wide event filter made building the window twice as slow."""
    before = gc.get_threshold()
    window = open_window()
    assert window.gc_pacer is None, "nothing paces until the first frame is painted"
    qtbot.waitUntil(lambda: window.gc_pacer is not None, timeout=5000)
    assert gc.get_threshold()[2] > 1_000_000, "automatic full passes are off"
    window.close()
    assert gc.get_threshold() == before
    gc.unfreeze()


def test_the_start_holds_young_collections_until_the_first_load(open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Importing the interface holds them (startup_gc); the window gives them back once its
    first frame is up, before the pacer saves the interpreter's thresholds."""
    interpreter = gc.get_threshold()
    startup_gc.hold()
    assert gc.get_threshold()[0] == startup_gc.HELD_GEN0
    window = open_window()
    qtbot.waitUntil(lambda: window.gc_pacer is not None, timeout=5000)
    assert gc.get_threshold()[:2] == interpreter[:2]
    window.close()
    assert gc.get_threshold() == interpreter
    gc.unfreeze()
