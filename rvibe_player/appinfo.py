"""Names and version of the application, read by packaging, the CLI and the User-Agent."""

from __future__ import annotations

APP_NAME = "rVibe Player"
APP_ID = "rvibe-player"
"""Folder and keyring service name; also the executable name."""

VERSION = "0.1.0"
ORGANIZATION = "rVibe"
HOMEPAGE = "https://rvibe.example/player"
SUMMARY = "Fast music player with a personal line to your music store's curator"
BUNDLE_ID = "example.rvibe.Player"
"""Reverse-DNS id: the macOS bundle id, the AppStream component id, Windows' AppUserModelID."""
COPYRIGHT = "Copyright © 2026 rVibe; GPL-3.0-or-later"
MACOS_MINIMUM = "13.0"
"""The oldest macOS the bundle runs on (the PySide6 6.11 wheels are built for Ventura)."""


def user_agent() -> str:
    """The User-Agent the player sends to the store."""
    return f"rVibePlayer/{VERSION}"
