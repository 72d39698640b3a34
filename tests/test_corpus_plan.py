"""The corpus planner: prefix-stable, seeded, realistic, and safe in file names."""

from __future__ import annotations

import pytest

from scripts.corpus_plan import plan_tracks, safe_name
from scripts.corpus_words import COMPILATION_ARTIST, COMPILATION_MBID


def test_plan_is_prefix_stable_and_seed_dependent() -> None:
    assert list(plan_tracks(50, seed=11)) == list(plan_tracks(400, seed=11))[:50]
    assert list(plan_tracks(50, seed=11)) != list(plan_tracks(50, seed=12))


def test_a_larger_plan_has_realistic_rare_cases_and_safe_unique_paths() -> None:
    tracks = list(plan_tracks(3000, seed=5))
    compilations = [t for t in tracks if t.albumartist == COMPILATION_ARTIST]
    assert compilations
    assert {t.mb_albumartistid for t in compilations if t.mb_albumid} == {COMPILATION_MBID}
    assert any(t.path.split("/")[2][:2] == "2-" for t in tracks)  # D-NN on multi-disc albums
    assert any("Björk" in t.artists or "坂本龍一" in t.artists for t in tracks)
    assert any(t.date.count("-") == 1 for t in tracks)
    folded = {t.path.casefold() for t in tracks}
    assert len(folded) == len(tracks)  # unique even on case-insensitive file systems
    for t in tracks:
        parts = t.path.split("/")
        assert len(parts) == 3
        for part in parts:
            assert part == safe_name(part) or part.endswith(f".{t.format}"), t.path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AC/DC", "AC_DC"),
        ('What? <Live> "1997": a|b*c\\d', "What_ _Live_ _1997__ a_b_c_d"),
        ("...And Justice for All", "And Justice for All"),
        ("Trailing dots. . ", "Trailing dots"),
        ("CON", "_CON"),
        ("aux.live", "_aux.live"),
        ("???", "___"),
        ("...", "_"),
        ("Sigur Rós", "Sigur Rós"),
        ("tab\there", "tab_here"),
    ],
)
def test_safe_name(text: str, expected: str) -> None:
    assert safe_name(text) == expected


def test_safe_name_limits_length() -> None:
    assert safe_name("坂" * 200) == "坂" * 80
