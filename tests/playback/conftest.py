"""Fixtures of the playback tests."""

from __future__ import annotations

import pytest

from tests.helpers.playback import ENGINES


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """A test asking for it runs on both libVLC backends: two players, and one stream."""
    return str(request.param)
