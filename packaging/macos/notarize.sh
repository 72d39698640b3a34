#!/usr/bin/env bash
# Sends a signed .dmg (or .app) to Apple's notary service, waits, and staples the ticket.
#
#   MACOS_NOTARY_APPLE_ID=... MACOS_NOTARY_TEAM_ID=... MACOS_NOTARY_PASSWORD=... \
#     packaging/macos/notarize.sh dist/rvibe-player-VERSION-macos.dmg
#
# MACOS_NOTARY_PASSWORD is an app-specific password. Without these variables this says so
# and does nothing.
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"

TARGET="${1:?give the .dmg (or .app) to notarise}"
if [ -z "${MACOS_NOTARY_APPLE_ID:-}" ] || [ -z "${MACOS_NOTARY_TEAM_ID:-}" ] \
  || [ -z "${MACOS_NOTARY_PASSWORD:-}" ]; then
  echo "MACOS_NOTARY_* are not set: $TARGET is not notarised."
  exit 0
fi

SUBMISSION="$TARGET"
if [ -d "$TARGET" ]; then  # an .app goes as a zip
  SUBMISSION="${TARGET%.app}.zip"
  ditto -c -k --keepParent "$TARGET" "$SUBMISSION"
fi
xcrun notarytool submit "$SUBMISSION" --wait \
  --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
  --password "$MACOS_NOTARY_PASSWORD"
xcrun stapler staple "$TARGET"
xcrun stapler validate "$TARGET"
