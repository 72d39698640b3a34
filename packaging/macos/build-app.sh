#!/usr/bin/env bash
# Builds the macOS app: icons, "rVibe Player.app" (PyInstaller), and its self-test.
#
#   packaging/macos/build-app.sh        (then sign.sh, make-dmg.sh, notarize.sh)
#
# Needs Python with the '.[package]' extra and VLC 3 in /Applications (brew install --cask
# vlc), or RVIBE_VLC_DIR pointing at a VLC.app's Contents/MacOS.
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"

echo "== icons"
"$PYTHON" packaging/make_icons.py build/icons

echo "== $APP"
rm -rf "$APP" "dist/$APP_ID" build/pyinstaller
MACOSX_DEPLOYMENT_TARGET="$MINIMUM" "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/rvibe-player.spec
test -f "$APP/Contents/Info.plist"
/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$APP/Contents/Info.plist"
/usr/libexec/PlistBuddy -c "Print :LSMinimumSystemVersion" "$APP/Contents/Info.plist"

echo "== libVLC plugins cache"
packaging/macos/plugins-cache.sh "$APP"

echo "== self-test of the built app"
"$APP/Contents/MacOS/$APP_ID" --self-test
