"""The application starts in the player's style, unless the command line names another."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import sys
from rvibe_player.ui.shell.application import create_application
app = create_application(sys.argv[1:])
print(app.style().name())
"""


def style_of(*argv: str) -> str:
    # Qt's own default here is Fusion too: an override in the environment shows who set it.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def test_a_new_application_uses_fusion() -> None:
    assert style_of("rvibe-player") == "fusion"
    assert style_of() == "fusion"


def test_a_style_on_the_command_line_wins() -> None:
    assert style_of("rvibe-player", "-style", "Windows") == "windows"
    assert style_of("rvibe-player", "-style=windows") == "windows"


def test_an_existing_application_is_given_fusion(qapp) -> None:  # type: ignore[no-untyped-def]
    from rvibe_player.ui.shell.application import create_application

    qapp.setStyle("windows")
    assert create_application(["rvibe-player"]).style().name() == "fusion"
