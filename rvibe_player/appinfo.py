"""Names and version of the application, read by packaging, the CLI and the User-Agent."""

from __future__ import annotations

APP_NAME = "rVibe Player"
APP_ID = "rvibe-player"
"""Folder and keyring service name; also the executable name."""

VERSION = "0.1.0"
ORGANIZATION = "rVibe"
HOMEPAGE = "https://rvibe.example/player"


def user_agent() -> str:
    """The User-Agent the player sends to the store."""
    return f"rVibePlayer/{VERSION}"
