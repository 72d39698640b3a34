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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from rvibe_player.core.errors import fill

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

    FILE = str(QT_TRANSLATE_NOOP("actions", "&File"))
    EDIT = str(QT_TRANSLATE_NOOP("actions", "&Edit"))
    VIEW = str(QT_TRANSLATE_NOOP("actions", "&View"))
    PLAYBACK = str(QT_TRANSLATE_NOOP("actions", "&Playback"))
    HELP = str(QT_TRANSLATE_NOOP("actions", "&Help"))


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
    ActionSpec(ActionId.ADD_FOLDER, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "Add music folder…")), "Ctrl+O"),
    ActionSpec(ActionId.RESCAN, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "Rescan library")), "F5"),
    ActionSpec(ActionId.NEW_PLAYLIST, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "New playlist…")), "Ctrl+N", True),
    ActionSpec(ActionId.NEW_SMART_PLAYLIST, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "New smart playlist…")), "Ctrl+Shift+N"),
    ActionSpec(ActionId.IMPORT_PLAYLIST, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "Import playlist…"))),
    ActionSpec(ActionId.QUIT, Menu.FILE,
               str(QT_TRANSLATE_NOOP("actions", "Quit")), "Ctrl+Q", True),
    ActionSpec(ActionId.FIND, Menu.EDIT,
               str(QT_TRANSLATE_NOOP("actions", "Find")), "Ctrl+F"),
    ActionSpec(ActionId.SETTINGS, Menu.EDIT,
               str(QT_TRANSLATE_NOOP("actions", "Settings…")), "Ctrl+,"),
    ActionSpec(ActionId.SHOW_ARTISTS, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Artists")), "Ctrl+1"),
    ActionSpec(ActionId.SHOW_ALBUMS, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Albums")), "Ctrl+2"),
    ActionSpec(ActionId.SHOW_SONGS, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Songs")), "Ctrl+3"),
    ActionSpec(ActionId.SHOW_QUEUE, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Play queue")), "Ctrl+4"),
    ActionSpec(ActionId.SHOW_STORE, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Your curator")), "Ctrl+5"),
    ActionSpec(ActionId.SHOW_DESK, Menu.VIEW,
               str(QT_TRANSLATE_NOOP("actions", "Curator desk")), "Ctrl+6"),
    ActionSpec(ActionId.PLAY_PAUSE, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Play or pause")), "Space", typing_aware=True),
    ActionSpec(ActionId.NEXT, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Next song")), "Ctrl+Right", typing_aware=True),
    ActionSpec(ActionId.PREVIOUS, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Previous song")), "Ctrl+Left", typing_aware=True),
    ActionSpec(ActionId.SEEK_FORWARD, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Seek forward")), "Shift+Right", True, True),
    ActionSpec(ActionId.SEEK_BACK, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Seek back")), "Shift+Left", typing_aware=True),
    ActionSpec(ActionId.VOLUME_UP, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Volume up")), "Shift+Up", True, True),
    ActionSpec(ActionId.VOLUME_DOWN, Menu.PLAYBACK,
               str(QT_TRANSLATE_NOOP("actions", "Volume down")), "Shift+Down", typing_aware=True),
    ActionSpec(ActionId.SHORTCUTS, Menu.HELP,
               str(QT_TRANSLATE_NOOP("actions", "Keyboard shortcuts")), "F1"),
    ActionSpec(ActionId.PROBLEMS, Menu.HELP,
               str(QT_TRANSLATE_NOOP("actions", "Files that could not be read…"))),
)  # fmt: skip
"""The words are English, marked for translation: show them through :func:`tr`."""

VIEW_KEYS: tuple[tuple[str, str], ...] = (
    (str(QT_TRANSLATE_NOOP("actions", "Return")),
     str(QT_TRANSLATE_NOOP("actions", "Play the selected song"))),
    (str(QT_TRANSLATE_NOOP("actions", "Delete")),
     str(QT_TRANSLATE_NOOP("actions", "Remove from the queue or playlist"))),
    (str(QT_TRANSLATE_NOOP("actions", "Right / Left (in the seek bar)")),
     str(QT_TRANSLATE_NOOP("actions", "Seek forward / back"))),
)  # fmt: skip
"""Keys the views handle themselves (shown in the shortcuts dialog beside the table); both
columns are English here, marked for translation: show them through :func:`tr`."""


def tr(text: str) -> str:
    """The action table's words in the user's language (they are marked with
    ``QT_TRANSLATE_NOOP("actions", ...)`` where the table declares them)."""
    return QCoreApplication.translate("actions", text)


def key_sequence(spec: ActionSpec) -> QKeySequence:
    """The action's shortcut as Qt takes it (empty when it has none)."""
    if spec.shortcut is None:
        return QKeySequence()
    return QKeySequence(spec.shortcut)


def shortcut_text(spec: ActionSpec) -> str:
    """The shortcut as the user reads it on this platform ("" when none)."""
    return key_sequence(spec).toString(QKeySequence.SequenceFormat.NativeText)


def keys_of(action: ActionId) -> str:
    """The shortcut of ``action`` as the user reads it, in their language (Qt's own words for
    the keys: "Umschalt+Hoch" in German); "" when it has none."""
    return next((shortcut_text(spec) for spec in ACTIONS if spec.id is action), "")


def with_keys(template: str, *actions: ActionId) -> str:
    """``template`` (translated, with ``%1``...) filled with the actions' keys, in order."""
    return fill(template, [keys_of(action) for action in actions])


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
