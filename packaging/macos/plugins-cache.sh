#!/usr/bin/env bash
# Writes libVLC's plugins.dat inside "rVibe Player.app", with the bundled libVLC itself.
#
#   packaging/macos/plugins-cache.sh [APP]
#
# libVLC trusts a cache entry only while its plugin's size and time are unchanged, so this
# runs after the last change to any plugin: after PyInstaller (build-app.sh) and again after
# codesign (sign.sh), before the bundle's own signature seals the file. VLC.app has no
# vlc-cache-gen; '--reset-plugins-cache' makes libVLC write the cache itself.
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
APP="${1:-$APP}"
VLC_DIR="$APP/Contents/Frameworks/vlc"

rm -f "$VLC_DIR/plugins/plugins.dat"
"$PYTHON" - "$VLC_DIR" <<'PY'
import ctypes
import os
import sys

base = sys.argv[1]
ctypes.CDLL(os.path.join(base, "libvlccore.dylib"), mode=ctypes.RTLD_GLOBAL)
plugins = os.path.join(base, "plugins")
os.environ.update(PYTHON_VLC_LIB_PATH=os.path.join(base, "libvlc.dylib"),
                  PYTHON_VLC_MODULE_PATH=plugins, VLC_PLUGIN_PATH=plugins)
import vlc  # noqa: E402

if vlc.Instance(["--reset-plugins-cache", "--no-video"]) is None:
    sys.exit("libVLC did not start from " + base)
PY
test -s "$VLC_DIR/plugins/plugins.dat"
echo "wrote $VLC_DIR/plugins/plugins.dat"
