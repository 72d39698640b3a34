"""One track decoded ahead by a libVLC player of its own, into a :class:`TrackQueue`.

The player's stream output is ``transcode`` to 48 kHz stereo signed 16-bit and ``smem``
without time sync: libVLC decodes as fast as the queue takes the samples, and hands each
decoded block to a callback here (on libVLC's thread), which appends it to the queue.
libVLC's audio callbacks (``audio_set_callbacks``) are paced by the clock instead, and lost
a third of a second at a join when tried (stop 24's probe). (``no-time-sync`` is the
spelling smem understands: ``time-sync=false`` is read as true, and decodes in real time.)

Starting mid-track (a seek, a resume) uses ``:start-time``. Through a stream output libVLC
keeps the samples before the target that its aout path drops, so a decoder starts where the
demuxer landed: measured on 30 s files, MP3, M4A and WAV within +50 ms, FLAC 40-100 ms early
(a frame: so FLAC aims 50 ms late), Vorbis and Opus up to 0.9 s early (a page). For Ogg the
first block's timestamp tells how early: smem's timestamps are on libVLC's clock (the system's
monotonic one), and in an Ogg stream its reference is the target, so a first block stamped
0.4 s before "now" holds 0.4 s from before the target, which are dropped here (measured within
20 ms of the truth; for other formats the timestamp says nothing of the landing).
"""

from __future__ import annotations

import ctypes
import os
import time
from collections.abc import Callable
from typing import Any

from rvibe_player.playback.backend import PlayItem
from rvibe_player.playback.stream_parts import (
    CHANNELS,
    FRAME_BYTES,
    RATE,
    Entry,
    TrackQueue,
    gain_factor,
)
from rvibe_player.playback.vlc_log import is_stream
from rvibe_player.playback.vlc_slot import demux_for

STREAM_DEMUX = {".wav": "avformat,any", ".aif": "avformat,any", ".aiff": "avformat,any"}
"""Where a stream output needs another demuxer than :func:`demux_for`'s: libVLC's own WAV
and AIFF demuxers lose their last block (50 ms) on the way to a stream output."""
START_AIM_LATE = {".flac": 0.05}
"""Seconds past the target to ask for: a FLAC seek lands on the frame before (up to 105 ms)."""
EARLY_ENOUGH_TO_TRIM = 0.015
"""A first block stamped more than this before "now" started early by that much."""
TRIMMED_BY_TIMESTAMP = frozenset({".ogg", ".oga", ".opus"})
"""Where the first block's timestamp is measured to tell how early a start landed (Ogg);
elsewhere a first block late for another reason (a busy machine) must not cut the start."""

_PRERENDER = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_size_t
)
_POSTRENDER = ctypes.CFUNCTYPE(
    None,
    ctypes.c_void_p,
    ctypes.c_void_p,
    ctypes.c_uint,
    ctypes.c_uint,
    ctypes.c_uint,
    ctypes.c_uint,
    ctypes.c_size_t,
    ctypes.c_int64,
)  # fmt: skip  (data, pcm, channels, rate, samples, bits per sample, size, pts)

DecoderEvent = Callable[["Decoder", str, float], None]
"""Called on libVLC's threads with ("ready" | "end" | "error" | "length", value): forward only."""


class Decoder:
    """Decodes ``item`` (from ``item.start``) into :attr:`queue` once started."""

    def __init__(self, vlc: Any, instance: Any, item: PlayItem, on_event: DecoderEvent) -> None:
        self.item = item
        self.queue = TrackQueue()
        self.entry = Entry(self, self.queue, gain_factor(item.gain_db))
        """This decoder's place in the output stream."""
        self.length = 0.0
        self.opened_at = time.monotonic()
        self.closed = False
        self._buffers: dict[int, Any] = {}
        self._callbacks = (_PRERENDER(self._prerender), _POSTRENDER(self._postrender))
        self._on_event = on_event
        pre, post = (ctypes.cast(c, ctypes.c_void_p).value for c in self._callbacks)
        if is_stream(item.path):
            media = instance.media_new(item.path)
        else:
            media = instance.media_new_path(os.fsencode(item.path))
        media.add_option(
            f":sout=#transcode{{acodec=s16l,channels={CHANNELS},samplerate={RATE}}}:smem{{"
            f"audio-prerender-callback={pre},audio-postrender-callback={post},"
            "audio-data=0,no-time-sync}"
        )
        demux = STREAM_DEMUX.get(os.path.splitext(item.path)[1].lower()) or demux_for(item)
        if demux:
            media.add_option(f":demux={demux}")
        extension = os.path.splitext(item.path)[1].lower()
        self._trim = -1 if extension in TRIMMED_BY_TIMESTAMP else 0  # -1: from the first block
        if item.start > 0:
            media.add_option(f":start-time={item.start + START_AIM_LATE.get(extension, 0.0):.3f}")
        else:
            self._trim = 0
        self._media = media
        self._player = instance.media_player_new()
        self._player.set_media(media)
        kinds = vlc.EventType
        manager = self._player.event_manager()
        manager.event_attach(kinds.MediaPlayerEndReached, lambda _e: self._finish("end"))
        manager.event_attach(kinds.MediaPlayerEncounteredError, lambda _e: self._finish("error"))
        manager.event_attach(
            kinds.MediaPlayerLengthChanged,
            lambda e: self._on_event(self, "length", e.u.new_length / 1000.0),
        )

    def start(self) -> bool:
        """Begin decoding; False when libVLC would not start."""
        return bool(self._player.play() == 0)

    def close(self) -> None:
        """Stop decoding and free the player (on the owner thread)."""
        if self.closed:
            return
        self.closed = True
        self.queue.abort()  # a callback waiting for room returns, so the stop below can end
        self._player.set_media(None)
        self._media.release()
        self._player.release()

    # -- on libVLC's threads ---------------------------------------------------------------

    def _finish(self, kind: str) -> None:
        self.queue.end()
        self._on_event(self, kind, 0.0)

    def _prerender(self, _data: Any, target: Any, size: int) -> None:
        buffer = self._buffers.get(size)
        if buffer is None:
            buffer = self._buffers[size] = ctypes.create_string_buffer(size)
        target[0] = ctypes.cast(buffer, ctypes.c_void_p).value

    def _postrender(self, _data: Any, pcm: Any, *rest: Any) -> None:
        if self._trim < 0:  # the first block after a start mid-track
            early = time.monotonic_ns() // 1000 - rest[5]  # rest: ..., size, pts (us)
            seconds = early / 1e6 if early > EARLY_ENOUGH_TO_TRIM * 1e6 else 0.0
            self._trim = round(seconds * RATE) * FRAME_BYTES
        block = ctypes.string_at(pcm, rest[4])
        if self._trim:
            dropped = min(self._trim, len(block))
            self._trim -= dropped
            block = block[dropped:]
            if not block:
                return
        first = self.queue.total == 0
        self.queue.put(block)
        if first:
            self._on_event(self, "ready", 0.0)
