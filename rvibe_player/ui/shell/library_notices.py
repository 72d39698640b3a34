"""What the window says about our own data files: the library database repaired at start,
or found damaged by the background check (repaired at the next start); the relationship's
cache made again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from rvibe_player.app.library_care import Restored
    from rvibe_player.core.sqlite_salvage import Repair


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryNotices", text)


def repaired(repair: Repair) -> str:
    """One sentence: what happened, what was recovered, where the damaged file is."""
    counts = repair.salvaged
    return _tr(
        "The library database was damaged, so a new one was made: {tracks} tracks, {plays} "
        "plays and {playlists} playlists were recovered, and your folders are being scanned "
        "again. The damaged file was kept as {path}."
    ).format(
        tracks=counts.get("tracks", 0),
        plays=counts.get("plays", 0),
        playlists=counts.get("playlists", 0),
        path=str(repair.damaged),
    )


def damaged(problem: str) -> str:
    """One sentence for damage found while the player runs."""
    return _tr(
        "The library database is damaged ({problem}). Quit and start the player again to "
        "repair it: what can still be read is kept, and the damaged file is set aside."
    ).format(problem=problem)


def cache_repaired(repair: Repair) -> str:
    """One sentence: the relationship's local copy was made again, unsent messages kept."""
    return _tr(
        "The copy of your store conversation on this computer was damaged, so a new one was "
        "made: {unsent} unsent items were kept and will be sent, and the rest is read again "
        "from the store. The damaged file was kept as {path}."
    ).format(unsent=repair.salvaged.get("outbox", 0), path=str(repair.damaged))


def restored(what: Restored) -> str:
    """One sentence after a restore the user asked for."""
    return _tr(
        "The library was restored from the backup {backup}. The library as it was before "
        "is kept as {kept}."
    ).format(backup=what.backup.name, kept=str(what.kept))
