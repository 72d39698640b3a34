"""Draws the app icon for every installer from one SVG: PNGs 16-512, a Windows .ico, a macOS .icns.

Usage: python packaging/make_icons.py [OUT_DIR]   (default: build/icons)

The SVG is ``resources/icons/rvibe.svg``; Qt's SVG renderer (already a dependency) draws each
size, so the same script runs on every CI runner with nothing else installed. Both container
formats hold PNG images, which every supported Windows (Vista+) and macOS (10.7+) reads.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "resources" / "icons" / "rvibe.svg"
NAME = "rvibe-player"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor theme's sizes (the .deb installs each)."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""Sizes in the .ico: 256 is the largest Windows shows."""
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
    ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
)  # fmt: skip
"""The .icns entries (type, pixels); ic11-ic14 are the @2x versions of 16-256 points."""


def render(sizes: set[int]) -> dict[int, bytes]:
    """PNG bytes of the SVG drawn at each size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not an SVG Qt can draw")
    images: dict[int, bytes] = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images[size] = bytes(data.data())
    del app
    return images


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file holding the ICO_SIZES images as PNG."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, blobs = b"", b""
    for size in ICO_SIZES:
        png = images[size]
        side = size if size < 256 else 0  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file holding the ICNS_TYPES images as PNG."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(images[size])) + images[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    """Write NAME-SIZE.png for each size, NAME.ico and NAME.icns into the output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "build" / "icons")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    images = render({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    for size in PNG_SIZES:
        (out / f"{NAME}-{size}.png").write_bytes(images[size])
    (out / f"{NAME}.ico").write_bytes(ico(images))
    (out / f"{NAME}.icns").write_bytes(icns(images))
    (out / f"{NAME}.svg").write_bytes(SOURCE.read_bytes())
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
