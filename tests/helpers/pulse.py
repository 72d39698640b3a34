"""A private PulseAudio server with a null sink, recorded in real time: sound you can measure.

``afile`` writes decoded audio as fast as it comes, so it cannot show a gap in time. A null
sink consumes audio at the real rate by its own clock, exactly like a sound card; recording
its monitor with ``parec`` gives what a listener would have heard, sample by sample.

The server runs in a temporary folder with its own socket, so it never touches the user's
sound setup; :func:`null_sink` points ``PULSE_SERVER`` at it while it runs.
"""

from __future__ import annotations

import array
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RATE = 48000
SINK = "rvibe_bench"
TOOLS = ("pulseaudio", "pacat", "parec", "pactl")
INSTALL = "apt install pulseaudio pulseaudio-utils"


def missing_tools() -> list[str]:
    """The PulseAudio programs this needs that are not installed."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class Recorder:
    """Records the null sink's monitor (mono, 16 bit, 48 kHz) on a thread of its own."""

    CHUNK = 480  # frames per read: 10 ms

    def __init__(self, env: dict[str, str]) -> None:
        self._process = subprocess.Popen(
            ["parec", "-d", f"{SINK}.monitor", "--raw", "--format=s16le", "--channels=1",
             f"--rate={RATE}", "--latency-msec=5"],
            stdout=subprocess.PIPE,
            env=env,
        )  # fmt: skip
        self._lock = threading.Condition()
        self._data = bytearray()
        self._arrivals: list[tuple[float, int]] = []  # (monotonic time, frames so far)
        self._thread = threading.Thread(target=self._read, name="parec-reader", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        handle = self._process.stdout.fileno()
        while chunk := os.read(handle, self.CHUNK * 2):
            now = time.monotonic()
            with self._lock:
                self._data += chunk
                self._arrivals.append((now, len(self._data) // 2))
                self._lock.notify_all()

    def frames(self) -> int:
        """Frames recorded so far."""
        with self._lock:
            return len(self._data) // 2

    def wait_frames(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` frames have been recorded; False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: len(self._data) // 2 >= count, timeout)

    def frame_at(self, moment: float) -> int:
        """The recording's frame that arrived at ``moment`` (a ``time.monotonic()``)."""
        with self._lock:
            for arrived, count in self._arrivals:
                if arrived >= moment:
                    return max(0, count - round((arrived - moment) * RATE))
            return len(self._data) // 2

    def samples(self, start: int = 0, end: int | None = None) -> array.array[int]:
        """Frames ``start`` to ``end`` as integers."""
        with self._lock:
            whole = len(self._data) // 2 * 2
            data = array.array(
                "h", bytes(self._data[start * 2 : whole if end is None else end * 2])
            )
        if sys.byteorder == "big":
            data.byteswap()
        return data

    def first_sound(self, start: int, threshold: int = 300) -> int | None:
        """The first frame at or after ``start`` louder than ``threshold``, if any yet."""
        for index, value in enumerate(self.samples(start)):
            if abs(value) > threshold:
                return start + index
        return None

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=5)
        self._thread.join(timeout=5)


@dataclass
class NullSink:
    """A running private server: its environment and its recorder."""

    env: dict[str, str]
    recorder: Recorder
    version: str


def _wait_for_server(env: dict[str, str], timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        info = subprocess.run(
            ["pactl", "info"], check=False, env=env, capture_output=True, text=True
        )
        if info.returncode == 0:
            for line in info.stdout.splitlines():
                if line.startswith("Server Version:"):
                    return line.split(":", 1)[1].strip()
            return "?"
        if time.monotonic() > deadline:
            raise RuntimeError(f"the private PulseAudio server did not start: {info.stderr}")
        time.sleep(0.05)


@contextmanager
def null_sink() -> Iterator[NullSink]:
    """Start the server, keep its sink running at low latency, record it; stop it all after.

    ``PULSE_SERVER`` points at the private server meanwhile, so libVLC's PulseAudio output
    started in this process plays into the null sink.

    Raises:
        RuntimeError: a PulseAudio program is missing or the server does not start.
    """
    missing = missing_tools()
    if missing:
        raise RuntimeError(f"{', '.join(missing)} not installed ({INSTALL})")
    with tempfile.TemporaryDirectory(prefix="rvibe-pulse-") as folder:
        socket = Path(folder) / "native"
        env = dict(os.environ, HOME=folder, XDG_RUNTIME_DIR=folder, PULSE_RUNTIME_PATH=folder,
                   PULSE_SERVER=f"unix:{socket}")  # fmt: skip
        server = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--use-pid-file=no", "--exit-idle-time=-1",
             "--disable-shm=yes", "--log-target=stderr", "--log-level=error",
             "-L", f"module-null-sink sink_name={SINK} rate={RATE} channels=2 norewinds=1",
             "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        started: list[subprocess.Popen[bytes]] = [server]
        recorder = None
        previous = os.environ.get("PULSE_SERVER")
        try:
            version = _wait_for_server(env)
            # A silent stream with a small buffer keeps the sink rendering in 2.5 ms blocks;
            # idle, it would render in 2 s blocks and the monitor would stall.
            keep_alive = ["pacat", "--raw", "--format=s16le", f"--rate={RATE}", "--channels=2",
                          "--latency-msec=10", "/dev/zero"]  # fmt: skip
            started.append(subprocess.Popen(keep_alive, env=env))
            recorder = Recorder(env)
            os.environ["PULSE_SERVER"] = env["PULSE_SERVER"]
            if not recorder.wait_frames(RATE // 10, timeout=5):
                raise RuntimeError("the null sink's monitor records nothing")
            yield NullSink(env, recorder, version)
        finally:
            if previous is None:
                os.environ.pop("PULSE_SERVER", None)
            else:
                os.environ["PULSE_SERVER"] = previous
            if recorder is not None:
                recorder.close()
            for process in reversed(started):
                process.terminate()
                process.wait(timeout=5)
