"""Which shared library files this process has loaded, as the operating system sees them.

The self-test uses it to say which libVLC (and which plugins) the player really runs on: the
bundled one or a copy the system also has. Read from ``/proc/self/maps`` on Linux, from
dyld's image list on macOS and from the process's module list on Windows.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable
from pathlib import Path


def loaded_files(platform: str = sys.platform) -> list[str]:
    """Every shared library file mapped into this process, in load order, without repeats."""
    if platform.startswith("win"):
        return _windows_modules()
    if platform == "darwin":
        return _dyld_images()
    return _unique(_mapped_paths(Path("/proc/self/maps")))


def matching(names: Iterable[str], files: Iterable[str]) -> list[str]:
    """Those of ``files`` whose file name starts with one of ``names`` (``libvlc.``...)."""
    prefixes = tuple(names)
    return [f for f in files if os.path.basename(f).startswith(prefixes)]


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` lies in ``folder`` (after resolving links on both)."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def _unique(paths: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(paths))


def _mapped_paths(maps: Path) -> list[str]:
    """File paths of the executable mappings in a ``/proc/PID/maps`` file."""
    found = []
    try:
        text = maps.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    for line in text.splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and "x" in fields[1] and fields[5].startswith("/"):
            found.append(fields[5].removesuffix(" (deleted)"))
    return found


def _dyld_images() -> list[str]:
    libc = ctypes.CDLL(None)
    libc._dyld_image_count.restype = ctypes.c_uint32
    libc._dyld_get_image_name.restype = ctypes.c_char_p
    libc._dyld_get_image_name.argtypes = [ctypes.c_uint32]
    names = (libc._dyld_get_image_name(i) for i in range(libc._dyld_image_count()))
    return _unique(os.fsdecode(name) for name in names if name)


def _windows_modules() -> list[str]:
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    process = kernel32.GetCurrentProcess()
    count = 1024
    while True:
        modules = (wintypes.HMODULE * count)()
        needed = wintypes.DWORD()
        if not kernel32.K32EnumProcessModules(
            process, modules, ctypes.sizeof(modules), ctypes.byref(needed)
        ):
            return []
        if needed.value <= ctypes.sizeof(modules):
            break
        count = needed.value // ctypes.sizeof(wintypes.HMODULE) + 16
    buffer = ctypes.create_unicode_buffer(32768)
    files = []
    for module in modules[: needed.value // ctypes.sizeof(wintypes.HMODULE)]:
        if kernel32.GetModuleFileNameW(wintypes.HMODULE(module), buffer, len(buffer)):
            files.append(buffer.value)
    return _unique(files)
