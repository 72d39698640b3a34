"""A scan in its own process: it reports back, it stops when asked, and asking never waits."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from rvibe_player.library.scan_process import ScanProcess
from rvibe_player.library.scanner import ScanReport
from scripts.make_corpus import Manifest


class Outcome:
    def __init__(self) -> None:
        self.progress = 0
        self.report: ScanReport | None = None
        self.failure: str | None = None
        self.ended = threading.Event()

    def done(self, report: ScanReport) -> None:
        self.report = report
        self.ended.set()

    def failed(self, words: str) -> None:
        self.failure = words
        self.ended.set()

    def moved(self, _state: object) -> None:
        self.progress += 1


def scan(db: Path, root: Path, outcome: Outcome) -> ScanProcess:
    process = ScanProcess(db, [str(root)], outcome.moved, outcome.done, outcome.failed)
    process.start()
    return process


def test_a_scan_reports_back_and_cancelling_after_it_ended_never_waits(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    outcome = Outcome()
    process = scan(tmp_path / "library.sqlite3", small_corpus.root, outcome)
    assert outcome.ended.wait(120), "the scan did not end"
    process.join(30)
    assert outcome.failure is None
    assert outcome.report is not None and outcome.report.added == len(small_corpus.tracks)
    # Quitting cancels every scan, ended or not: that must never block (it once waited
    # forever on a lock the exited child held).
    started = time.monotonic()
    for _ in range(100):
        process.cancel()
    assert time.monotonic() - started < 5


def test_a_cancelled_scan_stops_and_keeps_what_it_wrote(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    outcome = Outcome()
    process = scan(tmp_path / "library.sqlite3", small_corpus.root, outcome)
    process.cancel()  # before the child even started: it must still see it
    assert outcome.ended.wait(120), "the cancelled scan did not end"
    process.join(30)
    assert outcome.failure is None
    assert outcome.report is not None and outcome.report.cancelled
