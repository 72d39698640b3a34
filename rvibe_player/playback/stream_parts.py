"""The single-stream backend's parts: a track's queue of decoded samples, and the feeder that
writes the queues one after the other into the output's pipe. No libVLC here.

Every track is decoded ahead into a :class:`TrackQueue` (at most :data:`AHEAD_BYTES`; the
decoder waits while it is full). The :class:`Feeder` thread takes the current track's samples,
applies its gain, and writes them into the pipe the output player reads as one raw stream;
when a track's queue has ended it goes on with the next track's at once, so two tracks meet
with no sample lost or added between them.
"""

from __future__ import annotations

import math
import os
import select
import threading
import warnings
from dataclasses import dataclass, field

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # in the standard library until 3.13
    import audioop  # 3.13 and later: the audioop-lts package

RATE = 48000
CHANNELS = 2
FRAME_BYTES = 2 * CHANNELS
"""Signed 16-bit samples, interleaved."""
BYTES_PER_SECOND = RATE * FRAME_BYTES
AHEAD_BYTES = BYTES_PER_SECOND // 2
"""How far a decoder may run ahead of the output: half a second."""
BLOCK_BYTES = 4096 * FRAME_BYTES
"""The most the feeder writes at once (85 ms)."""
_WAIT = 0.05
"""Seconds between looks at the abort flag while waiting."""


class TrackQueue:
    """One track's decoded samples on their way to the output."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._cond = threading.Condition()
        self._ended = False
        self._aborted = False
        self.total = 0
        """Bytes put so far (read on the owner thread to tell a track that gave no sound)."""

    def put(self, block: bytes) -> None:
        """Append decoded samples (on a decoder's thread); waits while the queue is full."""
        with self._cond:
            while len(self._data) >= AHEAD_BYTES and not self._aborted:
                self._cond.wait(_WAIT)
            if self._aborted:
                return
            self._data += block
            self.total += len(block)
            self._cond.notify_all()

    def end(self) -> None:
        """No more samples will come (the decoder finished or failed)."""
        with self._cond:
            self._ended = True
            self._cond.notify_all()

    def abort(self) -> None:
        """Drop everything; a waiting ``put`` or ``take`` returns at once."""
        with self._cond:
            self._aborted = True
            self._data.clear()
            self._cond.notify_all()

    def take(self, limit: int) -> bytes | None:
        """Up to ``limit`` bytes (whole frames); None once it has ended and is empty or was
        aborted. Waits at most ``_WAIT`` seconds: b"" means nothing yet."""
        with self._cond:
            if not self._data and not self._ended and not self._aborted:
                self._cond.wait(_WAIT)
            if self._aborted or (self._ended and not self._data):
                return None
            size = min(limit, len(self._data)) // FRAME_BYTES * FRAME_BYTES
            block = bytes(self._data[:size])
            del self._data[:size]
            self._cond.notify_all()
            return block


def gain_factor(gain_db: float) -> float:
    """The multiplier of a gain in dB."""
    return math.pow(10.0, gain_db / 20.0)


@dataclass(eq=False)
class Entry:
    """One track in the stream: the caller's key, its queue and its gain."""

    key: object
    queue: TrackQueue
    factor: float = 1.0
    start_byte: int = field(default=-1)
    """Where its first sample is in the stream (-1: not reached yet)."""
    done: bool = False
    """All its samples are in the pipe."""


class Feeder:
    """Writes the entries' samples, one entry after the other, into a pipe (its own thread).

    An entry's ``start_byte`` is set when its first sample goes in; after the last entry's
    samples the pipe is closed, which its reader sees as the end of the stream.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        os.set_blocking(fd, False)  # writes wait in select(), so an abort is seen at once
        self._entries: list[Entry] = []
        self._lock = threading.Lock()
        self._aborted = threading.Event()
        self.written = 0
        self._thread = threading.Thread(target=self._run, name="stream-feeder", daemon=True)

    def start(self, first: Entry) -> None:
        """Begin with ``first``."""
        self._entries.append(first)
        self._thread.start()

    def set_next(self, entry: Entry | None) -> bool:
        """Make ``entry`` follow the entry being written (None: nothing follows).

        False when it is too late: the stream has already moved past the current entry.
        """
        with self._lock:
            while len(self._entries) > 1 and self._entries[-1].start_byte < 0:
                self._entries.pop()
            if self._aborted.is_set() or self._entries[-1].done:
                return False
            if entry is not None:
                self._entries.append(entry)
            return True

    def abort(self) -> None:
        """Stop writing and close the pipe's writing end; returns once the thread has ended."""
        self._aborted.set()
        with self._lock:
            entries = list(self._entries)
        for entry in entries:
            entry.queue.abort()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        index = 0
        try:
            while not self._aborted.is_set():
                with self._lock:
                    entry = self._entries[index]
                    entry.start_byte = self.written
                self._write_entry(entry)
                with self._lock:
                    entry.done = True
                    if self._aborted.is_set() or index + 1 >= len(self._entries):
                        break
                    index += 1
        except OSError:  # the reading end has gone (the output was torn down)
            pass
        finally:
            os.close(self._fd)

    def _write_entry(self, entry: Entry) -> None:
        while True:
            block = entry.queue.take(BLOCK_BYTES)
            if block is None:
                return
            if not block:
                continue
            if entry.factor != 1.0:
                block = audioop.mul(block, 2, entry.factor)  # saturates at full scale
            self._write(block)

    def _write(self, block: bytes) -> None:
        view = memoryview(block)
        while view and not self._aborted.is_set():
            select.select([], [self._fd], [], _WAIT)
            try:
                done = os.write(self._fd, view)
            except BlockingIOError:
                continue
            view = view[done:]
            self.written += done
