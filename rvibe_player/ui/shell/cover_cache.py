"""Album covers decoded off the GUI thread into a thumbnail cache on disk and in memory.

A view asks for a cover while painting; if it is not in memory yet a background job finds
it (embedded picture or cover.jpg beside the file), scales it, stores a PNG thumbnail in the
cache folder, and announces it, so the view repaints. QImage (not QPixmap) is used off the
GUI thread, as Qt requires.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap

log = logging.getLogger(__name__)

MEMORY_COVERS = 800


class _Signals(QObject):
    done = Signal(str, QImage)


class _Job(QRunnable):
    def __init__(self, key: str, track_path: str, file: Path, size: int, signals: _Signals):
        super().__init__()
        self.key, self.track_path, self.file, self.size = key, track_path, file, size
        self.signals = signals

    def run(self) -> None:
        image = QImage()
        try:
            if self.file.exists():
                image.load(str(self.file))
            elif not self.file.with_suffix(".none").exists():
                image = self._decode()
        except Exception:  # a damaged picture must never take the app down
            log.exception("Cover for %r failed", self.track_path)
        self.signals.done.emit(self.key, image)

    def _decode(self) -> QImage:
        from rvibe_player.library.covers import find_cover  # mutagen: off the start-up path

        data = find_cover(self.track_path)
        image = read_scaled(data, self.size) if data else QImage()
        if image.isNull():
            self.file.with_suffix(".none").touch()
            return QImage()
        image = image.scaled(
            self.size,
            self.size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        image.save(str(self.file))  # the .png suffix picks the format
        return image


def read_scaled(data: bytes, size: int) -> QImage:
    """Decode a picture at about ``size`` pixels on its shorter side, not at full size.

    PySide holds the GIL inside Qt's image calls, so while a worker decodes a 3000-pixel
    scan of an album sleeve the GUI thread cannot run Python at all. Asking the reader for
    the small size lets the JPEG decoder skip most of its work (libjpeg scales while it
    decodes): a tenth of the time, given back to the window.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    full = reader.size()
    if full.isValid() and min(full.width(), full.height()) > size:
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    return reader.read()


class CoverCache(QObject):
    """Thumbnails by album key; ``loaded`` says when one becomes available."""

    loaded = Signal(str)

    def __init__(self, folder: Path, size: int = 176, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._folder.mkdir(parents=True, exist_ok=True)
        self._size = size
        self._memory: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._pending: set[str] = set()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _Signals()
        self._signals.done.connect(self._done)

    def cover(self, key: str, track_path: str) -> QPixmap | None:
        """The thumbnail if ready (None while loading, or when there is no cover)."""
        if key in self._memory:
            self._memory.move_to_end(key)
            return self._memory[key]
        if key not in self._pending:
            self._pending.add(key)
            name = hashlib.sha1(key.encode("utf-8", "replace"), usedforsecurity=False).hexdigest()
            job = _Job(key, track_path, self._folder / f"{name}.png", self._size, self._signals)
            self._pool.start(job)
        return None

    def wait(self) -> None:
        """Wait for running jobs (tests and shutdown)."""
        self._pool.waitForDone()

    def _done(self, key: str, image: QImage) -> None:
        self._pending.discard(key)
        self._memory[key] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._memory) > MEMORY_COVERS:
            self._memory.popitem(last=False)
        self.loaded.emit(key)
