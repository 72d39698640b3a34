#!/usr/bin/env bash
# Builds the Linux player into dist/: the one-folder app, a .tar.gz of it, and a .deb.
#
#   packaging/linux-build.sh            (make package runs it; PYTHON picks the interpreter)
#
# Needs the '.[package]' extra (PyInstaller), libVLC with its plugins (Debian: libvlc5
# libvlc-bin vlc-plugin-base), binutils, patchelf and dpkg-dev. The built app proves itself
# (--self-test) before anything is packed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-.venv/bin/python}"
APP_ID="$("$PYTHON" -c 'from rvibe_player import appinfo; print(appinfo.APP_ID)')"
VERSION="$("$PYTHON" -c 'from rvibe_player import appinfo; print(appinfo.VERSION)')"
ARCH="$(uname -m)"
APP="dist/$APP_ID"
INTERNAL="$APP/_internal"

echo "== icons"
"$PYTHON" packaging/make_icons.py build/icons

echo "== one-folder app ($APP)"
rm -rf "$APP" build/pyinstaller
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/rvibe-player.spec

echo "== library search paths and modes"
# RUNPATHs of the build machine (pyenv's lib folder, /usr/lib/.../vlc) must not follow the
# bundle: a VLC plugin finds its helper two folders up, everything else needs none.
# shellcheck disable=SC2016  # $ORIGIN is for the dynamic linker, not the shell
while IFS= read -r -d '' lib; do
  runpath="$(patchelf --print-rpath "$lib" 2>/dev/null || true)"
  case "$runpath" in
    "" | '$ORIGIN'*) ;;
    */vlc) patchelf --set-rpath '$ORIGIN/../..' "$lib" ;;
    *) patchelf --remove-rpath "$lib" ;;
  esac
done < <(find "$INTERNAL" -name '*.so*' -type f -print0)
find "$INTERNAL" -type f -exec chmod 0644 {} +
find "$APP" -type d -exec chmod 0755 {} +
chmod 0755 "$APP/$APP_ID"

echo "== libVLC plugins cache"
# Written now, after the last change to any plugin: libVLC trusts an entry only while the
# plugin's size and time are unchanged, and tar and dpkg keep both.
CACHE_GEN="$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging/pyinstaller")
import vlc_payload; print(vlc_payload.locate().cache_gen or "")')"
if [ -z "$CACHE_GEN" ]; then
  echo "vlc-cache-gen is missing (Debian: apt install libvlc-bin)" >&2
  exit 1
fi
LD_LIBRARY_PATH="$INTERNAL/vlc:$INTERNAL" "$CACHE_GEN" "$INTERNAL/vlc/plugins"
test -s "$INTERNAL/vlc/plugins/plugins.dat"

echo "== self-test of the built app"
LD_LIBRARY_PATH="" "$APP/$APP_ID" --self-test

echo "== tarball"
TARBALL="dist/$APP_ID-$VERSION-linux-$ARCH.tar.gz"
tar -C dist --owner=0 --group=0 --numeric-owner -czf "$TARBALL" "$APP_ID"
echo "$TARBALL"

echo "== .deb"
"$PYTHON" packaging/linux/make_deb.py "$APP" build/icons dist
