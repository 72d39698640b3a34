"""Probe (not a backend): two tracks joined in ONE output stream by libVLC, to the sample.

Issue 15 asks for a gap at most GStreamer ``playbin``'s (0.0 ms). Our backend joins two
sound-server streams by the clock (1-3 ms of silence, -4..+4 ms). This probe measures the
design that would join them exactly, all in libVLC 3:

* each track is decoded by a player of its own, as fast as it can, through
  ``:sout=#transcode{acodec=s16l,channels=2,samplerate=48000}:smem{...,time-sync=false}``:
  smem hands every decoded block to a callback, which appends it to the track's own queue
  (0.5 s at most: the callback blocks, and the decoder with it, while the queue is full);
* one output player plays a single raw stream that a thread writes into a pipe from those
  queues in turn (``fd://N`` with ``:demux=rawaud`` and ``:file-caching=20``): when a
  track's queue is empty and its decoder has ended, writing goes on from the next track's
  queue, with no pause.

Findings, 2026-12-04 (PulseAudio null sink, recorded in real time): every sample of both
tones arrives (2.000 s each), and the recording holds one unbroken sound of 4.000 s from the
first sample heard 13 ms after play() (our backend: 8-19 ms): no silence at the join (the
measure reads -1 ms, its resolution where two tones touch), nothing of the first lost.
What did not work: libVLC's audio callbacks (``audio_set_callbacks``) in place of smem left
210 ms and lost 320 ms (those decoders run paced by the clock, so the output, reading at
the same pace with no slack, found its blocks late and dropped them); ``media_new_callbacks``
in place of the pipe started 175-180 ms late (its input buffered 350 ms first, "Stream
buffering done (350 ms in 162 ms)" in libVLC's log, whatever the caching options were). Open for a
backend: ``fd://`` shares a file descriptor with libVLC, which Windows builds may not (its C
runtime is not Python's): a named pipe there; pause, seek (flush the queues and the pipe),
volume, ReplayGain (the equalizer is an output filter, which a sout chain has not) and the
position by samples played belong to the output player.

Run: ``.venv/bin/python bench/single_stream_probe.py`` (needs libVLC with its smem and
PulseAudio plugins, pulseaudio, pulseaudio-utils and ffmpeg).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import vlc  # noqa: E402 - the probe is of libVLC itself

from bench.playback import FIRST_HZ, SECOND_HZ, TONE_SECONDS, tone  # noqa: E402
from tests.helpers.audio import from_samples, sound_runs, transition  # noqa: E402
from tests.helpers.pulse import RATE, null_sink  # noqa: E402

BYTES_PER_SECOND = 48000 * 4  # s16, stereo
PRERENDER = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_size_t
)
POSTRENDER = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint,
    ctypes.c_uint, ctypes.c_size_t, ctypes.c_int64,
)  # fmt: skip


class TrackQueue:
    """One track's decoded samples, waiting for the output; at most half a second ahead."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.cond = threading.Condition()
        self.ended = False
        self.total = 0

    def put(self, block: bytes) -> None:
        with self.cond:
            while len(self.data) > BYTES_PER_SECOND // 2:
                self.cond.wait(0.05)
            self.data += block
            self.total += len(block)
            self.cond.notify_all()

    def end(self) -> None:
        with self.cond:
            self.ended = True
            self.cond.notify_all()

    def take(self, limit: int) -> bytes:
        """Up to ``limit`` bytes; b"" once the track has ended and all was taken."""
        with self.cond:
            while not self.data and not self.ended:
                self.cond.wait(0.05)
            block = bytes(self.data[:limit])
            del self.data[:limit]
            self.cond.notify_all()
            return block


def decoder(instance: Any, path: Path, queue: TrackQueue, keep: list[Any]) -> Any:
    """A player that decodes ``path`` into ``queue`` as fast as the queue takes it."""
    buffers: dict[int, Any] = {}

    @PRERENDER
    def prerender(_data: Any, target: Any, size: int) -> None:
        buffer = buffers.setdefault(size, ctypes.create_string_buffer(size))
        target[0] = ctypes.cast(buffer, ctypes.c_void_p).value

    @POSTRENDER
    def postrender(_data: Any, pcm: Any, *rest: Any) -> None:
        queue.put(ctypes.string_at(pcm, rest[4]))  # rest: channels, rate, frames, bits, size

    keep += [prerender, postrender]
    pre = ctypes.cast(prerender, ctypes.c_void_p).value
    post = ctypes.cast(postrender, ctypes.c_void_p).value
    media = instance.media_new_path(str(path))
    media.add_option(
        ":sout=#transcode{acodec=s16l,channels=2,samplerate=48000}:smem{"
        f"audio-prerender-callback={pre},audio-postrender-callback={post},"
        "audio-data=0,time-sync=false}"
    )
    player = instance.media_player_new()
    player.set_media(media)
    player.event_manager().event_attach(vlc.EventType.MediaPlayerEndReached, lambda _e: queue.end())
    return player


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, null_sink() as sink:
        ffmpeg = shutil.which("ffmpeg") or "ffmpeg"
        first = tone(Path(tmp), "a.flac", FIRST_HZ, ffmpeg)
        second = tone(Path(tmp), "b.flac", SECOND_HZ, ffmpeg)
        decoding = vlc.Instance(["--no-video", "--file-caching=100"])
        output = vlc.Instance(["--no-video", "--aout=pulse"])
        queues = [TrackQueue(), TrackQueue()]
        keep: list[Any] = []
        players = [
            decoder(decoding, p, q, keep) for p, q in zip((first, second), queues, strict=True)
        ]
        current = [0]
        pipe_out, pipe_in = os.pipe()

        def feed() -> None:
            """The queues, one after the other, into the output's pipe."""
            while True:
                block = queues[current[0]].take(4096)
                if block:
                    os.write(pipe_in, block)
                elif current[0] + 1 == len(queues):
                    os.close(pipe_in)  # the end of the last track: the end of the stream
                    return
                else:
                    current[0] += 1  # this track has ended: on with the next, at once

        threading.Thread(target=feed, name="feed", daemon=True).start()
        stream = output.media_new(f"fd://{pipe_out}")
        for option in (":demux=rawaud", ":rawaud-channels=2", ":rawaud-samplerate=48000",
                       ":rawaud-fourcc=s16l", ":file-caching=20"):  # fmt: skip
            stream.add_option(option)
        out = output.media_player_new()
        out.set_media(stream)
        mark = sink.recorder.frames()
        for player in players:
            player.play()
        out.play()
        time.sleep(2 * TONE_SECONDS + 1.0)
        heard = from_samples(RATE, sink.recorder.samples(mark))
        for player in (*players, out):
            player.stop()
        os.close(pipe_out)
    runs = [
        (round(s * 1000 / RATE), round(e * 1000 / RATE)) for s, e in sound_runs(heard, 0.01, 0.0005)
    ]
    print("decoded: " + ", ".join(f"{q.total / BYTES_PER_SECOND:.3f} s" for q in queues))
    print(f"sound heard (ms from the start): {runs}")
    join = transition(heard, FIRST_HZ, SECOND_HZ, TONE_SECONDS)
    print(f"join: silence {join.gap:.2f} ms, end of the first lost {join.tail_lost:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
