"""The user's settings: one typed declaration of every key and its default, kept in a JSON file.

A value that is missing or of the wrong type reads as its default, so a hand-edited or
half-written file never stops the player. Writes are atomic (temporary file, then rename).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from rvibe_player.core.safe_files import keep_aside, write_atomic

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the file, its default and a check of stored values."""

    key: str
    default: T
    check: Callable[[Any], bool]
    doc: str


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _one_of(*choices: str) -> Callable[[Any], bool]:
    return lambda value: value in choices


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_dict(value: Any) -> bool:
    return isinstance(value, dict)


# Every setting the player knows, in one place.
WATCH_LIBRARY = Setting("library.watch", True, _is_bool, "Follow changes in library folders.")
REPLAYGAIN_MODE = Setting(
    "playback.replaygain_mode",
    "auto",
    _one_of("off", "track", "album", "auto"),
    "ReplayGain: off, track, album, or album when an album plays in order.",
)
REPLAYGAIN_PREAMP_DB = Setting("playback.replaygain_preamp_db", 0.0, _is_number, "Pre-amp in dB.")
REPLAYGAIN_FALLBACK_DB = Setting(
    "playback.replaygain_fallback_db", -6.0, _is_number, "Gain for tracks without tags, dB."
)
REPLAYGAIN_PREVENT_CLIPPING = Setting(
    "playback.replaygain_prevent_clipping", True, _is_bool, "Lower the gain when peaks would clip."
)
VOLUME = Setting("playback.volume", 80, _is_number, "Output volume, 0-100.")
OUTPUT_DEVICE = Setting("playback.output_device", "", _is_str, "Audio device id; empty = default.")
THEME = Setting("appearance.theme", "system", _one_of("system", "light", "dark"), "Theme.")
LANGUAGE = Setting(
    "appearance.language",
    "",
    _is_str,
    "Language of the interface (de, fr...); empty = the system's.",
)
CLOSE_TO_TRAY = Setting("behaviour.close_to_tray", False, _is_bool, "Closing hides to the tray.")
NOTIFICATIONS = Setting("behaviour.notifications", True, _is_bool, "Notify on track change.")
STORE_URL = Setting("store.url", "", _is_str, "The store to sync with; empty = embedded store.")
STORE_NOTIFICATIONS = Setting(
    "store.notifications", True, _is_bool, "Notify on a new pick or message."
)
UI_STATE = Setting("ui.state", cast(dict[str, Any], {}), _is_dict, "Window geometry and views.")
RECENT_SEARCHES = Setting("ui.recent_searches", cast(list[str], []), _is_str_list, "Searches.")


class Settings:
    """Reads and writes the settings file; one instance is passed to whoever needs it."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._values: dict[str, Any] = self._load()

    @property
    def path(self) -> Path:
        """The JSON file behind these settings."""
        return self._path

    def _load(self) -> dict[str, Any]:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("Cannot read settings %s (%s); using defaults.", self._path, exc)
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError as exc:  # not UTF-8, or not JSON
            data = None
            why = str(exc)
        else:
            why = "not a JSON object"
        if isinstance(data, dict):
            return data
        # Kept for the user (and not overwritten by the next save); defaults from here on.
        keep_aside(self._path, f"{why}; using the default settings")
        return {}

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is absent or not valid."""
        value = self._values.get(setting.key, setting.default)
        if value is not setting.default and not setting.check(value):
            log.warning(
                "Setting %s has an invalid value %r; using the default.", setting.key, value
            )
            return setting.default
        return cast(T, value)

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value and write the file."""
        if not setting.check(value):
            raise ValueError(f"{value!r} is not a valid value for {setting.key}")
        self._values[setting.key] = value
        self.save()

    def save(self) -> None:
        """Write the file atomically; a failed write leaves the old file intact."""
        write_atomic(self._path, json.dumps(self._values, indent=2, sort_keys=True))
