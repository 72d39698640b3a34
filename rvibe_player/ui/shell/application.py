"""Starts the Qt application: theme, the session, the main window, an orderly shutdown."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from rvibe_player import appinfo, paths
from rvibe_player import settings as keys
from rvibe_player.app.events import Launched
from rvibe_player.app.instance import PlayerInstance
from rvibe_player.app.session import PlayerSession, build_session
from rvibe_player.ui.shell import translations
from rvibe_player.ui.shell.dispatcher import QtDispatcher
from rvibe_player.ui.shell.icons import icon
from rvibe_player.ui.shell.main_window import MainWindow
from rvibe_player.ui.shell.theme import BRAND, STYLE, apply_theme


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with the player's names (used by settings paths and MPRIS)."""
    existing = QApplication.instance()
    if existing is None:
        # Asked for on the command line, Qt sets the style itself: app.setStyle() from Python
        # hands back the style object, and PySide's first wrapper of a QStyle (with all its
        # enums) costs ~10 ms before the first frame. A -style the user gives still wins.
        args = list(argv) or ["rvibe-player"]  # the first is taken as the program name
        if not any(a == "-style" or a.startswith("-style=") for a in args[1:]):
            args += ["-style", STYLE]
        app = QApplication(args)
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle(STYLE)
    app.setApplicationName(appinfo.APP_NAME)
    app.setApplicationDisplayName(appinfo.APP_NAME)
    app.setApplicationVersion(appinfo.VERSION)
    app.setOrganizationName(appinfo.ORGANIZATION)
    app.setDesktopFileName(appinfo.APP_ID)
    return app


def open_session(app: QApplication) -> PlayerSession:
    """The listening session, reporting on the GUI thread (its dispatcher lives with ``app``)."""
    return build_session(QtDispatcher(app).post)


def build_window(app: QApplication, session: PlayerSession) -> MainWindow:
    """The main window over ``session``, in its language, themed and following theme changes."""
    translations.install(app, session.settings.get(keys.LANGUAGE))
    apply_theme(app, session.settings.get(keys.THEME))
    window = MainWindow(session)
    window.setWindowIcon(icon("rvibe", BRAND, 64))

    def retheme() -> None:
        apply_theme(app, session.settings.get(keys.THEME))
        window.sidebar.recolour()

    window.settings_applied.connect(retheme)
    app.aboutToQuit.connect(window.shutdown)
    return window


def run(argv: Sequence[str] | None = None) -> int:
    """Run the player until its window closes; returns the exit status.

    Files and folders on the command line play (files) or join the library (folders). When
    a player already runs on this profile, they are handed to it and this one exits.
    """
    args = list(sys.argv if argv is None else argv)
    opened = [os.path.abspath(a) for a in args[1:] if not a.startswith("-") and os.path.exists(a)]
    instance = PlayerInstance(paths.data_dir())
    if instance.hand_over(opened):
        print("rvibe-player is already running: it was asked to show its window.", file=sys.stderr)
        return 0
    app = create_application([args[0], *[a for a in args[1:] if a.startswith("-")]])
    session = open_session(app)
    window = build_window(app, session)
    window.show()
    restore = quit_on_signals(window.quit)

    def listen() -> None:  # once the window is up: later launches come here
        instance.serve(lambda handed: session.events.publish(Launched(tuple(handed))))
        if opened:
            window.files.open(opened)

    QTimer.singleShot(0, listen)
    try:
        return app.exec()
    finally:
        restore()
        instance.close()
        session.close()


def quit_on_signals(quit_app: Callable[[], None]) -> Callable[[], None]:
    """Ctrl+C (SIGINT) or SIGTERM quits like the Quit menu: state saved, the store stopped.

    Python runs its signal handlers only between bytecodes, and Qt's event loop is C++: by
    default a Ctrl+C surfaced later as a KeyboardInterrupt inside some Qt callback, and the
    player went on. Here the signal also writes to a socket (``signal.set_wakeup_fd``) that
    Qt watches, so the handler runs at once and asks the window to quit from the event loop.
    Returns a function that puts the previous handlers back.
    """
    import socket  # here, not at start-up: only run() needs it, after the window is shown

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:  # running Python here is what lets the handler run
        with contextlib.suppress(OSError):
            reader.recv(256)

    notifier.activated.connect(drain)

    def handler(signum: int, frame: object) -> None:
        QTimer.singleShot(0, quit_app)

    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    watched = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.signal(sig, handler) for sig in watched}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()

    return restore
