"""What libVLC says about a file it cannot play, turned into words for the listener.

libVLC reports a failure as a bare event; the reason is in its log. Its log callback (on
libVLC's threads) only keeps recent warnings and errors here, and forwards the few that
mean a stream cannot be decoded (the input would otherwise play silence to the end).
"""

from __future__ import annotations

import collections
import ctypes
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words

_UNDECODABLE = ("is not supported", "could not decode the format", "could not identify")
"""How libVLC's decoder says an audio stream has no decoder (the input then plays silence)."""


_NO_OUTPUT = ("failed to create audio output", "audio output failed")
"""How libVLC says no sound device could be opened (the input then plays into nothing)."""


class LogTail:
    """Keeps libVLC's recent warnings and errors (its log callback only appends here)."""

    def __init__(
        self,
        vlc: Any,
        on_undecodable: Callable[[str, float], None],
        on_no_output: Callable[[str], None] | None = None,
        on_eof: Callable[[], None] | None = None,
    ) -> None:
        """Make the callback to give ``Instance.log_set``.

        Args:
            vlc: the ``vlc`` module (only vlc_backend imports it).
            on_undecodable: called on libVLC's thread with a message saying a stream cannot
                be decoded and its ``time.monotonic()`` moment; it must only forward.
            on_no_output: called on libVLC's thread with what the sound system said when no
                audio output could be opened; it must only forward.
            on_eof: called on libVLC's thread when an input's demuxer has read its file to
                the end (see :mod:`.end_nudge`); it must only note it.
        """
        self._lock = threading.Lock()
        self._lines: collections.deque[tuple[float, str]] = collections.deque(maxlen=200)
        self._format = _vsnprintf()

        def callback(data: Any, level: int, ctx: Any, fmt: bytes, args: Any) -> None:
            if level == 0 and fmt == b"EOF reached" and on_eof:  # a debug message
                on_eof()
                return
            if level < 3 or not fmt:  # below libvlc's WARNING level
                return
            text = self._format(fmt, args) if self._format else fmt.decode("utf-8", "replace")
            now = time.monotonic()
            with self._lock:
                self._lines.append((now, text))
            if level >= 4 and any(marker in text for marker in _UNDECODABLE):
                on_undecodable(text, now)
            elif level >= 4 and on_no_output and any(m in text.lower() for m in _NO_OUTPUT):
                on_no_output(self.output_problem())

        self.callback = vlc.CallbackDecorators.LogCb(callback)  # kept referenced

    def output_problem(self) -> str:
        """What the audio output said last when it failed (the device and why)."""
        with self._lock:
            lines = [text for _at, text in self._lines]
        for text in reversed(lines):
            if "cannot open" in text.lower() or "connection failure" in text.lower():
                return text.strip().rstrip(".")
        return Words(
            "Playback", QT_TRANSLATE_NOOP("Playback", "libVLC found no audio output that works")
        )

    def since(self, moment: float) -> list[str]:
        """Messages logged at or after ``moment`` (a ``time.monotonic()`` reading)."""
        with self._lock:
            return [text for at, text in self._lines if at >= moment]


def _vsnprintf() -> Callable[[bytes, Any], str] | None:
    """C's vsnprintf, to format libVLC's log messages (None where it cannot be found)."""
    try:
        libc = ctypes.cdll.msvcrt if sys.platform == "win32" else ctypes.CDLL(None)
        function = libc._vsnprintf if sys.platform == "win32" else libc.vsnprintf
    except (OSError, AttributeError):
        return None
    function.restype = ctypes.c_int
    function.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p]

    def format_message(fmt: bytes, args: Any) -> str:
        buffer = ctypes.create_string_buffer(512)
        function(buffer, len(buffer), fmt, args)
        return buffer.value.decode("utf-8", "replace")

    return format_message


_EXPLAINING = (*_UNDECODABLE, "unidentified codec", "no suitable", "could not decode",
               "cannot open", "unable to open", "permission denied", "cannot find audio decoder",
               "cannot create packetizer output")  # fmt: skip
"""Words of libVLC's that say why a file cannot be played (others may be any input's)."""


def explaining(messages: Sequence[str]) -> list[str]:
    """Those of ``messages`` that say why a file cannot be played: where several inputs log
    at once (the single-stream backend decodes two files), the others' words say nothing."""
    return [m for m in messages if any(marker in m.lower() for marker in _EXPLAINING)]


def failure_reason(messages: Sequence[str]) -> str:
    """Words for why libVLC could not play a file, from what it logged."""
    text = "\n".join(messages).lower()
    unsupported = re.search(r"codec `.*?' \((.+?)\) is not supported", "\n".join(messages), re.I)
    if unsupported is None and "cannot find audio decoder" in text:  # through a stream output
        unsupported = re.search(r"cannot create packetizer output \((.+?)\)", "\n".join(messages))
    if unsupported:
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP("Playback", "libVLC has no decoder for its audio (%1)"),
            unsupported.group(1),
        )
    if "could not identify" in text or "unidentified codec" in text:
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP("Playback", "libVLC does not recognise the codec of its audio"),
        )
    if "no suitable demux" in text:
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP(
                "Playback", "its format is not one libVLC can read, or the file is damaged"
            ),
        )
    if any(
        m in text for m in ("no suitable decoder", "could not decode", "cannot find audio decoder")
    ):
        return Words(
            "Playback", QT_TRANSLATE_NOOP("Playback", "libVLC has no decoder for its audio")
        )
    if "cannot open" in text or "unable to open" in text or "permission denied" in text:
        return Words("Playback", QT_TRANSLATE_NOOP("Playback", "libVLC cannot open it"))
    last = next((m.strip() for m in reversed(messages) if m.strip()), "")
    if last:
        return Words(
            "Playback", QT_TRANSLATE_NOOP("Playback", "libVLC could not play it (%1)"), last
        )
    return Words("Playback", QT_TRANSLATE_NOOP("Playback", "libVLC could not play it"))


def no_audio() -> str:
    """Why a file that opened gave no sound at all."""
    return Words(
        "Playback", QT_TRANSLATE_NOOP("Playback", "there is no audio in it that libVLC can read")
    )


def is_stream(path: str) -> bool:
    """Whether an item's path is an http(s) address to stream rather than a file."""
    return path.startswith(("http://", "https://"))


def file_problem(path: str) -> str | None:
    """Why a local file cannot be played at all, found without opening it in libVLC."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP(
                "Playback",
                "the file does not exist (moved, deleted, or on a disk that is not connected)",
            ),
        )
    except OSError as exc:
        return Words(
            "Playback",
            QT_TRANSLATE_NOOP("Playback", "the file cannot be read (%1)"),
            str(exc.strerror or exc),
        )
    if not os.access(path, os.R_OK):
        return Words(
            "Playback", QT_TRANSLATE_NOOP("Playback", "the file cannot be read (permission denied)")
        )
    if size == 0:
        return Words("Playback", QT_TRANSLATE_NOOP("Playback", "the file is empty"))
    return None
