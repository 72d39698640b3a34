"""Generates a deterministic synthetic music library: ffmpeg once per format, then copy and re-tag.

Run ``python scripts/make_corpus.py OUT --tracks N [--seed S] [--formats mp3 flac ...]
[--seconds S] [--tone-hz F] [--workers W]``, or call :func:`generate`. OUT receives
``Artist/Album/NN Title.ext`` files (``D-NN Title.ext`` on multi-disc albums) and
``manifest.json``, which lists every track's path, format and tags (see
:class:`~scripts.corpus_plan.TrackSpec`). The same seed and N give a byte-identical tree on
one machine (other ffmpeg or mutagen versions may encode or lay out bytes differently; the
tags and paths stay the same everywhere).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: make the `scripts` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.corpus_plan import FORMATS, TrackSpec, plan_tracks
from scripts.corpus_tags import COVER_SIZE, retag
from scripts.corpus_words import COVER_COLOURS

__all__ = [
    "ENCODINGS",
    "FORMATS",
    "MANIFEST",
    "Manifest",
    "TrackSpec",
    "generate",
    "load_manifest",
    "main",
]

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
BATCH = 400
"""Tracks per task handed to a worker process."""
POOL_THRESHOLD = 4000
"""Below this many tracks one process is faster than starting a pool."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """How ffmpeg encodes one format's base file, and the codec ``read_tags`` reports."""

    sample_rate: int
    codec: str
    args: tuple[str, ...]


ENCODINGS: dict[str, Encoding] = {
    "mp3": Encoding(
        44100,
        "MP3",
        ("-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "0", "-write_xing", "1"),
    ),
    "flac": Encoding(44100, "FLAC", ("-c:a", "flac")),
    "m4a": Encoding(44100, "AAC", ("-c:a", "aac", "-b:a", "64k")),
    "ogg": Encoding(44100, "Vorbis", ("-c:a", "libvorbis", "-q:a", "1")),
    "opus": Encoding(48000, "Opus", ("-c:a", "libopus", "-b:a", "32k")),
    "wav": Encoding(44100, "PCM", ("-c:a", "pcm_s16le")),
}
"""Mono sine tones; opus only exists at 48 kHz, the rest use 44.1 kHz."""


@dataclass(slots=True)
class Manifest:
    """What :func:`generate` wrote: its parameters and every track, in plan order."""

    root: Path
    seed: int
    count: int
    seconds: float
    tone_hz: float
    formats: tuple[str, ...]
    tracks: list[TrackSpec] = field(default_factory=list)

    def header(self) -> dict[str, Any]:
        """The manifest's fields other than the tracks, as JSON-ready values."""
        return {
            "version": MANIFEST_VERSION,
            "seed": self.seed,
            "count": self.count,
            "seconds": self.seconds,
            "tone_hz": self.tone_hz,
            "formats": list(self.formats),
        }


def generate(
    out: str | Path,
    tracks: int,
    seed: int = 1,
    formats: Sequence[str] = FORMATS,
    seconds: float = 1.0,
    tone_hz: float = 440.0,
    workers: int | None = None,
    ffmpeg: str = "ffmpeg",
    keep_tracks: bool = True,
) -> Manifest:
    """Write a library of ``tracks`` files and its ``manifest.json`` into ``out``.

    Args:
        out: an empty or missing folder.
        tracks: how many tracks to write.
        seed: the same seed gives the same library, byte for byte.
        formats: extensions to use (a subset of ``FORMATS``); one is chosen per album.
        seconds: length of every track's tone.
        tone_hz: frequency of the tone.
        workers: processes for copying and re-tagging; default one below
            ``POOL_THRESHOLD`` tracks, else one per core.
        ffmpeg: the ffmpeg executable.
        keep_tracks: False leaves ``Manifest.tracks`` empty so 100k tracks cost no memory
            (the manifest file is complete either way).

    Raises:
        FileExistsError: ``out`` holds files already.
        RuntimeError: ffmpeg is missing or failed.
        ValueError: an unknown format or a negative count.
    """
    if tracks < 0:
        raise ValueError("the number of tracks cannot be negative")
    root = Path(out)
    if root.is_dir() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty: give a new or empty folder")
    formats = tuple(dict.fromkeys(formats))
    specs = plan_tracks(tracks, seed, formats)  # validates the formats before any encoding
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="rvibe-corpus-") as scratch:
        bases = {f: encode_base(Path(scratch), f, seconds, tone_hz, ffmpeg) for f in formats}
        covers = {c: encode_cover(Path(scratch), c, ffmpeg) for c in sorted(COVER_COLOURS)}
    if workers is None:
        workers = 1 if tracks < POOL_THRESHOLD else max(1, os.cpu_count() or 1)
    log.info(
        "Encoded %d base files and %d covers in %.1f s; writing %d tracks with %d process(es)",
        len(bases), len(covers), time.perf_counter() - started, tracks, workers,
    )  # fmt: skip
    manifest = Manifest(root, seed, tracks, seconds, tone_hz, formats)
    header = json.dumps(manifest.header(), ensure_ascii=False)
    with open(root / MANIFEST, "w", encoding="utf-8", newline="\n") as sink:
        sink.write(header[:-1] + ', "tracks": [')  # the header object, left open for the list
        for index, spec in enumerate(_write_all(root, specs, bases, covers, workers)):
            sink.write(",\n" if index else "\n")
            sink.write(json.dumps(spec.to_json(), ensure_ascii=False))
            if keep_tracks:
                manifest.tracks.append(spec)
            if (index + 1) % 20000 == 0:
                log.info("%d of %d tracks written", index + 1, tracks)
        sink.write("\n]}\n")
    return manifest


def load_manifest(root: str | Path) -> Manifest:
    """The manifest :func:`generate` wrote into ``root``."""
    root = Path(root)
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    return Manifest(
        root=root,
        seed=data["seed"],
        count=data["count"],
        seconds=data["seconds"],
        tone_hz=data["tone_hz"],
        formats=tuple(data["formats"]),
        tracks=[TrackSpec.from_json(item) for item in data["tracks"]],
    )


def _ffmpeg(ffmpeg: str, what: str, inputs: list[str], args: Sequence[str], target: Path) -> bytes:
    """Run ffmpeg reproducibly (no metadata, bitexact) and return the file it wrote."""
    command = [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *inputs,
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", *args, str(target),
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise RuntimeError(f"ffmpeg is not installed (looked for {ffmpeg!r})") from exc
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise RuntimeError(f"ffmpeg could not encode {what}: {detail[0]}")
    return target.read_bytes()


def encode_base(folder: Path, fmt: str, seconds: float, tone_hz: float, ffmpeg: str) -> bytes:
    """Encode the untagged mono sine tone every track of ``fmt`` is a copy of."""
    encoding = ENCODINGS[fmt]
    source = f"sine=frequency={tone_hz:g}:sample_rate={encoding.sample_rate}:duration={seconds:g}"
    inputs = ["-f", "lavfi", "-i", source, "-ac", "1"]
    return _ffmpeg(ffmpeg, f"the {fmt} base file", inputs, encoding.args, folder / f"base.{fmt}")


def encode_cover(folder: Path, colour: str, ffmpeg: str) -> bytes:
    """Encode a small plain JPEG swatch of one of ``COVER_COLOURS``."""
    source = f"color=c={COVER_COLOURS[colour]}:s={COVER_SIZE}x{COVER_SIZE}"
    inputs = ["-f", "lavfi", "-i", source, "-frames:v", "1"]
    return _ffmpeg(ffmpeg, f"the {colour} cover", inputs, (), folder / f"{colour}.jpg")


def write_batch(
    root: str, bases: dict[str, bytes], covers: dict[str, bytes], batch: Sequence[TrackSpec]
) -> int:
    """Write each track of ``batch`` under ``root``; runs in a worker process or inline.

    Returns:
        How many files were written.
    """
    made: set[str] = set()
    for spec in batch:
        target = os.path.join(root, spec.path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        data = retag(bases[spec.format], spec, covers.get(spec.cover))
        with open(target, "xb") as sink:  # "x": two tracks planned on one path is a bug
            sink.write(data)
    return len(batch)


def _write_all(
    root: Path,
    specs: Iterable[TrackSpec],
    bases: dict[str, bytes],
    covers: dict[str, bytes],
    workers: int,
) -> Iterator[TrackSpec]:
    """Write every track, yielding each in plan order once its file exists."""
    batches = _batched(specs, BATCH)
    if workers <= 1:
        for batch in batches:
            write_batch(str(root), bases, covers, batch)
            yield from batch
        return
    with ProcessPoolExecutor(workers) as pool:
        # A few batches in flight per worker keeps them busy with bounded memory.
        pending: deque[tuple[Future[int], list[TrackSpec]]] = deque()
        for batch in batches:
            pending.append((pool.submit(write_batch, str(root), bases, covers, batch), batch))
            if len(pending) >= 3 * workers:
                future, done = pending.popleft()
                future.result()
                yield from done
        for future, done in pending:
            future.result()
            yield from done


def _batched(items: Iterable[TrackSpec], size: int) -> Iterator[list[TrackSpec]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: generate, then print one summary line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="new or empty folder to write the library into")
    parser.add_argument("--tracks", type=int, required=True, help="how many tracks")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same library (1)")
    parser.add_argument(
        "--formats", nargs="+", default=list(FORMATS), help=f"some of: {' '.join(FORMATS)}"
    )
    parser.add_argument("--seconds", type=float, default=1.0, help="tone length (1.0)")
    parser.add_argument("--tone-hz", type=float, default=440.0, help="tone frequency (440)")
    parser.add_argument("--workers", type=int, default=None, help="processes (one per core)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    formats = [f for item in args.formats for f in item.split(",") if f]
    started = time.perf_counter()
    try:
        generate(
            args.out, args.tracks, seed=args.seed, formats=formats, seconds=args.seconds,
            tone_hz=args.tone_hz, workers=args.workers, keep_tracks=False,
        )  # fmt: skip
    except (FileExistsError, RuntimeError, ValueError) as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"{args.tracks} tracks written to {args.out} in {elapsed:.1f} s (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
