#!/usr/bin/env bash
# Packs "rVibe Player.app" into a compressed .dmg with an /Applications link to drag it to.
#
#   packaging/macos/make-dmg.sh          (after build-app.sh and sign.sh)
#
# Signs the .dmg too when MACOS_SIGNING_IDENTITY is set (notarize.sh then takes the .dmg).
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
DMG="dist/$APP_ID-$VERSION-macos.dmg"
STAGING="build/dmg"

rm -rf "$STAGING" "$DMG"
mkdir -p "$STAGING"
ditto "$APP" "$STAGING/$APP_NAME.app"
ln -s /Applications "$STAGING/Applications"

# hdiutil sometimes fails with "Resource busy" on CI runners: try a few times.
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$STAGING" -ov \
    -format UDZO -fs HFS+ "$DMG"; then
    break
  fi
  if [ "$attempt" = 5 ]; then
    echo "hdiutil failed five times" >&2
    exit 1
  fi
  sleep 5
done

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$DMG"
fi
echo "$DMG"
