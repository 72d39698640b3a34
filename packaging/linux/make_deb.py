"""Builds the Linux .deb around the one-folder app: /opt/rvibe-player, a launcher, menu entry,
AppStream metainfo, hicolor icons, a man page, and Depends for what the bundle leaves out.

Usage: python packaging/linux/make_deb.py APP_DIR ICONS_DIR OUT_DIR

Names, version and ids come from ``rvibe_player/appinfo.py``, release notes from
``packaging/releases.json``. ``Depends`` is worked out by dpkg-shlibdeps from the bundle's
own ELF files (libraries inside the bundle need nothing), plus the packages of libraries
that Qt opens at run time. Built with ``dpkg-deb --root-owner-group``: no fakeroot needed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(REPO), str(HERE.parent / "pyinstaller")]

from linux_libraries import RUNTIME_LOADED  # noqa: E402

from rvibe_player import appinfo  # noqa: E402

PREFIX = Path("opt") / appinfo.APP_ID
MAINTAINER = "rVibe <player@rvibe.example>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def values() -> dict[str, str]:
    """The placeholders of the templates in this folder, from appinfo and the releases."""
    latest = releases()[0]
    return {
        "APP_NAME": appinfo.APP_NAME,
        "APP_ID": appinfo.APP_ID,
        "BUNDLE_ID": appinfo.BUNDLE_ID,
        "SUMMARY": appinfo.SUMMARY,
        "ORGANIZATION": appinfo.ORGANIZATION,
        "HOMEPAGE": appinfo.HOMEPAGE,
        "VERSION": appinfo.VERSION,
        "DATE": latest["date"],
        "RELEASES": releases_xml(),
    }


def releases() -> list[dict[str, object]]:
    """``packaging/releases.json``: newest first."""
    data: list[dict[str, object]] = json.loads((HERE.parent / "releases.json").read_text())
    return data


def releases_xml() -> str:
    """The AppStream ``<release>`` elements."""
    lines = []
    for release in releases():
        notes = "".join(f"<li>{html.escape(str(n))}</li>" for n in release["notes"])  # type: ignore[attr-defined]
        lines.append(
            f'    <release version="{release["version"]}" date="{release["date"]}">'
            f"<description><ul>{notes}</ul></description></release>"
        )
    return "\n".join(lines)


def changelog() -> str:
    """A Debian changelog (native package) from the same releases."""
    entries = []
    for release in releases():
        notes = "\n".join(
            textwrap.fill(str(n), 78, initial_indent="  * ", subsequent_indent="    ")
            for n in release["notes"]  # type: ignore[attr-defined]
        )
        day = subprocess.run(
            ["date", "-R", "-u", "-d", f"{release['date']} 12:00"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        entries.append(
            f"{appinfo.APP_ID} ({release['version']}) stable; urgency=medium\n\n{notes}\n\n"
            f" -- {MAINTAINER}  {day}\n"
        )
    return "\n".join(entries)


def fill(template: Path, found: dict[str, str]) -> str:
    """The template's text with each ``@NAME@`` replaced."""
    text = template.read_text(encoding="utf-8")
    for key, value in found.items():
        text = text.replace(f"@{key}@", value)
    if "@" in text.replace("@rvibe.example", ""):
        leftover = text[text.index("@") :][:40]
        raise SystemExit(f"{template.name}: a placeholder has no value: {leftover!r}")
    return text


def write(path: Path, data: str | bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` (folders made as needed) with ``mode``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    path.chmod(mode)


def gzipped(text: str) -> bytes:
    """``text`` gzip-compressed at level 9, without a timestamp (reproducible)."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def stage(root: Path, app: Path, icons: Path) -> None:
    """Lay out the package's files under ``root``."""
    found = values()
    shutil.copytree(app, root / PREFIX, symlinks=True)  # keeps mtimes: plugins.dat stays valid
    launcher = root / "usr" / "bin" / appinfo.APP_ID
    launcher.parent.mkdir(parents=True)
    launcher.symlink_to(Path("/") / PREFIX / appinfo.APP_ID)
    share = root / "usr" / "share"
    write(share / "applications" / f"{appinfo.APP_ID}.desktop",
          fill(HERE / "rvibe-player.desktop.in", found))  # fmt: skip
    write(share / "metainfo" / f"{appinfo.BUNDLE_ID}.metainfo.xml",
          fill(HERE / "metainfo.xml.in", found))  # fmt: skip
    for size in ICON_SIZES:
        write(share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{appinfo.APP_ID}.png",
              (icons / f"{appinfo.APP_ID}-{size}.png").read_bytes())  # fmt: skip
    write(share / "icons" / "hicolor" / "scalable" / "apps" / f"{appinfo.APP_ID}.svg",
          (icons / f"{appinfo.APP_ID}.svg").read_bytes())  # fmt: skip
    write(share / "man" / "man1" / f"{appinfo.APP_ID}.1.gz",
          gzipped(fill(HERE / "rvibe-player.1.in", found)))  # fmt: skip
    doc = share / "doc" / appinfo.APP_ID
    write(doc / "copyright", (HERE / "copyright").read_text(encoding="utf-8"))
    write(doc / "changelog.gz", gzipped(changelog()))
    write(share / "lintian" / "overrides" / appinfo.APP_ID,
          (HERE / "lintian-overrides").read_text(encoding="utf-8"))  # fmt: skip
    for path in (root / "usr").rglob("*"):
        if path.is_dir():
            path.chmod(0o755)


def elf_files(root: Path) -> list[Path]:
    """Every ELF file in the bundle (executable, libraries, plugins, extension modules)."""
    found = []
    for path in sorted((root / PREFIX).rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def shlibs_local(files: list[Path]) -> str:
    """debian/shlibs.local lines that make each library inside the bundle need no package
    (an empty dependency), so dpkg-shlibdeps only names what the system must provide."""
    lines = set()
    for path in files:
        match = re.fullmatch(r"(.+)\.so\.(.+)", path.name) or re.fullmatch(
            r"(.+)-([0-9][0-9.]*)\.so", path.name
        )
        if match:
            lines.add(f"{match.group(1)} {match.group(2)}")
    return "\n".join(sorted(lines)) + "\n"


def depends(root: Path) -> str:
    """The Depends field: dpkg-shlibdeps over the bundle, plus Qt's run-time libraries."""
    files = elf_files(root)
    libraries = [p for p in (root / PREFIX).rglob("*.so*") if p.is_file() or p.is_symlink()]
    folders = sorted({p.parent for p in libraries})
    with tempfile.TemporaryDirectory() as tmp:
        debian = Path(tmp) / "debian"
        write(debian / "control", f"Source: {appinfo.APP_ID}\n\nPackage: {appinfo.APP_ID}\n"
              "Architecture: any\n")  # fmt: skip
        write(debian / "shlibs.local", shlibs_local(libraries))
        result = subprocess.run(
            ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *(f"-l{d}" for d in folders),
             *(f"-e{p}" for p in files)],
            cwd=tmp, capture_output=True, text=True, check=False,
        )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps failed:\n{result.stderr[-2000:]}")
    line = next(x for x in result.stdout.splitlines() if x.startswith("shlibs:Depends="))
    packages = [p.strip() for p in line.removeprefix("shlibs:Depends=").split(",") if p.strip()]
    named = {p.split()[0] for p in packages}
    return ", ".join(sorted([*packages, *(p for p in RUNTIME_LOADED if p not in named)]))


def control(root: Path, depends_field: str) -> str:
    """The DEBIAN/control file."""
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    description = (
        "A fast desktop music player for your local library, with a personal line to a\n"
        " human curator at your music store: scanning and search, queue, playlists,\n"
        " ReplayGain and short gaps between tracks; notes, picks matched against the\n"
        " music you own, and a conversation that works offline. libVLC is included."
    )
    return (
        f"Package: {appinfo.APP_ID}\nVersion: {appinfo.VERSION}\nArchitecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\nInstalled-Size: {size // 1024 + 1}\n"
        f"Depends: {depends_field}\nSection: sound\nPriority: optional\n"
        f"Homepage: {appinfo.HOMEPAGE}\n"
        f"Description: {appinfo.SUMMARY.replace(chr(39), '')}\n {description}\n"
    )


def md5sums(root: Path) -> str:
    """DEBIAN/md5sums: a line per file outside DEBIAN/."""
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root)}")
    return "\n".join(lines) + "\n"


def build(app: Path, icons: Path, out: Path) -> Path:
    """Stage, describe and pack the .deb; its path."""
    with tempfile.TemporaryDirectory(prefix="rvibe-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(root, app, icons)
        field = depends(root)
        write(root / "DEBIAN" / "control", control(root, field))
        write(root / "DEBIAN" / "md5sums", md5sums(root))
        (root / "DEBIAN").chmod(0o755)
        arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()  # fmt: skip
        target = out / f"{appinfo.APP_ID}_{appinfo.VERSION}_{arch}.deb"
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    print(f"Depends: {field}")
    return target


def main(argv: list[str] | None = None) -> int:
    """Build the .deb from the arguments; print its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the one-folder app (dist/rvibe-player)")
    parser.add_argument("icons", type=Path, help="what packaging/make_icons.py wrote")
    parser.add_argument("out", type=Path, help="where the .deb goes")
    args = parser.parse_args(argv)
    print(build(args.app, args.icons, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
