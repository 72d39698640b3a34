# Sourced by the macOS scripts: the repository as working folder, and names from appinfo.py.
# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PYTHON="${PYTHON:-.venv/bin/python}"
appinfo() { "$PYTHON" -c "from rvibe_player import appinfo; print(appinfo.$1)"; }
APP_NAME="$(appinfo APP_NAME)"
APP_ID="$(appinfo APP_ID)"
VERSION="$(appinfo VERSION)"
MINIMUM="$(appinfo MACOS_MINIMUM)"
APP="dist/$APP_NAME.app"
