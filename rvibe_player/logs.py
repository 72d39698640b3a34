"""Logging set-up for the entry points: console plus a rotating file in the user log dir."""

from __future__ import annotations

import logging

from rvibe_player import paths

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure(verbose: bool = False) -> None:
    """Send warnings (or everything with ``verbose``) to stderr and everything to the log file."""
    root = logging.getLogger()
    if getattr(root, "_rvibe_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(console)
    try:
        file_handler = paths.private_rotating_log(
            paths.log_dir() / "rvibe-player.log", max_bytes=2_000_000, backups=3
        )
    except OSError as exc:  # a read-only home must not stop the player
        root.warning("Cannot write the log file (%s); logging to the console only.", exc)
    else:
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(file_handler)
    root._rvibe_configured = True  # type: ignore[attr-defined]
