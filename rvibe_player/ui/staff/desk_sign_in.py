"""Signing in to the desk with a curator account (the demo curator filled in on the
built-in store, so a newcomer is one click away from the other side of the demo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from rvibe_player.core.store_protocol import DEMO_CURATOR
from rvibe_player.ui.shell.core_words import error_text
from rvibe_player.ui.shell.sign_in_dialog import SignInDialog
from rvibe_player.ui.staff.desk_bridge import DeskBridge


def open_sign_in(
    bridge: DeskBridge, parent: QWidget, signed_in: Callable[[], None]
) -> SignInDialog | None:
    """Ask for a curator's credentials and sign the desk in off the GUI thread; the dialog
    says what went wrong, in words, and stays open until it works or is cancelled."""
    desk = bridge.desk
    if desk is None:
        return None
    demo = desk.store_key.startswith("embedded")
    dialog = SignInDialog(
        desk.store_url,
        desk.keyring_problem,
        parent,
        title=QCoreApplication.translate("DeskPage", "Open the curator desk"),
        username=DEMO_CURATOR[0] if demo else "",
        password=DEMO_CURATOR[1] if demo else "",
    )

    def submit(username: str, password: str, remember: bool) -> None:
        def done(_result: object, error: BaseException | None) -> None:
            if error is not None:
                dialog.show_problem(error_text(error))
                return
            dialog.accept()
            signed_in()

        bridge.run(desk.sign_in, username, password, remember=remember, then=done)

    dialog.submitted.connect(submit)
    dialog.open()
    return dialog
