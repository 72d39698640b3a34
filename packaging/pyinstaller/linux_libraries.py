"""Linux: which shared libraries the bundle carries and which it leaves to the system.

PyInstaller collects every library the bundled binaries need, down to the last one. Some of
those belong to the running system instead (its sound server, TLS, desktop session, FFmpeg):
the .deb names their packages in ``Depends`` (worked out by dpkg-shlibdeps) and the tarball's
README lists them. :func:`prune` drops those from the collection, and with them every library
that was only there because one of them needed it (Debian's FFmpeg links every video codec).

Plain Python with no PyInstaller import; reads ELF dependencies with binutils' ``objdump``.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

SYSTEM_LIBRARIES = (
    # FFmpeg: large, and Debian's links every video codec; VLC's avcodec/avformat plugins load
    # where the system has it, and VLC's own demuxers and decoders serve where it does not
    r"libav(codec|format|util|filter|device)\.so\..*", r"libsw(resample|scale)\.so\..*",
    r"libpostproc\.so\..*",
    # the sound servers and TLS: they must match the running system and get its updates
    r"libpulse.*\.so\..*", r"libasound\.so\..*", r"libjack\.so\..*", r"libpipewire.*\.so\..*",
    r"libgnutls\.so\..*", r"libnettle\.so\..*", r"libhogweed\.so\..*", r"libp11-kit\.so\..*",
    r"libssl\.so\..*", r"libcrypto\.so\..*", r"libgcrypt\.so\..*", r"libgpg-error\.so\..*",
    # the desktop session: D-Bus, GLib, GTK (Qt's native dialogs), fonts, X11 and Wayland
    r"libdbus-1\.so\..*", r"libsystemd\.so\..*", r"lib(glib|gobject|gio|gmodule)-2\.0\.so\..*",
    r"lib(gtk|gdk)-3\.so\..*", r"libgdk_pixbuf-2\.0\.so\..*", r"libpango.*\.so\..*",
    r"libcairo.*\.so\..*", r"libatk.*\.so\..*", r"libfontconfig\.so\..*",
    r"libfreetype\.so\..*", r"libX.*\.so\..*", r"libxkbcommon.*\.so\..*",
    r"libxcb-.*\.so\..*", r"libwayland-.*\.so\..*",
    # the C++ runtime and zlib: a bundled older copy breaks the system's graphics drivers
    r"libstdc\+\+\.so\..*", r"libgcc_s\.so\..*", r"libz\.so\..*",
)  # fmt: skip
"""Libraries left to the system (matched against the file name)."""

RUNTIME_LOADED = ("libdbus-1-3",)
"""Debian packages of libraries Qt opens at run time (dpkg-shlibdeps cannot see them)."""

_SYSTEM = re.compile("|".join(f"(?:{pattern})" for pattern in SYSTEM_LIBRARIES))

Entry = tuple[str, str, str]
"""A PyInstaller TOC entry: (destination in the bundle, source, type code)."""


def left_to_system(name: str) -> bool:
    """Whether the bundle leaves the library file ``name`` to the system."""
    return _SYSTEM.fullmatch(PurePosixPath(name).name) is not None


def needed(path: str) -> list[str]:
    """The sonames an ELF file asks for (its ``NEEDED`` entries)."""
    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    fields = (line.split() for line in result.stdout.splitlines())
    return [f[1] for f in fields if len(f) == 2 and f[0] == "NEEDED"]


DEPENDENCY_FOLDERS = ("", "PySide6/Qt/lib")
"""Where PyInstaller puts libraries it collected because something else needs them."""


def prune(entries: Sequence[Entry], needs: Callable[[str], list[str]] = needed) -> list[Entry]:
    """``entries`` without the libraries left to the system and those only they needed.

    What PyInstaller placed elsewhere than the dependency folders (Python's extension
    modules, Qt's plugins, libVLC and its plugins) was collected on purpose and is kept, as
    is the Python library; so is every library they need through bundled libraries only.
    A library in a dependency folder that nothing kept needs any more goes.
    """
    by_soname: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry[2] == "BINARY" and _is_dependency(entry):
            by_soname.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    for entry in entries:  # a library also collected on purpose (libvlccore) needs no copy
        if entry[2] == "BINARY" and not _is_dependency(entry):
            by_soname[PurePosixPath(entry[0]).name] = []
    reached: set[str] = set()
    queue = [e for e in entries if e[2] in ("BINARY", "EXTENSION") and not _is_dependency(e)]
    while queue:
        dest, src, _kind = queue.pop()
        if dest in reached or left_to_system(dest):
            continue
        reached.add(dest)
        for soname in needs(src):
            if not left_to_system(soname):
                queue.extend(by_soname.get(soname, []))
    return [e for e in entries if e[2] != "BINARY" or e[0] in reached]


def _is_dependency(entry: Entry) -> bool:
    """In a dependency folder, and not the Python library (the bootloader opens that)."""
    path = PurePosixPath(entry[0])
    return str(path.parent).lstrip(".") in DEPENDENCY_FOLDERS and not path.name.startswith(
        "libpython"
    )


def without_dangling_links(datas: Sequence[Entry], binaries: Sequence[Entry]) -> list[Entry]:
    """``datas`` without the SYMLINK entries (PyInstaller's aliases of a library in another
    folder) whose library :func:`prune` removed."""
    present = {entry[0] for entry in binaries}
    return [
        entry
        for entry in datas
        if entry[2] != "SYMLINK" or str(PurePosixPath(entry[0]).parent / entry[1]) in present
    ]


def dropped(before: Iterable[Entry], after: Iterable[Entry]) -> list[str]:
    """The destinations :func:`prune` removed (for the build log)."""
    kept = {e[0] for e in after}
    return sorted(e[0] for e in before if e[0] not in kept)
