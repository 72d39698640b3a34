"""Plays what a library search finds, from the terminal: the playback services, wired.

Used by ``rvibe-player play``. It reads the user's settings (volume, output device,
ReplayGain) and hands their values to the services, like the window will.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rvibe_player import paths
from rvibe_player.app.playback_setup import open_player
from rvibe_player.core.errors import QueryError
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.search import search_tracks
from rvibe_player.playback.backend import OutputFailed, PlaybackState
from rvibe_player.playback.controller import (
    ControllerEvent,
    NowPlaying,
    Unplayable,
)
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.queue import ShuffleMode
from rvibe_player.settings import (
    Settings,
)


def play(db_path: Path, query: str, shuffle: bool, to_file: Path | None) -> int:
    """Play the tracks ``query`` finds until the last ends (or Ctrl-C); the exit status."""
    settings = Settings(paths.settings_file())
    dispatcher = QueueDispatcher()
    output = ["--aout=afile", f"--audiofile-file={to_file}"] if to_file else []
    library = LibraryDatabase(db_path)
    controller, problem = open_player(settings, library, dispatcher.post, output)
    backend = controller.backend
    if problem is not None:
        print(problem, file=sys.stderr)
        backend.close()
        library.close()
        return 1
    try:
        tracks = search_tracks(library.conn, query)
    except QueryError as exc:
        print(f"Cannot search: {exc.reason}\n{exc.pointer()}", file=sys.stderr)
        return 2
    if not tracks:
        print("No track in the library matches.", file=sys.stderr)
        return 1

    def show(event: ControllerEvent) -> None:
        if isinstance(event, NowPlaying):
            print(f"Playing: {event.track.display_artist} - {event.track.display_title}")
        elif isinstance(event, Unplayable | OutputFailed):
            print(event.message, file=sys.stderr)

    controller.add_listener(show)
    try:
        if shuffle:
            controller.set_shuffle(ShuffleMode.TRACKS)
        controller.play_tracks([t.id for t in tracks])
        longest = sum(t.duration for t in tracks) + 60 * len(tracks)
        dispatcher.run_until(lambda: backend.state() is PlaybackState.STOPPED, longest)
    except KeyboardInterrupt:
        controller.stop()
    finally:
        controller.close()
        backend.close()
        library.close()
    return 0
