"""Entry point of ``rvibe-player`` and ``python -m rvibe_player``."""

from __future__ import annotations

import sys

COMMANDS = frozenset({"scan", "search", "unreadable", "-h", "--help", "--version"})


def main(argv: list[str] | None = None) -> int:
    """Open the player window, or run a command (``scan``, ``search``...) when one is given."""
    import multiprocessing

    multiprocessing.freeze_support()  # scans run in spawned processes, also when frozen
    args = sys.argv[1:] if argv is None else argv
    if any(arg in COMMANDS for arg in args):
        from rvibe_player.cli import run

        return run(args)
    from rvibe_player import logs
    from rvibe_player.ui.shell.application import run as run_gui

    logs.configure("-v" in args or "--verbose" in args)
    return run_gui([sys.argv[0], *[a for a in args if a not in ("-v", "--verbose")]])


if __name__ == "__main__":
    sys.exit(main())
