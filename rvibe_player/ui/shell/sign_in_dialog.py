"""Signing in to the store: its address, a user name and password, remember me."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.ui.shell.theme import colours_of
from rvibe_player.ui.shell.widgets import plain_label


class SignInDialog(QDialog):
    """Asks for the credentials; the caller signs in off the GUI thread and reports back."""

    submitted = Signal(str, str, bool)
    """(user name, password, remember me)."""

    def __init__(
        self,
        store: str,
        keyring_problem: str | None,
        parent: QWidget | None = None,
        *,
        title: str = "",
        username: str = "",
        password: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Sign in to your store"))
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.store = QLineEdit(store)
        self.store.setReadOnly(True)
        self.store.setToolTip(self.tr("Change the store in Settings"))
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("your user name"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setChecked(keyring_problem is None)
        form.addRow(self.tr("Store:"), self.store)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        self.problem = plain_label("")
        self.problem.setStyleSheet(f"color: {colours_of(self).error.name()};")
        self.problem.hide()
        self.keyring = plain_label(keyring_problem or "")
        self.keyring.setVisible(bool(keyring_problem))
        self.keyring.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.show_problem(self.tr("Enter your user name and password."))
            return
        self.buttons.setEnabled(False)
        self.problem.setText(self.tr("Signing in…"))
        self.problem.setStyleSheet("")
        self.problem.show()
        self.submitted.emit(self.username.text().strip(), self.password.text(),
                            self.remember.isChecked())  # fmt: skip

    def show_problem(self, text: str) -> None:
        """Sign-in failed: say why, let the user try again."""
        self.buttons.setEnabled(True)
        self.problem.setStyleSheet(f"color: {colours_of(self).error.name()};")
        self.problem.setText(text)
        self.problem.show()
