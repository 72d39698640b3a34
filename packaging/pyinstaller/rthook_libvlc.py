"""Runtime hook (every OS): point python-vlc and libVLC at the libVLC inside the bundle.

Runs before the app imports ``vlc``. It loads the bundled libraries itself first, so that
(1) libvlc's own dependency on libvlccore (and the plugins' on helpers such as
libvlc_pulse) is met by the bundled copies, never by a libVLC the system also has, and (2) a
missing or broken bundled libVLC is found out here: python-vlc would ``sys.exit`` when
``PYTHON_VLC_LIB_PATH`` points at a file that does not load. In that case nothing is pointed
anywhere, the reason is left in ``RVIBE_BUNDLED_VLC_PROBLEM``, and the player looks for a
system libVLC and, failing that, opens its window without sound and says why.
"""

import ctypes
import os
import sys

_NAMES = {
    "win32": ("libvlc.dll", ("libvlccore.dll",)),
    "darwin": ("libvlc.dylib", ("libvlccore.dylib",)),
}
_LINUX = ("libvlc.so.5", ("libvlccore.so.9", "libvlc_pulse.so.0"))


def _drop_dangling() -> None:
    """Forget inherited python-vlc settings that point nowhere (python-vlc would exit)."""
    lib = os.environ.get("PYTHON_VLC_LIB_PATH")
    if lib is not None and not os.path.isfile(lib):
        del os.environ["PYTHON_VLC_LIB_PATH"]
    modules = os.environ.get("PYTHON_VLC_MODULE_PATH")
    if modules is not None and not os.path.isdir(modules):
        del os.environ["PYTHON_VLC_MODULE_PATH"]


def _use_bundled_vlc() -> None:
    base = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "vlc")
    libvlc_name, helper_names = _NAMES.get(sys.platform, _LINUX)
    libvlc = os.path.join(base, libvlc_name)
    plugins = os.path.join(base, "plugins")
    if not os.path.isfile(libvlc) or not os.path.isdir(plugins):
        os.environ["RVIBE_BUNDLED_VLC_PROBLEM"] = f"the bundled libVLC is missing ({libvlc})"
        return
    mode = getattr(ctypes, "RTLD_GLOBAL", 0)
    try:
        if sys.platform == "win32":
            os.add_dll_directory(base)
        for name in helper_names:
            helper = os.path.join(base, name)
            if os.path.isfile(helper):
                ctypes.CDLL(helper, mode=mode)
        ctypes.CDLL(libvlc, mode=mode)
    except OSError as exc:
        os.environ["RVIBE_BUNDLED_VLC_PROBLEM"] = f"the bundled libVLC does not load ({exc})"
        return
    os.environ["PYTHON_VLC_LIB_PATH"] = libvlc
    os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
    os.environ["VLC_PLUGIN_PATH"] = plugins


_drop_dangling()
_use_bundled_vlc()
