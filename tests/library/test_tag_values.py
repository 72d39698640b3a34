"""Tag values as stored: stripped, NULs made spaces, long text cut, many values capped."""

from __future__ import annotations

import shutil
from pathlib import Path

from mutagen.flac import FLAC
from mutagen.id3 import ID3, TCON, TDRC, TYER, Frame
from mutagen.wave import WAVE

from rvibe_player.library.tags import MAX_TEXT, MAX_VALUES, read_tags
from scripts.make_corpus import Manifest


def copy_of(manifest: Manifest, fmt: str, target: Path) -> Path:
    """A copy of the corpus's first ``fmt`` file at ``target``."""
    shutil.copy(manifest.root / next(t.path for t in manifest.tracks if t.format == fmt), target)
    return target


def mp3_tagged(manifest: Manifest, target: Path, frames: list[Frame], version: int) -> Path:
    """A copy of a corpus MP3 whose tag has no date but ``frames``, saved as ID3 2.``version``."""
    copy_of(manifest, "mp3", target)
    tags = ID3(target)
    tags.delall("TDRC")
    for frame in frames:
        tags.add(frame)
    tags.save(target, v2_version=version)
    return target


def test_values_are_cleaned_cut_and_capped(small_corpus: Manifest, tmp_path: Path) -> None:
    path = copy_of(small_corpus, "flac", tmp_path / "odd.flac")
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


def test_older_id3_tags_are_still_translated(small_corpus: Manifest, tmp_path: Path) -> None:
    """Tags are read as written when they are ID3 2.4; 2.3 ones, and 2.4 ones holding 2.3
    frames, still go through mutagen's translation (TYER becomes the date)."""
    old_frames = [TYER(encoding=3, text=["1987"]), TCON(encoding=3, text=["(17)"])]
    v23 = mp3_tagged(small_corpus, tmp_path / "v23.mp3", old_frames, 3)
    # A 2.4 tag with a 2.3 frame, as some taggers write.
    stray = mp3_tagged(small_corpus, tmp_path / "stray.mp3", [TYER(encoding=3, text=["1993"])], 4)
    new_frames = [TDRC(encoding=3, text=["2004-05-06"]), TCON(encoding=3, text=["(17)Rockish"])]
    plain = mp3_tagged(small_corpus, tmp_path / "plain.mp3", new_frames, 4)

    assert ID3(v23, translate=False).version == (2, 3, 0)
    assert ID3(stray, translate=False).getall("TYER")
    old, odd, new = (read_tags(str(p)) for p in (v23, stray, plain))
    assert (old.year, old.genre) == (1987, "Rock")
    assert odd.year == 1993
    assert (new.date, new.year, new.genre) == ("2004-05-06", 2004, "Rock; Rockish")


def test_an_older_id3_tag_in_a_wave_file_is_translated(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    path = copy_of(small_corpus, "wav", tmp_path / "old.wav")
    audio = WAVE(path)
    if audio.tags is None:
        audio.add_tags()
    audio.tags.delall("TDRC")
    audio.tags.add(TYER(encoding=1, text=["1979"]))
    audio.save(v2_version=3)
    assert WAVE(path, translate=False).tags.version == (2, 3, 0)
    assert read_tags(str(path)).year == 1979
