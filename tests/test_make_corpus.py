"""The corpus generator writes exactly what its manifest says, in every format, reproducibly."""

from __future__ import annotations

import hashlib
import itertools
import subprocess
import sys
import wave
from collections import defaultdict
from pathlib import Path

import pytest

from rvibe_player.library.tags import TrackTags, read_tags
from scripts.corpus_plan import FORMATS, TrackSpec, plan_tracks
from scripts.corpus_words import COMPILATION_ARTIST
from scripts.make_corpus import ENCODINGS, MANIFEST, Manifest, generate, load_manifest
from tests.helpers.corpus import SMALL_SEED, SMALL_TRACKS, make_corpus
from tests.helpers.requirements import REPO, need_ffmpeg

_EXACT = (
    "title", "album", "albumartist", "tracknumber", "tracktotal", "discnumber", "disctotal",
    "date", "year", "mb_trackid", "mb_releasetrackid", "mb_albumid", "mb_artistid",
    "mb_albumartistid", "has_cover",
)  # fmt: skip
_GAINS = ("rg_track_gain", "rg_track_peak", "rg_album_gain", "rg_album_peak")


def _differences(spec: TrackSpec, tags: TrackTags, seconds: float) -> dict[str, object]:
    """Each tag read differently from the manifest: name -> (written, read)."""
    found: dict[str, object] = {
        name: (getattr(spec, name), getattr(tags, name))
        for name in _EXACT
        if getattr(spec, name) != getattr(tags, name)
    }
    if list(spec.artists) != tags.artists:
        found["artists"] = (spec.artists, tags.artists)
    if list(spec.genres) != tags.genres:
        found["genres"] = (spec.genres, tags.genres)
    for name in _GAINS:
        written, read = getattr(spec, name), getattr(tags, name)
        if (written is None) != (read is None) or (
            written is not None and read is not None and abs(written - read) > 0.01
        ):
            found[name] = (written, read)
    if tags.codec != ENCODINGS[spec.format].codec:
        found["codec"] = (ENCODINGS[spec.format].codec, tags.codec)
    if abs(tags.duration - seconds) > 0.1:
        found["duration"] = (seconds, tags.duration)
    return found


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_every_file_reads_back_as_its_manifest_says(small_corpus: Manifest) -> None:
    root = small_corpus.root
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert files == {t.path for t in small_corpus.tracks} | {MANIFEST}
    mismatches = []
    for spec in small_corpus.tracks:
        tags = read_tags(str(small_corpus.root / spec.path))
        if problems := _differences(spec, tags, small_corpus.seconds):
            mismatches.append(f"{spec.path}: {problems}")
    assert not mismatches, "\n".join(mismatches)


def test_small_corpus_exercises_every_tag_in_every_format(small_corpus: Manifest) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for t in small_corpus.tracks:
        flags = {
            "ids": bool(t.mb_trackid and t.mb_albumid and t.mb_artistid),
            "replaygain": t.rg_track_gain is not None and t.rg_album_gain is not None,
            "cover": t.has_cover,
            "disc": t.discnumber is not None,
            "guest": len(t.artists) > 1,
            "albumartist": bool(t.albumartist),
        }
        seen[t.format] |= {name for name, on in flags.items() if on}
        seen["any"] |= {name for name, on in flags.items() if not on}
        seen["dates"].add(str(t.date.count("-")))
        seen["any"] |= {"compilation"} if t.albumartist == COMPILATION_ARTIST else set()
        seen["any"] |= {"non-ascii path"} if not t.path.isascii() else set()
        seen["any"] |= {"sanitized"} if "_" in t.path else set()
    every_tag = {"ids", "replaygain", "cover", "disc", "guest", "albumartist"}
    assert {f: seen[f] for f in FORMATS} == dict.fromkeys(FORMATS, every_tag)
    assert seen["dates"] == {"0", "1", "2"}  # 1997, 1997-05, 1997-05-12
    assert seen["any"] >= every_tag | {"compilation", "non-ascii path", "sanitized"}


def test_same_seed_gives_the_same_bytes_with_or_without_a_pool(
    small_corpus: Manifest, tmp_path: Path
) -> None:
    again = make_corpus(tmp_path / "again", SMALL_TRACKS, seed=SMALL_SEED, workers=2)
    assert _tree_digest(again.root) == _tree_digest(small_corpus.root)


def test_manifest_file_round_trips(small_corpus: Manifest) -> None:
    loaded = load_manifest(small_corpus.root)
    assert loaded == small_corpus
    assert loaded.count == len(loaded.tracks) == SMALL_TRACKS


def test_command_line_writes_a_library_with_the_asked_tone(tmp_path: Path) -> None:
    need_ffmpeg()
    out = tmp_path / "cli"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_corpus.py"), str(out), "--tracks", "6",
         "--formats", "wav", "opus", "--seconds", "0.5", "--tone-hz", "220", "--seed", "5"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "6 tracks written" in done.stdout
    manifest = load_manifest(out)
    assert {t.format for t in manifest.tracks} == {"wav", "opus"}
    assert manifest.tracks == list(plan_tracks(6, seed=5, formats=["wav", "opus"]))
    first_wav = next(t for t in manifest.tracks if t.format == "wav")
    assert abs(read_tags(str(out / first_wav.path)).duration - 0.5) < 0.01
    with wave.open(str(out / first_wav.path)) as pcm:
        frames = pcm.readframes(pcm.getnframes())
    samples = [
        int.from_bytes(frames[i : i + 2], "little", signed=True) for i in range(0, len(frames), 2)
    ]
    rising = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    assert 105 <= rising <= 115  # 220 Hz for 0.5 s


def test_refuses_a_folder_with_files_and_unknown_formats(tmp_path: Path) -> None:
    (tmp_path / "music.mp3").write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        generate(tmp_path, 3)
    with pytest.raises(ValueError, match="formats"):
        generate(tmp_path / "new", 3, formats=["mp3", "aiff"])
    assert not (tmp_path / "new").exists()
