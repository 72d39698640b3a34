"""The built Linux packages prove themselves: unpacked like a user would, each runs its
``--self-test`` on the libVLC inside it, also with the system's libVLC gone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from rvibe_player import appinfo
from rvibe_player.app.loaded_libraries import inside
from tests.helpers.requirements import need_tools
from tests.packaging.conftest import LinuxBuild, self_test

pytestmark = pytest.mark.slow

APP = Path("opt") / appinfo.APP_ID


def assert_runs_on_bundled_vlc(result: subprocess.CompletedProcess[str], bundle: Path) -> None:
    """Every check passed, and the libVLC, libVLCcore and plugins came from ``bundle``."""
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split(":")[0].split()[-1]: line for line in result.stdout.splitlines()}
    loaded = re.fullmatch(r"ok   libvlc: loaded (\S+) with (\S+)", lines["libvlc"])
    assert loaded, lines["libvlc"]
    assert inside(loaded.group(1), str(bundle)), lines["libvlc"]
    assert inside(loaded.group(2), str(bundle)), lines["libvlc"]
    plugins = re.fullmatch(r"ok   plugins: \d+ loaded from (\S+) \(plugins\.dat present\)",
                           lines["plugins"])  # fmt: skip
    assert plugins and inside(plugins.group(1), str(bundle)), lines["plugins"]
    assert lines["sound"].startswith("ok   sound: "), lines["sound"]
    assert lines["library"] == "ok   library: tags and fingerprint read (Vorbis)"
    assert lines["window"].startswith("ok   window: 1280x800 painted offscreen; player ready")


def test_deb_self_test_runs_on_its_own_libvlc(extracted_deb: Path, tmp_path: Path) -> None:
    bundle = extracted_deb / APP
    assert_runs_on_bundled_vlc(self_test(bundle / appinfo.APP_ID, tmp_path), bundle)


def test_tarball_self_test_runs_on_its_own_libvlc(extracted_tarball: Path, tmp_path: Path) -> None:
    bundle = extracted_tarball / appinfo.APP_ID
    assert_runs_on_bundled_vlc(self_test(bundle / appinfo.APP_ID, tmp_path), bundle)


def test_deb_plays_with_the_system_libvlc_gone(
    extracted_deb: Path, tmp_path: Path, hide_system_vlc: list[str]
) -> None:
    bundle = extracted_deb / APP
    result = self_test(bundle / appinfo.APP_ID, tmp_path, hide_system_vlc)
    assert_runs_on_bundled_vlc(result, bundle)


def test_broken_bundled_libvlc_gives_a_sentence_and_a_window(
    extracted_tarball: Path, tmp_path: Path, hide_system_vlc: list[str]
) -> None:
    bundle = extracted_tarball / appinfo.APP_ID
    (bundle / "_internal" / "vlc" / "libvlc.so.5").write_bytes(b"not a library")
    result = self_test(bundle / appinfo.APP_ID, tmp_path, hide_system_vlc)
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr  # an answer, not a crash
    sentence = "This installation's own libVLC cannot be used (the bundled libVLC does not load"
    assert lines[0].startswith("ok   window: 1280x800 painted offscreen; no sound: Cannot play")
    assert sentence in lines[0]
    assert lines[1].startswith("FAIL libvlc: Cannot play audio") and sentence in lines[1]
    assert lines[-1] == "self-test: FAILED: libvlc"


def test_deb_layout_launcher_and_depends(linux_build: LinuxBuild) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(linux_build.deb)],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
    names = {line.split()[5].removeprefix("./") for line in listing.splitlines()}
    expected = {
        f"opt/{appinfo.APP_ID}/{appinfo.APP_ID}",
        f"opt/{appinfo.APP_ID}/_internal/vlc/plugins/plugins.dat",
        f"usr/share/applications/{appinfo.APP_ID}.desktop",
        f"usr/share/metainfo/{appinfo.BUNDLE_ID}.metainfo.xml",
        f"usr/share/icons/hicolor/scalable/apps/{appinfo.APP_ID}.svg",
        f"usr/share/man/man1/{appinfo.APP_ID}.1.gz",
        f"usr/share/doc/{appinfo.APP_ID}/copyright",
        *(f"usr/share/icons/hicolor/{n}x{n}/apps/{appinfo.APP_ID}.png"
          for n in (16, 24, 32, 48, 64, 128, 256, 512)),
    }  # fmt: skip
    assert expected <= names
    launcher = next(line for line in listing.splitlines() if f"usr/bin/{appinfo.APP_ID}" in line)
    assert launcher.endswith(f"-> /opt/{appinfo.APP_ID}/{appinfo.APP_ID}")
    assert " root/root " in launcher
    field = subprocess.run(["dpkg-deb", "--field", str(linux_build.deb), "Version", "Depends"],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"Version: {appinfo.VERSION}" in field
    depends = {d.split()[0] for d in field.split("Depends:")[1].replace("\n", " ").split(",")}
    assert {"libc6", "libpulse0", "libdbus-1-3", "libxcb-cursor0"} <= depends  # the system's
    assert not {"libvlc5", "libvlccore9", "libvorbis0a", "libqt6core6"} & depends  # bundled


def test_player_bundle_leaves_out_the_store_video_and_unused_qt(linux_build: LinuxBuild) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(linux_build.app / appinfo.APP_ID))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    assert "rvibe_player.app.self_test" in modules
    unwanted = ("rvibe_player.store_server", "fastapi", "starlette", "uvicorn", "sqlalchemy",
                "alembic", "pydantic", "PySide6.QtQml", "PySide6.QtQuick",
                "PySide6.QtNetwork")  # fmt: skip
    assert not [m for m in modules if m.startswith(unwanted)]
    files = [p.relative_to(linux_build.app).as_posix() for p in linux_build.app.rglob("*")]
    assert not [f for f in files if re.search(r"Qt6(Qml|Quick|WebEngine|Pdf|Network)", f)]
    families = {p.name for p in (linux_build.app / "_internal/vlc/plugins").iterdir() if p.is_dir()}
    assert {"codec", "demux", "audio_output", "audio_filter", "access"} <= families
    assert not {f for f in families if f.startswith(("video", "spu", "gui", "control"))}
    assert not [f for f in files if f.endswith("translations")]


def documented_lintian_warnings() -> set[str]:
    """The lintian warnings packaging/README.md accepts, each with its reason."""
    text = (Path(__file__).resolve().parents[2] / "packaging" / "README.md").read_text()
    section = text.split("## Lintian", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.MULTILINE))


def test_lintian_finds_no_error_and_only_documented_warnings(linux_build: LinuxBuild) -> None:
    need_tools("lintian")
    result = subprocess.run(["lintian", "--tag-display-limit", "0", str(linux_build.deb)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    tags = re.findall(r"^([EWIP]): \S+: (\S+)", result.stdout, re.MULTILINE)
    assert not [tag for level, tag in tags if level == "E"], result.stdout
    warnings = {tag for level, tag in tags if level == "W"}
    assert warnings <= documented_lintian_warnings(), result.stdout


def test_desktop_entry_and_metainfo_validate(extracted_deb: Path) -> None:
    need_tools("desktop-file-validate", "appstreamcli")
    share = extracted_deb / "usr" / "share"
    desktop = share / "applications" / f"{appinfo.APP_ID}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                             text=True, check=False)  # fmt: skip
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    metainfo = share / "metainfo" / f"{appinfo.BUNDLE_ID}.metainfo.xml"
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert checked.returncode == 0, checked.stdout
    text = metainfo.read_text()
    assert f'<release version="{appinfo.VERSION}"' in text
    assert '<screenshot type="default">' in text
    assert f'<launchable type="desktop-id">{appinfo.APP_ID}.desktop</launchable>' in text
