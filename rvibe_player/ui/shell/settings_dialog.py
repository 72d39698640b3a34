"""The settings dialog: library folders, playback, appearance and behaviour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rvibe_player import settings as keys
from rvibe_player.library.model import Root
from rvibe_player.settings import Settings
from rvibe_player.ui.shell import translations
from rvibe_player.ui.shell.widgets import plain_label

REPLAYGAIN_MODES = (
    ("auto", str(QT_TRANSLATE_NOOP("SettingsDialog",
                                   "Automatic (album gain when an album plays in order)"))),
    ("track", str(QT_TRANSLATE_NOOP("SettingsDialog", "Track gain"))),
    ("album", str(QT_TRANSLATE_NOOP("SettingsDialog", "Album gain"))),
    ("off", str(QT_TRANSLATE_NOOP("SettingsDialog", "Off"))),
)  # fmt: skip
"""(setting value, English label marked for translation: shown through ``tr``)."""
THEMES = (
    ("system", str(QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"))),
    ("light", str(QT_TRANSLATE_NOOP("SettingsDialog", "Light"))),
    ("dark", str(QT_TRANSLATE_NOOP("SettingsDialog", "Dark"))),
)
"""(setting value, English label marked for translation: shown through ``tr``)."""


class SettingsDialog(QDialog):
    """Edits :class:`Settings`; folder changes are reported by signals as they happen."""

    folder_added = Signal(str)
    folder_removed = Signal(int)
    rescan_requested = Signal()
    restore_requested = Signal()
    """The user asked to see the library's backups."""
    applied = Signal()
    """Settings were written (theme, playback and behaviour may have changed)."""

    def __init__(
        self,
        settings: Settings,
        roots: Sequence[Root],
        output_devices: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(620, 440)
        self._settings = settings
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Settings"))
        tabs.addTab(self._library_tab(roots), self.tr("Library"))
        tabs.addTab(self._playback_tab(output_devices), self.tr("Playback"))
        tabs.addTab(self._appearance_tab(), self.tr("Appearance"))
        tabs.addTab(self._behaviour_tab(), self.tr("Behaviour"))
        tabs.addTab(self._store_tab(), self.tr("Store"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    # -- tabs --------------------------------------------------------------------------------

    def _library_tab(self, roots: Sequence[Root]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(plain_label(self.tr("Folders in your library:")))
        self.folders = QListWidget()
        self.folders.setAccessibleName(self.tr("Folders in your library"))
        for root in roots:
            self._add_folder_item(root.path_text, root.id, root.online, root.status_note)
        layout.addWidget(self.folders)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(self._choose_folder)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove_folder)
        rescan = QPushButton(self.tr("Rescan all"))
        rescan.clicked.connect(self.rescan_requested)
        restore = QPushButton(self.tr("Restore from a backup…"))
        restore.setAccessibleName(self.tr("Restore the library from a backup"))
        restore.clicked.connect(self.restore_requested)
        self.restore_button = restore
        for button in (add, self.remove, rescan, restore):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.watch = QCheckBox(self.tr("Watch these folders and add new music as it arrives"))
        self.watch.setChecked(self._settings.get(keys.WATCH_LIBRARY))
        layout.addWidget(self.watch)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Removing a folder takes its tracks out of the library; their play counts "
                    "and ratings come back if you add it again."
                )
            )
        )
        return page

    def _add_folder_item(self, text: str, root_id: int, online: bool, note: str) -> None:
        item = QListWidgetItem(text if online else self.tr("%1  — offline").replace("%1", text))
        item.setData(Qt.ItemDataRole.UserRole, root_id)
        if not online:
            item.setToolTip(note)
        self.folders.addItem(item)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a music folder"))
        if folder:
            self._add_folder_item(folder, 0, True, "")
            self.folder_added.emit(folder)

    def _remove_folder(self) -> None:
        item = self.folders.currentItem()
        if item is None:
            return
        root_id = int(item.data(Qt.ItemDataRole.UserRole) or 0)
        self.folders.takeItem(self.folders.row(item))
        if root_id:
            self.folder_removed.emit(root_id)

    def _playback_tab(self, devices: Sequence[tuple[str, str]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.replaygain = QComboBox()
        for value, label in REPLAYGAIN_MODES:
            self.replaygain.addItem(self.tr(label), value)
        self.replaygain.setCurrentIndex(
            max(0, self.replaygain.findData(self._settings.get(keys.REPLAYGAIN_MODE)))
        )
        form.addRow(self.tr("ReplayGain:"), self.replaygain)
        self.preamp = self._decibels(keys.REPLAYGAIN_PREAMP_DB, -15.0, 15.0)
        form.addRow(self.tr("Pre-amp:"), self.preamp)
        self.fallback = self._decibels(keys.REPLAYGAIN_FALLBACK_DB, -20.0, 10.0)
        form.addRow(self.tr("Tracks without ReplayGain:"), self.fallback)
        self.clipping = QCheckBox(self.tr("Lower the gain when a track's peaks would clip"))
        self.clipping.setChecked(self._settings.get(keys.REPLAYGAIN_PREVENT_CLIPPING))
        form.addRow("", self.clipping)
        self.device = QComboBox()
        self.device.addItem(self.tr("System default"), "")
        for device_id, name in devices:
            self.device.addItem(name, device_id)
        self.device.setCurrentIndex(
            max(0, self.device.findData(self._settings.get(keys.OUTPUT_DEVICE)))
        )
        self.device.setEnabled(bool(devices))
        form.addRow(self.tr("Output device:"), self.device)
        return page

    def _decibels(self, setting: keys.Setting[float], low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setSingleStep(0.5)
        box.setSuffix(self.tr(" dB"))
        box.setValue(float(self._settings.get(setting)))
        return box

    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.theme_group = QButtonGroup(page)
        current = self._settings.get(keys.THEME)
        for value, label in THEMES:
            button = QRadioButton(self.tr(label))
            button.setProperty("value", value)
            button.setChecked(value == current)
            self.theme_group.addButton(button)
            layout.addWidget(button)
        layout.addSpacing(12)
        layout.addWidget(plain_label(self.tr("Language (from the next start):")))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("The system's"), "")
        chosen = self._settings.get(keys.LANGUAGE)
        for code in sorted({*translations.available(), *([chosen] if chosen else [])}):
            self.language.addItem(QLocale(code).nativeLanguageName() or code, code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        layout.addWidget(self.language)
        layout.addStretch()
        return page

    def _behaviour_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.close_to_tray = QCheckBox(
            self.tr("Closing the window keeps music playing in the tray")
        )
        self.close_to_tray.setChecked(self._settings.get(keys.CLOSE_TO_TRAY))
        self.notifications = QCheckBox(self.tr("Show a notification when the track changes"))
        self.notifications.setChecked(self._settings.get(keys.NOTIFICATIONS))
        self.store_notifications = QCheckBox(
            self.tr("Show a notification for a new pick or message from your curator")
        )
        self.store_notifications.setChecked(self._settings.get(keys.STORE_NOTIFICATIONS))
        for widget in (self.close_to_tray, self.notifications, self.store_notifications):
            layout.addWidget(widget)
        layout.addStretch()
        return page

    def _store_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.store_url = QLineEdit(self._settings.get(keys.STORE_URL))
        self.store_url.setPlaceholderText(self.tr("empty: the built-in demo store"))
        form.addRow(self.tr("Store address:"), self.store_url)
        form.addRow("", plain_label(self.tr(
            "Your store's address, for example https://store.example.com. Leave it empty to "
            "try rVibe with its built-in demo store. A change takes effect at the next start."
        )))  # fmt: skip
        return page

    # -- saving ------------------------------------------------------------------------------

    def theme(self) -> str:
        """The chosen theme value."""
        checked = self.theme_group.checkedButton()
        return str(checked.property("value")) if checked is not None else "system"

    def accept(self) -> None:
        s = self._settings
        s.set(keys.WATCH_LIBRARY, self.watch.isChecked())
        s.set(keys.REPLAYGAIN_MODE, str(self.replaygain.currentData()))
        s.set(keys.REPLAYGAIN_PREAMP_DB, self.preamp.value())
        s.set(keys.REPLAYGAIN_FALLBACK_DB, self.fallback.value())
        s.set(keys.REPLAYGAIN_PREVENT_CLIPPING, self.clipping.isChecked())
        s.set(keys.OUTPUT_DEVICE, str(self.device.currentData()))
        s.set(keys.THEME, self.theme())
        s.set(keys.LANGUAGE, str(self.language.currentData()))
        s.set(keys.CLOSE_TO_TRAY, self.close_to_tray.isChecked())
        s.set(keys.NOTIFICATIONS, self.notifications.isChecked())
        s.set(keys.STORE_NOTIFICATIONS, self.store_notifications.isChecked())
        s.set(keys.STORE_URL, self.store_url.text().strip())
        self.applied.emit()
        super().accept()
