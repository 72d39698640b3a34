"""Runtime hook (Windows): give the process the player's own AppUserModelID.

Windows groups taskbar buttons, and titles the media overlay of the System Media Transport
Controls, by this id; without it the player shows up as "Python". The installer gives the
Start-menu shortcut the same id (see windows/rvibe-player.nsi).
"""

import contextlib
import ctypes
import sys

APP_USER_MODEL_ID = "example.rvibe.Player"
"""appinfo.BUNDLE_ID; spelled out because a runtime hook runs before the app's modules load."""

if sys.platform == "win32":
    # Older Windows lack it: the taskbar then falls back to the executable's name.
    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
