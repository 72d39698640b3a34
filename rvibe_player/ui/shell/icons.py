"""The player's line icons, drawn from SVG in the theme's text colour."""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from rvibe_player import paths
from rvibe_player.ui.shell.theme import ON_ACCENT

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

log = logging.getLogger(__name__)


@functools.cache
def _svg(name: str) -> str | None:
    try:
        return (paths.resource_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        log.warning("Icon %s is missing from %s", name, paths.resource_dir())
        return None


def pixmap(name: str, colour: QColor, size: int = 20) -> QPixmap:
    """The icon ``name`` in ``colour`` (an empty pixmap when the file is missing).

    Rendered icons are kept as PNG in the cache folder, so later starts need no SVG
    renderer (loading QtSvg alone costs tens of milliseconds).
    """
    cached = paths.cache_dir() / "icons" / f"{name}-{colour.name()[1:]}-{size}.png"
    result = QPixmap()
    if result.load(str(cached)):
        result.setDevicePixelRatio(2.0)
        return result
    image = _render(name, colour, size * 2)
    if not image.isNull():
        cached.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(cached))
    result = QPixmap.fromImage(image)
    result.setDevicePixelRatio(2.0)
    return result


def _render(name: str, colour: QColor, pixels: int) -> QImage:
    # Only on a cache miss: creating PySide's QPainter and QImage types costs a start-up
    # from cached icons ~15 ms before the first paint.
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(QSize(pixels, pixels), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    text = _svg(name)
    if text is None:
        return image
    renderer = QSvgRenderer(QByteArray(text.replace("currentColor", colour.name()).encode()))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def icon(name: str, colour: QColor, size: int = 20) -> QIcon:
    """:func:`pixmap` as a QIcon, drawn white where it sits on the selection colour."""
    result = QIcon(pixmap(name, colour, size))
    result.addPixmap(pixmap(name, ON_ACCENT, size), QIcon.Mode.Selected)
    return result
