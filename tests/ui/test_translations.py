"""The translation machinery: the template is current, and a translation, Qt's own and the
locale's formats follow the language setting (issue 16)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from rvibe_player.ui.shell import translations
from scripts import translations as tool


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source text) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_template_holds_every_string_of_the_code_and_no_other(tmp_path: Path) -> None:
    """lupdate over the code finds nothing the committed template lacks, nor the reverse:
    `make translations` was run after the last string changed."""
    committed = messages(tool.TEMPLATE)
    fresh = tmp_path / "rvibe_player.ts"
    shutil.copy(tool.TEMPLATE, fresh)
    tool.update([fresh])
    found = messages(fresh)
    assert found - committed == set(), "strings in the code, not in the template"
    assert committed - found == set(), "strings in the template, gone from the code"
    assert ("NowPlayingBar", "Previous (%1)") in found
    assert len(found) > 150


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, given back with no translator and the system's locale."""
    yield qapp
    QLocale.setDefault(QLocale.system())


def german(folder: Path) -> Path:
    """A one-string German translation, compiled as the build compiles the real ones."""
    ts = folder / "rvibe_player_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        '<TS version="2.1" language="de" sourcelanguage="en"><context><name>NowPlayingBar</name>'
        "<message><source>Previous</source><translation>Zurück</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    subprocess.run(
        [tool.tool("lrelease"), "-silent", str(ts), "-qm", str(folder / "rvibe_player_de.qm")],
        check=True,
    )
    return folder


def test_the_language_setting_brings_its_translation_qts_own_and_its_formats(
    app: QApplication, tmp_path: Path
) -> None:
    installed = translations.install(app, "de", folder=german(tmp_path))
    try:
        assert len(installed) == 2  # ours and qtbase_de
        assert QCoreApplication.translate("NowPlayingBar", "Previous") == "Zurück"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert QLocale().toString(1234.5, "f", 2) == "1.234,50"
        # a string the translation does not have stays English, not empty
        assert QCoreApplication.translate("NowPlayingBar", "Next") == "Next"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("NowPlayingBar", "Previous") == "Previous"


def test_a_language_without_a_translation_keeps_english_words_and_its_own_formats(
    app: QApplication, tmp_path: Path
) -> None:
    installed = translations.install(app, "fr", folder=tmp_path)  # nothing of ours for fr
    try:
        assert not [t.filePath() for t in installed if "rvibe_player_" in t.filePath()]
        assert [Path(t.filePath()).name for t in installed] == ["qtbase_fr.qm"]
        assert QCoreApplication.translate("NowPlayingBar", "Previous") == "Previous"
        assert QLocale().toString(1234.5, "f", 2) == "1\u202f234,50"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_the_settings_dialog_offers_the_languages_and_keeps_the_choice(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from rvibe_player import settings as keys
    from rvibe_player.settings import Settings
    from rvibe_player.ui.shell.settings_dialog import SettingsDialog

    monkeypatch.setattr(translations, "i18n_dir", lambda: german(tmp_path))
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, [])
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert offered == ["", "de"]
    assert dialog.language.itemText(1) == "Deutsch"
    dialog.language.setCurrentIndex(1)
    dialog.accept()
    assert Settings(tmp_path / "settings.json").get(keys.LANGUAGE) == "de"
    again = SettingsDialog(Settings(tmp_path / "settings.json"), [])
    qtbot.addWidget(again)
    assert again.language.currentData() == "de"
