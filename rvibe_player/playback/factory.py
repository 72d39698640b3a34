"""Picks the backend: libVLC when it starts, else a null backend that says what to install.

Two libVLC backends: two players meeting in the sound server (:mod:`.vlc_backend`, the
default), and one output stream that tracks join to the sample (:mod:`.stream_backend`,
chosen with ``RVIBE_PLAYBACK_ENGINE=stream`` on Linux and macOS). The second is not the
default yet: through libVLC 3's stream output an MP3 loses its first 26 ms (see its module).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.backend import Backend, Post
from rvibe_player.playback.null_backend import NullBackend

log = logging.getLogger(__name__)

ENGINE_ENV = "RVIBE_PLAYBACK_ENGINE"
"""``stream`` for the single-stream backend; anything else (or unset): two players."""


def open_backend(
    post: Post,
    *,
    args: Sequence[str] = (),
    volume: int = 100,
    output_device: str = "",
    engine: str | None = None,
) -> tuple[Backend, str | None]:
    """The libVLC backend, or a null one and the reason there is no sound.

    Without libVLC the player still starts: every track then fails with the reason (which
    says what to install), and the caller shows the returned message once.
    """
    engine = os.environ.get(ENGINE_ENV, "") if engine is None else engine
    if engine == "stream" and os.name != "posix":
        log.warning("The single-stream backend needs a POSIX pipe; playing with two players.")
        engine = ""
    try:
        if engine == "stream":
            from rvibe_player.playback.stream_backend import StreamBackend

            backend: Backend = StreamBackend(
                post, args=args, volume=volume, output_device=output_device
            )
            return backend, None
        from rvibe_player.playback.vlc_backend import VlcBackend

        return VlcBackend(post, args=args, volume=volume, output_device=output_device), None
    except PlaybackUnavailableError as exc:
        message = str(exc)
        log.warning("%s", message)
        reason = message.removeprefix("Cannot play audio: ").rstrip(".")
        return NullBackend(post, check=lambda item: reason), message
