"""Picks the backend: libVLC when it starts, else a null backend that says what to install.

On Linux and macOS the default is :mod:`.hybrid_backend`: FLAC, Vorbis, Opus and AAC in one
output stream that joins tracks to the sample (:mod:`.stream_backend`), everything else on
two players meeting in the sound server (:mod:`.vlc_backend`). On Windows (no pipe libVLC
can share with Python) the two players only. ``RVIBE_PLAYBACK_ENGINE`` picks one:
``players``, ``stream`` (every item in the stream, its losses included) or ``hybrid``.
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
"""``players``, ``stream`` or ``hybrid`` (unset: hybrid where there are POSIX pipes)."""


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
    engine = engine if engine is not None else os.environ.get(ENGINE_ENV, "") or "hybrid"
    if engine in ("stream", "hybrid") and os.name != "posix":
        engine = "players"  # the single stream needs a POSIX pipe
    try:
        from rvibe_player.playback.vlc_backend import VlcBackend

        if engine == "players":
            return VlcBackend(post, args=args, volume=volume, output_device=output_device), None
        from rvibe_player.playback.stream_backend import StreamBackend

        stream = StreamBackend(post, args=args, volume=volume, output_device=output_device)
        if engine == "stream":
            return stream, None
        from rvibe_player.playback.hybrid_backend import HybridBackend

        try:
            players = VlcBackend(post, args=args, volume=volume, output_device=output_device)
        except PlaybackUnavailableError:
            stream.close()
            raise
        return HybridBackend(players, stream), None
    except PlaybackUnavailableError as exc:
        message = str(exc)
        log.warning("%s", message)
        reason = message.removeprefix("Cannot play audio: ").rstrip(".")
        return NullBackend(post, check=lambda item: reason), message
