"""Writes what the Windows build reads from appinfo.py: NSIS defines and the exe's version info.

Usage: python packaging/windows/appinfo_files.py PAYLOAD OUT_DIR [--installer PATH]

- ``OUT_DIR/defines.nsh``: names, version, ids and paths for ``rvibe-player.nsi``
  (``PAYLOAD`` is the one-folder app the installer carries);
- ``OUT_DIR/version-info.txt``: PyInstaller's version resource for ``rvibe-player.exe``.

Plain Python: it runs on the Windows runner and, for the syntax test, under Linux's makensis.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from rvibe_player import appinfo  # noqa: E402


def version4() -> str:
    """``0.1.0`` as Windows wants it: four numbers."""
    parts = [int("".join(c for c in p if c.isdigit()) or 0) for p in appinfo.VERSION.split(".")]
    return ".".join(str(n) for n in [*parts, 0, 0, 0][:4])


def installer_name() -> str:
    """The installer's file name (what the README tells people to download)."""
    return f"{appinfo.APP_ID}-{appinfo.VERSION}-windows-x64-setup.exe"


def defines(payload: Path, installer: Path, icon: Path) -> str:
    """``!define`` lines for the NSIS script (Windows paths are fine with forward slashes)."""
    values = {
        "APP_NAME": appinfo.APP_NAME,
        "APP_ID": appinfo.APP_ID,
        "VERSION": appinfo.VERSION,
        "VERSION4": version4(),
        "PUBLISHER": appinfo.ORGANIZATION,
        "HOMEPAGE": appinfo.HOMEPAGE,
        "COPYRIGHT": appinfo.COPYRIGHT,
        "PAYLOAD": str(payload.resolve()),
        "OUTFILE": str(installer.resolve()),
        "ICON": str(icon.resolve()),
        "LICENSE_FILE": str((REPO / "LICENSE").resolve()),
    }
    lines = [f"; Written by {Path(__file__).name} from rvibe_player/appinfo.py: do not edit."]
    lines += [f'!define {key} "{value}"' for key, value in values.items()]
    return "\n".join(lines) + "\n"


def version_info() -> str:
    """PyInstaller's ``version=`` file (a VSVersionInfo expression)."""
    numbers = tuple(int(n) for n in version4().split("."))
    strings = {
        "CompanyName": appinfo.ORGANIZATION,
        "FileDescription": appinfo.APP_NAME,
        "FileVersion": appinfo.VERSION,
        "InternalName": appinfo.APP_ID,
        "LegalCopyright": appinfo.COPYRIGHT,
        "OriginalFilename": f"{appinfo.APP_ID}.exe",
        "ProductName": appinfo.APP_NAME,
        "ProductVersion": appinfo.VERSION,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def main(argv: list[str] | None = None) -> int:
    """Write both files; print where."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("payload", type=Path, help="the one-folder app (dist/rvibe-player)")
    parser.add_argument("out", type=Path, help="where defines.nsh and version-info.txt go")
    parser.add_argument("--installer", type=Path, default=REPO / "dist" / installer_name())
    parser.add_argument("--icon", type=Path, default=REPO / "build" / "icons" / "rvibe-player.ico")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "defines.nsh").write_text(defines(args.payload, args.installer, args.icon))
    (args.out / "version-info.txt").write_text(version_info())
    print(f"wrote {args.out / 'defines.nsh'} and {args.out / 'version-info.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
