"""Folders that must never crash or stall a scan: loops, locked folders, FIFOs, odd names."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.scanner import Scanner
from rvibe_player.library.walker import walk

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file-system feature")


def collect(top: Path) -> tuple[list[str], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    files = [path for path, _, _ in walk(str(top), lambda p, r: problems.append((p, r)))]
    return files, problems


@posix_only
def test_symlink_loop_is_reported_once_and_the_walk_ends(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "song.mp3").write_bytes(b"x")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(".")
    files, problems = collect(tmp_path)
    assert files == [str(tmp_path / "a" / "b" / "song.mp3")]
    assert sorted(Path(p).name for p, _ in problems) == ["self", "up"]
    assert all("loop" in reason for _, reason in problems)


@posix_only
def test_broken_link_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.mp3").symlink_to(tmp_path / "nowhere.mp3")
    files, problems = collect(tmp_path)
    assert files == []
    assert problems == [(str(tmp_path / "gone.mp3"), "broken link: its target does not exist")]


@posix_only
def test_fifo_and_hidden_files_are_left_alone(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.mp3")  # opening it would block the scan forever
    (tmp_path / "._song.mp3").write_bytes(b"AppleDouble")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.mp3").write_bytes(b"x")
    report = Scanner(tmp_path / "lib.sqlite3").scan([str(tmp_path)])
    assert (report.added, report.unreadable, report.problems) == (0, [], [])


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are raw bytes")
def test_non_utf8_file_name_round_trips(tmp_path: Path) -> None:
    music = tmp_path / "music"
    music.mkdir()
    raw = os.fsencode(music) + b"/caf\xe9 \xff.mp3"
    with open(raw, "wb"):
        pass  # zero bytes: listed as unreadable under its exact name
    db_path = tmp_path / "lib.sqlite3"
    report = Scanner(db_path).scan([str(music)])
    (entry,) = LibraryDatabase(db_path).unreadable()
    assert os.fsencode(entry.path) == raw
    assert entry.path_text.endswith("caf\ufffd \ufffd.mp3")
    assert entry.reason == "empty file (0 bytes)"
    assert report.unreadable == [(entry.path_text, "empty file (0 bytes)")]
    assert Scanner(db_path).scan(None).unreadable == []  # not retried while unchanged


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder outside tmp_path that an unprivileged child process can reach."""
    folder = Path(tempfile.mkdtemp(prefix="rvibe-perm-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o777)
    shutil.rmtree(folder)


@posix_only
def test_permission_denied_folder_is_reported_and_the_rest_scanned(shared_tmp: Path) -> None:
    music = shared_tmp / "music"
    (music / "open").mkdir(parents=True)
    (music / "locked").mkdir()
    (music / "locked" / "secret.mp3").write_bytes(b"")
    (music / "open" / "empty.mp3").write_bytes(b"")
    for folder in (music, music / "open"):
        folder.chmod(0o777)
    (music / "locked").chmod(0o000)
    report = _scan_without_privileges(music, shared_tmp / "lib.sqlite3")
    assert report["problems"] == [[str(music / "locked"), "folder skipped: permission denied"]]
    assert report["unreadable"] == [[str(music / "open" / "empty.mp3"), "empty file (0 bytes)"]]


def _scan_without_privileges(music: Path, db_path: Path) -> dict[str, list[list[str]]]:
    """Scan as the current user, or (root ignores permissions) in a child that drops to nobody."""
    if os.geteuid() != 0:
        report = Scanner(db_path, workers=1).scan([str(music)])
        return json.loads(
            json.dumps({"problems": report.problems, "unreadable": report.unreadable})
        )
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: become nobody, scan in-process, send the report back
        code = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            report = Scanner(db_path, workers=1).scan([str(music)])
            payload = {"problems": report.problems, "unreadable": report.unreadable}
            os.write(write_end, json.dumps(payload).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged scan failed"
    return json.loads(data)
