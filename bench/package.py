"""Installer benchmark: how big the Linux app is, and how fast the frozen app starts.

Prints, measured in one run:
  * the unpacked size of the Linux app (dist/rvibe-player, as `make package` builds it)
    beside the same spec built with the full PySide6 wheel (Essentials + Addons) and no Qt
    trimming (RVIBE_QT_TRIM=0), in a venv of its own under bench/out/ (target: under 200 MB);
  * the compressed .deb and .tar.gz;
  * start to first paint of the frozen app beside the same start from the venv (both run
    ``rvibe-player --print-first-paint`` in a fresh profile, offscreen), cold (each one's
    own files evicted from the page cache first) and warm; medians of --runs, taken in
    turns (target: frozen not slower than 1.2x).

Usage: python bench/package.py [--runs 7] [--rebuild] [--skip-anchor]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rvibe_player import appinfo  # noqa: E402

OUT = REPO / "bench" / "out" / "package"
APP = REPO / "dist" / appinfo.APP_ID
VENV_PLAYER = REPO / ".venv" / "bin" / appinfo.APP_ID
MB = 1_000_000


def size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_ours(rebuild: bool) -> None:
    """dist/ from packaging/linux-build.sh, unless it is there already."""
    if rebuild or not (APP / appinfo.APP_ID).exists() or not list(REPO.glob("dist/*.deb")):
        env = dict(os.environ, PYTHON=str(REPO / ".venv" / "bin" / "python"))
        subprocess.run([str(REPO / "packaging" / "linux-build.sh")], cwd=REPO, env=env, check=True)


def build_full_qt() -> Path:
    """The same spec with the full PySide6 wheel and no Qt trimming; its app folder."""
    venv = OUT / "full-qt-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        version = next(line.split("==")[1] for line in (REPO / "constraints.txt").read_text()
                       .splitlines() if line.startswith("PySide6_Essentials=="))  # fmt: skip
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-c",
                        str(REPO / "constraints.txt"), "-e", f"{REPO}[package]",
                        f"PySide6=={version}"], check=True)  # fmt: skip
    dist = OUT / "full-qt-dist"
    if not (dist / appinfo.APP_ID / appinfo.APP_ID).exists():
        env = dict(os.environ, RVIBE_QT_TRIM="0")
        subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                        "--distpath", str(dist), "--workpath", str(OUT / "full-qt-build"),
                        str(REPO / "packaging" / "rvibe-player.spec")],
                       cwd=REPO, env=env, check=True)  # fmt: skip
    return dist / appinfo.APP_ID


def own_files(command: list[str]) -> list[Path]:
    """The files a contender reads at start-up that are its own (not the system's)."""
    if Path(command[0]).parent == APP:
        return [APP]
    return [REPO / ".venv", REPO / "rvibe_player", Path(sys.base_prefix)]


def evict(folders: Iterable[Path]) -> None:
    """Drop these files from the page cache (posix_fadvise), so the next start reads disk."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def first_paint(command: list[str], cold: bool) -> float:
    """Seconds from starting ``command --print-first-paint`` to its window's first frame."""
    if cold:
        evict(own_files(command))
    with tempfile.TemporaryDirectory(prefix="rvibe-start-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RVIBE_STORE_URL="http://127.0.0.1:9",
                   RVIBE_VLC_ARGS="--aout=adummy", HOME=tmp)  # fmt: skip
        for var in ("RVIBE_CONFIG_DIR", "RVIBE_DATA_DIR", "RVIBE_CACHE_DIR", "RVIBE_LOG_DIR"):
            env[var] = str(Path(tmp) / var.lower())
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.time()
        out = subprocess.run([*command, "--print-first-paint"], env=env, capture_output=True,
                             text=True, check=True, timeout=120)  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1]) - started


def starts(runs: int, cold: bool) -> tuple[float, float]:
    """Median first paint of the frozen app and of the venv's, taken in turns."""
    frozen, venv = [str(APP / appinfo.APP_ID)], [str(VENV_PLAYER)]
    first_paint(frozen, cold=False)  # bytecode and icon caches as after any first run
    first_paint(venv, cold=False)
    pairs = [(first_paint(frozen, cold), first_paint(venv, cold)) for _ in range(runs)]
    return statistics.median(f for f, _ in pairs), statistics.median(v for _, v in pairs)


def main() -> int:
    """Build what is missing, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="run linux-build.sh again")
    parser.add_argument("--skip-anchor", action="store_true", help="no full-PySide6 build")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_ours(args.rebuild)
    ours = size(APP)
    anchor = None if args.skip_anchor else size(build_full_qt())
    deb = next(REPO.glob("dist/*.deb")).stat().st_size
    tarball = next(REPO.glob("dist/*.tar.gz")).stat().st_size
    cold = starts(args.runs, cold=True)
    warm = starts(args.runs, cold=False)

    print("\nInstaller benchmark (Linux, x86_64)")
    verdict = "PASS" if ours < 200 * MB else "FAIL"
    print(f"unpacked app, ours (trimmed Qt)       {ours / MB:7.1f} MB   target < 200 MB {verdict}")
    if anchor is not None:
        print(f"unpacked app, full PySide6 wheel      {anchor / MB:7.1f} MB   "
              f"ours is {ours / anchor:.2f}x")  # fmt: skip
    print(f"compressed .deb (xz)                  {deb / MB:7.1f} MB")
    print(f"compressed .tar.gz                    {tarball / MB:7.1f} MB")
    for label, (frozen, venv) in (("cold", cold), ("warm", warm)):
        ratio = frozen / venv
        print(f"first paint, {label}: frozen {frozen * 1000:6.0f} ms, venv {venv * 1000:6.0f} ms"
              f"   {ratio:.2f}x (target <= 1.20) {'PASS' if ratio <= 1.2 else 'FAIL'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
