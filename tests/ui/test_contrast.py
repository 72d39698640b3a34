"""Both themes meet WCAG 2.1 AA: 4.5:1 for text, 3:1 for control boundaries and focus.

Every colour of the UI lives in ``ui/shell/theme.py`` (the last test keeps it so), and every
pair of text on background drawn with them is checked here, in light and in dark.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from rvibe_player.ui.shell import theme

Role = QPalette.ColorRole
TEXT, BOUNDARY = 4.5, 3.0
UI = Path(theme.__file__).resolve().parents[1]


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(one: QColor, other: QColor) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_wcag_reference_values() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast(QColor("#e4572e"), QColor("#ffffff")) < TEXT  # why ACCENT is not BRAND


def pairs(dark: bool) -> list[tuple[str, QColor, QColor, float]]:
    """(what, foreground, background, the least ratio AA allows) of one theme."""
    palette = theme.palette(dark)
    colours = theme.colours(dark)

    def role(name: Role) -> QColor:
        return palette.color(name)

    found = [
        (f"{fg.name} on {bg.name}", role(fg), role(bg), TEXT)
        for fg, bg in [
            (Role.Text, Role.Base),
            (Role.Text, Role.AlternateBase),
            (Role.WindowText, Role.Window),
            (Role.ButtonText, Role.Button),
            (Role.ToolTipText, Role.ToolTipBase),
            (Role.PlaceholderText, Role.Base),
            (Role.PlaceholderText, Role.AlternateBase),
            (Role.PlaceholderText, Role.Window),
            (Role.HighlightedText, Role.Highlight),
            (Role.Link, Role.Base),
            (Role.Link, Role.Window),
        ]
    ]
    found += [
        ("their message", role(Role.Text), theme.their_fill(palette), TEXT),
        ("my message", theme.ON_ACCENT, theme.ACCENT, TEXT),
        ("my message on its way", theme.ON_ACCENT, colours.pending_fill, TEXT),
        ("my message not sent", theme.ON_ACCENT, colours.failed_fill, TEXT),
        ("tray dot", theme.ON_ACCENT, theme.TRAY_DOT, TEXT),
        ("error on a view", colours.error, role(Role.Base), TEXT),
        ("error on the window", colours.error, role(Role.Window), TEXT),
        ("banner", *colours.banner, TEXT),
        ("warning", *colours.warning, TEXT),
        ("focus and selection edge", role(Role.Highlight), role(Role.Window), BOUNDARY),
        ("focus and selection edge on a view", role(Role.Highlight), role(Role.Base), BOUNDARY),
        ("check box frame", theme.CHECK_OUTLINE, role(Role.Base), BOUNDARY),
    ]
    for need, colour in colours.need.items():
        found.append((f"inbox '{need}'", colour, role(Role.Base), TEXT))
        found.append((f"inbox '{need}', alternate row", colour, role(Role.AlternateBase), TEXT))
    return found


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_and_boundary_pair_meets_aa(dark: bool) -> None:
    failing = [
        f"{what}: {fg.name()} on {bg.name()} is {contrast(fg, bg):.2f}:1, needs {least}:1"
        for what, fg, bg, least in pairs(dark)
        if contrast(fg, bg) < least
    ]
    assert not failing, "\n".join(failing)


def test_every_avatar_colour_carries_a_white_initial() -> None:
    worst = min((contrast(theme.ON_ACCENT, theme.avatar_fill(chr(hue))), hue) for hue in range(360))
    assert worst[0] >= TEXT, worst


def test_no_colour_is_chosen_outside_the_theme() -> None:
    """A literal colour elsewhere in ui/ would escape the checks above."""
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*[\"']|\bcolor:\s*(white|black)\b")
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert not found, "\n".join(found)
