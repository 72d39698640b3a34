"""Covers are decoded at thumbnail size, not at the size of the scan in the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from rvibe_player.ui.shell.cover_cache import read_scaled

pytestmark = pytest.mark.gui


def _encoded(width: int, height: int, fmt: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#e4572e"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_big_cover_is_read_at_thumbnail_size(qapp: QApplication, fmt: str) -> None:
    image = read_scaled(_encoded(3000, 2000, fmt), 176)
    assert (image.width(), image.height()) == (264, 176)
    assert image.pixelColor(100, 100).red() > 200, "the picture, not an empty image"


def test_a_small_cover_keeps_its_size(qapp: QApplication) -> None:
    image = read_scaled(_encoded(120, 90, "PNG"), 176)
    assert (image.width(), image.height()) == (120, 90)


def test_damaged_data_gives_an_empty_image(qapp: QApplication) -> None:
    data = _encoded(600, 600, "JPEG")
    assert read_scaled(b"not a picture", 176).isNull()
    assert read_scaled(data[:40], 176).isNull()
