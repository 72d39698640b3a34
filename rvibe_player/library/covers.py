"""Finds a track's cover: the embedded picture, else an image file beside it."""

from __future__ import annotations

import os

from rvibe_player.library.tags import read_cover

FOLDER_IMAGES = ("cover", "folder", "front", "album", "albumart")
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp")
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def find_cover(track_path: str) -> bytes | None:
    """The image bytes of a track's cover, or None. Never raises for a bad file."""
    embedded = read_cover(track_path)
    if embedded is not None and embedded[0]:
        return embedded[0]
    return folder_image(os.path.dirname(track_path))


def folder_image(folder: str) -> bytes | None:
    """``cover.jpg``, ``folder.png`` and the like in ``folder`` (any case), or None."""
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    candidates = []
    for name in names:
        stem, ext = os.path.splitext(name)
        if ext.lower() in _IMAGE_EXTENSIONS and stem.lower() in FOLDER_IMAGES:
            candidates.append((FOLDER_IMAGES.index(stem.lower()), name))
    for _, name in sorted(candidates):
        path = os.path.join(folder, name)
        try:
            if os.path.getsize(path) > MAX_IMAGE_BYTES:
                continue
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            continue
    return None
