"""Gapless playback on libVLC 3: every track decoded ahead, played as ONE output stream.

Each item is decoded by a player of its own (:mod:`.stream_decoder`) into its queue; a
feeder thread (:mod:`.stream_parts`) writes the current item's samples, then the prepared
next item's, into a pipe; one output player plays the pipe as a raw stream (``fd://``,
``:demux=rawaud``). Two items meet in that stream sample to sample, as in GStreamer's
``playbin`` with ``about-to-finish``: no silence between them, no sample lost (bench/
playback.py measures it beside playbin). The output keeps its volume, mute and device for
the whole stream; ReplayGain is applied to the samples by the feeder, so each item's gain
starts exactly with its first sample. A seek, a new item or a stop rebuilds the stream.

Where the stream is in time is the output player's own clock; the item playing is the one
whose first sample is at or before it. The pipe is a POSIX one (``os.pipe``): libVLC reads
it by file descriptor, which a Windows libVLC cannot share with Python's C runtime; there
:mod:`.vlc_backend` plays (:mod:`.factory` decides).

Used for some formats only (:mod:`.hybrid_backend`): libVLC 3's stream output loses what
its aout path keeps (measured on 3 s tones against :mod:`.vlc_backend`): the last packet of
some formats (WavPack 1.0 s, TTA 0.91 s, WAV 28 ms), an MP3's first 26 ms, a FLAC's
trailing digital silence. FLAC, Vorbis, Opus and AAC keep all but 7 ms at most, and join
exactly. A seek or a resume mid-track also goes through the stream output, which keeps the
samples before the target (see :mod:`.stream_decoder` for how they are dropped).

Threads: the same rule as :mod:`.vlc_backend`: libVLC's callbacks and the feeder only
forward to ``post``; every method and every event handler runs on the owner thread.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Sequence
from typing import Any

from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.backend import (
    Advanced,
    DurationChanged,
    EventSource,
    Failed,
    Finished,
    OutputFailed,
    PlaybackState,
    PlayItem,
    PositionChanged,
    Post,
)
from rvibe_player.playback.stream_decoder import Decoder
from rvibe_player.playback.stream_parts import (
    BYTES_PER_SECOND,
    CHANNELS,
    RATE,
    Feeder,
    gain_factor,
)
from rvibe_player.playback.vlc_backend import import_vlc, list_devices, new_instance
from rvibe_player.playback.vlc_log import (
    LogTail,
    explaining,
    failure_reason,
    file_problem,
    is_stream,
    no_audio,
)

log = logging.getLogger(__name__)

OUTPUT_CACHING_MS = 20
"""The output player's input caching: the pipe is local, so it need not wait long."""


class _Stream:
    """One pipe and its feeder (the items in it are the current and the prepared one)."""

    def __init__(self, generation: int, read_fd: int, feeder: Feeder) -> None:
        self.generation = generation
        self.read_fd = read_fd
        self.feeder = feeder


class StreamBackend(EventSource):
    """The single-stream libVLC backend (see the module docstring)."""

    def __init__(
        self, post: Post, *, args: Sequence[str] = (), volume: int = 100, output_device: str = ""
    ) -> None:
        vlc = import_vlc()
        self._vlc = vlc
        self._decoding = new_instance(vlc, ["--aout=dummy"])
        try:
            self._output = new_instance(vlc, args)
        except PlaybackUnavailableError:
            self._decoding.release()
            raise
        super().__init__(post)
        self._decode_log = LogTail(vlc, lambda _text, _at: None)
        self._decoding.log_set(self._decode_log.callback, None)
        self._output_log = LogTail(
            vlc, lambda _text, _at: None, lambda reason: post(lambda: self._on_no_output(reason))
        )
        self._output.log_set(self._output_log.callback, None)
        self._out = self._output.media_player_new()
        self._attach_output()
        self._volume = max(0, min(100, volume))
        self._muted = False
        self._out.audio_set_volume(self._volume)
        if output_device:
            self.set_output_device(output_device)
        self._stream: _Stream | None = None
        self._generation = 0
        self._current: Decoder | None = None
        self._next: Decoder | None = None
        self._ready = False  # the current item has decoded samples
        self._play_wanted = False
        self._out_started = False
        self._output_reported = False
        self._closed = False

    # -- events from libVLC and the feeder (forwarded to the owner thread) -----------------

    def _attach_output(self) -> None:
        kinds = self._vlc.EventType
        manager = self._out.event_manager()

        def forward(kind: str, read: Any = lambda e: 0.0) -> Any:
            def handler(event: Any) -> None:
                value, generation = read(event), self._generation
                self._post(lambda: self._on_output(generation, kind, value))

            return handler

        manager.event_attach(
            kinds.MediaPlayerTimeChanged, forward("time", lambda e: e.u.new_time / 1000.0)
        )
        manager.event_attach(kinds.MediaPlayerEndReached, forward("end"))
        manager.event_attach(kinds.MediaPlayerEncounteredError, forward("error"))

    def _on_output(self, generation: int, kind: str, value: float) -> None:
        stream = self._stream
        if self._closed or stream is None or generation != stream.generation:
            return
        if kind == "time":
            self._follow(value)
            if self._current is not None and self._state is PlaybackState.PLAYING:
                self._emit(PositionChanged(self._current.item, self.position()))
        elif kind == "end":
            self._follow(float("inf"))
            finished = self._current
            self._teardown()
            self._set_state(PlaybackState.STOPPED)
            if finished is not None:
                self._emit(Finished(finished.item))
        else:
            self._on_no_output(self._output_log.output_problem())

    def _on_decoder(self, decoder: Decoder, kind: str, value: float) -> None:
        if self._closed or decoder.closed:
            return
        if kind == "length":
            decoder.length = value
            if decoder is self._current:
                self._emit(DurationChanged(decoder.item, value))
        elif kind == "ready" and decoder is self._current and not self._ready:
            self._ready = True
            if self._play_wanted:
                self._start_output()
            else:
                self._set_state(PlaybackState.PAUSED)
        elif kind in ("end", "error") and decoder.queue.total == 0:
            said = explaining(self._decode_log.since(decoder.opened_at))  # libVLC's why
            self._fail(decoder, failure_reason(said) if said or kind == "error" else no_audio())

    def _on_no_output(self, reason: str) -> None:
        """No sound device: hold the item where it is and say so, once per Play."""
        if self._closed or self._output_reported:
            return
        self._output_reported = True
        if self._current is not None and self._state in (
            PlaybackState.PLAYING,
            PlaybackState.LOADING,
        ):
            self._play_wanted = False
            if self._out_started:
                self._out.set_pause(1)
            self._set_state(PlaybackState.PAUSED)
        self._emit(OutputFailed(reason))

    def _fail(self, decoder: Decoder, reason: str) -> None:
        log.warning("Cannot play %s: %s", decoder.item.path, reason)
        if decoder is self._next:
            self._drop_next()
            self._emit(Failed(decoder.item, reason))
            return
        if decoder is self._current:
            self._teardown()
            self._set_state(PlaybackState.STOPPED)
        self._emit(Failed(decoder.item, reason))

    def _follow(self, stream_seconds: float) -> None:
        """Make the item whose first sample the output has reached the current one."""
        following, previous = self._next, self._current
        if self._stream is None or following is None or previous is None:
            return
        start = following.entry.start_byte
        if start < 0 or stream_seconds < start / BYTES_PER_SECOND:
            return
        previous.close()
        self._current, self._next = following, None
        self._emit(Advanced(previous.item, following.item))
        if following.length > 0:
            self._emit(DurationChanged(following.item, following.length))

    # -- the stream ------------------------------------------------------------------------

    def _start_decoder(self, item: PlayItem) -> tuple[Decoder, str | None]:
        """A decoder of ``item``, decoding; or, with why it cannot, one that is not."""
        decoder = Decoder(self._vlc, self._decoding, item, self._forward_decoder)
        problem = None if is_stream(item.path) else file_problem(item.path)
        if problem is None and not decoder.start():
            problem = failure_reason(self._decode_log.since(decoder.opened_at))
        return decoder, problem

    def _forward_decoder(self, decoder: Decoder, kind: str, value: float) -> None:
        self._post(lambda: self._on_decoder(decoder, kind, value))  # on libVLC's threads

    def _open(self, item: PlayItem) -> None:
        """A new stream beginning with ``item`` (the current stream must be gone)."""
        self._ready = False
        self._out_started = False
        decoder, reason = self._start_decoder(item)
        self._current = decoder
        if reason is not None:
            self._post(lambda: self._on_decoder_failed(decoder, reason))
            return
        self._generation += 1
        read_fd, write_fd = os.pipe()
        stream = _Stream(self._generation, read_fd, Feeder(write_fd))
        media = self._output.media_new(f"fd://{read_fd}")
        for option in (
            ":demux=rawaud",
            f":rawaud-channels={CHANNELS}",
            f":rawaud-samplerate={RATE}",
            ":rawaud-fourcc=s16l",
            f":file-caching={OUTPUT_CACHING_MS}",
        ):
            media.add_option(option)
        self._out.set_media(media)
        media.release()
        self._stream = stream
        stream.feeder.start(decoder.entry)

    def _on_decoder_failed(self, decoder: Decoder, reason: str) -> None:
        if not decoder.closed:
            self._fail(decoder, reason)

    def _start_output(self) -> None:
        if self._stream is None:
            return
        if self._out_started:
            self._out.set_pause(0)
        else:
            self._out_started = True
            self._out.play()
        self._play_wanted = False
        self._set_state(PlaybackState.PLAYING)

    def _drop_next(self) -> None:
        following, self._next = self._next, None
        if following is None:
            return
        if self._stream is not None:
            self._stream.feeder.set_next(None)
        following.close()

    def _teardown(self) -> None:
        """Stop the output, the feeder and every decoder; forget the items."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.feeder.abort()
            self._out.set_media(None)  # synchronous: libVLC has closed its copy of the pipe
            os.close(stream.read_fd)
        for decoder in (self._current, self._next):
            if decoder is not None:
                decoder.close()
        self._current = self._next = None
        self._ready = self._play_wanted = self._out_started = False

    # -- transport -------------------------------------------------------------------------

    def load(self, item: PlayItem) -> None:
        """Open ``item`` paused at ``item.start``, replacing the current and prepared items."""
        self._teardown()
        self._set_state(PlaybackState.LOADING)
        self._open(item)

    def play(self) -> None:
        """Start or resume the current item (as soon as its first samples are decoded)."""
        self._output_reported = False
        if self._current is None or self._state is PlaybackState.PLAYING:
            return
        if self._ready:
            self._start_output()
        else:
            self._play_wanted = True

    def pause(self) -> None:
        """Pause the current item."""
        if self._state is PlaybackState.PLAYING:
            self._out.set_pause(1)
            self._set_state(PlaybackState.PAUSED)
        self._play_wanted = False

    def stop(self) -> None:
        """Stop, and forget the current and the prepared item."""
        self._teardown()
        self._set_state(PlaybackState.STOPPED)

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` into the current item: a new stream starting there."""
        current = self._current
        if current is None:
            return
        target = max(0.0, seconds)
        if current.length > 0:
            target = min(target, current.length)
        playing = self._state is PlaybackState.PLAYING or self._play_wanted
        following = self._next.item if self._next is not None else None
        length = current.length
        self._teardown()
        self._open(dataclasses.replace(current.item, start=target))
        if self._current is not None:
            self._current.length = length
        self._play_wanted = playing
        self.prepare_next(following)

    def position(self) -> float:
        """Seconds into the current item, by the output's clock."""
        current, stream = self._current, self._stream
        if current is None:
            return 0.0
        if stream is None or not self._out_started:
            return current.item.start
        start = max(0, current.entry.start_byte) / BYTES_PER_SECOND
        played = max(0.0, float(self._out.get_time()) / 1000.0 - start)
        return current.item.start + played

    def duration(self) -> float:
        """Length of the current item in seconds (0 while unknown)."""
        return self._current.length if self._current is not None else 0.0

    def current(self) -> PlayItem | None:
        """The current item."""
        return self._current.item if self._current is not None else None

    def prepare_next(self, item: PlayItem | None) -> None:
        """Decode ``item`` ahead, to follow the current one in the stream (None: nothing)."""
        if self._next is not None and item == self._next.item:
            return
        stream = self._stream
        if self._next is not None:
            if self._next.entry.start_byte >= 0:
                return  # already in the stream: it follows whatever is asked now
            self._drop_next()
        if item is None or stream is None or self._current is None:
            return
        decoder, reason = self._start_decoder(item)
        if reason is not None:
            decoder.close()
            self._emit(Failed(item, reason))
            return
        if not stream.feeder.set_next(decoder.entry):
            decoder.close()  # the stream is ending: the item will be loaded after it
            return
        self._next = decoder

    # -- output ----------------------------------------------------------------------------

    def volume(self) -> int:
        """Output volume, 0-100."""
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Set the output volume (clamped to 0-100)."""
        self._volume = max(0, min(100, int(volume)))
        self._out.audio_set_volume(self._volume)

    def muted(self) -> bool:
        """Whether the output is muted."""
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute the output."""
        self._muted = muted
        self._out.audio_set_mute(muted)

    def output_devices(self) -> list[tuple[str, str]]:
        """``(device id, description)`` of the audio output's devices (may be empty)."""
        return list_devices(self._vlc, self._out)

    def set_output_device(self, device_id: str) -> None:
        """Play through this device (an id from :meth:`output_devices`; "" for the default)."""
        self._output_reported = False
        self._out.audio_output_device_set(None, device_id or None)

    def set_gain(self, gain_db: float) -> None:
        """Change the current item's gain (heard once the samples already queued are out)."""
        if self._current is not None:
            self._current.entry.factor = gain_factor(gain_db)

    def close(self) -> None:
        """Stop and free libVLC; the backend is unusable afterwards."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self._out.release()
        for instance in (self._decoding, self._output):
            instance.log_unset()
            instance.release()
