"""Tag values as stored: stripped, NULs made spaces, long text cut, many values capped."""

from __future__ import annotations

import shutil
from pathlib import Path

from mutagen.flac import FLAC

from rvibe_player.library.tags import MAX_TEXT, MAX_VALUES, read_tags
from scripts.make_corpus import Manifest


def a_flac(manifest: Manifest, folder: Path) -> Path:
    source = manifest.root / next(t.path for t in manifest.tracks if t.format == "flac")
    target = folder / "odd.flac"
    shutil.copy(source, target)
    return target


def test_values_are_cleaned_cut_and_capped(small_corpus: Manifest, tmp_path: Path) -> None:
    path = a_flac(small_corpus, tmp_path)
    audio = FLAC(path)
    audio["title"] = "  Two\x00Parts  "
    audio["album"] = "x" * (MAX_TEXT + 500)
    audio["artist"] = ["", "  ", *[f"Artist {n}" for n in range(MAX_VALUES + 8)]]
    audio["genre"] = ["Jazz\n"]
    audio.save()

    tags = read_tags(str(path))

    assert tags.title == "Two Parts"
    assert tags.album == "x" * MAX_TEXT
    assert tags.artists == [f"Artist {n}" for n in range(MAX_VALUES)]  # empty ones not counted
    assert tags.genre == "Jazz"
