"""The Windows and macOS installer scripts, checked here although they build elsewhere: the
NSIS script compiles (Debian's makensis, a stand-in payload), the shell scripts pass
shellcheck, and the CI workflow is valid and runs those very scripts on every system."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from rvibe_player import appinfo
from tests.helpers.requirements import REPO, need_tools

PACKAGING = REPO / "packaging"
WORKFLOW = REPO / ".github" / "workflows" / "package.yml"


def test_the_nsis_script_compiles_against_a_stand_in_payload(tmp_path: Path) -> None:
    need_tools("makensis")
    payload = tmp_path / "payload"
    plugins = payload / "_internal" / "vlc" / "plugins" / "codec"
    plugins.mkdir(parents=True)
    for stand_in in (payload / f"{appinfo.APP_ID}.exe", payload / "_internal/vlc/libvlc.dll",
                     payload / "_internal/vlc/vlc-cache-gen.exe",
                     plugins / "libflac_plugin.dll"):  # fmt: skip
        stand_in.write_bytes(b"MZ stand-in")
    icons, build = tmp_path / "icons", tmp_path / "build"
    subprocess.run([sys.executable, str(PACKAGING / "make_icons.py"), str(icons)],
                   check=True, capture_output=True)  # fmt: skip
    installer = tmp_path / f"{appinfo.APP_ID}-{appinfo.VERSION}-windows-x64-setup.exe"
    subprocess.run([sys.executable, str(PACKAGING / "windows" / "appinfo_files.py"), str(payload),
                    str(build), "--installer", str(installer),
                    "--icon", str(icons / f"{appinfo.APP_ID}.ico")],
                   check=True, capture_output=True)  # fmt: skip
    result = subprocess.run(
        ["makensis", "-WX", "-V2", f"-DDEFINES={build / 'defines.nsh'}",
         str(PACKAGING / "windows" / "rvibe-player.nsi")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr  # -WX: a warning fails too
    assert installer.read_bytes()[:2] == b"MZ"
    version_info = (build / "version-info.txt").read_text()
    assert f"StringStruct('ProductVersion', '{appinfo.VERSION}')" in version_info


def test_the_nsis_script_does_what_the_issue_asks() -> None:
    script = (PACKAGING / "windows" / "rvibe-player.nsi").read_text()
    assert "MULTIUSER_PAGE_INSTALLMODE" in script  # per user or per machine
    assert "$SMPROGRAMS" in script and "WriteUninstaller" in script
    assert "vlc-cache-gen.exe" in script  # the plugin cache, written where it installs
    assert 'RMDir /r "$INSTDIR\\_internal"' in script  # an upgrade replaces older files


def test_shell_scripts_pass_shellcheck() -> None:
    need_tools("shellcheck")
    scripts = sorted(PACKAGING.rglob("*.sh"))
    expected = {"linux-build.sh", "build-app.sh", "sign.sh", "make-dmg.sh", "notarize.sh",
                "plugins-cache.sh"}  # fmt: skip
    assert {p.name for p in scripts} >= expected
    result = subprocess.run(["shellcheck", "-x", *map(str, scripts)], cwd=REPO,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_the_workflow_builds_and_self_tests_on_three_systems_with_our_scripts() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    jobs = workflow["jobs"]
    assert {job["runs-on"].split("-")[0] for job in jobs.values()} == {"ubuntu", "windows", "macos"}
    for name, job in jobs.items():
        runs = "\n".join(step.get("run", "") for step in job["steps"])
        uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-")]
        assert uploads, f"{name} uploads nothing"
        assert "--self-test" in runs or "make package" in runs, f"{name} does not self-test"
        for path in re.findall(r"(?:\./)?(packaging/[\w./-]+\.(?:sh|ps1|py))", runs):
            assert (REPO / path).is_file(), f"{name} runs {path}, which does not exist"
    assert "packaging/windows/build.ps1" in str(jobs["windows"])
    macos = str(jobs["macos"])
    for script in ("build-app.sh", "sign.sh", "make-dmg.sh", "notarize.sh"):
        assert f"packaging/macos/{script}" in macos
    makefile = (REPO / "Makefile").read_text()
    assert "packaging/linux-build.sh" in makefile.split("package: venv", 1)[1]
