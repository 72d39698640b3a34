"""The single-stream backend's queue and feeder, without libVLC: samples in, one stream out."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from rvibe_player.playback.stream_parts import (
    AHEAD_BYTES,
    FRAME_BYTES,
    Entry,
    Feeder,
    TrackQueue,
)


def frames(value: int, count: int) -> bytes:
    """``count`` stereo frames holding ``value`` in both channels."""
    return value.to_bytes(2, "little", signed=True) * 2 * count


class Pipe:
    """A feeder writing into a pipe, and everything read from its other end."""

    def __init__(self) -> None:
        self.read_fd, write_fd = os.pipe()
        self.feeder = Feeder(write_fd)
        self.data = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)

    def _read(self) -> None:
        while chunk := os.read(self.read_fd, 65536):
            self.data += chunk

    def start(self, first: Entry) -> None:
        self.feeder.start(first)
        self._reader.start()

    def finish(self) -> bytes:
        self._reader.join(5)  # the reader stops at the end of the stream: the pipe closed
        assert not self._reader.is_alive(), "the stream did not end"
        return bytes(self.data)


@pytest.fixture
def pipe() -> Iterator[Pipe]:
    made = Pipe()
    yield made
    made.feeder.abort()
    os.close(made.read_fd)


def filled(*blocks: bytes) -> TrackQueue:
    queue = TrackQueue()
    for block in blocks:
        queue.put(block)
    queue.end()
    return queue


def test_two_tracks_follow_each_other_with_nothing_between(pipe: Pipe) -> None:
    decoding = TrackQueue()
    first = Entry("a", decoding)
    second = Entry("b", filled(frames(200, 700)))
    pipe.start(first)
    assert pipe.feeder.set_next(second)  # while the first is still decoding
    decoding.put(frames(100, 1000))
    decoding.put(frames(101, 500))
    decoding.end()
    out = pipe.finish()
    assert out == frames(100, 1000) + frames(101, 500) + frames(200, 700)
    assert (first.start_byte, second.start_byte) == (0, 1500 * FRAME_BYTES)


def test_a_gain_scales_only_its_own_track_and_saturates(pipe: Pipe) -> None:
    decoding = TrackQueue()
    pipe.start(Entry("a", decoding, factor=0.5))
    pipe.feeder.set_next(Entry("b", filled(frames(20000, 10)), factor=2.0))
    decoding.put(frames(1000, 10))
    decoding.end()
    out = pipe.finish()
    assert out == frames(500, 10) + frames(32767, 10)


def test_a_next_track_asked_for_after_the_stream_ended_is_refused(pipe: Pipe) -> None:
    pipe.start(Entry("a", filled(frames(1, 10))))
    pipe.finish()
    assert not pipe.feeder.set_next(Entry("b", filled(frames(2, 10))))


def test_the_next_track_can_be_replaced_until_it_starts(pipe: Pipe) -> None:
    current = TrackQueue()  # still decoding: nothing ended yet
    pipe.start(Entry("a", current))
    assert pipe.feeder.set_next(Entry("b", filled(frames(2, 10))))
    assert pipe.feeder.set_next(Entry("c", filled(frames(3, 10))))
    current.put(frames(1, 10))
    current.end()
    assert pipe.finish() == frames(1, 10) + frames(3, 10)


def test_a_full_queue_holds_its_decoder_until_the_output_takes_samples() -> None:
    queue = TrackQueue()
    queue.put(frames(1, AHEAD_BYTES // FRAME_BYTES))
    done = threading.Event()
    threading.Thread(target=lambda: (queue.put(frames(2, 10)), done.set()), daemon=True).start()
    assert not done.wait(0.3), "put returned while the queue was full"
    assert queue.take(4096)
    assert done.wait(2)


def test_an_abort_frees_a_feeder_whose_output_reads_nothing() -> None:
    read_fd, write_fd = os.pipe()
    try:
        endless = TrackQueue()
        feeder = Feeder(write_fd)
        feeder.start(Entry("a", endless))

        def decode() -> None:  # a decoder with no end: it waits while the queue is full
            for _ in range(1000):
                endless.put(frames(7, 4096))

        decoder = threading.Thread(target=decode, daemon=True)
        decoder.start()
        time.sleep(0.5)  # the pipe is full, the feeder waits to write, the decoder to put
        written = feeder.written
        assert 0 < written < 1000 * 4096 * FRAME_BYTES
        started = time.monotonic()
        feeder.abort()
        assert time.monotonic() - started < 1.0
        decoder.join(2)
        assert not decoder.is_alive(), "the decoder still waits for room"
        with pytest.raises(OSError):
            os.fstat(write_fd)  # the feeder closed its end
    finally:
        os.close(read_fd)
