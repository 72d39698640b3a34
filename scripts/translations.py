"""The interface's translations: refresh the template from the code, compile the .qm files.

    python scripts/translations.py update    # resources/i18n/*.ts from every tr() in rvibe_player
    python scripts/translations.py compile   # resources/i18n/rvibe_player_LANG.qm (not committed)

``update`` runs PySide6's ``lupdate`` over the package: ``rvibe_player.ts`` is the template
(source strings only, English) and each ``rvibe_player_LANG.ts`` a translation, kept in step
with the code (strings gone from the code are dropped; no line numbers, so moving code does not
change the files). ``compile`` runs ``lrelease`` on each translation; ``make translations``
runs both, and the installer build compiles before bundling.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
TEMPLATE = I18N / "rvibe_player.ts"


def tool(name: str) -> str:
    """PySide6's ``lupdate`` or ``lrelease`` next to this Python, else on the PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return [str(p) for p in sorted((REPO / "rvibe_player").rglob("*.py"))]


def translations() -> list[Path]:
    return sorted(I18N.glob("rvibe_player_*.ts"))


def update(targets: list[Path] | None = None) -> None:
    """Bring the template (or ``targets``) and every translation in step with the code."""
    files = targets or [TEMPLATE, *translations()]
    subprocess.run(
        [tool("lupdate"), *sources(), "-ts", *map(str, files),
         "-no-obsolete", "-locations", "none", "-source-language", "en", "-silent"],
        check=True,
    )  # fmt: skip


def compile_all(out: Path = I18N) -> list[Path]:
    """Each translation as a .qm file in ``out``; returns them."""
    made = []
    for ts in translations():
        qm = out / f"{ts.stem}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        update()
    elif argv[1:] == ["compile"]:
        compile_all()
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
