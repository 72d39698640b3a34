"""Fixtures for GUI tests: a scanned library and a main window over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from rvibe_player import paths
from rvibe_player.app.session import PlayerSession
from rvibe_player.library.scanner import Scanner
from rvibe_player.ui.shell import translations
from rvibe_player.ui.shell.application import build_window, create_application, open_session
from rvibe_player.ui.shell.main_window import MainWindow
from scripts import translations as tool
from scripts.make_corpus import Manifest


@pytest.fixture(autouse=True)
def silent_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    """libVLC plays into its dummy output: GUI tests need no sound card."""
    monkeypatch.setenv("RVIBE_VLC_ARGS", "--aout=adummy")


@pytest.fixture(autouse=True)
def no_embedded_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows talk to a store nobody answers at, unless a test gives them a live one
    (starting the embedded store for every window would only slow the suite down)."""
    monkeypatch.setenv("RVIBE_STORE_URL", "http://127.0.0.1:9")


@pytest.fixture
def scanned_library(small_corpus: Manifest, isolated_user_dirs: Path) -> Manifest:
    """The small corpus, scanned into this test's own library database."""
    Scanner(paths.library_database(), workers=1).scan([str(small_corpus.root)])
    return small_corpus


@pytest.fixture
def scanned_copy(small_corpus_copy: Manifest, isolated_user_dirs: Path) -> Manifest:
    """A private copy of the small corpus, scanned: for tests that damage or move files."""
    Scanner(paths.library_database(), workers=1).scan([str(small_corpus_copy.root)])
    return small_corpus_copy


@pytest.fixture
def open_window(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """Open a main window over a fresh session (a new one per call, like a restart)."""
    opened: list[tuple[MainWindow, PlayerSession]] = []

    def open_one() -> MainWindow:
        app = create_application(["rvibe-player-test"])
        session = open_session(app)
        window = build_window(app, session)
        qtbot.addWidget(window)
        window.show()
        opened.append((window, session))
        return window

    yield open_one
    for window, session in opened:
        if window.isVisible():
            window.close()
        session.close()


@pytest.fixture
def language(qapp: QApplication, tmp_path: Path) -> Iterator[object]:
    """``language("de")`` makes the shipped translation and the locale the application's."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    tool.compile_all(out=folder)

    def use(name: str) -> None:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
        translations.install(qapp, name, folder=folder)

    yield use
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
