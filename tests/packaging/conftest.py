"""The Linux build (app folder, .tar.gz, .deb), made once a test session by linux-build.sh,
or reused from ``make package`` while it is newer than every file it is built from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rvibe_player import appinfo
from tests.helpers.requirements import REPO, need, need_pyinstaller, need_tools, need_vlc

INPUTS = ("rvibe_player", "packaging", "resources", "pyproject.toml", "constraints.txt")
BUILD_TIMEOUT = 900


@dataclass(frozen=True)
class LinuxBuild:
    """What ``packaging/linux-build.sh`` leaves in dist/."""

    app: Path
    tarball: Path
    deb: Path


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        top = REPO / name
        paths = [top] if top.is_file() else top.rglob("*")
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def _built() -> LinuxBuild | None:
    dist = REPO / "dist"
    tarballs = sorted(dist.glob(f"{appinfo.APP_ID}-{appinfo.VERSION}-linux-*.tar.gz"))
    debs = sorted(dist.glob(f"{appinfo.APP_ID}_{appinfo.VERSION}_*.deb"))
    app = dist / appinfo.APP_ID
    if not (tarballs and debs and (app / appinfo.APP_ID).is_file()):
        return None
    return LinuxBuild(app, tarballs[-1], debs[-1])


@pytest.fixture(scope="session")
def linux_build() -> LinuxBuild:
    """The built Linux packages: reused when fresh, else built now (a few minutes)."""
    need_pyinstaller()
    need_tools("dpkg-deb", "dpkg-shlibdeps", "objdump", "patchelf")
    need_vlc()
    found = _built()
    if found is not None and min(found.tarball.stat().st_mtime,
                                 found.deb.stat().st_mtime) > _newest_input():  # fmt: skip
        return found
    env = dict(os.environ, PYTHON=sys.executable)
    result = subprocess.run(
        [str(REPO / "packaging" / "linux-build.sh")], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=BUILD_TIMEOUT, check=False,
    )  # fmt: skip
    output = result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, f"linux-build.sh failed:\n{output}"
    built = _built()
    assert built is not None, "linux-build.sh did not leave the app, the tarball and the .deb"
    return built


@pytest.fixture
def extracted_deb(linux_build: LinuxBuild, tmp_path: Path) -> Path:
    """The .deb unpacked into a scratch root (``dpkg -x``, as dpkg would install it)."""
    root = tmp_path / "deb-root"
    subprocess.run(["dpkg", "-x", str(linux_build.deb), str(root)], check=True)
    return root


@pytest.fixture
def extracted_tarball(linux_build: LinuxBuild, tmp_path: Path) -> Path:
    """The .tar.gz unpacked (times kept, as tar does for a user)."""
    root = tmp_path / "tar-root"
    root.mkdir()
    subprocess.run(["tar", "-xzf", str(linux_build.tarball), "-C", str(root)], check=True)
    return root


SYSTEM_VLC = ("libvlc.so.5", "libvlccore.so.9")


def _system_vlc_files() -> tuple[list[str], list[str]]:
    """The system's libVLC files (resolved) and its private folders (plugins...)."""
    files, folders = [], []
    for libdir in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
                   "/usr/lib"):  # fmt: skip
        for name in SYSTEM_VLC:
            if Path(libdir, name).exists():
                files.append(str(Path(libdir, name).resolve()))
        if Path(libdir, "vlc").is_dir():
            folders.append(str(Path(libdir, "vlc")))
    return sorted(set(files)), folders


@pytest.fixture(scope="session")
def hide_system_vlc() -> Iterator[list[str]]:
    """A command prefix that runs its command with the system's libVLC gone: /dev/null bound
    over its libraries and an empty folder over its plugins, in a private mount namespace."""
    need(shutil.which("unshare") is not None, "unshare (util-linux) is missing",
         "RVIBE_REQUIRE_PACKAGING")  # fmt: skip
    files, folders = _system_vlc_files()
    script = "set -e; " + "".join(f"mount --bind /dev/null '{f}'; " for f in files)
    script += "".join(f"mount -t tmpfs none '{d}'; " for d in folders) + 'exec "$@"'
    prefix = ["unshare", "--map-root-user", "--mount", "sh", "-c", script, "hidden-vlc"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, check=False)
    need(probe.returncode == 0, f"cannot hide the system's libVLC here: {probe.stderr.strip()}",
         "RVIBE_REQUIRE_PACKAGING")  # fmt: skip
    yield prefix


def self_test(
    executable: Path, home: Path, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``executable --self-test`` with an empty LD_LIBRARY_PATH and nothing of python-vlc's."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON_VLC", "VLC_", "RVIBE_BUNDLED"))}  # fmt: skip
    env.update(LD_LIBRARY_PATH="", HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [*(prefix or []), str(executable), "--self-test"], env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
