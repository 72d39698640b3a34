"""The command line: scan with a summary, search as a table or JSON, errors in words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scripts.make_corpus import Manifest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rvibe_player", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_scan_then_search(small_corpus_copy: Manifest, tmp_path: Path) -> None:
    root = small_corpus_copy.root
    (root / "broken.flac").write_bytes(b"fLaC not really")
    scanned = run("scan", str(root))
    assert scanned.returncode == 0, scanned.stderr
    total = len(small_corpus_copy.tracks)
    assert f"{total} added" in scanned.stdout
    assert "1 unreadable" in scanned.stdout
    assert "broken.flac" in scanned.stdout

    spec = small_corpus_copy.tracks[0]
    found = run("search", "--json", f'"{spec.title}"')
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)
    assert spec.title in {row["title"] for row in rows}
    assert all(set(row) >= {"id", "artist", "album", "path_text", "duration"} for row in rows)

    table = run("search", f"artist:{spec.artists[0].split()[0]}")
    assert table.returncode == 0
    assert spec.artists[0].split()[0] in table.stdout

    unreadable = run("unreadable")
    assert "broken.flac" in unreadable.stdout

    rescan = run("scan")
    assert f"{total + 1} unchanged, 0 unreadable" in rescan.stdout  # not retried


def test_malformed_query_says_where_and_why() -> None:
    result = run("search", "year:>abc")
    assert result.returncode == 2
    assert "year needs a number, not 'abc'" in result.stderr
    assert result.stderr.rstrip().endswith("^")


def test_missing_folder_is_kept_offline(tmp_path: Path) -> None:
    result = run("scan", str(tmp_path / "unplugged"))
    assert result.returncode == 0
    assert "Offline" in result.stdout and "kept" in result.stdout
