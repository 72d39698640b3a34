"""Synthetic music libraries for tests: a session-wide small corpus and a generator for any size.

The fixtures here are registered for the whole suite by ``tests/conftest.py``.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from scripts.corpus_plan import FORMATS
from scripts.make_corpus import Manifest, generate
from tests.helpers.requirements import need_ffmpeg

SMALL_TRACKS = 48
"""Tracks in :func:`small_corpus`: every format's showcase album and a few ordinary ones."""
SMALL_SEED = 5
"""A seed whose first 48 tracks also hold a compilation, names needing sanitizing, and tracks
without album artist, disc number, cover or ReplayGain (``test_make_corpus`` checks it)."""


def make_corpus(
    folder: Path,
    tracks: int = SMALL_TRACKS,
    *,
    seed: int = SMALL_SEED,
    seconds: float = 1.0,
    tone_hz: float = 440.0,
    formats: Sequence[str] = FORMATS,
    workers: int = 1,
) -> Manifest:
    """Generate a library into ``folder`` (a new or empty folder).

    Skips the calling test without ffmpeg, or fails it when ``RVIBE_REQUIRE_FFMPEG`` is set.
    """
    ffmpeg = need_ffmpeg()
    return generate(
        folder,
        tracks,
        seed=seed,
        formats=formats,
        seconds=seconds,
        tone_hz=tone_hz,
        workers=workers,
        ffmpeg=ffmpeg,
    )


def copy_corpus(manifest: Manifest, folder: Path) -> Manifest:
    """A private copy of a generated library in ``folder``, for tests that change files."""
    shutil.copytree(manifest.root, folder)
    return dataclasses.replace(manifest, root=folder, tracks=list(manifest.tracks))


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    """A 48-track library in all six formats, generated once per session.

    Shared by every test that asks for it, so never change its files: take a
    :func:`copy_corpus` (or the ``small_corpus_copy`` fixture) first.
    """
    return make_corpus(tmp_path_factory.mktemp("corpus") / "library")


@pytest.fixture
def small_corpus_copy(small_corpus: Manifest, tmp_path: Path) -> Manifest:
    """This test's own copy of :func:`small_corpus`, free to modify."""
    return copy_corpus(small_corpus, tmp_path / "library")
