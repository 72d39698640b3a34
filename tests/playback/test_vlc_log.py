"""Words for why a file cannot play, from libVLC's log and from the file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from rvibe_player.playback.vlc_log import failure_reason, file_problem


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        (["Codec `MIDI' (MIDI Audio) is not supported."], "no decoder for its audio (MIDI Audio)"),
        (["could not identify codec", "Unidentified codec"], "does not recognise the codec"),
        (["no suitable demux module for `file/://x'"], "not one libVLC can read"),
        (["VLC is unable to open the MRL 'file:///x'"], "cannot open it"),
        (["something odd happened"], "could not play it (something odd happened)"),
        ([], "libVLC could not play it"),
    ],
)
def test_failure_reasons(messages: list[str], expected: str) -> None:
    assert expected in failure_reason(messages)


def test_file_problems(tmp_path: Path) -> None:
    assert "does not exist" in (file_problem(str(tmp_path / "gone.flac")) or "")
    empty = tmp_path / "empty.flac"
    empty.write_bytes(b"")
    assert file_problem(str(empty)) == "the file is empty"
    fine = tmp_path / "fine.flac"
    fine.write_bytes(b"fLaC")
    assert file_problem(str(fine)) is None
