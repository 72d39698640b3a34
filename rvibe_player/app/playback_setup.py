"""Builds the playback services from the user's settings (used by the window and the CLI)."""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.playback.backend import Backend, Post
from rvibe_player.playback.controller import PlaybackController
from rvibe_player.playback.factory import open_backend
from rvibe_player.playback.replaygain import ReplayGainMode, ReplayGainSettings
from rvibe_player.settings import (
    OUTPUT_DEVICE,
    REPLAYGAIN_FALLBACK_DB,
    REPLAYGAIN_MODE,
    REPLAYGAIN_PREAMP_DB,
    REPLAYGAIN_PREVENT_CLIPPING,
    VOLUME,
    Settings,
)

VLC_ARGS_ENV = "RVIBE_VLC_ARGS"
"""Extra libVLC options, e.g. ``--aout=afile --audiofile-file=/tmp/out.wav`` for tests."""


def replaygain_settings(settings: Settings) -> ReplayGainSettings:
    """The ReplayGain settings as the playback services take them."""
    return ReplayGainSettings(
        ReplayGainMode(settings.get(REPLAYGAIN_MODE)),
        float(settings.get(REPLAYGAIN_PREAMP_DB)),
        float(settings.get(REPLAYGAIN_FALLBACK_DB)),
        settings.get(REPLAYGAIN_PREVENT_CLIPPING),
    )


def open_player(
    settings: Settings,
    library: LibraryDatabase,
    post: Post,
    backend_args: Sequence[str] = (),
    backend: Backend | None = None,
) -> tuple[PlaybackController, str | None]:
    """The controller over libVLC (or a silent backend) and, without sound, why.

    ``post`` runs callbacks on the owner thread (the GUI thread in the window); ``backend``
    replaces libVLC (a :class:`NullBackend` in a headless test).
    """
    problem = None
    if backend is None:
        args = [*backend_args, *shlex.split(os.environ.get(VLC_ARGS_ENV, ""))]
        backend, problem = open_backend(
            post,
            args=args,
            volume=int(settings.get(VOLUME)),
            output_device=settings.get(OUTPUT_DEVICE),
        )
    controller = PlaybackController(
        backend, library, post, replaygain=replaygain_settings(settings)
    )
    return controller, problem
