"""The shipped German translation is complete, and the window speaks it: no English left on
the main pages and dialogs (issue 16), checked in the widgets themselves."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from rvibe_player import paths
from rvibe_player import settings as keys
from rvibe_player.settings import Settings
from rvibe_player.ui.shell import translations
from scripts import translations as tool
from scripts.make_corpus import Manifest

GERMAN = tool.I18N / "rvibe_player_de.ts"

ENGLISH_WORDS = frozenset(
    {
        "the",
        "and",
        "your",
        "you",
        "of",
        "to",
        "with",
        "this",
        "that",
        "from",
        "for",
        "is",
        "are",
        "not",
        "nothing",
        "yet",
        "what",
        "which",
        "when",
        "where",
        "by",
        "or",
        "on",
        "at",
        "it",
        "be",
        "has",
        "have",
        "can",
        "no",
        "there",
        "here",
        "these",
        "those",
        "all",
        "any",
        "into",
        "off",
        "out",
        "up",
        "about",
        "before",
        "than",
        "then",
        "them",
        "they",
        "their",
        "its",
        "our",
        "we",
        "he",
        "she",
        "his",
        "who",
        "how",
        "why",
        "more",
        "some",
        "such",
        "only",
        "just",
        "very",
    }
)
"""Words that give English away (none of them is a German word): a text holding one was not
translated. Proper names and the search language's keywords (artist:, year: ...) hold none."""


SHORTCUT = re.compile(r"\((?:[A-Za-z]+\+)+[A-Za-z]+(?: / (?:[A-Za-z]+\+)+[A-Za-z]+)*\)")
"""A shortcut in a tooltip, as "(Ctrl+Left)" or "(Shift+Up / Shift+Down)": key names, which
the tooltips write as the keyboard's keys are labelled in Qt's portable form."""


def english_words(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]+", SHORTCUT.sub("", text.replace("&", "")))
    return {w.lower() for w in words} & ENGLISH_WORDS


def test_the_shipped_german_translation_is_complete_and_keeps_every_placeholder() -> None:
    root = ET.parse(GERMAN).getroot()
    template = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(tool.TEMPLATE).getroot().iter("context")
        for m in c.iter("message")
    }
    seen, problems = set(), []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            seen.add((name, source))
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(
                f.strip() for f in forms
            ):
                problems.append(f"{name}: {source!r} is not translated")
                continue
            for form in forms:
                wanted = set(re.findall(r"%\d|%n", source))
                if message.get("numerus") == "yes" and len(forms) > 1:
                    wanted.discard("%n")  # a singular form may spell the number out
                if not wanted <= set(re.findall(r"%\d|%n", form)):
                    problems.append(f"{name}: {form!r} lost a placeholder of {source!r}")
    assert template <= seen, f"not in the German file: {sorted(template - seen)[:10]}"
    assert not problems, problems


@pytest.fixture
def in_german(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The window's language set to German, with the shipped translation compiled as the
    installer build compiles it; the application's translators removed afterwards."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    tool.compile_all(out=folder)
    monkeypatch.setattr(translations, "i18n_dir", lambda: folder)
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def visible_texts(root: QWidget) -> list[str]:
    """The words a user reads in ``root``: texts, titles, placeholders, tabs, headers, combo
    items, menus and tooltips (not the rows' data: those are the user's own)."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts += [a.text() for a in widget.actions()] + [widget.title()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model of Qt's own, with no header to read
                columns = 0
            texts += [str(model.headerData(c, _horizontal()) or "") for c in range(columns)]
    return [t for t in texts if t]


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_main_pages_speak_german(
    in_german: None, open_window, scanned_library: Manifest, qtbot
) -> None:  # type: ignore[no-untyped-def]
    Settings(paths.settings_file()).set(keys.LANGUAGE, "de")
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.made("playback"), timeout=10_000)
    assert QCoreApplication.translate("NowPlayingBar", "Next") != "Next", "German is installed"
    left: dict[str, list[str]] = {}
    for page in dict.fromkeys([*window._lazy_pages, *window.pages]):
        if page == "desk":
            continue  # staff only: walked signed in by the desk's own tests
        window.show_page(page)
        qtbot.wait(20)
        english = [t for t in visible_texts(window) if english_words(t)]
        for tabs in window.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                english += [t for t in visible_texts(window) if english_words(t)]
        if english:
            left[page] = sorted(set(english))
    assert not left, left
