"""What of libVLC goes into the bundle: its libraries and the plugins an audio player needs.

The spec asks :func:`locate` where libVLC is on the build machine (``RVIBE_VLC_DIR``, or the
system's own on Linux) and gets back ``(source, destination)`` pairs from :func:`binaries`.
Inside the bundle everything lands under ``vlc/``: the libraries beside each other and the
plugins in ``vlc/plugins/<family>/``, the layout the runtime hook points libVLC at.

Plain Python with no PyInstaller import, so the tests can check the selection on its own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

FAMILIES = (
    "access",
    "audio_filter",  # the equalizer (our ReplayGain stage), resamplers, converters
    "audio_mixer",  # volume
    "audio_output",
    "codec",
    "demux",
    "packetizer",
    "stream_filter",  # buffering, and skipping ID3/APE tags before the audio
)
"""Plugin folders an audio player needs; no video output, filter, chroma or subtitle family."""

EXTRA_PLUGINS = ("misc/gnutls", "stream_out/stream_out_transcode", "stream_out/stream_out_smem")
"""Single plugins from other folders: TLS, so store previews stream over https; transcode and
smem, through which the single-stream backend decodes tracks ahead (playback/stream_decoder)."""

LEFT_OUT = {
    # video and picture decoders, which also pull in the largest libraries
    "x264": "video encoder", "x26410b": "video encoder", "x265": "video encoder",
    "dav1d": "video decoder", "theora": "video decoder", "rawvideo": "video decoder",
    "rtpvideo": "video decoder", "vaapi": "video decoding hardware",
    "vaapi_drm": "video decoding hardware", "jpeg": "pictures", "png": "pictures",
    "svgdec": "pictures", "sdl_image": "pictures", "xwd": "pictures", "cdg": "pictures",
    "oggspots": "pictures",
    # subtitles and teletext
    "libass": "subtitles", "kate": "subtitles", "zvbi": "teletext", "subsdec": "subtitles",
    "subsusf": "subtitles", "substx3g": "subtitles", "ttml": "subtitles", "webvtt": "subtitles",
    "stl": "subtitles", "spudec": "subtitles", "cvdsub": "subtitles", "svcdsub": "subtitles",
    "dvbsub": "subtitles", "aribsub": "subtitles", "scte18": "subtitles",
    "scte27": "subtitles", "textst": "subtitles", "t140": "subtitles", "cc": "subtitles",
    # encoders: we only decode
    "shine": "MP3 encoder", "twolame": "MP2 encoder", "edummy": "encoder",
    # capture devices and video discs
    "dc1394": "camera", "dv1394": "camera", "v4l2": "camera", "linsys_hdsdi": "capture card",
    "linsys_sdi": "capture card", "dvb": "television", "dtv": "television",
    "satip": "television", "libbluray": "video disc", "dvdnav": "video disc",
    "dvdread": "video disc", "vcd": "video disc", "pulsesrc": "recording",
    "access_alsa": "recording", "shm": "screen capture", "timecode": "video",
    # network protocols other than the store's http(s): the player opens files and previews
    "nfs": "network share", "sftp": "network share", "access_mtp": "portable device",
    "rist": "broadcast", "udp": "broadcast", "rtp": "broadcast", "sdp": "broadcast",
    "realrtsp": "broadcast", "access_realrtsp": "broadcast", "access_mms": "broadcast",
    "vdr": "video recorder", "demux_chromecast": "Chromecast",
    # video and subtitle streams
    "h26x": "video", "mjpeg": "video", "mpgv": "video", "vc1": "video", "rawvid": "video",
    "rawdv": "video", "image": "pictures", "diracsys": "video", "subtitle": "subtitles",
    "vobsub": "subtitles", "demux_stl": "subtitles", "demux_cdg": "pictures",
    "packetizer_mpegvideo": "video", "packetizer_mpeg4video": "video",
    "packetizer_h264": "video", "packetizer_hevc": "video", "packetizer_vc1": "video",
    "packetizer_av1": "video", "packetizer_dirac": "video",
}  # fmt: skip
"""Plugins of the kept families that an audio player has no use for, and what they are."""

_PLUGIN_NAME = re.compile(r"^(?:lib)?(?P<name>.+?)_plugin\.(?:so|dll|dylib)$")


@dataclass(frozen=True)
class VlcInstall:
    """Where libVLC lies on the build machine."""

    libraries: tuple[Path, ...]
    """``libvlc`` first, then ``libvlccore`` and any private helper library of the plugins."""
    plugins: Path
    cache_gen: Path | None
    """VLC's ``vlc-cache-gen`` (writes ``plugins.dat``), when this installation has one."""


def locate(root: str | None = None, platform: str = sys.platform) -> VlcInstall:
    """libVLC under ``root`` (a VLC folder such as Windows' zip or ``VLC.app/Contents/MacOS``),
    or the system's on Linux.

    Raises:
        FileNotFoundError: libVLC or its plugins are not where they should be.
    """
    if platform.startswith("win"):
        base = Path(root or r"C:\Program Files\VideoLAN\VLC")
        install = VlcInstall(
            (base / "libvlc.dll", base / "libvlccore.dll"),
            base / "plugins",
            base / "vlc-cache-gen.exe",
        )
    elif platform == "darwin":
        base = Path(root or "/Applications/VLC.app/Contents/MacOS")
        install = VlcInstall(
            (base / "lib" / "libvlc.dylib", base / "lib" / "libvlccore.dylib"),
            base / "plugins",
            None,
        )
    else:
        lib = Path(root or _linux_libdir())
        private = lib / "vlc"
        helpers = tuple(sorted(private.glob("libvlc_*.so.[0-9]")))  # libvlc_pulse.so.0 ...
        install = VlcInstall(
            (lib / "libvlc.so.5", lib / "libvlccore.so.9", *helpers),
            private / "plugins",
            private / "vlc-cache-gen",
        )
    missing = [str(p) for p in (*install.libraries, install.plugins) if not p.exists()]
    if missing:
        raise FileNotFoundError(
            "libVLC is not where the build looks for it (set RVIBE_VLC_DIR): " + ", ".join(missing)
        )
    if install.cache_gen is not None and not install.cache_gen.exists():
        install = VlcInstall(install.libraries, install.plugins, None)
    return install


def _linux_libdir() -> str:
    for candidate in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64"):
        if Path(candidate, "libvlc.so.5").exists():
            return candidate
    return "/usr/lib"


def plugin_name(path: Path) -> str | None:
    """``avcodec`` for ``libavcodec_plugin.so``; None for a file that is not a plugin."""
    match = _PLUGIN_NAME.match(path.name)
    return match.group("name") if match else None


def wanted(relative: Path) -> bool:
    """Whether the plugin at ``relative`` (``family/file`` under plugins/) goes in."""
    name = plugin_name(relative)
    if name is None or len(relative.parts) != 2:
        return False
    family = relative.parts[0]
    if f"{family}/{name}" in EXTRA_PLUGINS:
        return True
    return family in FAMILIES and name not in LEFT_OUT


def plugins(install: VlcInstall) -> list[Path]:
    """The plugin files to bundle, relative to the plugins folder, sorted."""
    found = (p.relative_to(install.plugins) for p in install.plugins.rglob("*") if p.is_file())
    return sorted(p for p in found if wanted(p))


def binaries(
    install: VlcInstall, target: str = "vlc", platform: str = sys.platform
) -> list[tuple[str, str]]:
    """PyInstaller ``binaries`` pairs: libraries into ``target``, plugins below it, and on
    Windows ``vlc-cache-gen.exe``, which the installer runs where it installs the plugins."""
    pairs = [(str(lib), target) for lib in install.libraries]  # by their soname
    if platform.startswith("win") and install.cache_gen is not None:
        pairs.append((str(install.cache_gen), target))
    for relative in plugins(install):
        pairs.append((str(install.plugins / relative), f"{target}/plugins/{relative.parent}"))
    return pairs
