"""What the window says about our own data files: the library database repaired at start,
or found damaged by the background check (repaired at the next start); the relationship's
cache made again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from rvibe_player.app.library_care import Restored
    from rvibe_player.core.sqlite_salvage import Repair


def repaired(repair: Repair) -> str:
    """One sentence: what happened, what was recovered, where the damaged file is."""
    counts = repair.salvaged
    return (
        QCoreApplication.translate(
            "LibraryNotices",
            "The library database was damaged, so a new one was made: %1 tracks, %2 plays "
            "and %3 playlists were recovered, and your folders are being scanned again. The "
            "damaged file was kept as %4.",
        )
        .replace("%1", str(counts.get("tracks", 0)))
        .replace("%2", str(counts.get("plays", 0)))
        .replace("%3", str(counts.get("playlists", 0)))
        .replace("%4", str(repair.damaged))
    )


def damaged(problem: str) -> str:
    """One sentence for damage found while the player runs."""
    return QCoreApplication.translate(
        "LibraryNotices",
        "The library database is damaged (%1). Quit and start the player again to repair "
        "it: what can still be read is kept, and the damaged file is set aside.",
    ).replace("%1", problem)


def cache_repaired(repair: Repair) -> str:
    """One sentence: the relationship's local copy was made again, unsent messages kept."""
    return (
        QCoreApplication.translate(
            "LibraryNotices",
            "The copy of your store conversation on this computer was damaged, so a new one "
            "was made: %1 unsent items were kept and will be sent, and the rest is read again "
            "from the store. The damaged file was kept as %2.",
        )
        .replace("%1", str(repair.salvaged.get("outbox", 0)))
        .replace("%2", str(repair.damaged))
    )


def restored(what: Restored) -> str:
    """One sentence after a restore the user asked for."""
    return (
        QCoreApplication.translate(
            "LibraryNotices",
            "The library was restored from the backup %1. The library as it was before is "
            "kept as %2.",
        )
        .replace("%1", what.backup.name)
        .replace("%2", str(what.kept))
    )
