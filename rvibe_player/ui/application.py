"""Starts the Qt application: theme, services, the main window, and an orderly shutdown."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from rvibe_player import appinfo
from rvibe_player import settings as keys
from rvibe_player.app.services import Services, build_services
from rvibe_player.ui.icons import icon
from rvibe_player.ui.main_window import MainWindow
from rvibe_player.ui.theme import apply_theme


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with the player's names (used by settings paths and MPRIS)."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName(appinfo.APP_NAME)
    app.setApplicationDisplayName(appinfo.APP_NAME)
    app.setApplicationVersion(appinfo.VERSION)
    app.setOrganizationName(appinfo.ORGANIZATION)
    app.setDesktopFileName(appinfo.APP_ID)
    return app


def build_window(app: QApplication, services: Services) -> MainWindow:
    """The main window over ``services``, themed and following theme changes."""
    apply_theme(app, services.settings.get(keys.THEME))
    window = MainWindow(services)
    window.setWindowIcon(icon("rvibe", QColor("#e4572e"), 64))

    def retheme() -> None:
        apply_theme(app, services.settings.get(keys.THEME))
        window.sidebar.recolour()

    window.settings_applied.connect(retheme)
    app.aboutToQuit.connect(window.shutdown)
    return window


def run(argv: Sequence[str] | None = None) -> int:
    """Run the player until its window closes; returns the exit status."""
    app = create_application(sys.argv if argv is None else argv)
    services = build_services()
    window = build_window(app, services)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()
