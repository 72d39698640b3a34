"""Which backend plays: the hybrid by default (where POSIX pipes exist), or the one asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from rvibe_player.playback.factory import ENGINE_ENV, open_backend
from rvibe_player.playback.hybrid_backend import HybridBackend
from rvibe_player.playback.null_backend import NullBackend
from rvibe_player.playback.stream_backend import StreamBackend
from rvibe_player.playback.vlc_backend import VlcBackend
from tests.helpers.playback import vlc_backend

pytestmark = pytest.mark.vlc


@pytest.mark.parametrize(
    ("asked", "kind"),
    [("", HybridBackend), ("players", VlcBackend), ("stream", StreamBackend)],
)
def test_the_engine_variable_picks_the_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: str, kind: type
) -> None:
    vlc_backend(lambda f: None, tmp_path / "probe.wav").close()  # skips without libVLC
    monkeypatch.setenv(ENGINE_ENV, asked)
    backend, problem = open_backend(
        lambda f: None, args=["--aout=afile", f"--audiofile-file={tmp_path / 'o.wav'}"]
    )
    try:
        assert problem is None
        assert type(backend) is kind
    finally:
        backend.close()


@pytest.mark.parametrize("engine", ["stream", "hybrid"])
def test_a_backend_that_cannot_start_says_why(tmp_path: Path, engine: str) -> None:
    vlc_backend(lambda f: None, tmp_path / "probe.wav").close()  # skips without libVLC
    backend, problem = open_backend(lambda f: None, args=["--no-such-option"], engine=engine)
    assert isinstance(backend, NullBackend)
    assert problem is not None and "did not start" in problem
