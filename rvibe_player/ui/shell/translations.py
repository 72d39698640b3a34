"""The interface's language: our translation and Qt's own, for the system's locale or the
language the settings name.

Translations are ``resources/i18n/rvibe_player_LANG.qm`` (compiled from the ``.ts`` files by
``make translations`` and the installer build); Qt's own strings (standard buttons, file
dialogs) come from the ``qtbase_LANG.qm`` that PySide6 ships. A language without a
translation falls back to English text, still with that locale's number and date formats.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from rvibe_player import paths

PREFIX = "rvibe_player"


def i18n_dir() -> Path:
    """Where the compiled translations are (inside the bundle when frozen)."""
    return paths.resource_dir() / "i18n"


def available() -> list[str]:
    """The languages with a compiled translation (``de``, ``fr_CA``...), sorted."""
    return sorted(p.stem.removeprefix(f"{PREFIX}_") for p in i18n_dir().glob(f"{PREFIX}_*.qm"))


def install(app: QApplication, language: str = "", folder: Path | None = None) -> list[QTranslator]:
    """Make ``language`` (empty: the system's) the interface's: its locale becomes the default
    for formats, and the translations found are installed on ``app``. Returns them (to remove
    with ``app.removeTranslator``)."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in ((PREFIX, str(folder or i18n_dir())), ("qtbase", qt_folder)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
