"""What goes into the bundle (libVLC's plugins, the libraries left to the system), the icons,
and the runtime hook that points python-vlc at the bundle, each on its own."""

from __future__ import annotations

import importlib.util
import json
import os
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.requirements import REPO, need_vlc

PACKAGING = REPO / "packaging"


def load(path: Path) -> ModuleType:
    """A packaging script as a module (packaging/ is not a package: its name is taken)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


vlc_payload = load(PACKAGING / "pyinstaller" / "vlc_payload.py")
linux_libraries = load(PACKAGING / "pyinstaller" / "linux_libraries.py")


def test_the_system_plugins_are_cut_down_to_what_an_audio_player_needs() -> None:
    need_vlc()
    install = vlc_payload.locate()
    chosen = {p.as_posix() for p in vlc_payload.plugins(install)}
    assert {"codec/libflac_plugin.so", "codec/libvorbis_plugin.so", "demux/libogg_plugin.so",
            "audio_output/libpulse_plugin.so", "audio_filter/libequalizer_plugin.so",
            "stream_filter/libskiptags_plugin.so", "access/libhttps_plugin.so",
            "misc/libgnutls_plugin.so", "stream_out/libstream_out_transcode_plugin.so",
            "stream_out/libstream_out_smem_plugin.so"} <= chosen  # fmt: skip
    families = {p.split("/")[0] for p in chosen}
    assert families <= {*vlc_payload.FAMILIES, "misc", "stream_out"}
    assert not [p for p in chosen if "x264" in p or "video" in p or "libass" in p]
    pairs = vlc_payload.binaries(install)
    assert pairs[0] == (str(install.libraries[0]), "vlc")  # libvlc.so.5, by its soname
    assert ("vlc/plugins/codec") in {dest for _, dest in pairs}


def test_plugin_names_and_families() -> None:
    assert vlc_payload.plugin_name(Path("libavcodec_plugin.dll")) == "avcodec"
    assert vlc_payload.plugin_name(Path("plugins.dat")) is None
    assert vlc_payload.wanted(Path("codec/libmpg123_plugin.dylib"))
    assert not vlc_payload.wanted(Path("video_output/libxcb_x11_plugin.so"))
    assert not vlc_payload.wanted(Path("codec/libx265_plugin.so"))
    assert vlc_payload.wanted(Path("misc/libgnutls_plugin.so"))
    assert not vlc_payload.wanted(Path("misc/libxml_plugin.so"))
    assert not vlc_payload.wanted(Path("stream_out/libstream_out_rtp_plugin.so"))


def test_locate_says_where_it_looked_when_libvlc_is_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="RVIBE_VLC_DIR"):
        vlc_payload.locate(str(tmp_path), platform="win32")


def test_libraries_left_to_the_system_go_with_what_only_they_needed() -> None:
    entries = [
        ("vlc/plugins/codec/libavcodec_plugin.so", "/p/avcodec_plugin", "BINARY"),
        ("vlc/plugins/codec/libflac_plugin.so", "/p/flac_plugin", "BINARY"),
        ("libavcodec.so.59", "/s/libavcodec", "BINARY"),  # the system's
        ("libx265.so.199", "/s/libx265", "BINARY"),  # needed by libavcodec only
        ("libFLAC.so.12", "/s/libFLAC", "BINARY"),  # needed by a kept plugin
        ("libogg.so.0", "/s/libogg", "BINARY"),  # needed by libFLAC
        ("libvlccore.so.9", "/s/libvlccore", "BINARY"),  # a copy of vlc/libvlccore.so.9
        ("vlc/libvlccore.so.9", "/s/libvlccore", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython", "BINARY"),  # opened by the bootloader
        ("lib-dynload/_ssl.so", "/p/_ssl", "EXTENSION"),
        ("libssl.so.3", "/s/libssl", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/q/network", "BINARY"),  # nobody's
        ("base_library.zip", "/b", "DATA"),
    ]
    graph = {"/p/avcodec_plugin": ["libavcodec.so.59", "libvlccore.so.9"],
             "/p/flac_plugin": ["libFLAC.so.12", "libvlccore.so.9"],
             "/s/libavcodec": ["libx265.so.199"], "/s/libFLAC": ["libogg.so.0"],
             "/p/_ssl": ["libssl.so.3"]}  # fmt: skip
    kept = linux_libraries.prune(entries, lambda src: graph.get(src, []))
    assert [e[0] for e in kept] == [
        "vlc/plugins/codec/libavcodec_plugin.so", "vlc/plugins/codec/libflac_plugin.so",
        "libFLAC.so.12", "libogg.so.0", "vlc/libvlccore.so.9", "libpython3.11.so.1.0",
        "lib-dynload/_ssl.so", "base_library.zip",
    ]  # fmt: skip
    links = [("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("libogg.so", "libogg.so.0", "SYMLINK")]  # fmt: skip
    assert linux_libraries.without_dangling_links(links, kept) == [links[1]]


def test_icons_are_drawn_at_every_size_into_ico_and_icns(tmp_path: Path) -> None:
    make_icons = load(PACKAGING / "make_icons.py")  # its sizes; it draws in its own process
    subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), str(tmp_path)],
                   check=True, capture_output=True)  # fmt: skip
    for size in make_icons.PNG_SIZES:
        png = (tmp_path / f"rvibe-player-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (tmp_path / "rvibe-player.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert sides == list(make_icons.ICO_SIZES)
    icns = (tmp_path / "rvibe-player.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, offset = [], 8
    while offset < len(icns):
        kinds.append(icns[offset : offset + 4].decode())
        offset += struct.unpack(">I", icns[offset + 4 : offset + 8])[0]
    assert kinds == [kind for kind, _ in make_icons.ICNS_TYPES]


def test_the_windows_hook_uses_the_bundle_id_of_appinfo() -> None:
    from rvibe_player import appinfo

    hook = (PACKAGING / "pyinstaller" / "rthook_windows.py").read_text()
    assert f'APP_USER_MODEL_ID = "{appinfo.BUNDLE_ID}"' in hook


def run_hook(bundle: Path, env: dict[str, str]) -> dict[str, str | None]:
    """Run the runtime hook in a fresh Python as if frozen in ``bundle``; the variables."""
    code = (
        "import json, os, runpy, sys\n"
        f"sys._MEIPASS = {str(bundle)!r}\n"
        f"runpy.run_path({str(PACKAGING / 'pyinstaller' / 'rthook_libvlc.py')!r})\n"
        "names = ('PYTHON_VLC_LIB_PATH', 'PYTHON_VLC_MODULE_PATH', 'VLC_PLUGIN_PATH',\n"
        "         'RVIBE_BUNDLED_VLC_PROBLEM')\n"
        "print(json.dumps({n: os.environ.get(n) for n in names}))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_VLC", "VLC_"))}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env},
                            capture_output=True, text=True, check=True)  # fmt: skip
    found: dict[str, str | None] = json.loads(result.stdout)
    return found


def test_the_hook_points_python_vlc_at_a_bundled_libvlc_that_loads(tmp_path: Path) -> None:
    need_vlc()
    install = vlc_payload.locate()
    vlc_dir = tmp_path / "vlc"
    vlc_dir.mkdir()
    for library in install.libraries:
        (vlc_dir / library.name).symlink_to(library.resolve())
    (vlc_dir / "plugins").symlink_to(install.plugins)
    found = run_hook(tmp_path, {})
    assert found == {"PYTHON_VLC_LIB_PATH": str(vlc_dir / "libvlc.so.5"),
                     "PYTHON_VLC_MODULE_PATH": str(vlc_dir / "plugins"),
                     "VLC_PLUGIN_PATH": str(vlc_dir / "plugins"),
                     "RVIBE_BUNDLED_VLC_PROBLEM": None}  # fmt: skip


def test_the_hook_leaves_python_vlc_alone_when_the_bundled_libvlc_is_broken(
    tmp_path: Path,
) -> None:
    (tmp_path / "vlc" / "plugins").mkdir(parents=True)
    (tmp_path / "vlc" / "libvlc.so.5").write_bytes(b"not a library")
    dangling = {"PYTHON_VLC_LIB_PATH": str(tmp_path / "gone.so"),
                "PYTHON_VLC_MODULE_PATH": str(tmp_path / "gone")}  # fmt: skip
    found = run_hook(tmp_path, dangling)
    assert found["PYTHON_VLC_LIB_PATH"] is None  # python-vlc would sys.exit on it
    assert found["PYTHON_VLC_MODULE_PATH"] is None and found["VLC_PLUGIN_PATH"] is None
    assert "the bundled libVLC does not load" in str(found["RVIBE_BUNDLED_VLC_PROBLEM"])
    missing = run_hook(tmp_path / "elsewhere", {})
    assert "the bundled libVLC is missing" in str(missing["RVIBE_BUNDLED_VLC_PROBLEM"])
