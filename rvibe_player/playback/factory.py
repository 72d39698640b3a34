"""Picks the backend: libVLC when it starts, else a null backend that says what to install."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.backend import Backend, Post
from rvibe_player.playback.null_backend import NullBackend

log = logging.getLogger(__name__)


def open_backend(
    post: Post, *, args: Sequence[str] = (), volume: int = 100, output_device: str = ""
) -> tuple[Backend, str | None]:
    """The libVLC backend, or a null one and the reason there is no sound.

    Without libVLC the player still starts: every track then fails with the reason (which
    says what to install), and the caller shows the returned message once.
    """
    try:
        from rvibe_player.playback.vlc_backend import VlcBackend

        return VlcBackend(post, args=args, volume=volume, output_device=output_device), None
    except PlaybackUnavailableError as exc:
        message = str(exc)
        log.warning("%s", message)
        reason = message.removeprefix("Cannot play audio: ").rstrip(".")
        return NullBackend(post, check=lambda item: reason), message
