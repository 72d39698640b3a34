"""Skip-or-fail rules for tests that need something outside Python.

On a laptop without ffmpeg, libVLC or PostgreSQL the tests that need them skip with a
reason; in CI (``RVIBE_REQUIRE_*`` set) the same absence is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _required(flag: str) -> bool:
    return os.environ.get(flag, "") not in ("", "0")


def need(condition: bool, reason: str, flag: str) -> None:
    """Skip (or fail, when ``flag`` is set in the environment) unless ``condition`` holds."""
    if condition:
        return
    if _required(flag):
        pytest.fail(f"{reason} ({flag} is set, so this cannot be skipped)")
    pytest.skip(reason)


def need_ffmpeg() -> str:
    """The ffmpeg executable, or skip/fail."""
    path = shutil.which("ffmpeg")
    need(path is not None, "ffmpeg is not installed (apt install ffmpeg)", "RVIBE_REQUIRE_FFMPEG")
    assert path is not None
    return path


def corpus_dir() -> Path:
    """``shared/corpus`` beside the checkout or a folder above it (or ``RVIBE_CORPUS_DIR``);
    skips when it is absent, fails in CI (``RVIBE_REQUIRE_CORPUS``)."""
    override = os.environ.get("RVIBE_CORPUS_DIR")
    if override:
        candidates = [Path(override)]
    else:  # ../shared beside the checkout, or beside a folder holding worktrees
        candidates = [parent / "shared" / "corpus" for parent in REPO.parents]
    found = next((path for path in candidates if path.is_dir()), None)
    need(
        found is not None,
        f"the shared test corpus is not at {candidates[0]} (set RVIBE_CORPUS_DIR)",
        "RVIBE_REQUIRE_CORPUS",
    )
    assert found is not None
    return found


def need_openssl() -> str:
    """The openssl executable (to make a test certificate), or skip/fail (CI)."""
    path = shutil.which("openssl")
    need(
        path is not None, "openssl is not installed (apt install openssl)", "RVIBE_REQUIRE_OPENSSL"
    )
    assert path is not None
    return path


def need_postgres() -> str:
    """``RVIBE_TEST_DATABASE_URL`` once its server answers; skip when unset, fail when down."""
    url = os.environ.get("RVIBE_TEST_DATABASE_URL", "").strip()
    if not url:
        pytest.skip("RVIBE_TEST_DATABASE_URL is not set (a PostgreSQL to create test databases in)")
    import psycopg

    problem = None
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        problem = str(exc)
    if problem is not None:
        pytest.fail(f"RVIBE_TEST_DATABASE_URL is set but PostgreSQL does not answer: {problem}")
    return url


def need_vlc() -> None:
    """libVLC importable; skip on a laptop without it, fail in CI (RVIBE_REQUIRE_VLC)."""
    try:
        import vlc  # noqa: F401
    except (ImportError, OSError, NotImplementedError):
        need(False, "libVLC is not installed (apt install libvlc5 vlc-plugin-base)",
             "RVIBE_REQUIRE_VLC")  # fmt: skip


def need_dbus_daemon() -> str:
    """The dbus-daemon executable (for a private session bus); skip or fail (CI)."""
    path = shutil.which("dbus-daemon")
    need(path is not None, "dbus-daemon is not installed (apt install dbus)", "RVIBE_REQUIRE_DBUS")
    assert path is not None
    return path
