"""Tag values as stored: stripped, NULs made spaces, long text cut, many values capped."""

from __future__ import annotations

import shutil
from pathlib import Path

from mutagen.flac import FLAC
from mutagen.id3 import ID3, TCON, TDRC, TYER
from mutagen.wave import WAVE

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


def an_mp3(manifest: Manifest, folder: Path, name: str) -> Path:
    source = manifest.root / next(t.path for t in manifest.tracks if t.format == "mp3")
    target = folder / name
    shutil.copy(source, target)
    return target


def test_older_id3_tags_are_still_translated(small_corpus: Manifest, tmp_path: Path) -> None:
    """Tags are read as written when they are ID3 2.4; 2.3 ones, and 2.4 ones holding 2.3
    frames, still go through mutagen's translation (TYER becomes the date)."""
    v23 = an_mp3(small_corpus, tmp_path, "v23.mp3")
    tags = ID3(v23)
    tags.delall("TDRC")
    tags.add(TYER(encoding=3, text=["1987"]))
    tags.add(TCON(encoding=3, text=["(17)"]))
    tags.save(v23, v2_version=3)
    stray = an_mp3(small_corpus, tmp_path, "stray.mp3")
    tags = ID3(stray)
    tags.delall("TDRC")
    tags.save(stray, v2_version=4)
    with stray.open("r+b") as handle:  # a 2.4 tag with a 2.3 frame, as some taggers write
        raw = ID3(stray)
        raw.add(TYER(encoding=3, text=["1993"]))
        raw.save(handle, v2_version=4, v23_sep="/")
    plain = an_mp3(small_corpus, tmp_path, "plain.mp3")
    tags = ID3(plain)
    tags.delall("TDRC")
    tags.add(TDRC(encoding=3, text=["2004-05-06"]))
    tags.add(TCON(encoding=3, text=["(17)Rockish"]))
    tags.save(plain, v2_version=4)

    assert ID3(v23, translate=False).version == (2, 3, 0)
    assert ID3(stray, translate=False).getall("TYER")
    old, odd, new = (read_tags(str(p)) for p in (v23, stray, plain))
    assert (old.year, old.genre) == (1987, "Rock")
    assert odd.year == 1993
    assert (new.date, new.year, new.genre) == ("2004-05-06", 2004, "Rock; Rockish")


def test_an_older_id3_tag_in_a_wave_file_is_translated(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    source = small_corpus.root / next(t.path for t in small_corpus.tracks if t.format == "wav")
    path = tmp_path / "old.wav"
    shutil.copy(source, path)
    audio = WAVE(path)
    if audio.tags is None:
        audio.add_tags()
    audio.tags.delall("TDRC")
    audio.tags.add(TYER(encoding=1, text=["1979"]))
    audio.save(v2_version=3)
    assert WAVE(path, translate=False).tags.version == (2, 3, 0)
    assert read_tags(str(path)).year == 1979
