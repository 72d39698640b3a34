"""Play files back to back through GStreamer's ``playbin``, gaplessly, as Quod Libet and
Strawberry do: one pipeline, the next URI handed over in ``about-to-finish``.

The anchor of bench/playback.py's gap figure. It runs under the system's Python (Debian's
python3-gi and GStreamer 1.x, which bench/playback.py installs when it may), not in the
project's venv, and plays to PulseAudio (``PULSE_SERVER`` names the bench's null sink).

    python3 bench/gst_gapless.py FIRST SECOND...   (exit 0 after the last one's end)
"""

from __future__ import annotations

import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import GLib, Gst  # noqa: E402

AUDIO_ONLY = 0x2 | 0x10  # GST_PLAY_FLAG_AUDIO | GST_PLAY_FLAG_SOFT_VOLUME


def play(paths: list[str]) -> int:
    """Play ``paths`` in order; 0 when the last one ended, 1 on a GStreamer error."""
    Gst.init(None)
    playbin = Gst.ElementFactory.make("playbin", None)
    playbin.set_property("audio-sink", Gst.ElementFactory.make("pulsesink", None))
    playbin.set_property("flags", AUDIO_ONLY)
    following = [Gst.filename_to_uri(p) for p in paths[1:]]

    def about_to_finish(bin_: Gst.Element) -> None:
        if following:
            bin_.set_property("uri", following.pop(0))

    playbin.connect("about-to-finish", about_to_finish)
    playbin.set_property("uri", Gst.filename_to_uri(paths[0]))
    loop = GLib.MainLoop()
    outcome = {"code": 0}

    def on_message(_bus: Gst.Bus, message: Gst.Message) -> None:
        if message.type == Gst.MessageType.ERROR:
            error, _debug = message.parse_error()
            print(f"gstreamer: {error.message}", file=sys.stderr)
            outcome["code"] = 1
            loop.quit()
        elif message.type == Gst.MessageType.EOS:
            loop.quit()

    bus = playbin.get_bus()
    bus.add_signal_watch()
    bus.connect("message", on_message)
    playbin.set_state(Gst.State.PLAYING)
    loop.run()
    playbin.set_state(Gst.State.NULL)
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(play(sys.argv[1:]))
