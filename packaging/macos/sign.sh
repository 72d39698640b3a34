#!/usr/bin/env bash
# Signs "rVibe Player.app" for the hardened runtime, every Mach-O file inside-out.
#
#   MACOS_SIGNING_IDENTITY="Developer ID Application: ..." packaging/macos/sign.sh
#
# Optional: MACOS_CERTIFICATE_P12 (base64 of a .p12) and MACOS_CERTIFICATE_PASSWORD import
# the identity into a temporary keychain first (CI). Without MACOS_SIGNING_IDENTITY this
# says so and does nothing: the app stays ad-hoc signed by PyInstaller and runs locally.
#
# Why inside-out: 'codesign --deep' signs nested code, but not with the hardened runtime
# and entitlements of the outer bundle, and it misses VLC's plugins (dylibs in a plain
# folder); notarisation then rejects the app. So each library, plugin and executable is
# signed first, deepest first, and the bundle last.
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
APP="${1:-$APP}"
ENTITLEMENTS="packaging/macos/entitlements.plist"

if [ -z "${MACOS_SIGNING_IDENTITY:-}" ]; then
  echo "MACOS_SIGNING_IDENTITY is not set: $APP is left unsigned (ad-hoc)."
  exit 0
fi

if [ -n "${MACOS_CERTIFICATE_P12:-}" ]; then
  KEYCHAIN="$RUNNER_TEMP/signing.keychain-db"
  KEYCHAIN_PASSWORD="$(openssl rand -base64 24)"
  echo "$MACOS_CERTIFICATE_P12" | base64 --decode > "$RUNNER_TEMP/certificate.p12"
  security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security import "$RUNNER_TEMP/certificate.p12" -k "$KEYCHAIN" \
    -P "${MACOS_CERTIFICATE_PASSWORD:-}" -T /usr/bin/codesign
  security set-key-partition-list -S apple-tool:,apple: -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security list-keychains -d user -s "$KEYCHAIN" login.keychain-db
  rm -f "$RUNNER_TEMP/certificate.p12"
fi

sign() {
  codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
    --sign "$MACOS_SIGNING_IDENTITY" "$1"
}

echo "== signing every Mach-O file in $APP, deepest first"
count=0
while IFS= read -r file; do
  if file -b "$file" | grep -q "Mach-O"; then
    sign "$file"
    count=$((count + 1))
  fi
done < <(find "$APP/Contents" -type f -print | awk -F/ '{ print NF "\t" $0 }' \
  | sort -rn | cut -f2-)
echo "$count files signed"

echo "== libVLC plugins cache, for the signed plugins"
packaging/macos/plugins-cache.sh "$APP"

echo "== signing the bundle (it seals plugins.dat)"
sign "$APP"
codesign --verify --strict --deep --verbose=2 "$APP"
