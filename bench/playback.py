"""Playback benchmark: time to sound and the gap between tracks, ours beside libVLC's own.

Prints, from one run:
  * start: median time from ``play()`` to the first sample at the sound server, over 50
    starts: ours for a new file (``load()`` + ``play()``, what a double-click does) and for a
    loaded one on two players, and on the single stream for a new file, beside libVLC's own
    ``MediaPlayer.play()`` (set_media + play);
  * gap: the silence between two back-to-back tone tracks (2 s of 440 Hz, then 2 s of
    660 Hz), ours in one stream (how the default backend plays FLAC, Vorbis, Opus and AAC:
    playback/hybrid_backend.py) and on two players (other formats, and Windows: next track
    prepared, handover timed, and at the end) beside libVLC's own
    ``MediaListPlayer`` and GStreamer's ``playbin`` with ``about-to-finish`` (the anchors:
    the second is how Quod Libet and Strawberry play gaplessly); also how much of the first
    track's end was lost, and the hole a listener hears (silence + lost end).
Targets: start <= 50 ms; gap <= 50 ms, at most playbin's and smaller than MediaListPlayer's
(a verdict for each backend); the handover at the end (the path a track takes when the
timed one is not armed) under 50 ms.

Method: a private PulseAudio server with a null sink (which consumes audio at the real rate
by its own clock, like a sound card) is recorded in real time with ``parec`` from its monitor
(48 kHz, mono). Every figure comes from that recording: a gap is measured between the last
sample of one tone and the first of the next, to the sample; a start from the moment of the
call to the first sample that arrives. Start figures include the recorder's own latency
(5 ms fragments), so they are upper bounds. Both sides use the same libVLC instance options.
Needs: libVLC 3 with its PulseAudio plugin, pulseaudio + pulseaudio-utils, ffmpeg. For the
GStreamer anchor, the system's Python with python3-gi and GStreamer's base, good and
PulseAudio plugins: installed here with apt-get when run as root (``--no-install`` says no),
otherwise that anchor is left out with the command that would add it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import vlc  # noqa: E402 - the anchor is libVLC itself

from rvibe_player.library.tags import read_tags  # noqa: E402
from rvibe_player.playback.backend import (  # noqa: E402
    Backend,
    Finished,
    PlaybackState,
    PlayItem,
    StateChanged,
)
from rvibe_player.playback.dispatch import QueueDispatcher  # noqa: E402
from rvibe_player.playback.stream_backend import StreamBackend  # noqa: E402
from rvibe_player.playback.vlc_backend import DEFAULT_ARGS, VlcBackend  # noqa: E402
from tests.helpers.audio import Audio, Transition, from_samples, transition  # noqa: E402
from tests.helpers.pulse import RATE, NullSink, Recorder, null_sink  # noqa: E402

TONE_SECONDS = 2.0
FIRST_HZ, SECOND_HZ = 440.0, 660.0
ARGS = ["--aout=pulse"]
GST_HELPER = Path(__file__).with_name("gst_gapless.py")
GST_PYTHON = "/usr/bin/python3"
GST_PACKAGES = [
    "python3-gi", "gir1.2-gstreamer-1.0", "gir1.2-gst-plugins-base-1.0",
    "gstreamer1.0-plugins-base", "gstreamer1.0-plugins-good", "gstreamer1.0-pulseaudio",
]  # fmt: skip
GST_PROBE = (
    "import gi; gi.require_version('Gst', '1.0'); from gi.repository import Gst; "
    "Gst.init(None); assert all(Gst.ElementFactory.find(e) for e in "
    "('playbin', 'pulsesink', 'flacdec')); print(Gst.version_string())"
)


def tone(folder: Path, name: str, hz: float, ffmpeg: str) -> Path:
    target = folder / name
    subprocess.run(
        [ffmpeg, "-loglevel", "error", "-f", "lavfi", "-i",
         f"sine=frequency={hz:g}:sample_rate=44100:duration={TONE_SECONDS:g}", str(target)],
        check=True,
    )  # fmt: skip
    return target


def measure(audio: Audio) -> Transition:
    return transition(audio, FIRST_HZ, SECOND_HZ, TONE_SECONDS)


def record(recorder: Recorder, play: Callable[[], None], done: Callable[[], bool]) -> Audio:
    """Run ``play``, wait for ``done``, and return what was heard meanwhile (plus 0.3 s)."""
    mark = recorder.frames()
    play()
    deadline = time.monotonic() + TONE_SECONDS * 2 + 10
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("playback did not finish")
        recorder.wait_frames(recorder.frames() + RATE // 100, timeout=0.1)
    recorder.wait_frames(recorder.frames() + round(0.3 * RATE), timeout=2)
    return from_samples(RATE, recorder.samples(mark))


def item(path: Path, key: int) -> PlayItem:
    """What the controller hands the backend: the path and the length the library read."""
    return PlayItem(str(path), key=key, duration=read_tags(str(path)).duration)


def engine(name: str, post: Callable[[Callable[[], None]], None]) -> Backend:
    """Our backend: "stream" (one output stream), "timed" or "end" (two players, the
    handover timed by the clock or at the end)."""
    if name == "stream":
        return StreamBackend(post, args=ARGS)
    return VlcBackend(post, args=ARGS, timed_handover=name == "timed")


def gaps_ours(sink: NullSink, first: Path, second: Path, runs: int, name: str) -> list[Transition]:
    dispatcher = QueueDispatcher()
    backend = engine(name, dispatcher.post)
    finished: list[Finished] = []
    backend.add_listener(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    results = []
    try:
        for _ in range(runs):
            finished.clear()

            def play() -> None:
                backend.load(item(first, 1))
                backend.prepare_next(item(second, 2))
                backend.play()

            def done() -> bool:
                dispatcher.run_pending()
                return bool(finished)

            results.append(measure(record(sink.recorder, play, done)))
            backend.stop()
    finally:
        backend.close()
    return results


def gaps_anchor(sink: NullSink, first: Path, second: Path, runs: int) -> list[Transition]:
    instance = vlc.Instance([*DEFAULT_ARGS, *ARGS])
    results = []
    for _ in range(runs):
        player = instance.media_list_player_new()
        player.set_media_list(instance.media_list_new([str(first), str(second)]))
        ended = threading.Event()
        player.event_manager().event_attach(
            vlc.EventType.MediaListPlayerPlayed, lambda _e, ended=ended: ended.set()
        )
        results.append(measure(record(sink.recorder, player.play, ended.is_set)))
        player.stop()
        player.release()
    instance.release()
    return results


def gstreamer(install: bool) -> tuple[str | None, str]:
    """GStreamer's version when the system's Python can drive it (installing it first when
    allowed and possible), else None and what to do."""

    def probe() -> str | None:
        if not Path(GST_PYTHON).exists():
            return None
        found = subprocess.run(
            [GST_PYTHON, "-c", GST_PROBE], capture_output=True, text=True, check=False
        )
        return found.stdout.strip() if found.returncode == 0 else None

    version = probe()
    command = f"apt-get install {' '.join(GST_PACKAGES)}"
    if version is None and install and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"setting up the GStreamer anchor: {command}", flush=True)
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *GST_PACKAGES],
            env=env, check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        version = probe()
    return version, command


def gaps_gstreamer(sink: NullSink, first: Path, second: Path, runs: int) -> list[Transition]:
    """GStreamer's playbin, next URI in about-to-finish (bench/gst_gapless.py), same sink."""
    command = [GST_PYTHON, str(GST_HELPER), str(first), str(second)]
    results = []
    for _ in range(runs):
        started: list[subprocess.Popen[bytes]] = []
        results.append(
            measure(
                record(
                    sink.recorder,
                    lambda started=started: started.append(subprocess.Popen(command, env=sink.env)),
                    lambda started=started: bool(started) and started[0].poll() is not None,
                )
            )
        )
        if started[0].returncode != 0:
            raise RuntimeError("GStreamer could not play the tones")
    return results


def time_to_sound(recorder: Recorder, called_at: float, before: Callable[[], None]) -> float:
    """Milliseconds from ``called_at`` to the first sound recorded after it."""
    mark = recorder.frame_at(called_at)
    deadline = time.monotonic() + 3
    while (found := recorder.first_sound(mark)) is None:
        if time.monotonic() > deadline:
            raise RuntimeError("no sound within 3 s of play()")
        before()
        recorder.wait_frames(recorder.frames() + RATE // 200, timeout=0.05)
    return (found - mark) / RATE * 1000


def silence(recorder: Recorder) -> None:
    """Wait until the sink has been silent for 50 ms (a stopped stream has drained)."""
    while recorder.first_sound(max(0, recorder.frames() - RATE // 20)) is not None:
        recorder.wait_frames(recorder.frames() + RATE // 100, timeout=0.1)


def starts_ours(sink: NullSink, files: list[Path], loaded: bool, name: str) -> list[float]:
    dispatcher = QueueDispatcher()
    backend = engine(name, dispatcher.post)
    states: list[PlaybackState] = []
    backend.add_listener(lambda e: states.append(e.state) if isinstance(e, StateChanged) else None)
    results = []
    try:
        for path in files:
            silence(sink.recorder)
            if loaded:
                backend.load(PlayItem(str(path)))
                ready = dispatcher.run_until(lambda: PlaybackState.PAUSED in states, 5)
                assert ready, "the file did not open"
            called = time.monotonic()
            if not loaded:
                backend.load(PlayItem(str(path)))
            backend.play()
            results.append(time_to_sound(sink.recorder, called, dispatcher.run_pending))
            backend.stop()
            states.clear()
    finally:
        backend.close()
    return results


def starts_anchor(sink: NullSink, files: list[Path]) -> list[float]:
    instance = vlc.Instance([*DEFAULT_ARGS, *ARGS])
    player = instance.media_player_new()
    results = []
    for path in files:
        silence(sink.recorder)
        called = time.monotonic()
        player.set_media(instance.media_new_path(str(path)))
        player.play()
        results.append(time_to_sound(sink.recorder, called, lambda: None))
        player.stop()
    player.release()
    instance.release()
    return results


def compare(
    label: str, ours: list[Transition], anchor: list[Transition], playbin: list[Transition]
) -> bool:
    """Print ours against the anchors; whether the gap is <= 50 ms, below MediaListPlayer's
    and at most playbin's (when playbin was measured)."""
    gap = statistics.median(g.gap for g in ours)
    hole = statistics.median(g.gap + g.tail_lost for g in ours)
    anchor_gap = statistics.median(g.gap for g in anchor)
    anchor_hole = statistics.median(g.gap + g.tail_lost for g in anchor)
    line = (f"  ours ({label}): ratio to MediaListPlayer silence {gap / anchor_gap:.2f}, "
            f"hole {hole / anchor_hole:.2f}")  # fmt: skip
    ok = abs(gap) <= 50 and gap < anchor_gap
    if playbin:
        playbin_gap = statistics.median(g.gap for g in playbin)
        playbin_hole = statistics.median(g.gap + g.tail_lost for g in playbin)
        line += f"; minus playbin: silence {gap - playbin_gap:+.1f} ms, hole "
        line += f"{hole - playbin_hole:+.1f} ms"
        ok = ok and gap <= playbin_gap
    print(line)
    return ok


def describe(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} ms  (min {min(values):.1f}, max {max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=50, help="starts to time (50)")
    parser.add_argument("--gaps", type=int, default=10, help="transitions to measure (10)")
    parser.add_argument(
        "--formats", nargs="+", default=["flac"], help="tone formats for the gap (flac)"
    )
    parser.add_argument(
        "--no-install", action="store_true", help="never apt-get the GStreamer anchor"
    )
    args = parser.parse_args(argv)
    gst_version, gst_command = gstreamer(install=not args.no_install)
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        print("ffmpeg is not installed (apt install ffmpeg)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="rvibe-bench-") as scratch:
        folder = Path(scratch)
        start_tone = tone(folder, "start.flac", FIRST_HZ, ffmpeg)
        files = []
        for index in range(args.starts):  # a new file each time, as when picking tracks
            files.append(folder / f"start{index:02}.flac")
            shutil.copyfile(start_tone, files[-1])
        try:
            context = null_sink()
            sink = context.__enter__()
        except RuntimeError as exc:
            print(f"Cannot measure: {exc}", file=sys.stderr)
            return 2
        try:
            print(f"libVLC {vlc.libvlc_get_version().decode()}, PulseAudio {sink.version} null "
                  f"sink recorded in real time with parec at {RATE} Hz; options "
                  f"{' '.join([*DEFAULT_ARGS, *ARGS])}; "
                  f"{gst_version or 'no GStreamer anchor: ' + gst_command}")  # fmt: skip
            print(f"\nstart: play() to the first sample at the sink, over {args.starts} starts")
            cold = starts_ours(sink, files, loaded=False, name="timed")
            warm = starts_ours(sink, files, loaded=True, name="timed")
            cold_stream = starts_ours(sink, files, loaded=False, name="stream")
            anchor_start = starts_anchor(sink, files)
            print(f"  ours, new file: load() + play()      {describe(cold)}")
            print(f"  ours, loaded file: play()            {describe(warm)}")
            print(f"  ours, one stream, new file           {describe(cold_stream)}")
            print(f"  anchor: libVLC MediaPlayer.play()    {describe(anchor_start)}")
            verdicts: dict[str, bool] = {}
            for index, ext in enumerate(args.formats):
                first = tone(folder, f"first.{ext}", FIRST_HZ, ffmpeg)
                second = tone(folder, f"second.{ext}", SECOND_HZ, ffmpeg)
                print(f"\ngap between two {TONE_SECONDS:g} s tone tracks ({ext}), over "
                      f"{args.gaps} runs")  # fmt: skip
                timed = gaps_ours(sink, first, second, args.gaps, "timed")
                at_end = gaps_ours(sink, first, second, args.gaps, "end")
                stream = gaps_ours(sink, first, second, args.gaps, "stream")
                anchor = gaps_anchor(sink, first, second, args.gaps)
                playbin = gaps_gstreamer(sink, first, second, args.gaps) if gst_version else []
                rows = [
                    ("ours, one stream               ", stream),
                    ("ours, prepared, timed handover ", timed),
                    ("ours, prepared, handover at end", at_end),
                    ("anchor: libVLC MediaListPlayer ", anchor),
                ]
                if playbin:
                    rows.append(("anchor: GStreamer playbin      ", playbin))
                for name, found in rows:
                    lost = statistics.median(g.tail_lost for g in found)
                    hole = statistics.median(g.gap + g.tail_lost for g in found)
                    print(f"  {name}  silence {describe([g.gap for g in found])}; end of the "
                          f"first lost {lost:5.1f} ms; hole {hole:6.1f} ms")  # fmt: skip
                end_gap = statistics.median(g.gap for g in at_end)
                for label, found in (("two players, timed", timed), ("one stream", stream)):
                    ok = compare(label, found, anchor, playbin) and end_gap < 50
                    if index == 0:
                        verdicts[label] = ok
            start_ok = statistics.median(cold) <= 50
            start_ratio = statistics.median(cold) / statistics.median(anchor_start)
            print(f"\nstart ratio ours/anchor (new file): {start_ratio:.2f}")
            verdict = {True: "met", False: "NOT met"}
            gaps = ", ".join(f"{label} {verdict[ok]}" for label, ok in verdicts.items())
            print(f"targets: start <= 50 ms {verdict[start_ok]}; gap <= 50 ms, at most "
                  f"playbin's{'' if gst_version else ' (not measured)'}, below "
                  f"MediaListPlayer's, and at the end under 50 ms ({args.formats[0]}): "
                  f"{gaps}")  # fmt: skip
        finally:
            context.__exit__(None, None, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
