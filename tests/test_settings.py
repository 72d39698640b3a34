"""The settings file: written atomically, and a damaged one kept aside, not overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rvibe_player import settings as keys
from rvibe_player.settings import Settings


def test_a_setting_survives_a_new_instance_and_a_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    Settings(path).set(keys.THEME, "dark")
    assert Settings(path).get(keys.THEME) == "dark"
    before = path.read_bytes()

    def broken_sync(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_sync)
    with pytest.raises(OSError):
        Settings(path).set(keys.THEME, "light")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.glob("*settings*")] == ["settings.json"]


@pytest.mark.parametrize("content", [b"", b'{"theme": "da', b"[1, 2]", b"\xff\xfe{"])
def test_a_damaged_file_is_kept_aside_and_defaults_used(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings(path)
    assert settings.get(keys.THEME) == keys.THEME.default
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.damaged-")]
    assert kept.read_bytes() == content
    settings.set(keys.THEME, "dark")  # the next save does not touch what was kept
    assert kept.read_bytes() == content
    assert Settings(path).get(keys.THEME) == "dark"
