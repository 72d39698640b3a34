"""Where the player keeps its files: lazy look-ups, each overridable by an environment variable.

Nothing here runs at import time, so tests and a portable build can redirect every directory
by setting ``RVIBE_CONFIG_DIR``, ``RVIBE_DATA_DIR``, ``RVIBE_CACHE_DIR`` or ``RVIBE_LOG_DIR``
before they ask.
"""

from __future__ import annotations

import os
import stat
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from rvibe_player.appinfo import APP_ID

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler


def _dir(env_var: str, default: Path) -> Path:
    override = os.environ.get(env_var)
    path = Path(override) if override else default
    path.mkdir(mode=0o700, parents=True, exist_ok=True)  # created private (POSIX)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and only its owner may read it (POSIX: 0600, a new folder
    0700); a file left readable by others by an older version is tightened too."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if os.name == "posix":
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            path.chmod(current & 0o700)
    return path


def config_dir() -> Path:
    """Settings live here (created on first use)."""
    return _dir("RVIBE_CONFIG_DIR", platformdirs.user_config_path(APP_ID, appauthor=False))


def data_dir() -> Path:
    """The library database and the relationship cache live here (created on first use)."""
    return _dir("RVIBE_DATA_DIR", platformdirs.user_data_path(APP_ID, appauthor=False))


def cache_dir() -> Path:
    """Disposable files such as cover thumbnails live here (created on first use)."""
    return _dir("RVIBE_CACHE_DIR", platformdirs.user_cache_path(APP_ID, appauthor=False))


def log_dir() -> Path:
    """The rotating log a user can attach to a bug report (created on first use)."""
    return _dir("RVIBE_LOG_DIR", platformdirs.user_log_path(APP_ID, appauthor=False))


def library_database() -> Path:
    """The SQLite file of the local music library."""
    return data_dir() / "library.sqlite3"


def settings_file() -> Path:
    """The JSON file holding the user's settings."""
    return config_dir() / "settings.json"


def private_rotating_log(path: Path, max_bytes: int, backups: int) -> RotatingFileHandler:
    """A rotating log whose files only their owner may read (POSIX 0600), after rotation too.

    Logs name the user's music, their curator and the store they use. (``logging.handlers``
    brings sockets, pickle and queues: imported when a log file is opened, not with paths.)
    """
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self) -> TextIOWrapper:
            private_file(Path(self.baseFilename))
            return super()._open()

    return PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )


def default_music_dir() -> Path:
    """The operating system's music folder (it may not exist)."""
    return platformdirs.user_music_path()


def resource_dir() -> Path:
    """Icons and other files shipped with the player (beside the package, or in a bundle)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
