"""Every menu command and key of the window, declared once: id, words, shortcut, menu.

The window builds its menus from :data:`ACTIONS` and hands one handler per
:class:`ActionId`; the playback keys (Space, Ctrl+arrows...) are read from the same table by
the key filter that lets text fields keep their keys; the "Keyboard shortcuts" dialog lists
the table. A test checks that every action has a handler and no two share a shortcut.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Handler = Callable[[], object]
VOLUME_STEP = 5
"""Percent of volume the volume keys move."""
SEEK_STEP = 10.0
"""Seconds the seek keys move."""


class ActionId(Enum):
    """One command of the window."""

    ADD_FOLDER = auto()
    RESCAN = auto()
    NEW_PLAYLIST = auto()
    NEW_SMART_PLAYLIST = auto()
    IMPORT_PLAYLIST = auto()
    QUIT = auto()
    FIND = auto()
    SETTINGS = auto()
    SHOW_ARTISTS = auto()
    SHOW_ALBUMS = auto()
    SHOW_SONGS = auto()
    SHOW_QUEUE = auto()
    SHOW_STORE = auto()
    SHOW_DESK = auto()
    PLAY_PAUSE = auto()
    NEXT = auto()
    PREVIOUS = auto()
    SEEK_FORWARD = auto()
    SEEK_BACK = auto()
    VOLUME_UP = auto()
    VOLUME_DOWN = auto()
    SHORTCUTS = auto()
    PROBLEMS = auto()


class Menu(Enum):
    """The menus of the menu bar, in their order."""

    FILE = "&File"
    EDIT = "&Edit"
    VIEW = "&View"
    PLAYBACK = "&Playback"
    HELP = "&Help"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """How one command shows: its menu, words and shortcut."""

    id: ActionId
    menu: Menu
    text: str
    shortcut: str | None = None
    """Portable text ("Ctrl+Q"); Ctrl is Command on macOS."""
    separator_before: bool = False
    typing_aware: bool = False
    """The key is not a Qt shortcut: the playback key filter handles it, so a text field
    keeps its spaces and arrows (the menu still shows the key)."""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.ADD_FOLDER, Menu.FILE, "Add music folder…", "Ctrl+O"),
    ActionSpec(ActionId.RESCAN, Menu.FILE, "Rescan library", "F5"),
    ActionSpec(ActionId.NEW_PLAYLIST, Menu.FILE, "New playlist…", "Ctrl+N", True),
    ActionSpec(ActionId.NEW_SMART_PLAYLIST, Menu.FILE, "New smart playlist…", "Ctrl+Shift+N"),
    ActionSpec(ActionId.IMPORT_PLAYLIST, Menu.FILE, "Import playlist…"),
    ActionSpec(ActionId.QUIT, Menu.FILE, "Quit", "Ctrl+Q", True),
    ActionSpec(ActionId.FIND, Menu.EDIT, "Find", "Ctrl+F"),
    ActionSpec(ActionId.SETTINGS, Menu.EDIT, "Settings…", "Ctrl+,"),
    ActionSpec(ActionId.SHOW_ARTISTS, Menu.VIEW, "Artists", "Ctrl+1"),
    ActionSpec(ActionId.SHOW_ALBUMS, Menu.VIEW, "Albums", "Ctrl+2"),
    ActionSpec(ActionId.SHOW_SONGS, Menu.VIEW, "Songs", "Ctrl+3"),
    ActionSpec(ActionId.SHOW_QUEUE, Menu.VIEW, "Play queue", "Ctrl+4"),
    ActionSpec(ActionId.SHOW_STORE, Menu.VIEW, "Your curator", "Ctrl+5"),
    ActionSpec(ActionId.SHOW_DESK, Menu.VIEW, "Curator desk", "Ctrl+6"),
    ActionSpec(ActionId.PLAY_PAUSE, Menu.PLAYBACK, "Play or pause", "Space", typing_aware=True),
    ActionSpec(ActionId.NEXT, Menu.PLAYBACK, "Next song", "Ctrl+Right", typing_aware=True),
    ActionSpec(ActionId.PREVIOUS, Menu.PLAYBACK, "Previous song", "Ctrl+Left", typing_aware=True),
    ActionSpec(ActionId.SEEK_FORWARD, Menu.PLAYBACK, "Seek forward", "Shift+Right", True, True),
    ActionSpec(ActionId.SEEK_BACK, Menu.PLAYBACK, "Seek back", "Shift+Left", typing_aware=True),
    ActionSpec(ActionId.VOLUME_UP, Menu.PLAYBACK, "Volume up", "Shift+Up", True, True),
    ActionSpec(ActionId.VOLUME_DOWN, Menu.PLAYBACK, "Volume down", "Shift+Down", typing_aware=True),
    ActionSpec(ActionId.SHORTCUTS, Menu.HELP, "Keyboard shortcuts", "F1"),
    ActionSpec(ActionId.PROBLEMS, Menu.HELP, "Files that could not be read…"),
)

VIEW_KEYS: tuple[tuple[str, str], ...] = (
    ("Return", "Play the selected song"),
    ("Delete", "Remove from the queue or playlist"),
    ("Right / Left (in the seek bar)", "Seek forward / back"),
)
"""Keys the views handle themselves (shown in the shortcuts dialog beside the table)."""


def tr(text: str) -> str:
    """The action table's words in the user's language."""
    return QCoreApplication.translate("actions", text)


def key_sequence(spec: ActionSpec) -> QKeySequence:
    """The action's shortcut as Qt takes it (empty when it has none)."""
    if spec.shortcut is None:
        return QKeySequence()
    return QKeySequence(spec.shortcut)


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcut as the user reads it on this platform ("" when none)."""
    return key_sequence(spec).toString(QKeySequence.SequenceFormat.NativeText)


def build_menus(
    window: QMainWindow, handlers: Mapping[ActionId, Handler]
) -> dict[ActionId, QAction]:
    """The menu bar from :data:`ACTIONS`; every action needs a handler (KeyError if not)."""
    missing = [spec.id for spec in ACTIONS if spec.id not in handlers]
    if missing:
        raise KeyError(f"no handler for {', '.join(m.name for m in missing)}")
    menus: dict[Menu, QMenu] = {}
    made: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(tr(spec.menu.value))
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(tr(spec.text), window)
        action.setObjectName(f"action-{spec.id.name.lower()}")
        if spec.typing_aware:  # shown, not grabbed: the key filter decides
            action.setText(f"{tr(spec.text)}\t{shortcut_text(spec)}")
        elif spec.shortcut is not None:
            action.setShortcut(key_sequence(spec))
        handler = handlers[spec.id]
        action.triggered.connect(lambda _checked=False, run=handler: run())
        menu.addAction(action)
        made[spec.id] = action
    return made


def typing_aware_keys() -> dict[str, ActionId]:
    """Portable key text (``"Ctrl+Right"``) of each typing-aware action."""
    return {
        key_sequence(spec).toString(QKeySequence.SequenceFormat.PortableText): spec.id
        for spec in ACTIONS
        if spec.typing_aware
    }
