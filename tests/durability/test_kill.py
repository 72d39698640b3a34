"""Writes survive a hard kill: a writer killed with SIGKILL at random points, 50 times for
each kind of write, leaves a database that passes ``integrity_check`` and holds every row
the writer had reported committed (at most the unfinished transaction is lost)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rvibe_player.store_client.cache import RelationshipCache
from tests.durability.writer import BATCH, TRACKS, rating_of
from tests.helpers.library import library_with_tracks

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal"),
]
KILLS = 50
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with one folder and 100 tracks; copied for every kill."""
    path = tmp_path_factory.mktemp("template") / "library.sqlite3"
    db, _ids = library_with_tracks(path, TRACKS)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _killed(operation: str, path: Path, rng: random.Random) -> list[str]:
    """Run the writer, kill it at a random moment once it writes; what it reported."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.durability.writer", operation, str(path)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    lines = child.stdout.read().split()
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    return lines


def _sound(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return conn


@pytest.mark.parametrize("operation", ["scan", "rating", "playlist", "outbox"])
def test_a_writer_killed_at_random_points_loses_nothing_committed(
    operation: str, template: Path, tmp_path: Path
) -> None:
    rng = random.Random(f"kill-{operation}")
    reported_any = 0
    for kill in range(KILLS):
        path = tmp_path / f"kill-{kill}.sqlite3"
        if operation != "outbox":
            shutil.copy(template, path)
        lines = _killed(operation, path, rng)
        reported_any += bool(lines)
        conn = _sound(path)
        try:
            _check(operation, conn, lines)
        finally:
            conn.close()
        for file in tmp_path.glob(f"kill-{kill}.sqlite3*"):
            file.unlink()
    assert reported_any >= KILLS // 2, "the kills mostly landed before any write"


def _check(operation: str, conn: sqlite3.Connection, lines: list[str]) -> None:
    if operation == "scan":
        found = conn.execute("SELECT count(*) FROM tracks WHERE path_text LIKE '/scan/%'")
        count = found.fetchone()[0]
        # whole batches only: every reported one, and at most the one in flight
        assert count in (len(lines) * BATCH, (len(lines) + 1) * BATCH)
        fts = conn.execute("SELECT count(*) FROM tracks_fts WHERE tracks_fts MATCH 'batch'")
        assert fts.fetchone()[0] == count
    elif operation == "rating":
        done = len(lines)
        ratings = dict(conn.execute("SELECT id, rating FROM tracks"))
        for track in range(1, TRACKS + 1):
            attempts = [a for a in range(done + 1) if rating_of(a)[0] == track]
            committed = [rating_of(a)[1] for a in attempts if a < done]
            in_flight = [rating_of(a)[1] for a in attempts if a == done]
            allowed = {committed[-1] if committed else None, *in_flight}
            assert ratings[track] in allowed, (track, ratings[track], allowed)
    elif operation == "playlist":
        sizes = dict(conn.execute(
            "SELECT p.id, count(e.position) FROM playlists p "
            "LEFT JOIN playlist_entries e ON e.playlist_id = p.id GROUP BY p.id"
        ))  # fmt: skip
        for playlist in lines:
            assert sizes.pop(int(playlist)) == 50
        assert len(sizes) <= 1 and all(size in (0, 50) for size in sizes.values())
    else:
        ids = {r[0] for r in conn.execute("SELECT client_id FROM outbox")}
        assert set(lines) <= ids and len(ids) - len(lines) in (0, 1)


def test_the_outbox_writer_reopens_after_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    lines = _killed("outbox", path, random.Random(1))
    cache = RelationshipCache(path)  # opens (and recovers its WAL) without complaint
    try:
        pending = [item.client_id for item in cache.outbox.items()]
        assert pending[: len(lines)] == lines
    finally:
        cache.close()
